"""Item statistics: % correct, discrimination, language split, constant queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from learning import attempts as services
from learning.item_statistics import item_statistics
from tests import factories
from tests.assessments import helpers

pytestmark = pytest.mark.django_db


def take(quiz, trainee, language, right_ids):
    attempt = services.attempt_start(user=trainee, quiz=quiz, language=language)
    answers = helpers.wrong_answers(attempt)
    right = helpers.correct_answers(attempt)
    for qid in right_ids:
        answers[qid] = right[qid]
    services.attempt_submit(attempt=attempt, answers=answers)


def seed_gap(per_language=12):
    """Question 1 right for every English attempt but only a quarter of Spanish ones."""
    course = factories.course(lessons=1)
    quiz = helpers.quiz(course, questions=[helpers.single(1), helpers.single(2)])
    q1, q2 = list(quiz.questions.order_by("sort_order", "pk").values_list("pk", flat=True))
    for n in range(per_language):
        trainee, _ = helpers.enrolled(course)
        take(quiz, trainee, "en", [q1] + ([q2] if n % 2 else []))
        trainee, _ = helpers.enrolled(course)
        take(quiz, trainee, "es", ([q1] if n % 4 == 0 else []) + ([q2] if n % 2 else []))
    return quiz


def test_percent_correct_by_language_and_flag():
    quiz = seed_gap()
    stats = item_statistics(quiz)
    first, second = stats["items"]
    assert stats["attempts"] == 24
    assert first.by_language["en"].percent_correct == 100.0
    assert first.by_language["es"].percent_correct == 25.0
    assert first.all.percent_correct == 62.5
    assert first.flagged is True
    assert second.by_language["en"].percent_correct == second.by_language["es"].percent_correct
    assert second.flagged is False


def test_discrimination_is_positive_for_a_question_stronger_trainees_get_right():
    quiz = seed_gap()
    second = item_statistics(quiz)["items"][1]
    assert second.all.discrimination is not None and second.all.discrimination > 0.3


def test_no_flag_with_too_few_answers_per_language():
    quiz = seed_gap(per_language=4)
    assert item_statistics(quiz)["items"][0].flagged is False


def test_item_statistics_query_count_constant():
    small = seed_gap(per_language=2)
    big = seed_gap(per_language=10)
    counts = []
    for quiz in (small, big):
        with CaptureQueriesContext(connection) as ctx:
            item_statistics(quiz)
        counts.append(len(ctx.captured_queries))
    assert counts[0] == counts[1] <= 5
