"""The queue at /admin/vetting/: scope, decisions, the e-mail, the audit trail, queries."""

import csv
import io

import openpyxl
import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from accounts.models import AuditEvent
from learning.models import Enrollment
from tests import factories
from vetting.api import VettingRecord, VettingRequest, enrolment_gate

from .conftest import QUEUE, TODAY, course_url

pytestmark = pytest.mark.django_db


def decide(client, trainee, **data):
    form = {
        "status": "cleared",
        "decision_date": TODAY.isoformat(),
        "reference": "VET-2026-0042",
        "expires_on": "",
        **data,
    }
    return client.post(f"{QUEUE}{trainee.pk}/", form)


def body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


@pytest.fixture
def waiting(world):
    """Both trainees asked to enrol in the vetted course."""
    enrolment_gate(trainee=world.hn, course=world.course)
    enrolment_gate(trainee=world.gt, course=world.course)
    return world


def test_a_request_reaches_only_its_countrys_managers(waiting):
    world = waiting
    html = world.client(world.manager_hn).get(QUEUE).content.decode()
    assert "Ana Núñez" in html and "Luis Pérez" not in html
    assert "Trafficking cases" in html
    assert world.client(world.manager_hn).get(f"{QUEUE}{world.gt.pk}/").status_code == 404
    assert world.client(world.manager_hn).get(f"{QUEUE}{world.hn.pk}/").status_code == 200
    # Nothing for a manager given no country; another country's record is a 404.
    none = world.client(world.manager_none)
    html = none.get(QUEUE).content.decode()
    assert "Ana Núñez" not in html and "Luis Pérez" not in html
    assert none.get(f"{QUEUE}{world.hn.pk}/").status_code == 404
    assert decide(none, world.hn).status_code == 404
    # A decision on another country's trainee changes nothing.
    assert decide(world.client(world.manager_hn), world.gt).status_code == 404
    assert VettingRecord.objects.get(trainee=world.gt).status == "pending"
    # The administrator sees both.
    html = world.client(world.admin).get(QUEUE).content.decode()
    assert "Ana Núñez" in html and "Luis Pérez" in html


def test_only_managers_and_administrators_have_the_queue(waiting):
    world = waiting
    assert world.client(world.trainer).get(QUEUE).status_code == 403
    assert world.client(world.trainer).get(f"{QUEUE}{world.hn.pk}/").status_code == 403
    assert world.client(world.hn).get(QUEUE).status_code == 403
    menu = world.client(world.manager_hn).get("/admin/").content.decode()
    assert QUEUE in menu
    assert QUEUE not in world.client(world.trainer).get("/admin/").content.decode()


def test_a_clearance_enrols_the_waiting_requests_and_emails_in_the_trainees_language(
    waiting, django_capture_on_commit_callbacks
):
    world = waiting
    enrolment_gate(trainee=world.hn, course=world.other)
    trainee_client = world.client(world.hn)
    page = course_url(world.course, "es")
    assert "pendiente" in trainee_client.get(page).content.decode()  # stored for the trainee
    with django_capture_on_commit_callbacks(execute=True):
        response = decide(world.client(world.manager_hn), world.hn)
    assert response.status_code == 302
    record = VettingRecord.objects.get(trainee=world.hn)
    assert (record.status, record.reference, record.decision_date) == (
        "cleared",
        "VET-2026-0042",
        TODAY,
    )
    assert record.expires_on == TODAY.replace(year=TODAY.year + 1)
    assert set(Enrollment.objects.filter(user=world.hn).values_list("course", flat=True)) == {
        world.course.pk,
        world.other.pk,
    }
    assert not VettingRequest.objects.filter(trainee=world.hn, closed_at__isnull=True).exists()
    (message,) = mail.outbox
    assert message.to == ["hn@example.org"]
    assert "comenzar" in message.subject
    assert "Casos de trata" in message.body and "Trabajo encubierto" in message.body
    assert "/es/" in message.body
    # The trainee's stored course page is not served again: it shows the enrolment.
    html = trainee_client.get(page).content.decode()
    assert "pendiente" not in html
    assert "enrol/" not in html
    assert f'href="{page}leccion-1/"' in html  # lessons open to the enrolled trainee
    # The Guatemalan trainee still waits.
    assert not Enrollment.objects.filter(user=world.gt).exists()


def test_an_english_trainee_gets_the_email_in_english(waiting, django_capture_on_commit_callbacks):
    world = waiting
    with django_capture_on_commit_callbacks(execute=True):
        decide(world.client(world.manager_gt), world.gt)
    (message,) = mail.outbox
    assert "you can start" in message.subject
    assert "Trafficking cases" in message.body


