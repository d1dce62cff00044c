"""The lists added to quiz pages cost the same queries whatever their length."""

import pytest

from tests import factories
from tests.assessments import helpers
from tests.assessments.helpers import attempt_url
from tests.assessments.test_query_counts import count_queries

pytestmark = pytest.mark.django_db


def test_remaining_lessons_list_query_count_constant(client):
    counts = []
    for lessons in (1, 10):
        course = factories.course(lessons=lessons)
        exam = helpers.quiz(course, requires_lessons=True)
        trainee, _ = helpers.enrolled(course, language="en")
        client.force_login(trainee)
        counts.append(count_queries(client, exam.get_url()))
        assert f"{lessons} lesson" in client.get(exam.get_url()).content.decode()
    assert counts[0] == counts[1]


def test_unanswered_list_query_count_constant(client):
    counts = []
    for questions in (1, 12):
        course = factories.course(lessons=1)
        quiz = helpers.quiz(course, questions=[helpers.single(n) for n in range(questions)])
        trainee, _ = helpers.enrolled(course, language="en")
        client.force_login(trainee)
        attempt, _ = helpers.start(client, quiz)
        counts.append(count_queries(client, attempt_url(quiz, attempt, "?confirm=1")))
    assert counts[0] == counts[1]


def test_pretest_result_with_what_to_study_query_count_constant(client):
    from learning import attempts as services

    counts = []
    for questions in (1, 12):
        course = factories.course(lessons=1)
        pretest = helpers.quiz(
            course, kind="pretest", questions=[helpers.single(n) for n in range(questions)]
        )
        trainee, _ = helpers.enrolled(course, language="en")
        attempt = services.attempt_start(user=trainee, quiz=pretest, language="en")
        services.attempt_submit(attempt=attempt, answers=helpers.wrong_answers(attempt))
        client.force_login(trainee)
        for mode in ("full", "score"):
            pretest.review_mode = mode
            pretest.save_revision().publish()
            counts.append((mode, count_queries(client, attempt_url(pretest, attempt, "review/"))))
    assert counts[:2] == counts[2:]
