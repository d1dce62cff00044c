"""The gate before enrolment: what the trainee sees, in their language, and what is kept."""

import datetime

import pytest

from learning.models import Enrollment
from learning.services import enrollment_request
from tests import factories
from vetting.api import Gate, VettingRecord, VettingRequest, enrolment_gate, vetting_decide

from .conftest import TODAY, course_url, enrol

pytestmark = pytest.mark.django_db

AWAITING_EN = "Your enrolment awaits vetting."
AWAITING_ES = "Su inscripción está pendiente de la verificación de antecedentes."
NOT_APPROVED_EN = "Your enrolment request could not be approved."
NOT_APPROVED_ES = "Su solicitud de inscripción no pudo ser aprobada."


def test_a_course_without_vetting_enrols_at_once(world):
    response = enrol(world.client(world.gt), world.open_course)
    assert Enrollment.objects.filter(user=world.gt, course=world.open_course).exists()
    assert "You are enrolled" in response.content.decode()
    assert not VettingRecord.objects.exists()
    assert not VettingRequest.objects.exists()


@pytest.mark.parametrize(
    ("language", "received", "awaiting"),
    [
        ("en", "Your enrolment request has been received.", AWAITING_EN),
        ("es", "Su solicitud de inscripción ha sido recibida.", AWAITING_ES),
    ],
)
def test_enrolling_without_clearance_waits_with_the_message_in_the_language(
    world, language, received, awaiting
):
    client = world.client(world.gt)
    html = enrol(client, world.course, language).content.decode()
    assert received in html
    assert awaiting in html
    assert not Enrollment.objects.filter(user=world.gt).exists()
    record = VettingRecord.objects.get(trainee=world.gt)
    assert record.status == VettingRecord.Status.PENDING
    assert VettingRequest.objects.filter(trainee=world.gt, course=world.course).count() == 1
    # The course page shows the waiting state instead of the Enrol button.
    page = client.get(course_url(world.course, language)).content.decode()
    assert awaiting in page
    assert "enrol/" not in page
    # Asking again changes nothing.
    enrol(client, world.course, language)
    assert VettingRecord.objects.filter(trainee=world.gt).count() == 1
    assert VettingRequest.objects.filter(trainee=world.gt).count() == 1


def test_a_refusal_reads_could_not_be_approved_never_refused(world):
    enrolment_gate(trainee=world.hn, course=world.course)
    vetting_decide(
        trainee=world.hn,
        actor=world.manager_hn,
        status=VettingRecord.Status.REFUSED,
        decision_date=TODAY,
    )
    client = world.client(world.hn)
    for language, expected in (("en", NOT_APPROVED_EN), ("es", NOT_APPROVED_ES)):
        for html in (
            enrol(client, world.other, language).content.decode(),
            client.get(course_url(world.course, language)).content.decode(),
        ):
            assert expected in html
            lowered = html.lower()
            assert "refused" not in lowered and "rechaz" not in lowered
            assert "denegad" not in lowered
    assert not Enrollment.objects.filter(user=world.hn).exists()


def test_a_clearance_enrols_at_once(world):
    vetting_decide(
        trainee=world.gt,
        actor=world.manager_gt,
        status=VettingRecord.Status.CLEARED,
        decision_date=TODAY,
        today=TODAY,
    )
    result = enrollment_request(user=world.gt, course=world.course, today=TODAY)
    assert result.gate is Gate.OPEN and result.created
    assert not VettingRequest.objects.exists()


def test_an_expired_clearance_queues_a_new_request_and_keeps_enrolments(world):
    decided = TODAY - datetime.timedelta(days=400)
    vetting_decide(
        trainee=world.gt,
        actor=world.manager_gt,
        status=VettingRecord.Status.CLEARED,
        decision_date=decided,
        today=decided,
    )
    first = VettingRecord.objects.get(trainee=world.gt)
    assert first.expires_on == datetime.date(2026, 2, 3)  # one year after decision
    enrolled = enrollment_request(user=world.gt, course=world.course, today=decided)
    assert enrolled.gate is Gate.OPEN
    # A year and more later: the clearance has expired.
    result = enrollment_request(user=world.gt, course=world.other, today=TODAY)
    assert result.gate is Gate.AWAITING and result.enrollment is None
    records = list(VettingRecord.objects.filter(trainee=world.gt).order_by("pk"))
    assert [r.status for r in records] == ["cleared", "pending"]  # the history stays
    # The enrolment made while cleared stays, and enrolling in it again says so.
    again = enrollment_request(user=world.gt, course=world.course, today=TODAY)
    assert again.gate is Gate.OPEN and again.enrollment == enrolled.enrollment
    assert Enrollment.objects.filter(user=world.gt).count() == 1


def test_the_expiry_day_itself_still_counts(world):
    vetting_decide(
        trainee=world.gt,
        actor=world.manager_gt,
        status=VettingRecord.Status.CLEARED,
        decision_date=TODAY,
        expires_on=TODAY + datetime.timedelta(days=5),
        today=TODAY,
    )
    last_day = TODAY + datetime.timedelta(days=5)
    assert enrolment_gate(trainee=world.gt, course=world.course, today=last_day) is Gate.OPEN
    day_after = last_day + datetime.timedelta(days=1)
    assert enrolment_gate(trainee=world.gt, course=world.course, today=day_after) is Gate.AWAITING


@pytest.mark.parametrize("who", ["manager_hn", "trainer", "admin"])
def test_staff_are_never_vetted(world, who):
    """Staff are never trainees: the gate deliberately lets them through (documented)."""
    user = getattr(world, who)
    enrol(world.client(user), world.course)
    assert Enrollment.objects.filter(user=user, course=world.course).exists()
    assert not VettingRecord.objects.exists()


def test_merged_accounts_keep_the_vetting_history(world):
    from accounts.merging import account_merge

    other = factories.trainee("hn.old@example.org", code="HN", full_name="Ana Núñez")
    vetting_decide(
        trainee=other,
        actor=world.manager_hn,
        status=VettingRecord.Status.CLEARED,
        decision_date=TODAY,
        today=TODAY,
    )
    enrolment_gate(trainee=world.hn, course=world.course, today=TODAY)
    account_merge(source=other, target=world.hn, actor=world.admin)
    records = VettingRecord.objects.filter(trainee=world.hn).order_by("pk")
    assert [r.status for r in records] == ["cleared", "pending"]
    assert VettingRequest.objects.filter(trainee=world.hn, closed_at__isnull=True).count() == 1
