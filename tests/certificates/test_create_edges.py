"""Creating a certificate when its code collides: retried, then given up (never another's)."""

from unittest import mock

import pytest
from django.utils import timezone

from accounts.models import AuditEvent
from certificates import services
from certificates.models import Certificate
from learning.models import Enrollment
from tests import factories

pytestmark = pytest.mark.django_db


def fields(user, course):
    return {
        "user": user,
        "course": course,
        "issued_at": timezone.now(),
        "completed_at": timezone.now(),
        "expires_at": None,
        "score_percent": None,
        **services.snapshot(user=user, course=course),
    }


def test_a_code_that_keeps_colliding_is_given_up_after_five_tries(certificate):
    # The holder's certificate is revoked; another trainee holds a valid one.
    Certificate.objects.filter(pk=certificate.pk).update(status=Certificate.Status.REVOKED)
    other = factories.trainee(code="GT")
    other_enrollment = Enrollment.objects.create(
        user=other, course=certificate.course, completed_at=timezone.now()
    )
    taken, created = services._certificate_create(
        enrollment=other_enrollment, fields=fields(other, certificate.course)
    )
    assert created is True
    with mock.patch.object(services, "code_generate", return_value=taken.code) as generate:
        with pytest.raises(services.CertificateError) as refused:
            services._certificate_create(
                enrollment=certificate.enrollment,
                fields=fields(certificate.user, certificate.course),
            )
    assert str(refused.value) == "Could not generate a unique certificate code."
    assert generate.call_count == 5
    assert Certificate.objects.filter(enrollment=certificate.enrollment).count() == 1


def test_the_issued_event_has_no_note(certificate):
    event = AuditEvent.objects.get(certificate=certificate)
    assert event.note == ""


def test_a_course_without_spanish_title_is_stated_without_one():
    course = factories.course(lessons=1, title="Interviewing victims", title_es="")
    assert services.course_snapshot(course)["course_titles"]["es"] == ""


def test_a_revoked_certificate_does_not_stop_a_new_issue_which_records_its_actor(
    certificate, manager_gt
):
    Certificate.objects.filter(pk=certificate.pk).update(status=Certificate.Status.REVOKED)
    issued = services.certificate_issue(enrollment=certificate.enrollment, actor=manager_gt)
    assert issued.pk != certificate.pk
    assert issued.status == Certificate.Status.VALID
    event = AuditEvent.objects.get(certificate=issued)
    assert (event.action, event.actor) == (AuditEvent.Action.CERTIFICATE_ISSUED, manager_gt)


def test_a_mail_queue_that_is_down_does_not_fail_the_committed_issue(
    certificate, django_capture_on_commit_callbacks
):
    from certificates import tasks

    task = mock.Mock()
    task.enqueue.side_effect = ConnectionError("down")
    with mock.patch.object(tasks, "certificate_email_task", task):
        with django_capture_on_commit_callbacks(execute=True):
            services.certificate_email_on_commit(certificate)
    task.enqueue.assert_called_once_with(certificate.pk)


def test_renewing_without_a_valid_certificate_issues_one_for_that_enrolment(
    certificate, manager_gt
):
    from decimal import Decimal

    Certificate.objects.filter(pk=certificate.pk).update(status=Certificate.Status.REVOKED)
    other = factories.trainee(code="GT")
    other_enrollment = Enrollment.objects.create(
        user=other, course=certificate.course, completed_at=timezone.now()
    )
    services._certificate_create(
        enrollment=other_enrollment, fields=fields(other, certificate.course)
    )
    new = services.certificate_renew(
        enrollment=certificate.enrollment, actor=manager_gt, score_percent=Decimal("77")
    )
    assert new.pk != certificate.pk
    assert (new.enrollment_id, new.status) == (
        certificate.enrollment_id,
        Certificate.Status.VALID,
    )
    assert new.score_percent == Decimal("77")
    assert AuditEvent.objects.get(certificate=new).actor == manager_gt


def test_renewing_a_current_certificate_keeps_its_score(certificate):
    from decimal import Decimal

    Certificate.objects.filter(pk=certificate.pk).update(score_percent=Decimal("80"))
    same = services.certificate_renew(
        enrollment=certificate.enrollment, score_percent=Decimal("50")
    )
    assert same.pk == certificate.pk
    certificate.refresh_from_db()
    assert certificate.score_percent == Decimal("80")


def test_renewing_a_current_certificate_without_score_fills_it_in(certificate):
    from decimal import Decimal

    Certificate.objects.filter(pk=certificate.pk).update(score_percent=None)
    services.certificate_renew(enrollment=certificate.enrollment, score_percent=Decimal("50"))
    certificate.refresh_from_db()
    assert certificate.score_percent == Decimal("50")


def test_the_renewal_of_an_expired_certificate_belongs_to_the_same_enrolment(
    certificate, manager_gt
):
    from certificates.codes import code_display

    from .conftest import expire

    expire(certificate)
    new = services.certificate_renew(enrollment=certificate.enrollment, actor=manager_gt)
    event = AuditEvent.objects.get(certificate=new)
    assert (event.actor, event.note) == (manager_gt, f"replaces {code_display(certificate.code)}")
    assert new.pk != certificate.pk
    assert new.enrollment_id == certificate.enrollment_id
    assert Certificate.objects.get(enrollment=certificate.enrollment, status="valid") == new
