"""Exactly one certificate under concurrent requests (PostgreSQL: real row locks)."""

import threading

import pytest
from django.core import mail
from django.db import connection, connections
from django.test import Client
from django.utils import timezone

from accounts.models import AuditEvent
from certificates.models import Certificate
from certificates.services import certificate_issue
from courses.models import ModulePage
from learning.models import Enrollment, ModuleCompletion
from tests import factories

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("wagtail_baseline"),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="SQLite serialises every write: concurrency needs PostgreSQL",
    ),
]

THREADS = 6


def run_in_threads(target):
    barrier = threading.Barrier(THREADS)
    errors = []

    def worker():
        try:
            barrier.wait(timeout=10)
            target()
        except Exception as error:  # collected and re-raised in the test
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker) for _ in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not any(thread.is_alive() for thread in threads), "a request thread is stuck"
    assert not errors, errors


def test_parallel_completion_requests_create_one_certificate():
    course = factories.course(lessons=2)  # lessons only: the last one completes it
    trainee = factories.trainee("race@example.org", code="GT")
    enrollment = Enrollment.objects.create(user=trainee, course=course)
    first, last = ModulePage.objects.child_of(course).order_by("path")
    ModuleCompletion.objects.create(enrollment=enrollment, module=first)
    url = f"/es/cursos/{course.slug_es}/{last.slug_es}/complete/"

    def complete():
        client = Client()
        client.force_login(trainee)
        assert client.post(url).status_code == 302

    run_in_threads(complete)
    assert Certificate.objects.filter(enrollment=enrollment).count() == 1
    assert Certificate.objects.get().events.filter(action="issued").count() == 1
    assert [message.to for message in mail.outbox] == [[trainee.email]]


def test_parallel_issue_calls_create_one_certificate():
    course = factories.course(lessons=1)
    trainee = factories.trainee("race2@example.org", code="GT")
    enrollment = Enrollment.objects.create(user=trainee, course=course, completed_at=timezone.now())
    issued = []

    def issue():
        issued.append(certificate_issue(enrollment=Enrollment.objects.get(pk=enrollment.pk)).pk)

    run_in_threads(issue)
    assert Certificate.objects.filter(enrollment=enrollment).count() == 1
    assert len(set(issued)) == 1 and len(issued) == THREADS
    # The requests that lost the race add no "issued" event and send no e-mail.
    assert AuditEvent.objects.filter(action="issued").count() == 1
    assert [message.to for message in mail.outbox] == [[trainee.email]]
