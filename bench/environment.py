"""The production-like environment every benchmark process runs in."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
BENCH_DB = os.environ.get("BENCH_DATABASE_NAME", "bench")
#: The learner tables bulk loads fill (the data generator, an exam's preparation).
LEARNER_TABLES = (
    "accounts_user",
    "learning_enrollment",
    "learning_modulecompletion",
    "learning_attempt",
    "learning_answer",
)
PG_ADMIN_URL = os.environ.get("BENCH_PG_ADMIN_URL", "postgres://postgres@127.0.0.1:5432/postgres")


def database_url(name: str = BENCH_DB) -> str:
    """The URL of the bench database ``name`` (``BENCH_DATABASE_URL``'s server, if set)."""
    url = os.environ.get("BENCH_DATABASE_URL", f"postgres://postgres@127.0.0.1:5432/{BENCH_DB}")
    return url if name == BENCH_DB else url.rsplit("/", 1)[0] + "/" + name


def bench_env(**extra) -> dict:
    """Production settings on PostgreSQL and Redis, plus the bench-only baseline URL."""
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings",
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY="bench-only-secret-key-not-used-anywhere-else-0123456789",
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        DJANGO_SECURE_SSL_REDIRECT="0",
        DJANGO_BENCH="1",
        DATABASE_URL=database_url(),
        REDIS_URL=os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/15"),
        DJANGO_LOG_LEVEL="WARNING",
        # Loopback on purpose: the harness serves on this machine (docs/deploy.md).
        WAGTAILADMIN_BASE_URL="http://127.0.0.1:8000",
        DJANGO_ALLOW_LOCAL_BASE_URL="1",
        DJANGO_CERTIFICATE_KEYS_FILE=str(ROOT / "var" / "bench-certificate-keys.json"),
        PYTHONPATH=str(ROOT),
    )
    env.update(extra)
    return env


def manage(*args: str, env=None, quiet=True) -> None:
    """Runs a manage.py command in the bench environment."""
    subprocess.run(
        [PYTHON, str(ROOT / "manage.py"), *args],
        env=env or bench_env(),
        check=True,
        stdout=subprocess.DEVNULL if quiet else None,
        cwd=ROOT,
    )


def recreate_database(name: str = BENCH_DB) -> None:
    """Drops and creates a bench database (never the test or production one)."""
    import psycopg

    if not name.startswith(BENCH_DB):
        raise ValueError(f"not a bench database: {name}")
    with psycopg.connect(
        PG_ADMIN_URL.replace("postgres://", "postgresql://"), autocommit=True
    ) as c:
        c.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        c.execute(f'CREATE DATABASE "{name}"')


def setup_django() -> None:
    """Configures Django in this process with the bench environment."""
    os.environ.update(bench_env())
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def run_module(module: str, *args: str, env=None) -> str:
    """Runs ``python -m module args`` in the bench environment; returns its last line."""
    return (
        subprocess.run(
            [PYTHON, "-m", module, *args],
            env=env or bench_env(),
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        )
        .stdout.strip()
        .splitlines()[-1]
    )
