"""Enrolments and lesson completions now belong to ``learning`` (state only; see learning 0001)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0002_course_validity_renewal"),
        ("learning", "0001_initial"),
        ("assessments", "0004_records_move_to_learning"),
        ("certificates", "0004_enrollment_in_learning"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="ModuleCompletion"),
                migrations.DeleteModel(name="Enrollment"),
            ],
            database_operations=[],
        ),
    ]
