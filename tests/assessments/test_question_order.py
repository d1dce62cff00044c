"""Questions without a position (a quiz made in code, an older import) keep one order
everywhere: position (none counts as 0), then creation, on SQLite and PostgreSQL alike."""

import random

import pytest
from django.utils import timezone

from assessments.models import Question
from learning.attempts import build_snapshot
from tests import factories
from tests.assessments import helpers

pytestmark = pytest.mark.django_db


def test_questions_with_and_without_a_position_keep_one_order():
    quiz = helpers.quiz(
        factories.course(lessons=0), questions=[helpers.single(n) for n in range(4)]
    )
    first, second, third, fourth = Question.objects.filter(quiz=quiz).order_by("pk")
    # Two have a position, two have none: none counts as 0, ties go by creation.
    Question.objects.filter(pk=first.pk).update(sort_order=2)
    Question.objects.filter(pk=second.pk).update(sort_order=None)
    Question.objects.filter(pk=third.pk).update(sort_order=1)
    Question.objects.filter(pk=fourth.pk).update(sort_order=None)
    expected = [second.pk, fourth.pk, third.pk, first.pk]
    snapshot = build_snapshot(quiz, now=timezone.now(), rng=random.Random(1))
    assert [q["id"] for q in snapshot["questions"]] == expected
    quiz.refresh_from_db()
    labels = [str(label) for label in quiz.untranslated_parts("es")]
    assert labels == []  # all translated; the numbering is checked next
    Question.objects.filter(pk=fourth.pk).update(text_es="")
    quiz = type(quiz).objects.get(pk=quiz.pk)
    assert [str(label) for label in quiz.untranslated_parts("es")] == ["question 2"]
