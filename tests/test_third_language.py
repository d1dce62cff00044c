"""A third language is a settings change: tests/third_language/ under tests.settings_third_language.

modeltranslation adds a language's columns when Django starts, and the test
database of the main run is built by the migrations (English and Spanish), so
the third-language tests run in a pytest of their own, with a database built
from the models. On PostgreSQL it gets a database name of its own.
"""

import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

ROOT = Path(__file__).resolve().parent.parent
SETTINGS = "tests.settings_third_language"
SUFFIX = "_third_language"


def own_database_url(url: str) -> str:
    """``DATABASE_URL`` with ``_third_language`` after the database name (PostgreSQL only)."""
    parts = urlsplit(url)
    if not parts.scheme.startswith("postgres") or not parts.path.strip("/"):
        return url
    return urlunsplit(parts._replace(path=parts.path.rstrip("/") + SUFFIX))


@pytest.mark.database  # its own pytest, on the DATABASE_URL of this run
def test_a_third_language_in_the_settings_runs_every_path():
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST_XDIST")}
    env.pop("PYTEST_ADDOPTS", None)
    env["DJANGO_SETTINGS_MODULE"] = SETTINGS
    if os.environ.get("DATABASE_URL"):
        env["DATABASE_URL"] = own_database_url(os.environ["DATABASE_URL"])
    command = [
        sys.executable,
        "-m",
        "pytest",
        "-p",
        "no:cacheprovider",
        "-p",
        "no:randomly",
        "-n",
        "0",
        "--nomigrations",
        f"--ds={SETTINGS}",
        "tests/third_language",
        "-q",
    ]
    result = subprocess.run(
        command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300, check=False
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert " passed" in result.stdout and "error" not in result.stdout.splitlines()[-1], output
