from django.db import migrations, models

NAME = "accounts_user_agency_name"
INDEX = models.Index(fields=["agency", "name_key"], name=NAME)
COLUMNS = 'ON "accounts_user" ("agency_id", "name_key")'


def create(apps, schema_editor):
    """On PostgreSQL without blocking writes (CONCURRENTLY). A build that failed
    or was cancelled leaves an invalid index of that name behind: it is dropped
    and built again, never taken for done. ``IF NOT EXISTS`` everywhere, so a
    database that has the index already (an earlier form of 0010 made it) is
    left as it is."""
    if schema_editor.connection.vendor == "postgresql":
        with schema_editor.connection.cursor() as cursor:
            cursor.execute(
                "SELECT i.indisvalid FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
                "WHERE c.relname = %s",
                [NAME],
            )
            found = cursor.fetchone()
        if found is not None and not found[0]:
            schema_editor.execute(f'DROP INDEX CONCURRENTLY IF EXISTS "{NAME}"')
        schema_editor.execute(f'CREATE INDEX CONCURRENTLY IF NOT EXISTS "{NAME}" {COLUMNS}')
    else:
        schema_editor.execute(f'CREATE INDEX IF NOT EXISTS "{NAME}" {COLUMNS}')


def drop(apps, schema_editor):
    concurrently = "CONCURRENTLY " if schema_editor.connection.vendor == "postgresql" else ""
    schema_editor.execute(f'DROP INDEX {concurrently}IF EXISTS "{NAME}"')


class Migration(migrations.Migration):
    atomic = False  # CREATE INDEX CONCURRENTLY cannot run in a transaction

    dependencies = [("accounts", "0011_fill_user_name_keys")]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.AddIndex(model_name="user", index=INDEX)],
            database_operations=[migrations.RunPython(create, drop)],
        )
    ]
