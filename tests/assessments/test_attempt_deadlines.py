"""Taking a quiz: attempts past their deadline are recorded, not scored."""

import pytest

from learning import attempts as services
from learning.models import Answer
from tests.assessments import helpers
from tests.assessments.helpers import overdue, start

pytestmark = pytest.mark.django_db


def test_overdue_attempt_is_closed_unscored_when_next_opened(client, course):
    quiz = helpers.quiz(course, time_limit_minutes=10)
    trainee, _ = helpers.enrolled(course)
    client.force_login(trainee)
    attempt, location = start(client, quiz)
    assert attempt.deadline is not None
    overdue(attempt)
    response = client.get(location, follow=True)
    attempt.refresh_from_db()
    assert attempt.status == "expired" and attempt.score_percent is None
    assert "not scored" in response.content.decode()


def test_submit_after_the_deadline_is_recorded_not_scored_in_spanish(client, course):
    quiz = helpers.quiz(course, time_limit_minutes=10)
    trainee, _ = helpers.enrolled(course)
    client.force_login(trainee)
    attempt, location = start(client, quiz, "es")
    overdue(attempt)
    response = client.post(
        location + "submit/", helpers.post_data(helpers.correct_answers(attempt)), follow=True
    )
    assert response.status_code == 200
    assert "no se calificó" in response.content.decode()
    attempt.refresh_from_db()
    assert attempt.status == "expired" and attempt.passed is None
    assert Answer.objects.filter(attempt=attempt).count() == 0


def test_autosave_after_the_deadline_stores_nothing(client, course):
    quiz = helpers.quiz(course, time_limit_minutes=10)
    trainee, _ = helpers.enrolled(course)
    client.force_login(trainee)
    attempt, location = start(client, quiz)
    overdue(attempt)
    response = client.post(
        location + "save/",
        helpers.post_data(helpers.correct_answers(attempt)),
        HTTP_ACCEPT="application/json",
    )
    assert response.status_code == 409
    assert Answer.objects.count() == 0


def test_a_new_attempt_can_start_after_an_expired_one(course):
    quiz = helpers.quiz(course, time_limit_minutes=10)
    trainee, _ = helpers.enrolled(course)
    first = services.attempt_start(user=trainee, quiz=quiz, language="en")
    overdue(first)
    second = services.attempt_start(user=trainee, quiz=quiz, language="en")
    first.refresh_from_db()
    assert first.status == "expired" and second.number == 2
