"""Gives every existing choice its Moodle-style fraction, from the old answer key.

Before fractions, the key was ``is_correct`` plus the question's kind and
``partial_credit``; scoring shared the points equally among the right choices
and took an equal share away per wrong one. The fractions below score every
existing answer exactly as before. Quiz revisions (drafts and history) hold
questions as JSON, so their choices get the same fractions, and a draft
saved before this migration still publishes with a working key.
"""

from decimal import Decimal

from django.db import migrations

HUNDRED = Decimal(100)
PLACES = Decimal("0.00001")


def fractions_for(kind: str, partial_credit: bool, correct: list[bool]) -> list[Decimal]:
    # A frozen copy of ``assessments.scoring.fractions_for`` (places=PLACES):
    # migrations must not follow later changes of app code. A test pins them equal.
    n_right = sum(correct)
    n_wrong = len(correct) - n_right
    if kind != "multiple":
        return [HUNDRED if c else Decimal(0) for c in correct]
    right = (HUNDRED / n_right).quantize(PLACES) if n_right else Decimal(0)
    wrong = -(HUNDRED / n_wrong).quantize(PLACES) if n_wrong else Decimal(0)
    return [right if c else wrong for c in correct]


def forwards(apps, schema_editor):
    Question = apps.get_model("assessments", "Question")
    Choice = apps.get_model("assessments", "Choice")
    Revision = apps.get_model("wagtailcore", "Revision")
    ContentType = apps.get_model("contenttypes", "ContentType")

    for question in Question.objects.all().iterator():
        choices = list(Choice.objects.filter(question=question).order_by("sort_order", "pk"))
        values = fractions_for(
            question.kind, question.partial_credit, [c.is_correct for c in choices]
        )
        for choice, value in zip(choices, values, strict=True):
            choice.fraction = value
        Choice.objects.bulk_update(choices, ["fraction"])

    quiz_type = ContentType.objects.filter(app_label="assessments", model="quizpage").first()
    if quiz_type is None:
        return
    revisions = Revision.objects.filter(base_content_type=quiz_type) | Revision.objects.filter(
        content_type=quiz_type
    )
    for revision in revisions.iterator():
        content = revision.content or {}
        changed = False
        for question in content.get("questions") or []:
            choices = question.get("choices") or []
            if not choices or all("fraction" in c for c in choices):
                continue
            values = fractions_for(
                question.get("kind", "single"),
                bool(question.get("partial_credit")),
                [bool(c.get("is_correct")) for c in choices],
            )
            for choice, value in zip(choices, values, strict=True):
                choice["fraction"] = str(value)
            changed = True
        if changed:
            revision.content = content
            revision.save(update_fields=["content"])


class Migration(migrations.Migration):
    dependencies = [
        ("assessments", "0002_choice_fraction_text_format"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
