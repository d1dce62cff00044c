"""Attempts and answers now belong to ``learning`` (state only; see learning 0001)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("assessments", "0003_choice_fraction_from_key"),
        ("learning", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="Answer"),
                migrations.DeleteModel(name="Attempt"),
            ],
            database_operations=[],
        ),
    ]
