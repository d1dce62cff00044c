"""CSV/XLSX exports hold the screen's rows; the PDF summary is built offline."""

import datetime
import re
import zlib

import pytest
from django.template.loader import render_to_string
from django.utils import timezone

from accounts.models import User
from accounts.scoping import trainees_visible_to
from core.pdf import data_only_fetcher
from reports import pdf
from reports.queries import ReportFilters
from tests.reports.helpers import BASE, csv_rows, same, screen_rows, xlsx_rows

pytestmark = pytest.mark.django_db


def pdf_streams(data: bytes) -> bytes:
    """The PDF's objects, inflated (fonts and text live in compressed streams)."""
    inflated = [data]
    for stream in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", data, re.S):
        try:
            inflated.append(zlib.decompress(stream))
        except zlib.error:
            pass
    return b"".join(inflated)


def assert_export_matches_screen(screen, exported, columns):
    """Each screen row has an exported row with the same figures (``columns`` maps them)."""
    assert len(exported) == len(screen)
    for shown_row, exported_row in zip(screen, exported, strict=True):
        for shown_index, exported_index in columns.items():
            assert same(shown_row[shown_index], exported_row[exported_index]), (
                shown_row,
                exported_row,
            )


# Screen column → export column, per report.
COUNTRY_COLUMNS = {0: 1, **{i: i + 2 for i in range(1, 9)}}
COURSE_COLUMNS = {0: 0, 1: 2, 2: 3, 3: 4, 4: 5, 5: 6, 6: 7}
GAIN_COLUMNS = {2: 5, 3: 6, 4: 7, 5: 8}


def test_country_xlsx_holds_the_screen_rows(client, world):
    client.force_login(world.people["manager_all"])
    screen = screen_rows(client.get(f"{BASE}/countries/"))
    rows = xlsx_rows(client.get(f"{BASE}/countries/", {"export": "xlsx"}))
    assert rows[0][:3] == ["Code", "Country (English)", "Country (Spanish)"]
    assert_export_matches_screen(screen, rows[1:], COUNTRY_COLUMNS)


def test_country_csv_holds_the_screen_rows_with_the_course_filter(client, world):
    course = world.courses[0]
    client.force_login(world.people["manager_all"])
    params = {"course": course.pk}
    screen = screen_rows(client.get(f"{BASE}/countries/", params))
    rows = csv_rows(client.get(f"{BASE}/countries/", {**params, "export": "csv"}))
    assert rows[0][-3:] == ["Course (English)", "Course (Spanish)", "Figures as of (UTC)"]
    assert {tuple(row[-3:-1]) for row in rows[1:]} == {(course.title_en, course.title_es)}
    assert_export_matches_screen(screen, rows[1:], COUNTRY_COLUMNS)


@pytest.mark.parametrize("export", ["csv", "xlsx"])
@pytest.mark.parametrize(
    "path", ["/countries/", "/countries/MX/", "/courses/", "/knowledge-gain/", "/evaluation/"]
)
def test_every_export_says_when_its_figures_were_computed(client, world, path, export):
    """Computed live: the time of the export, in UTC, on every row (a CSV stays one table);
    in XLSX a date-time cell, so a spreadsheet sorts and filters it as one."""
    client.force_login(world.people["manager_all"])
    before = timezone.now().astimezone(datetime.UTC).replace(second=0, microsecond=0)
    response = client.get(f"{BASE}{path}", {"export": export})
    after = timezone.now().astimezone(datetime.UTC)
    rows = csv_rows(response) if export == "csv" else xlsx_rows(response)
    assert rows[0][-1] == "Figures as of (UTC)"
    assert len(rows) > 1
    for row in rows[1:]:
        if export == "csv":
            stamp = datetime.datetime.strptime(row[-1], "%Y-%m-%d %H:%M")
        else:
            assert isinstance(row[-1], datetime.datetime)
            stamp = row[-1]
        assert before <= stamp.replace(tzinfo=datetime.UTC) <= after


