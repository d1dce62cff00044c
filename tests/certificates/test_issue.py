"""Issuing, revoking, reissuing and renewing certificates (services)."""

from datetime import timedelta
from decimal import Decimal
from unittest import mock

import pytest
from django.apps import apps
from django.core import mail
from django.utils import timezone

from accounts.models import AuditEvent
from certificates.models import Certificate
from certificates.services import (
    CertificateError,
    certificate_issue,
    certificate_reissue,
    certificate_renew,
    certificate_renewal_start,
    certificate_revoke,
)
from courses.models import CoursePage
from learning.models import Enrollment
from tests import factories

from .conftest import HOLDER, complete_course, course_with_exam, expire

pytestmark = pytest.mark.django_db


def test_completing_a_course_issues_one_certificate_with_a_snapshot(certificate, gt_trainee):
    assert Certificate.objects.filter(user=gt_trainee).count() == 1
    assert certificate.status == "valid"
    assert certificate.effective_status == "valid"
    assert certificate.holder_name == HOLDER
    assert certificate.country_code == "GT"
    assert certificate.country_names["es"] == "Guatemala"
    assert certificate.agency_names["es"] == "Policía de GT"
    assert certificate.course_titles == {
        "en": "Interviewing victims",
        "es": "Entrevista a víctimas",
    }
    assert certificate.language == "es"
    assert certificate.completed_at == certificate.enrollment.completed_at
    assert certificate.hours == Decimal("1.0")


def test_issue_is_recorded_in_the_audit_trail(certificate):
    events = list(certificate.events.values_list("action", "actor"))
    assert events == [("issued", None)]


@pytest.mark.skipif(not apps.is_installed("assessments"), reason="needs the quiz app")
def test_certificate_holds_the_final_exam_score(certificate):
    assert certificate.score_percent == Decimal("100")


def test_issuing_twice_returns_the_same_certificate(certificate):
    again = certificate_issue(enrollment=certificate.enrollment)
    assert again.pk == certificate.pk
    assert Certificate.objects.count() == 1
    assert AuditEvent.objects.filter(action="issued").count() == 1


def test_request_that_loses_the_issue_race_adds_no_event_nor_email(
    gt_trainee, django_capture_on_commit_callbacks
):
    """Two completions of one enrolment at once, played in turn without threads.

    The losing request found no certificate, then the winner inserted one
    before the loser's INSERT, which the unique index refuses: the loser must
    return the winner's certificate without a second "issued" event or e-mail.
    """
    course = factories.course(lessons=1)
    enrollment = Enrollment.objects.create(
        user=gt_trainee, course=course, completed_at=timezone.now()
    )
    winner = []

    def other_request_issues_first(enrollment_arg):
        # Runs between the loser's "is there a certificate?" and its INSERT.
        if not winner:
            winner.append(certificate_issue(enrollment=enrollment, score_percent=Decimal(90)))
        return Decimal(80)

    with (
        mock.patch(
            "certificates.services.final_exam_score", side_effect=other_request_issues_first
        ),
        django_capture_on_commit_callbacks(execute=True),
    ):
        loser = certificate_issue(enrollment=enrollment)

    assert winner, "the simulated race did not happen"
    assert loser.pk == winner[0].pk
    assert Certificate.objects.filter(enrollment=enrollment).count() == 1
    assert AuditEvent.objects.filter(action="issued").count() == 1
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [gt_trainee.email]


