"""Quiz pages use the same number of queries with 1 or many attempts and questions."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from learning import attempts as services
from learning.models import Enrollment
from tests import factories
from tests.assessments import helpers

pytestmark = pytest.mark.django_db


def count_queries(client, url):
    client.get(url)  # warm caches (site root, content types)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(ctx.captured_queries)


def trainee_with_attempts(quiz, submitted: int):
    """A trainee with ``submitted`` scored attempts and one open attempt."""
    trainee, _ = helpers.enrolled(quiz.course())
    last = None
    for _ in range(submitted):
        attempt = services.attempt_start(user=trainee, quiz=quiz, language="en")
        services.attempt_submit(attempt=attempt, answers=helpers.correct_answers(attempt))
        last = attempt
    open_attempt = services.attempt_start(user=trainee, quiz=quiz, language="en")
    services.attempt_save_answers(
        attempt=open_attempt, answers=helpers.correct_answers(open_attempt)
    )
    return trainee, last, open_attempt


@pytest.fixture
def quizzes():
    course = factories.course(lessons=1)
    small = helpers.quiz(course, questions=[helpers.single(1)])
    big = helpers.quiz(
        course, questions=[helpers.single(n) for n in range(12)] + [helpers.multiple(20)]
    )
    return small, big


def test_attempt_page_query_count_constant(client, quizzes):
    small, big = quizzes
    one, _, one_open = trainee_with_attempts(small, 1)
    many, _, many_open = trainee_with_attempts(big, 8)
    client.force_login(one)
    few = count_queries(client, f"{small.get_url()}attempt/{one_open.pk}/?all=1")
    client.force_login(many)
    lots = count_queries(client, f"{big.get_url()}attempt/{many_open.pk}/?all=1")
    assert few == lots


def test_review_page_query_count_constant(client, quizzes):
    small, big = quizzes
    one, one_last, _ = trainee_with_attempts(small, 1)
    many, many_last, _ = trainee_with_attempts(big, 8)
    client.force_login(one)
    few = count_queries(client, f"{small.get_url()}attempt/{one_last.pk}/review/")
    client.force_login(many)
    lots = count_queries(client, f"{big.get_url()}attempt/{many_last.pk}/review/")
    assert few == lots


def test_quiz_page_with_history_query_count_constant(client, quizzes):
    small, big = quizzes
    one, _, _ = trainee_with_attempts(small, 1)
    many, _, _ = trainee_with_attempts(big, 8)
    client.force_login(one)
    few = count_queries(client, small.get_url())
    client.force_login(many)
    lots = count_queries(client, big.get_url())
    assert few == lots


@pytest.mark.usefixtures("without_personal_page_cache")
def test_course_page_query_count_constant_with_quizzes_and_attempts(client):
    small = factories.course(lessons=1)
    helpers.quiz(small, questions=[helpers.single(1)])
    big = factories.course(lessons=10)
    quizzes = [helpers.quiz(big, kind=k) for k in ("pretest", "lesson_check", "final_exam")]
    trainee, _ = helpers.enrolled(small)
    Enrollment.objects.create(user=trainee, course=big)
    for quiz in quizzes:
        for _ in range(3):
            attempt = services.attempt_start(user=trainee, quiz=quiz, language="en")
            services.attempt_submit(attempt=attempt, answers={})
    client.force_login(trainee)
    assert count_queries(client, small.get_url()) == count_queries(client, big.get_url())


def test_starting_an_attempt_takes_the_same_queries_with_1_or_13_questions(client, quizzes):
    """The snapshot reads every question's choices in one query, not one per question."""
    small, big = quizzes
    counts = []
    for quiz in (small, big):
        trainee, _ = helpers.enrolled(quiz.course())
        client.force_login(trainee)
        client.get(quiz.get_url())  # warm caches (site root, the quiz's route)
        with CaptureQueriesContext(connection) as ctx:
            response = client.post(quiz.get_url() + "start/")
        assert "/attempt/" in response["Location"]
        counts.append(len(ctx.captured_queries))
        attempt = quiz.attempts.get(user=trainee)
        assert len(attempt.snapshot["questions"]) == (1 if quiz is small else 13)
    assert counts[0] == counts[1]
