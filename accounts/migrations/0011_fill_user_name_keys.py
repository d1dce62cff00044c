from django.db import migrations

from accounts.names import fill_name_keys


def fill(apps, schema_editor):
    fill_name_keys(apps.get_model("accounts", "User"), using=schema_editor.connection.alias)


class Migration(migrations.Migration):
    """Every existing account gets its key, a short transaction per batch
    (``atomic = False``): the table is never locked for the whole fill."""

    atomic = False

    dependencies = [("accounts", "0010_user_name_key")]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop, elidable=True)]
