"""The funder's PDF keeps every label whole and every character inside the margins,
with long course and agency names, in each language."""

import io
import re

import pypdfium2
import pytest
from pypdf import PdfReader
from wagtail.users.models import UserProfile

from tests.reports.helpers import BASE, content

pytestmark = pytest.mark.django_db

MARGIN_PT = 14 / 25.4 * 72  # the template's left and right page margins (14 mm)
LONG_AGENCY = {
    "en": "Financial Information Unit of the National Banking and Insurance Commission (UIF-CNBS)",
    "es": "Unidad de Información Financiera de la Comisión Nacional de Bancos y Seguros (UIF-CNBS)",
}
LONG_COURSE = {
    "en": "Investigating Human-Smuggling and Trafficking Networks Across Borders: "
    "Financial Information, Digital Evidence and Victim-Centred Interviewing",
    "es": "Investigación de redes transfronterizas de tráfico ilícito de migrantes y trata "
    "de personas: información financiera, evidencia digital y entrevista centrada en la víctima",
}


def characters_outside_the_margins(data: bytes) -> list[str]:
    found = []
    document = pypdfium2.PdfDocument(data)
    try:
        for number, page in enumerate(document, start=1):
            width = page.get_width()
            text = page.get_textpage()
            for index in range(text.count_chars()):
                char = text.get_text_range(index, 1)
                if not char.strip():
                    continue
                left, _bottom, right, _top = text.get_charbox(index)
                if left < MARGIN_PT - 1 or right > width - MARGIN_PT + 1:
                    found.append(f"page {number}: {char!r} at {left:.0f}-{right:.0f}")
    finally:
        document.close()
    return found


def flat(text: str) -> str:
    """Text without line breaks, hyphenation or spaces, to find a name however it wraps."""
    return re.sub(r"[\s\-‐]", "", text)


@pytest.mark.parametrize("language", ["en", "es"])
def test_pdf_summary_keeps_long_names_whole_and_inside_the_margins(client, world, language):
    agency = world.agencies["HN"][0]
    agency.name_en, agency.name_es = LONG_AGENCY["en"], LONG_AGENCY["es"]
    agency.save()
    course = world.courses[0]
    course.title_en, course.title_es = LONG_COURSE["en"], LONG_COURSE["es"]
    course.save()
    manager = world.people["manager_all"]
    profile = UserProfile.get_for_user(manager)
    profile.preferred_language = language
    profile.save()
    client.force_login(manager)

    response = client.get(f"{BASE}/countries/HN/summary.pdf")
    assert response.status_code == 200
    data = content(response)
    assert characters_outside_the_margins(data) == []
    text = flat("".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages))
    # The agency's name whole: in its table and as the label of its bar in the chart.
    assert text.count(flat(LONG_AGENCY[language])) == 2
    for title in LONG_COURSE.values():  # the by-course table has a column per language
        assert flat(title) in text
    assert "…" not in text
