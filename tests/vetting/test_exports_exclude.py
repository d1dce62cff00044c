"""Vetting records leave the platform only through the vetting queue's own export."""

import io

import openpyxl
import pytest

from accounts.models import AuditEvent
from vetting.api import VettingRecord, enrolment_gate, vetting_decide

from .conftest import TODAY

pytestmark = pytest.mark.django_db

REFERENCE = "VET-SECRET-0042"


def body(response) -> str:
    raw = b"".join(response.streaming_content) if response.streaming else response.content
    if raw.startswith(b"PK"):  # XLSX: every cell as text
        sheet = openpyxl.load_workbook(io.BytesIO(raw), read_only=True).active
        return "\n".join(
            " ".join(str(cell) for cell in row if cell is not None)
            for row in sheet.iter_rows(values_only=True)
        )
    return raw.decode("utf-8-sig")


def assert_no_vetting(text: str) -> None:
    lowered = text.lower()
    assert REFERENCE.lower() not in lowered
    for word in ("vetting", "cleared", "refused", "verificación de antecedentes", "rechaz"):
        assert word not in lowered, word


@pytest.fixture
def vetted(world):
    """Honduras' trainee was refused then cleared (with a reference); Guatemala's waits."""
    enrolment_gate(trainee=world.hn, course=world.course)
    enrolment_gate(trainee=world.gt, course=world.course)
    for status in (VettingRecord.Status.REFUSED, VettingRecord.Status.CLEARED):
        vetting_decide(
            trainee=world.hn,
            actor=world.manager_hn,
            status=status,
            decision_date=TODAY,
            reference=REFERENCE,
            today=TODAY,
        )
    return world


def test_the_report_exports_hold_no_vetting_data(vetted):
    world = vetted
    client = world.client(world.admin)
    base = "/admin/reports/program"
    urls = [
        f"{base}/all-trainees.csv",
        f"{base}/all-trainees.xlsx",
        f"{base}/countries/?export=csv",
        f"{base}/countries/HN/?export=csv",
        f"{base}/agencies/{world.hn.agency_id}/?export=csv",
        f"{base}/agencies/{world.hn.agency_id}/?export=xlsx",
        f"{base}/trainees/{world.hn.pk}/?export=csv",
        f"{base}/trainees/{world.hn.pk}/?export=xlsx",
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        text = body(response)
        # The export is about her (her name, her country, or her enrolment).
        assert any(mark in text for mark in ("Ana Núñez", "HN", "Trafficking cases")), url
        assert_no_vetting(text)


def test_download_my_data_holds_no_vetting_data(vetted):
    world = vetted
    assert AuditEvent.objects.filter(subject=world.hn, action__startswith="vetting_").count() == 2
    for language in ("en", "es"):
        response = world.client(world.hn).get(f"/{language}/accounts/privacy/my-data.json")
        assert response.status_code == 200
        text = body(response)
        assert "Ana Núñez" in text
        assert_no_vetting(text)


def test_the_queue_export_does_hold_it(vetted):
    text = body(vetted.client(vetted.admin).get("/admin/vetting/?export=csv"))
    assert REFERENCE in text and "cleared" in text
