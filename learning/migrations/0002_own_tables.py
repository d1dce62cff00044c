"""The records' tables and content types take this app's name.

Renaming a table keeps its rows, indexes and constraints (PostgreSQL and
SQLite both rename in place); content types are renamed rather than
recreated, so permissions and log entries that point at them still do.
"""

from django.db import migrations

MOVED = {
    "enrollment": "courses",
    "modulecompletion": "courses",
    "attempt": "assessments",
    "answer": "assessments",
}


def content_types_to(apps, *, source: bool):
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model, old_app in MOVED.items():
        new_label, old_label = ("learning", old_app) if source else (old_app, "learning")
        if ContentType.objects.filter(app_label=new_label, model=model).exists():
            continue
        ContentType.objects.filter(app_label=old_label, model=model).update(app_label=new_label)


def forwards(apps, schema_editor):
    content_types_to(apps, source=True)


def backwards(apps, schema_editor):
    content_types_to(apps, source=False)


class Migration(migrations.Migration):
    dependencies = [
        ("learning", "0001_initial"),
        ("courses", "0003_records_move_to_learning"),
        ("assessments", "0004_records_move_to_learning"),
        ("certificates", "0004_enrollment_in_learning"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.AlterModelTable(name="enrollment", table=None),
        migrations.AlterModelTable(name="modulecompletion", table=None),
        migrations.AlterModelTable(name="attempt", table=None),
        migrations.AlterModelTable(name="answer", table=None),
        migrations.RunPython(forwards, backwards),
    ]
