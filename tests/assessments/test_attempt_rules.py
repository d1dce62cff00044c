"""A quiz's rules through the trainee's browser: attempt limit, wait, time limit, rounding.

Time is frozen by patching ``django.utils.timezone.now`` (no sleeps): every
moment below is written out by hand, in UTC; the site shows Mexico City time
(UTC-6, no daylight saving time since 2022).
"""

from datetime import UTC, datetime, timedelta
from decimal import Decimal
from unittest.mock import patch

import pytest
from django.utils import translation

from assessments.models import Choice
from learning.models import Answer, Attempt
from tests import factories
from tests.assessments import helpers

pytestmark = pytest.mark.django_db

#: Monday 3 March 2025, 10:00 in Mexico City.
T0 = datetime(2025, 3, 3, 16, 0, tzinfo=UTC)


def at(moment: datetime):
    return patch("django.utils.timezone.now", return_value=moment)


def url_in(quiz, language: str) -> str:
    with translation.override(language):
        return quiz.get_url()


def messages_of(response) -> list[str]:
    return [str(m) for m in response.context["messages"]] if response.context else []


@pytest.fixture
def course():
    return factories.course(lessons=1)


@pytest.fixture
def trainee_client(client, course):
    trainee, _ = helpers.enrolled(course)
    client.force_login(trainee)
    client.trainee = trainee
    return client


def start_and_submit(client, quiz, language="en") -> Attempt:
    location = client.post(url_in(quiz, language) + "start/")["Location"]
    attempt = Attempt.objects.filter(quiz=quiz).latest("pk")
    assert location.endswith(f"/attempt/{attempt.pk}/")
    client.post(location + "submit/", helpers.post_data(helpers.correct_answers(attempt)))
    attempt.refresh_from_db()
    assert attempt.status == "submitted"
    return attempt


# Attempt limit ------------------------------------------------------------------------

LIMIT_MESSAGE = {
    "en": "You have used all the attempts allowed for this quiz.",
    "es": "Ya usó todos los intentos permitidos para este cuestionario.",
}


@pytest.mark.parametrize("language", ["en", "es"])
def test_start_is_refused_with_a_message_once_the_attempts_are_used(
    trainee_client, course, language
):
    quiz = helpers.quiz(course, max_attempts=2)
    start_and_submit(trainee_client, quiz, language)
    home = trainee_client.get(url_in(quiz, language)).content.decode()
    assert {"en": "1 left", "es": "queda 1"}[language] in home
    start_and_submit(trainee_client, quiz, language)
    response = trainee_client.post(url_in(quiz, language) + "start/", follow=True)
    assert response.redirect_chain == [(url_in(quiz, language), 302)]
    assert messages_of(response) == [LIMIT_MESSAGE[language]]
    html = response.content.decode()
    assert {"en": "Start a new attempt", "es": "Iniciar un nuevo intento"}[language] not in html
    assert list(
        Attempt.objects.filter(quiz=quiz).order_by("number").values_list("number", flat=True)
    ) == [1, 2]


# Waiting time between attempts ----------------------------------------------------------

WAIT_MESSAGE = {
    # Submitted at 10:05 (Mexico City) with a 60-minute wait: 11:05.
    "en": "You can start your next attempt on March 3, 2025, 11:05 a.m. (after the wait).",
    "es": "Podrá iniciar su próximo intento el 3 de marzo de 2025 a las 11:05 (tras la espera).",
}


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_new_attempt_waits_until_the_wait_after_the_last_submit_has_passed(
    trainee_client, course, language
):
    quiz = helpers.quiz(course, wait_minutes=60)
    with at(T0):
        trainee_client.post(url_in(quiz, language) + "start/")
    first = Attempt.objects.get(quiz=quiz)
    with at(T0 + timedelta(minutes=5)):
        trainee_client.post(
            f"{url_in(quiz, language)}attempt/{first.pk}/submit/",
            helpers.post_data(helpers.correct_answers(first)),
        )
    for moment in (T0 + timedelta(minutes=6), T0 + timedelta(minutes=64, seconds=59)):
        with at(moment):
            response = trainee_client.post(url_in(quiz, language) + "start/", follow=True)
        assert response.redirect_chain == [(url_in(quiz, language), 302)]
        assert messages_of(response) == [WAIT_MESSAGE[language]]
        assert Attempt.objects.filter(quiz=quiz).count() == 1
    with at(T0 + timedelta(minutes=65)):
        response = trainee_client.post(url_in(quiz, language) + "start/")
    second = Attempt.objects.filter(quiz=quiz).latest("pk")
    assert second.number == 2 and second.started_at == T0 + timedelta(minutes=65)
    assert response["Location"].endswith(f"/attempt/{second.pk}/")


