"""The public base URL of QR codes and e-mail links is right, or `check --deploy` says so."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from core.checks import (
    LOOPBACK,
    NO_HOST,
    NOT_HTTPS,
    UNSET,
    base_url_problem,
    check_public_base_url,
)

ROOT = Path(__file__).resolve().parent.parent
SECRET = "x7!production-like-secret-for-tests-only-0a9s8d7f6g5h4j3k2l1"


def documented_production_env() -> dict[str, str]:
    """The variables docs/deploy.md lists for every production process."""
    text = (ROOT / "docs" / "deploy.md").read_text()
    block = re.search(r"Environment of every process.*?```sh\n(.*?)```", text, re.S).group(1)
    env = {}
    for line in block.splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            name, value = line.split("=", 1)
            env[name] = value
    env["DJANGO_SECRET_KEY"] = SECRET  # the docs say "..." (from the secret store)
    return env


def manage_check(**variables: str | None) -> subprocess.CompletedProcess:
    """`manage.py check --deploy --fail-level WARNING` in a clean, controlled environment."""
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": os.environ.get("HOME", "/")}
    env.update(documented_production_env())
    for name, value in variables.items():
        if value is None:
            env.pop(name, None)
        else:
            env[name] = value
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


# --- in a subprocess, as an operator runs it ----------------------------------


def test_documented_production_environment_passes_the_deploy_check():
    env = documented_production_env()
    assert env["WAGTAILADMIN_BASE_URL"].startswith("https://")
    result = manage_check()
    assert result.returncode == 0, result.stderr[-3000:]
    assert "config." not in result.stdout + result.stderr


def test_unset_base_url_fails_the_deploy_check_and_says_what_to_set():
    result = manage_check(WAGTAILADMIN_BASE_URL=None)
    assert result.returncode != 0
    assert "(config.E001) WAGTAILADMIN_BASE_URL is not set" in result.stderr
    assert "WAGTAILADMIN_BASE_URL=https://training.example.org" in result.stderr


def test_the_old_local_default_fails_the_deploy_check():
    result = manage_check(WAGTAILADMIN_BASE_URL="http://127.0.0.1:8000")
    assert result.returncode != 0
    assert "(config.E004) WAGTAILADMIN_BASE_URL (http://127.0.0.1:8000) points at this machine" in (
        result.stderr
    )


def test_plain_http_certificates_base_url_fails_the_deploy_check():
    result = manage_check(CERTIFICATES_BASE_URL="http://verify.example.org")
    assert result.returncode != 0
    assert "(config.E003) CERTIFICATES_BASE_URL (http://verify.example.org) is not an https://" in (
        result.stderr
    )


def test_make_serve_loopback_url_is_allowed_only_with_the_explicit_flag():
    serve = dict(WAGTAILADMIN_BASE_URL="http://127.0.0.1:8123", DJANGO_ALLOW_LOCAL_BASE_URL="1")
    result = manage_check(**serve)
    assert "config.E" not in result.stderr
    assert "(config.W001)" in result.stderr  # still said, as a warning


def test_make_serve_sets_the_flag_and_its_own_port():
    out = subprocess.run(
        ["make", "-n", "worker", "PORT=8123"], cwd=ROOT, capture_output=True, text=True
    ).stdout
    (line,) = [line for line in out.splitlines() if "db_worker" in line]
    assert "WAGTAILADMIN_BASE_URL=http://127.0.0.1:8123" in line
    assert "DJANGO_ALLOW_LOCAL_BASE_URL=1" in line


# --- make run: links open the running demo -----------------------------------


def test_make_run_gives_every_step_the_base_url_of_its_port():
    out = subprocess.run(
        ["make", "-n", "run", "PORT=8123"], cwd=ROOT, capture_output=True, text=True
    ).stdout
    steps = [
        line for line in out.splitlines() if "manage.py" in line and "compilemessages" not in line
    ]
    assert [step.split("manage.py ")[1].split()[0] for step in steps] == [
        "migrate",
        "seed_demo",
        "certificate_keys",
        "runserver",
    ]
    for step in steps:
        assert step.startswith("WAGTAILADMIN_BASE_URL=http://127.0.0.1:8123 "), step
    assert steps[-1].endswith("runserver 127.0.0.1:8123")


def test_certificate_qr_url_follows_the_base_url_from_the_environment():
    code = (
        "import django; django.setup();"
        "from certificates.models import Certificate;"
        "from certificates.queries import verification_url;"
        "print(verification_url(Certificate(code='7KQ4M2ZDX9PA3HRT'), 'en'))"
    )
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DJANGO_DEBUG": "1",
        "WAGTAILADMIN_BASE_URL": "http://127.0.0.1:8123",
    }
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip().startswith("http://127.0.0.1:8123/en/certificates/verify/7KQ4")


# --- the rule itself (pure) and the check in process --------------------------


@pytest.mark.parametrize(
    "url, problem",
    [
        ("", UNSET),
        ("   ", UNSET),
        ("training.example.org", NO_HOST),
        ("https://", NO_HOST),
        ("https://training.example.org:notaport", NO_HOST),
        ("http://training.example.org", NOT_HTTPS),
        ("ftp://training.example.org", NOT_HTTPS),
        ("http://127.0.0.1:8000", LOOPBACK),
        ("https://127.0.0.1", LOOPBACK),
        ("https://127.8.9.10", LOOPBACK),
        ("https://127.1", LOOPBACK),
        ("https://2130706433", LOOPBACK),
        ("https://localhost", LOOPBACK),
        ("https://LOCALHOST.:8443/", LOOPBACK),
        ("https://app.localhost", LOOPBACK),
        ("https://[::1]:8000", LOOPBACK),
        ("https://[::ffff:127.0.0.1]", LOOPBACK),
        ("https://0.0.0.0:8000", LOOPBACK),
        ("https://[::]", LOOPBACK),
        ("https://training.example.org", None),
        ("https://training.example.org/", None),
        ("https://203.0.113.7", None),
        ("https://localhost-training.example.org", None),
    ],
)
def test_base_url_problem(url, problem):
    assert base_url_problem(url) == problem


def test_local_flag_allows_loopback_only():
    assert base_url_problem("http://127.0.0.1:8123", allow_local=True) is None
    assert base_url_problem("http://localhost:8123", allow_local=True) is None
    assert base_url_problem("http://training.example.org", allow_local=True) == NOT_HTTPS
    assert base_url_problem("", allow_local=True) == UNSET


def test_check_is_silent_with_debug_on(settings):
    settings.DEBUG = True
    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8000"
    assert check_public_base_url(None) == []


def test_check_looks_at_the_certificates_base_url_only_when_set(settings):
    settings.DEBUG = False
    settings.WAGTAILADMIN_BASE_URL = "https://training.example.org"
    settings.CERTIFICATES_BASE_URL = ""
    assert check_public_base_url(None) == []
    settings.CERTIFICATES_BASE_URL = "https://localhost"
    (error,) = check_public_base_url(None)
    assert error.id == "config.E004"
    assert error.msg.startswith("CERTIFICATES_BASE_URL (https://localhost)")
    assert "CERTIFICATES_BASE_URL=https://training.example.org" in error.hint


def test_check_is_registered_for_deploy_only():
    from django.core import checks

    registered = checks.registry.registry.get_checks(include_deployment_checks=True)
    assert check_public_base_url in registered
    assert check_public_base_url not in checks.registry.registry.get_checks()
