"""Certificate services at their edges: what a reissue keeps and refreshes, who may renew."""

import pytest

from certificates.codes import code_display
from certificates.models import Certificate
from certificates.services import (
    CertificateError,
    certificate_reissue,
    certificate_renewal_start,
)
from courses.models import CoursePage
from tests import factories

from .conftest import expire

pytestmark = pytest.mark.django_db


def test_reissue_keeps_the_enrolment_and_refreshes_the_course_title(certificate, manager_gt):
    CoursePage.objects.filter(pk=certificate.course_id).update(
        title_en="Interviewing victims (2nd edition)", title_es="Entrevista (2.ª edición)"
    )
    new = certificate_reissue(certificate=certificate, actor=manager_gt)
    new.refresh_from_db()
    assert new.enrollment_id == certificate.enrollment_id
    assert new.course_titles == {
        "en": "Interviewing victims (2nd edition)",
        "es": "Entrevista (2.ª edición)",
    }


def test_reissue_notes_name_both_codes_in_the_audit_trail(certificate, manager_gt):
    new = certificate_reissue(certificate=certificate, actor=manager_gt)
    assert new.events.get(action="reissued").note == f"replaces {code_display(certificate.code)}"
    assert certificate.events.get(action="reissued").note == (
        f"replaced by {code_display(new.code)}"
    )


def test_reissue_keeps_the_snapshot_of_a_deleted_account(certificate, manager_gt):
    certificate.user.delete()
    certificate.refresh_from_db()
    new = certificate_reissue(certificate=certificate, actor=manager_gt)
    assert new.user is None
    assert new.holder_name == certificate.holder_name
    assert new.country_code == "GT"


def test_someone_else_cannot_renew_an_expired_certificate(certificate):
    expire(certificate)
    stranger = factories.trainee("stranger@example.org")
    with pytest.raises(CertificateError):
        certificate_renewal_start(certificate=certificate, user=stranger)
    certificate.enrollment.refresh_from_db()
    assert certificate.enrollment.renewal_started_at is None


def test_a_certificate_without_enrolment_cannot_be_renewed(certificate, gt_trainee):
    expire(certificate)
    Certificate.objects.filter(pk=certificate.pk).update(enrollment=None)
    certificate.refresh_from_db()
    with pytest.raises(CertificateError):
        certificate_renewal_start(certificate=certificate, user=gt_trainee)


@pytest.mark.parametrize("reason", ["", None])
def test_revoking_without_any_reason_is_refused(certificate, manager_gt, reason):
    from certificates.services import certificate_revoke

    with pytest.raises(CertificateError):
        certificate_revoke(certificate=certificate, actor=manager_gt, reason=reason)
    certificate.refresh_from_db()
    assert certificate.status == "valid"
    assert not certificate.events.filter(action="revoked").exists()