def test_reissue_for_a_deactivated_account_sends_no_email(
    certificate, manager_gt, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    type(certificate.user).objects.filter(pk=certificate.user_id).update(is_active=False)
    with django_capture_on_commit_callbacks(execute=True):
        new = certificate_reissue(certificate=certificate, actor=manager_gt)
    assert new.status == "valid" and new.supersedes_id == certificate.pk
    assert mail.outbox == []


def test_incomplete_enrolment_gets_no_certificate(gt_trainee, course):
    enrollment = Enrollment.objects.create(user=gt_trainee, course=course)
    with pytest.raises(CertificateError):
        certificate_issue(enrollment=enrollment)
    assert Certificate.objects.count() == 0


def test_trainee_is_emailed_in_their_language_with_the_verification_link(certificate):
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["holder.gt@example.org"]
    assert "Su certificado" in message.subject
    assert f"/es/certificates/verify/{certificate.display_code}/" in message.body
    assert message.body.startswith("Estimado/a José Ángel")


def test_email_waits_for_the_transaction_to_commit(
    gt_trainee, course, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        complete_course(gt_trainee, course)
    assert len(mail.outbox) == 0
    assert len(callbacks) == 1


def test_english_speaking_trainee_gets_english_email(course, django_capture_on_commit_callbacks):
    trainee = factories.trainee("en.speaker@example.org", language="en")
    with django_capture_on_commit_callbacks(execute=True):
        complete_course(trainee, course)
    assert mail.outbox[0].subject == "Your certificate: Interviewing victims"
    assert "/en/certificates/verify/" in mail.outbox[0].body


def test_course_validity_sets_the_expiry(gt_trainee):
    course = course_with_exam(validity_months=24)
    complete_course(gt_trainee, course)
    certificate = Certificate.objects.get(user=gt_trainee)
    assert certificate.expires_at.year == certificate.issued_at.year + 2


def test_expired_certificate_is_not_valid_now(certificate):
    assert Certificate.objects.valid_now().count() == 1
    expire(certificate)
    assert certificate.effective_status == "expired"
    assert Certificate.objects.valid_now().count() == 0


def test_revoke_records_who_when_and_why(certificate, manager_gt):
    certificate_revoke(certificate=certificate, actor=manager_gt, reason="Identity fraud")
    certificate.refresh_from_db()
    assert certificate.status == "revoked"
    assert certificate.revoked_by == manager_gt
    assert certificate.revoked_at is not None
    assert certificate.revoke_reason == "Identity fraud"
    event = certificate.events.get(action="revoked")
    assert event.actor == manager_gt and event.note == "Identity fraud"


def test_revoke_without_reason_changes_nothing(certificate, manager_gt):
    with pytest.raises(CertificateError):
        certificate_revoke(certificate=certificate, actor=manager_gt, reason="  ")
    certificate.refresh_from_db()
    assert certificate.status == "valid"


def test_reissue_after_a_name_correction_supersedes_the_old_one(certificate, manager_gt):
    user = certificate.user
    user.full_name = "José Ángel Pérez Muñoz de León"
    user.save()
    new = certificate_reissue(certificate=certificate, actor=manager_gt)
    certificate.refresh_from_db()
    assert certificate.status == "superseded"
    assert new.supersedes == certificate
    assert new.code != certificate.code
    assert new.holder_name == "José Ángel Pérez Muñoz de León"
    assert new.completed_at == certificate.completed_at
    assert list(new.events.values_list("action", "actor")) == [("reissued", manager_gt.pk)]
    assert certificate.events.filter(action="reissued", actor=manager_gt).exists()


def test_revoked_certificate_cannot_be_reissued(certificate, manager_gt):
    certificate_revoke(certificate=certificate, actor=manager_gt, reason="Fraud")
    with pytest.raises(CertificateError):
        certificate_reissue(certificate=certificate, actor=manager_gt)
    assert Certificate.objects.count() == 1


def test_renewal_can_start_only_when_expired(certificate, gt_trainee):
    with pytest.raises(CertificateError):
        certificate_renewal_start(certificate=certificate, user=gt_trainee)
    expire(certificate)
    enrollment = certificate_renewal_start(certificate=certificate, user=gt_trainee)
    assert enrollment.renewal_started_at is not None


def test_passing_the_exam_again_renews_an_expired_certificate(certificate):
    expire(certificate)
    new = certificate_renew(enrollment=certificate.enrollment, score_percent=Decimal("88"))
    certificate.refresh_from_db()
    assert certificate.status == "superseded"
    assert new.supersedes == certificate
    assert new.effective_status == "valid"
    assert new.score_percent == Decimal("88")
    assert new.events.get().action == "renewed"


def test_passing_the_exam_with_a_current_certificate_changes_nothing(certificate):
    same = certificate_renew(enrollment=certificate.enrollment, score_percent=Decimal("50"))
    assert same.pk == certificate.pk
    assert Certificate.objects.count() == 1


def test_renewed_certificate_expires_again_after_the_validity(gt_trainee):
    course = course_with_exam(validity_months=12)
    complete_course(gt_trainee, course)
    old = expire(Certificate.objects.get(user=gt_trainee))
    new = certificate_renew(enrollment=old.enrollment)
    assert new.expires_at > timezone.now() + timedelta(days=360)


@pytest.mark.skipif(not apps.is_installed("assessments"), reason="needs the quiz app")
def test_completing_again_after_expiry_renews_the_certificate(certificate):
    from types import SimpleNamespace

    from learning.signals import enrollment_completed

    expire(certificate)
    enrollment_completed.send(
        sender=None,
        enrollment=certificate.enrollment,
        final_attempt=SimpleNamespace(score_percent=Decimal("91")),
    )
    assert Certificate.objects.get(status="valid").supersedes == certificate


def test_certificate_stays_verifiable_after_its_course_page_is_deleted(certificate, client):
    CoursePage.objects.get(pk=certificate.course_id).delete()
    certificate.refresh_from_db()
    assert certificate.course_id is None
    page = client.get(f"/en/certificates/verify/{certificate.display_code}/")
    assert "This certificate is valid." in page.content.decode()
    assert "Interviewing victims" in page.content.decode()


def test_a_failing_mail_server_does_not_fail_the_completion(
    gt_trainee, course, django_capture_on_commit_callbacks, monkeypatch
):
    def broken(*args, **kwargs):
        raise ConnectionRefusedError("SMTP down")

    monkeypatch.setattr("certificates.services.send_mail", broken)
    with django_capture_on_commit_callbacks(execute=True):
        complete_course(gt_trainee, course)
    assert Certificate.objects.filter(user=gt_trainee).count() == 1
