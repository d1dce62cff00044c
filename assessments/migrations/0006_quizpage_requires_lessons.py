"""Quizzes may open only once the course's required lessons are complete.

Existing final exams get the setting on (the rule trainees now meet), every
other quiz off, so pre-tests and lesson checks open as they did. Drafts and
old revisions lack the field: ``QuizPage.__init__`` fills it from the kind.
"""

from django.db import migrations, models


def forwards(apps, schema_editor):
    QuizPage = apps.get_model("assessments", "QuizPage")
    QuizPage.objects.filter(kind="final_exam").update(requires_lessons=True)
    QuizPage.objects.exclude(kind="final_exam").update(requires_lessons=False)


class Migration(migrations.Migration):
    dependencies = [
        ("assessments", "0005_quizpage_review_mode_after_passing"),
    ]

    operations = [
        migrations.AddField(
            model_name="quizpage",
            name="requires_lessons",
            field=models.BooleanField(
                default=True,
                help_text=(
                    "Trainees can start the quiz once every required lesson of the course is "
                    "complete. New final exams start with this on; other new quizzes with it off."
                ),
                verbose_name="open only after the required lessons are complete",
            ),
        ),
        migrations.RunPython(forwards, migrations.RunPython.noop),
    ]
