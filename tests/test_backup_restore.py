"""The documented backup and restore procedure, run for real on PostgreSQL."""

import os
import subprocess
from pathlib import Path

import psycopg
import pytest
from django.db import connection

from accounts.models import User
from learning.models import Enrollment
from tests import factories

ROOT = Path(__file__).resolve().parent.parent
pytestmark = [
    pytest.mark.postgres,  # pg_dump and pg_restore
    pytest.mark.django_db(transaction=True),
]


def pg_url(name: str) -> str:
    settings = connection.settings_dict
    host = settings["HOST"] or "127.0.0.1"
    port = settings["PORT"] or 5432
    user = settings["USER"] or "postgres"
    return f"postgresql://{user}@{host}:{port}/{name}"


def test_backup_then_restore_into_a_new_database_keeps_every_row(tmp_path):
    course = factories.course(lessons=2)
    trainee = factories.trainee(full_name="Ñandú Pérez")
    Enrollment.objects.create(user=trainee, course=course)
    media = tmp_path / "media"
    (media / "documents").mkdir(parents=True)
    (media / "documents" / "checklist.txt").write_text("lista de verificación")
    env = dict(os.environ, DATABASE_URL=pg_url(connection.settings_dict["NAME"]))
    env["DJANGO_MEDIA_ROOT"] = str(media)
    backup = tmp_path / "backup"
    subprocess.run([str(ROOT / "ops/backup.sh"), str(backup)], env=env, check=True)

    target = f"{connection.settings_dict['NAME']}_restore"  # one per test database
    with psycopg.connect(pg_url("postgres"), autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{target}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{target}"')
    restored_media = tmp_path / "restored-media"
    env.update(DATABASE_URL=pg_url(target), DJANGO_MEDIA_ROOT=str(restored_media))
    try:
        subprocess.run([str(ROOT / "ops/restore.sh"), str(backup)], env=env, check=True)
        # Restoring twice into the same database is refused, not merged.
        again = subprocess.run(
            [str(ROOT / "ops/restore.sh"), str(backup)], env=env, capture_output=True, text=True
        )
        assert again.returncode != 0 and "refusing" in again.stderr
        with psycopg.connect(pg_url(target)) as restored:
            users = restored.execute("SELECT count(*) FROM accounts_user").fetchone()[0]
            name = restored.execute(
                "SELECT full_name FROM accounts_user WHERE id = %s", [trainee.pk]
            ).fetchone()[0]
            enrolments = restored.execute("SELECT count(*) FROM learning_enrollment").fetchone()[0]
        assert users == User.objects.count()
        assert name == "Ñandú Pérez"
        assert enrolments == 1
        assert (restored_media / "documents" / "checklist.txt").read_text() == (
            "lista de verificación"
        )
    finally:
        with psycopg.connect(pg_url("postgres"), autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{target}" WITH (FORCE)')
