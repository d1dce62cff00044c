"""The audit log's targets read in the admin's language; the stored text holds ids only."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import translation
from wagtail.users.models import UserProfile

from accounts.audit_targets import target_label
from accounts.models import AuditEvent, User
from tests import factories

STORED = {
    "transcript of trainee 5 (print)": "expediente del participante 5 (impresión)",
    "transcript of trainee 5 (screen)": "expediente del participante 5 (pantalla)",
    "transcript of trainee 5 (xlsx)": "expediente del participante 5 (XLSX)",
    "transcript of trainee 42": "expediente del participante 42",
    "user 7": "usuario 7",
    "certificate 7KQ4-M2ZD-X9PA-3HRT": "certificado 7KQ4-M2ZD-X9PA-3HRT",
    "profile of user 3: country HN -> GT, agency 4 -> -": (
        "perfil del usuario 3: país HN → GT, institución 4 → -"
    ),
}


@pytest.mark.parametrize(("stored", "spanish"), STORED.items())
def test_every_stored_target_reads_in_spanish(stored, spanish):
    with translation.override("es"):
        assert target_label(stored) == spanish
    with translation.override("en"):
        assert target_label(stored).split()[0] == stored.split()[0]


def test_other_targets_are_shown_as_stored():
    for stored in (
        "progress-by-country-2026-11-30.csv",
        "transcript of trainee 5 (=HYPERLINK)",
        "user 7 and more",
    ):
        with translation.override("es"):
            assert target_label(stored) == stored


@pytest.mark.django_db
def test_the_spanish_audit_log_shows_a_printed_transcript_translated_and_without_a_name(client):
    factories.country("HN", en="Honduras", es="Honduras")
    trainee = factories.trainee("t.hn@example.org", code="HN", full_name="María Núñez")
    admin = User.objects.create_superuser("admin@example.org", "x", full_name="Admin")
    client.force_login(admin)
    profile = UserProfile.get_for_user(admin)
    profile.preferred_language = "es"
    profile.save()

    response = client.get(reverse("program_reports:transcript_print", args=[trainee.pk]))
    assert response.status_code == 200
    event = AuditEvent.objects.get(subject=trainee)
    # Stored language-neutral, with the id and never the name.
    assert event.target == f"transcript of trainee {trainee.pk} (print)"
    assert "Núñez" not in event.target

    page = client.get(reverse("audit_log:index"))
    cells = [
        cell.get_text(" ", strip=True)
        for cell in BeautifulSoup(page.content, "html.parser").select("table tbody td")
    ]
    assert f"expediente del participante {trainee.pk} (impresión)" in cells
    assert not any("transcript of" in cell for cell in cells)
    # The export keeps the stored text.
    export = client.get(reverse("audit_log:index") + "?export=csv")
    assert f"transcript of trainee {trainee.pk} (print)" in b"".join(
        export.streaming_content if export.streaming else [export.content]
    ).decode("utf-8-sig")