# Time limit and its grace period ---------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "shown"),
    [("en", "Submit before 10:45 a.m."), ("es", "Envíe antes de las 10:45")],
)
def test_the_deadline_is_the_time_limit_in_minutes_after_the_start(
    trainee_client, course, language, shown
):
    quiz = helpers.quiz(course, time_limit_minutes=45)
    with at(T0):
        location = trainee_client.post(url_in(quiz, language) + "start/")["Location"]
    attempt = Attempt.objects.get(quiz=quiz)
    assert attempt.started_at == T0
    assert attempt.deadline == datetime(2025, 3, 3, 16, 45, tzinfo=UTC)
    assert attempt.snapshot["deadline"] == "2025-03-03T16:45:00+00:00"
    assert attempt.snapshot["time_limit_minutes"] == 45
    with at(T0 + timedelta(minutes=44)):
        page = trainee_client.get(location).content.decode()
    assert shown in page
    assert 'data-deadline="2025-03-03T16:45:00+00:00"' in page


SCORED = {"en": "Your score: 100%", "es": "Su calificación: 100 %"}
NOT_SCORED = {
    "en": "The time limit has passed: this attempt was closed and not scored.",
    "es": "Se venció el tiempo: este intento se cerró y no se calificó.",
}


def submit_at(client, quiz, language, moment):
    """Starts at T0 (10-minute limit) and submits the right answers at ``moment``."""
    with at(T0):
        location = client.post(url_in(quiz, language) + "start/")["Location"]
    attempt = Attempt.objects.get(quiz=quiz)
    with at(moment):
        response = client.post(
            location + "submit/",
            helpers.post_data(helpers.correct_answers(attempt)),
            follow=True,
        )
    attempt.refresh_from_db()
    return attempt, response


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_submit_within_the_grace_period_after_the_deadline_is_scored(
    trainee_client, course, language
):
    quiz = helpers.quiz(course, time_limit_minutes=10)
    # Deadline 16:10:00; 30 seconds of grace for the network.
    attempt, response = submit_at(trainee_client, quiz, language, T0 + timedelta(seconds=629))
    assert attempt.status == "submitted"
    assert attempt.submitted_at == T0 + timedelta(seconds=629)
    assert attempt.score_percent == Decimal("100.00") and attempt.passed is True
    assert Answer.objects.filter(attempt=attempt).count() == 3
    html = response.content.decode()
    assert SCORED[language] in html and NOT_SCORED[language] not in html


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_submit_after_the_grace_period_is_recorded_late_and_not_scored(
    trainee_client, course, language
):
    quiz = helpers.quiz(course, time_limit_minutes=10)
    attempt, response = submit_at(trainee_client, quiz, language, T0 + timedelta(seconds=631))
    assert attempt.status == "expired"
    assert attempt.submitted_at == T0 + timedelta(seconds=631)
    assert attempt.score_percent is None and attempt.passed is None
    assert Answer.objects.filter(attempt=attempt).count() == 0
    assert messages_of(response) == [NOT_SCORED[language]]
    assert SCORED[language] not in response.content.decode()


# Partial credit rounds half up, to the cent ---------------------------------------------


def half_cent_quiz(course):
    """0.25 points shared 50/50 (one right of two: 0.125), and one 1-point question."""
    partial = helpers.multiple(1, points=Decimal("0.25"), partial_credit=True)
    return helpers.quiz(course, questions=[partial, helpers.single(2, points=1)], pass_mark=90)


@pytest.mark.parametrize(
    ("language", "score", "points"),
    [
        ("en", "Your score: 90.40%", "1.13 of 1.25 points"),
        ("es", "Su calificación: 90,40 %", "1,13 de 1,25 puntos"),
    ],
)
def test_a_half_cent_of_partial_credit_rounds_up_in_the_stored_and_shown_score(
    trainee_client, course, language, score, points
):
    quiz = half_cent_quiz(course)
    location = trainee_client.post(url_in(quiz, language) + "start/")["Location"]
    attempt = Attempt.objects.get(quiz=quiz)
    partial_id, single_id = (q["id"] for q in attempt.snapshot["questions"])
    one_right = Choice.objects.get(question_id=partial_id, text_en="Right A").pk
    right = Choice.objects.get(question_id=single_id, text_en="Right 2").pk
    response = trainee_client.post(
        location + "submit/", helpers.post_data({partial_id: [one_right], single_id: [right]}),
        follow=True,
    )  # fmt: skip
    attempt.refresh_from_db()
    # 0.25 × 50 % = 0.125 → 0.13 (not 0.12); 1.13 / 1.25 = 90.4 % (0.12 would give 89.6 %).
    assert Answer.objects.get(attempt=attempt, question_id=partial_id).points_awarded == Decimal(
        "0.13"
    )
    assert attempt.score_points == Decimal("1.13")
    assert attempt.max_points == Decimal("1.25")
    assert attempt.score_percent == Decimal("90.40")
    assert attempt.passed is True
    html = response.content.decode()
    assert score in html and points in html
