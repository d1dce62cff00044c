"""Existing program managers without a country keep seeing every country.

Until now a manager with no managed country saw all of them; from now on
that means no trainee data at all (fail closed), and "all partner countries"
must be chosen explicitly. This sets it for the managers who had that access,
so an existing deployment loses nothing. Going back needs no change: the
old code ignores the flag.
"""

from django.db import migrations

PROGRAM_MANAGERS_GROUP = "Program managers"


def keep_all_countries(apps, schema_editor):
    User = apps.get_model("accounts", "User")
    without_country = User.objects.filter(
        groups__name=PROGRAM_MANAGERS_GROUP, managed_countries__isnull=True
    ).values("pk")
    User.objects.filter(pk__in=without_country).update(manages_all_countries=True)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0003_manager_scope_and_printable_names"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(keep_all_countries, migrations.RunPython.noop)]