def test_the_as_of_heading_is_in_the_admin_language(client, world):
    from wagtail.users.models import UserProfile

    manager = world.people["manager_all"]
    profile = UserProfile.get_for_user(manager)
    profile.preferred_language = "es"
    profile.save()
    client.force_login(manager)
    rows = csv_rows(client.get(f"{BASE}/countries/", {"export": "csv"}))
    assert rows[0][-1] == "Cifras al (UTC)"


def test_course_export_has_both_languages_titles(client, world):
    client.force_login(world.people["manager_all"])
    screen = screen_rows(client.get(f"{BASE}/courses/"))
    rows = xlsx_rows(client.get(f"{BASE}/courses/", {"export": "xlsx"}))
    assert rows[0][:2] == ["Course (English)", "Course (Spanish)"]
    assert [(r[0], r[1]) for r in rows[1:]] == [(c.title_en, c.title_es) for c in world.courses]
    assert_export_matches_screen(screen, rows[1:], COURSE_COLUMNS)


def test_knowledge_gain_export_matches_the_screen(client, world):
    client.force_login(world.people["manager_all"])
    screen = screen_rows(client.get(f"{BASE}/knowledge-gain/"))
    rows = xlsx_rows(client.get(f"{BASE}/knowledge-gain/", {"export": "xlsx"}))
    assert rows[0][:2] == ["Course (English)", "Course (Spanish)"]
    assert {r[1] for r in rows[1:]} == {world.courses[0].title_es}
    assert_export_matches_screen(screen, rows[1:], GAIN_COLUMNS)


def test_drill_down_and_transcript_exports_match_the_screen(client, world):
    trainee = User.objects.filter(country=world.countries["MX"], enrollments__isnull=False)[0]
    client.force_login(world.people["manager_all"])
    agencies = screen_rows(client.get(f"{BASE}/countries/MX/"))
    rows = xlsx_rows(client.get(f"{BASE}/countries/MX/", {"export": "xlsx"}))
    assert_export_matches_screen(agencies, rows[1:], {0: 3, **{i: i + 4 for i in range(1, 9)}})
    transcript = screen_rows(client.get(f"{BASE}/trainees/{trainee.pk}/"))
    rows = xlsx_rows(client.get(f"{BASE}/trainees/{trainee.pk}/", {"export": "xlsx"}))
    assert rows[0][:2] == ["Course (English)", "Course (Spanish)"]
    assert_export_matches_screen(transcript, rows[1:], {0: 0, 2: 4, 3: 5, 5: 7, 6: 8, 7: 9})


def test_pdf_summary_is_a_pdf_made_without_network(client, world):
    client.force_login(world.people["manager_hn"])
    response = client.get(f"{BASE}/countries/HN/summary.pdf", {"period_from": "2020-01-01"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert b"DejaVu" in pdf_streams(response.content)  # the embedded font
    fetcher = data_only_fetcher()
    for address in ("https://example.org/logo.png", "file:///etc/passwd"):
        with pytest.raises(ValueError):
            fetcher(address)


def test_pdf_summary_holds_the_country_figures_and_chart(world):
    country = world.countries["HN"]
    trainees = trainees_visible_to(world.people["manager_hn"])
    filters = ReportFilters(country=country)
    context = pdf.summary_context(country=country, trainees=trainees, filters=filters)
    html = render_to_string("reports/country_summary_pdf.html", context)
    expected_enrolments = sum(
        u.enrollments.count() for u in User.objects.filter(country=country, is_staff=False)
    )
    assert context["total"].enrolments == expected_enrolments
    assert "Training summary: Honduras" in html
    assert "<svg" in html and "<title" in html and "<desc" in html
    assert "Guatemala" not in html
    assert "Interviewing victims" in html and "Entrevista" in html


def test_pdf_period_label(world):
    start = timezone.now().replace(year=2026, month=1, day=1)
    assert pdf.period_label(ReportFilters()) == "All time"
    assert "2026" in pdf.period_label(ReportFilters(start=start))
