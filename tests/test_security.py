"""Security headers, production settings, session timeouts, admin sign-in."""

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from core.sessions import SEEN_KEY, STARTED_KEY
from tests import factories

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parent.parent
PRODUCTION_ENV = {
    "DJANGO_DEBUG": "0",
    "DJANGO_SECRET_KEY": "x7!production-like-secret-for-tests-only-0a9s8d7f6g5h4j3k2l1",
    "DJANGO_ALLOWED_HOSTS": "training.example.org",
    "WAGTAILADMIN_BASE_URL": "https://training.example.org",
    "DJANGO_SETTINGS_MODULE": "config.settings",
}


def run_with_production_env(code: str) -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update(PRODUCTION_ENV)
    env.pop("DATABASE_URL", None)
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


def test_public_pages_send_a_strict_content_security_policy(client):
    response = client.get("/healthz")
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_check_deploy_is_clean_with_the_documented_production_environment():
    out = run_with_production_env(
        "import django, io; django.setup();"
        "from django.core.management import call_command;"
        "call_command('check', deploy=True, fail_level='WARNING');"
        "print('deploy-ok')"
    )
    assert "deploy-ok" in out


def test_production_sends_hsts_and_redirects_to_https():
    out = run_with_production_env(
        "import django, json; django.setup();"
        "from django.test import Client;"
        "c = Client(HTTP_HOST='training.example.org');"
        "plain = c.get('/healthz');"
        "secure = c.get('/healthz', secure=True);"
        "print(json.dumps({'plain': plain.status_code, 'location': plain.get('Location'),"
        "'hsts': secure.get('Strict-Transport-Security'),"
        "'proxied': c.get('/healthz', HTTP_X_FORWARDED_PROTO='https').status_code}))"
    )
    data = json.loads(out.strip().splitlines()[-1])
    assert data["plain"] == 301 and data["location"].startswith("https://")
    assert "max-age=31536000" in data["hsts"]
    assert data["proxied"] in (200, 503)  # trusted proxy header counts as HTTPS


def test_idle_session_is_signed_out(client):
    client.force_login(factories.trainee())
    session = client.session
    session[STARTED_KEY] = time.time() - 120
    session[SEEN_KEY] = time.time() - 2 * 3600
    session.save()
    response = client.get("/es/my-learning/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_session_older_than_absolute_lifetime_is_signed_out(client, settings):
    client.force_login(factories.trainee())
    session = client.session
    session[STARTED_KEY] = time.time() - settings.SESSION_COOKIE_AGE - 10
    session[SEEN_KEY] = time.time()
    session.save()
    assert client.get("/en/my-learning/").status_code == 302


def test_active_session_stays_signed_in(client):
    client.force_login(factories.trainee())
    assert client.get("/en/my-learning/").status_code == 200
    assert client.get("/en/my-learning/").status_code == 200


def test_admin_sign_in_goes_through_allauth(client):
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/")
    response = client.get("/admin/login/?next=/admin/pages/")
    assert response["Location"] == "/en/accounts/login/?next=%2Fadmin%2Fpages%2F"


def test_admin_login_redirect_refuses_foreign_next(client):
    response = client.get("/admin/login/?next=https://evil.example.com/")
    assert response["Location"] == "/en/accounts/login/?next=%2Fadmin%2F"


def test_staff_sign_in_lands_in_the_admin(client):
    factories.trainer("coach@example.org")
    response = client.post(
        "/en/accounts/login/", {"login": "coach@example.org", "password": factories.PASSWORD}
    )
    assert response.status_code == 302 and response["Location"] == "/admin/"


def test_database_outage_answers_503_with_retry_after(client, monkeypatch):
    from django.db import OperationalError

    from learning import my_learning

    def broken(*args, **kwargs):
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(my_learning, "my_learning_rows", broken)
    client.raise_request_exception = False
    client.force_login(factories.trainee())
    response = client.get("/es/my-learning/")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "No se ha perdido nada de lo que guardó" in response.content.decode()


def test_other_errors_stay_500(client, monkeypatch):
    from learning import my_learning

    def broken(*args, **kwargs):
        raise RuntimeError("bug")

    monkeypatch.setattr(my_learning, "my_learning_rows", broken)
    client.raise_request_exception = False
    client.force_login(factories.trainee())
    assert client.get("/en/my-learning/").status_code == 500
