"""Taking a quiz: starting an attempt, its limits and the questions drawn."""

from datetime import timedelta

import pytest
from django.utils import timezone

from assessments.models import Choice, Question
from learning import attempts as services
from learning.models import Attempt, Enrollment
from tests import factories
from tests.assessments import helpers
from tests.assessments.helpers import es_url, start

pytestmark = pytest.mark.django_db


def test_enrolled_trainee_starts_an_attempt_with_a_snapshot(client, exam):
    trainee, enrollment = helpers.enrolled(exam.course())
    client.force_login(trainee)
    attempt, location = start(client, exam)
    assert location.endswith(f"/attempt/{attempt.pk}/")
    assert attempt.number == 1
    assert attempt.enrollment == enrollment
    assert attempt.language == "en"
    assert attempt.snapshot["pass_mark"] == 70
    assert len(attempt.snapshot["questions"]) == 3
    first = attempt.snapshot["questions"][0]
    assert first["correct"] == [Choice.objects.get(text_en="Right 1").pk]


def test_trainee_not_enrolled_cannot_start_and_is_told_in_spanish(client, exam):
    trainee = factories.trainee()
    client.force_login(trainee)
    response = client.post(es_url(exam) + "start/", follow=True)
    assert "Inscríbase en el curso para presentar este cuestionario." in response.content.decode()
    assert Attempt.objects.count() == 0


def test_starting_again_resumes_the_open_attempt(client, exam):
    trainee, _ = helpers.enrolled(exam.course())
    client.force_login(trainee)
    first, _ = start(client, exam)
    second, _ = start(client, exam)
    assert first.pk == second.pk
    assert Attempt.objects.count() == 1


def test_attempt_limit_is_enforced(exam):
    exam.max_attempts = 1
    exam.save()
    trainee, _ = helpers.enrolled(exam.course())
    attempt = services.attempt_start(user=trainee, quiz=exam, language="en")
    services.attempt_submit(attempt=attempt, answers={})
    with pytest.raises(services.NoAttemptsLeftError):
        services.attempt_start(user=trainee, quiz=exam, language="en")


def test_attempt_limit_counts_only_attempts_since_the_renewal(exam):
    exam.max_attempts = 1
    exam.save()
    trainee, enrollment = helpers.enrolled(exam.course())
    old = services.attempt_start(user=trainee, quiz=exam, language="en")
    services.attempt_submit(attempt=old, answers={})
    Attempt.objects.filter(pk=old.pk).update(started_at=timezone.now() - timedelta(days=400))
    Enrollment.objects.filter(pk=enrollment.pk).update(renewal_started_at=timezone.now())
    renewed = services.attempt_start(user=trainee, quiz=exam, language="en")
    assert renewed.number == 2


def test_wait_between_attempts_is_enforced(exam):
    exam.wait_minutes = 60
    exam.save()
    trainee, _ = helpers.enrolled(exam.course())
    attempt = services.attempt_start(user=trainee, quiz=exam, language="en")
    services.attempt_submit(attempt=attempt, answers={})
    with pytest.raises(services.MustWaitError):
        services.attempt_start(user=trainee, quiz=exam, language="en")


def test_draw_count_and_shuffle_draw_a_subset_in_a_random_order(course):
    quiz = helpers.quiz(
        course,
        questions=[helpers.single(n) for n in range(1, 9)],
        draw_count=4,
        shuffle_questions=True,
        shuffle_choices=True,
    )
    trainee, _ = helpers.enrolled(course)
    import random

    attempt = services.attempt_start(user=trainee, quiz=quiz, language="en", rng=random.Random(3))
    ids = attempt.question_ids()
    assert len(ids) == 4
    pool = set(Question.objects.filter(quiz=quiz).values_list("pk", flat=True))
    assert set(ids) <= pool
