"""Concurrent submits and starts on PostgreSQL (row locks; SQLite serialises writes)."""

import threading

import pytest
from django.db import connection, connections

from learning import attempts as services
from learning.models import Answer, Attempt
from tests import factories
from tests.assessments import helpers

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("wagtail_baseline"),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL row locks (SELECT ... FOR UPDATE); SQLite has none",
    ),
]


def run_in_threads(count, target):
    barrier = threading.Barrier(count)
    results, errors = [], []

    def worker():
        try:
            barrier.wait(timeout=10)
            results.append(target())
        except Exception as error:  # noqa: BLE001 - reported by the assertion below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not any(thread.is_alive() for thread in threads), "a request thread is stuck"
    return results, errors


def test_ten_parallel_submits_give_one_score_and_one_history_row():
    course = factories.course(lessons=1)
    quiz = helpers.quiz(course)
    trainee, _ = helpers.enrolled(course)
    attempt = services.attempt_start(user=trainee, quiz=quiz, language="en")
    answers = helpers.correct_answers(attempt)

    results, errors = run_in_threads(
        10, lambda: services.attempt_submit(attempt=attempt, answers=answers)
    )
    assert errors == []
    assert sum(1 for r in results if r.scored_now) == 1
    assert {r.attempt.score_percent for r in results} == {attempt_score(attempt)}
    assert Attempt.objects.filter(user=trainee, quiz=quiz).count() == 1
    assert Answer.objects.filter(attempt=attempt).count() == 3


def attempt_score(attempt):
    return Attempt.objects.get(pk=attempt.pk).score_percent


def test_parallel_starts_never_exceed_the_attempt_limit():
    course = factories.course(lessons=1)
    quiz = helpers.quiz(course, max_attempts=2)
    trainee, _ = helpers.enrolled(course)

    def start_and_submit():
        attempt = services.attempt_start(user=trainee, quiz=quiz, language="en")
        return services.attempt_submit(attempt=attempt, answers={})

    for _ in range(2):
        results, errors = run_in_threads(8, start_and_submit)
        assert all(isinstance(e, services.NoAttemptsLeftError) for e in errors), errors
    assert Attempt.objects.filter(user=trainee, quiz=quiz).count() == 2


def test_parallel_starts_open_a_single_attempt():
    course = factories.course(lessons=1)
    quiz = helpers.quiz(course)
    trainee, _ = helpers.enrolled(course)
    results, errors = run_in_threads(
        8, lambda: services.attempt_start(user=trainee, quiz=quiz, language="en").pk
    )
    assert errors == []
    assert len(set(results)) == 1
    assert Attempt.objects.filter(user=trainee, quiz=quiz).count() == 1


def test_two_simultaneous_submits_of_a_passing_exam_complete_once_and_send_one_email():
    """Both requests come back to the result; one scores, one completion, one certificate e-mail."""
    from django.core import mail
    from django.test import Client

    from accounts.models import AuditEvent
    from certificates.models import Certificate
    from courses.models import ModulePage
    from learning.models import ModuleCompletion
    from learning.signals import enrollment_completed

    course = factories.course(lessons=1)
    quiz = helpers.quiz(course)
    trainee, enrollment = helpers.enrolled(course, email="racer@example.org")
    ModuleCompletion.objects.create(
        enrollment=enrollment, module=ModulePage.objects.child_of(course).get()
    )
    attempt = services.attempt_start(user=trainee, quiz=quiz, language="en")
    data = helpers.post_data(helpers.correct_answers(attempt))
    url = f"{quiz.get_url()}attempt/{attempt.pk}/submit/"
    clients = [Client(), Client()]
    for client in clients:
        client.force_login(trainee)
    events = {"completed": 0}

    def completed(**kwargs):
        events["completed"] += 1

    enrollment_completed.connect(completed, weak=False, dispatch_uid="test-completed")
    mail.outbox = []
    try:
        results, errors = run_in_threads(2, lambda: clients.pop().post(url, data, follow=True))
    finally:
        enrollment_completed.disconnect(dispatch_uid="test-completed")
    assert errors == []
    pages = [r.content.decode() for r in results]
    assert all("Your score: 100%" in page for page in pages)
    assert sum("This attempt had already been submitted" in page for page in pages) == 1
    attempt.refresh_from_db()
    assert attempt.status == "submitted" and attempt.score_percent == 100
    assert Attempt.objects.filter(user=trainee, quiz=quiz).count() == 1
    assert Answer.objects.filter(attempt=attempt).count() == 3
    assert events == {"completed": 1}
    certificate = Certificate.objects.get(enrollment=enrollment)
    assert list(AuditEvent.objects.values_list("action", flat=True)) == ["issued"]
    assert [m.to for m in mail.outbox] == [["racer@example.org"]]
    assert certificate.display_code in mail.outbox[0].body
