"""A program manager for Honduras filters and exports the country report, and sees no further."""

import io
import re

import openpyxl
from playwright.sync_api import expect

from accounts.models import User
from courses.models import CoursePage
from tests.e2e.helpers import screenshot, sign_in

REPORT = "/admin/reports/program/countries/"


def test_manager_filters_exports_honduras_only_and_is_refused_other_transcripts(
    live_server, demo, desktop_page
):
    page = desktop_page
    base = live_server.url
    course = CoursePage.objects.get(slug_en="investigating-human-smuggling-networks")
    sign_in(page, base, "manager.hn@example.org", language="en")
    page.goto(base + REPORT)

    # Filter by course through Wagtail's filter drawer; the listing refreshes in place.
    page.get_by_role("button", name="Show filters").click()
    page.locator("button[aria-controls='drilldown-id_course']").click()
    with page.expect_response(re.compile(r"/countries/results/\?.*course=")):
        page.locator("select#id_course").select_option(str(course.pk))
    expect(page).to_have_url(re.compile(rf"course={course.pk}"))
    rows = page.locator("table.listing").first.locator("tbody tr")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("Honduras")
    screenshot(page, "admin-country-report")

    # Export the filtered report as XLSX and read it back.
    page.get_by_role("button", name="Actions").click()
    with page.expect_download() as download_info:
        page.get_by_role("link", name=re.compile("Download XLSX")).click()
    download = download_info.value
    assert f"course={course.pk}" in download.url and "export=xlsx" in download.url
    assert download.suggested_filename.endswith(".xlsx")
    with open(download.path(), "rb") as handle:
        sheet = openpyxl.load_workbook(io.BytesIO(handle.read()), read_only=True).active
    header, *data = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert data, "the export has no rows"
    assert [row[0] for row in data] == ["HN"]
    assert "Guatemala" not in str(data)

    # A Guatemalan trainee's transcript is out of scope.
    guatemalan = User.objects.get(email="trainee.gt@example.org")
    response = page.goto(base + f"/admin/reports/program/trainees/{guatemalan.pk}/")
    assert response.status in (403, 404)
    expect(page.locator("body")).not_to_contain_text("trainee.gt@example.org")
    # ...while a Honduran trainee's is shown.
    honduran = User.objects.get(email="trainee.hn@example.org")
    response = page.goto(base + f"/admin/reports/program/trainees/{honduran.pk}/")
    assert response.status == 200
    expect(page.locator("main")).to_contain_text(honduran.full_name)
