from django.db import migrations, models

NAME = "accounts_user_agency_name"
INDEX = models.Index(fields=["agency", "name_key"], name=NAME)


def create(apps, schema_editor):
    """On PostgreSQL without blocking writes (CONCURRENTLY); elsewhere as usual."""
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f'CREATE INDEX CONCURRENTLY IF NOT EXISTS "{NAME}" '
            'ON "accounts_user" ("agency_id", "name_key")'
        )
    else:
        schema_editor.add_index(apps.get_model("accounts", "User"), INDEX)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f'DROP INDEX CONCURRENTLY IF EXISTS "{NAME}"')
    else:
        schema_editor.remove_index(apps.get_model("accounts", "User"), INDEX)


class Migration(migrations.Migration):
    atomic = False  # CREATE INDEX CONCURRENTLY cannot run in a transaction

    dependencies = [("accounts", "0011_fill_user_name_keys")]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.AddIndex(model_name="user", index=INDEX)],
            database_operations=[migrations.RunPython(create, drop)],
        )
    ]