@pytest.mark.parametrize(
    ("who", "subject", "words"),
    [
        ("hn", "su solicitud de inscripción", "no pudo ser aprobada"),
        ("gt", "your enrolment request", "could not be approved"),
    ],
)
def test_a_refusal_tells_the_trainee_it_could_not_be_approved(
    waiting, django_capture_on_commit_callbacks, who, subject, words
):
    world = waiting
    trainee = getattr(world, who)
    manager = world.manager_hn if who == "hn" else world.manager_gt
    with django_capture_on_commit_callbacks(execute=True):
        decide(world.client(manager), trainee, status="refused")
    (message,) = mail.outbox
    assert message.to == [trainee.email]
    assert subject in message.subject
    text = (message.subject + message.body).lower()
    assert words in text
    assert "refus" not in text and "rechaz" not in text and "deneg" not in text
    assert ("Casos de trata" if who == "hn" else "Trafficking cases") in message.body


def test_a_refusal_without_waiting_requests_sends_nothing(
    world, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        decide(world.client(world.manager_hn), world.hn, status="refused")
    assert mail.outbox == []


def test_every_decision_goes_to_the_audit_trail(waiting):
    world = waiting
    manager = world.client(world.manager_hn)
    decide(manager, world.hn, status="refused")
    decide(manager, world.hn, status="cleared")
    events = list(
        AuditEvent.objects.filter(action__startswith="vetting_")
        .order_by("pk")
        .values_list("action", "actor", "subject", "country", "target")
    )
    target = f"vetting of trainee {world.hn.pk}"
    assert events == [
        ("vetting_refused", world.manager_hn.pk, world.hn.pk, "HN", target),
        ("vetting_cleared", world.manager_hn.pk, world.hn.pk, "HN", target),
    ]
    # The refusal answered the pending record; the clearance is a new record (history kept).
    assert list(
        VettingRecord.objects.filter(trainee=world.hn)
        .order_by("pk")
        .values_list("status", flat=True)
    ) == ["refused", "cleared"]
    assert "Ana Núñez" not in "".join(AuditEvent.objects.values_list("target", flat=True))


def test_a_bad_decision_is_refused_with_the_form(waiting):
    world = waiting
    response = decide(
        world.client(world.manager_hn),
        world.hn,
        expires_on="2020-01-01",
        decision_date="2026-03-10",
    )
    assert response.status_code == 400
    assert VettingRecord.objects.get(trainee=world.hn).status == "pending"
    assert not AuditEvent.objects.filter(action__startswith="vetting_").exists()


def test_the_form_defaults_to_today_and_a_year(waiting):
    world = waiting
    html = world.client(world.manager_hn).get(f"{QUEUE}{world.hn.pk}/").content.decode()
    assert "Record the decision" in html


def test_pending_first_and_the_status_filter(waiting):
    world = waiting
    decide(world.client(world.admin), world.gt, status="refused")
    client = world.client(world.admin)
    html = client.get(QUEUE).content.decode()
    assert html.index("Ana Núñez") < html.index("Luis Pérez")
    pending = client.get(QUEUE + "?status=pending").content.decode()
    assert "Ana Núñez" in pending and "Luis Pérez" not in pending
    refused = client.get(QUEUE + "?status=refused").content.decode()
    assert "Ana Núñez" not in refused and "Luis Pérez" in refused


def test_the_queue_export_holds_vetting_data_in_scope_and_is_audited(waiting):
    world = waiting
    decide(world.client(world.admin), world.gt, reference="=HYPERLINK(1)")
    decide(world.client(world.admin), world.hn, status="refused", reference="REF-HN")
    client = world.client(world.manager_gt)
    response = client.get(QUEUE + "?export=csv")
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(body(response).decode("utf-8-sig"))))
    assert rows[0][:5] == ["Trainee", "E-mail", "Country code", "Agency", "Status"]
    assert len(rows) == 2
    assert rows[1][0] == "Luis Pérez" and rows[1][4] == "cleared"
    assert "'=HYPERLINK(1)" in rows[1]  # spreadsheet-safe
    assert "REF-HN" not in body(response).decode("utf-8-sig")
    assert "private" in response["Cache-Control"]
    xlsx = client.get(QUEUE + "?export=xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(body(xlsx)), read_only=True).active
    values = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert values[1][0] == "Luis Pérez" and "=HYPERLINK(1)" in values[1]
    exported = AuditEvent.objects.filter(
        action=AuditEvent.Action.REPORT_EXPORTED, actor=world.manager_gt
    )
    today = timezone.localdate().isoformat()
    assert sorted(exported.values_list("target", flat=True)) == [
        f"vetting-{today}.csv",
        f"vetting-{today}.xlsx",
    ]


def test_the_queue_costs_the_same_queries_for_n_and_2n_trainees(world):
    def add(count):
        for _ in range(count):
            trainee = factories.trainee(code="HN")
            enrolment_gate(trainee=trainee, course=world.course)
            enrolment_gate(trainee=trainee, course=world.other)

    client = world.client(world.manager_hn)

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(QUEUE).status_code == 200
        return len(captured)

    add(3)
    client.get(QUEUE)  # warm up (session, content types)
    first = queries()
    add(3)
    assert queries() == first
