"""Program reports as a manager sees them, in the English and the Spanish admin, at
desktop (1280 px) and phone (390 px) widths: every table column can be seen, charts
keep their labels inside the drawing, the page never scrolls sideways, and the
Spanish admin reads Spanish with sentence-case headings.

A column can be seen when its heading lies inside the visible part of the table's
box, or when the box scrolls sideways and keeps the first column in view.
"""

import re

import pytest
from wagtail.users.models import UserProfile

from accounts.models import User
from tests.e2e.conftest import DESKTOP, PHONE
from tests.e2e.helpers import screenshot, sign_in

BASE = "/admin/reports/program"

COLUMNS_AND_CHARTS = """() => {
  const found = [];
  if (document.documentElement.scrollWidth > window.innerWidth) {
    found.push(`page scrolls sideways: ${document.documentElement.scrollWidth}px`);
  }
  for (const table of document.querySelectorAll("main table")) {
    let box = table.parentElement;
    while (box !== document.body && getComputedStyle(box).overflowX === "visible") {
      box = box.parentElement;
    }
    const area = box.getBoundingClientRect();
    const right = Math.min(area.right, window.innerWidth);
    const scrolls = ["auto", "scroll"].includes(getComputedStyle(box).overflowX)
      && box.scrollWidth > box.clientWidth;
    const firstCells = [...table.rows].map((row) => row.cells[0]).filter(Boolean);
    const sticky = firstCells.every((cell) => getComputedStyle(cell).position === "sticky");
    for (const th of table.querySelectorAll("thead th")) {
      const r = th.getBoundingClientRect();
      const seen = r.width > 0 && r.left >= area.left - 1 && r.right <= right + 1;
      if (!seen && !(scrolls && sticky)) {
        found.push(`column hidden: ${th.innerText.trim()}`);
      }
    }
  }
  for (const svg of document.querySelectorAll("svg.report-chart")) {
    const area = svg.getBoundingClientRect();
    if (area.right > window.innerWidth + 1) found.push("chart wider than the page");
    for (const text of svg.querySelectorAll("text")) {
      const r = text.getBoundingClientRect();
      if (!text.textContent.trim()) continue;
      if (r.left < area.left - 1 || r.right > area.right + 1) {
        found.push(`chart label cut: ${text.textContent.trim()}`);
      }
    }
  }
  return found;
}"""

# Words after the first of a Spanish heading start in lower case (proper names aside);
# the drill-downs' titles are names (a country, an agency, a trainee) and are left out.
HEADINGS = """(titled) => [...document.querySelectorAll(
  (titled ? "main h1, " : "") + "main h2, main table thead th"
)].map((el) => el.innerText.trim()).filter(Boolean)"""
DRILL_DOWNS = {"agencies", "trainees", "transcript"}
NAMES = {"Honduras", "Guatemala", "México", "El", "Salvador", "CSV", "XLSX", "PDF", "MP"}


def title_cased(heading: str) -> list[str]:
    words = re.findall(r"[^\s()/:·,]+", heading)[1:]
    return [w for w in words if w[:1].isupper() and w not in NAMES and not w.isupper()]


@pytest.fixture
def reports_demo(transactional_db):
    from demo.seed import seed_demo

    seed_demo(trainees=40)


def report_pages() -> dict[str, str]:
    trainee = User.objects.get(email="trainee.hn@example.org")
    return {
        "countries": f"{BASE}/countries/",
        "agencies": f"{BASE}/countries/HN/",
        "trainees": f"{BASE}/agencies/{trainee.agency_id}/",
        "transcript": f"{BASE}/trainees/{trainee.pk}/",
        "courses": f"{BASE}/courses/",
        "knowledge-gain": f"{BASE}/knowledge-gain/",
        "audit-log": "/admin/audit-log/",
    }


def admin_speaks(language: str) -> None:
    admin = User.objects.get(email="admin@example.org")
    profile = UserProfile.get_for_user(admin)
    profile.preferred_language = language
    profile.save()


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280", "390"])
@pytest.mark.parametrize("language", ["en", "es"])
def test_every_report_shows_every_column_and_whole_chart_labels(
    live_server, reports_demo, open_page, language, viewport
):
    admin_speaks(language)
    page = open_page(viewport=viewport, locale="es-HN" if language == "es" else "en-US")
    sign_in(page, live_server.url, "admin@example.org", language=language)
    problems, cased = {}, {}
    for name, url in report_pages().items():
        response = page.goto(live_server.url + url)
        assert response.status == 200, url
        assert page.locator("html").get_attribute("lang") == language
        if viewport == PHONE and name == "audit-log":
            # Wagtail's own listing scrolls sideways on a phone without a fixed first column.
            found = page.evaluate(COLUMNS_AND_CHARTS)
            found = [problem for problem in found if not problem.startswith("column hidden")]
        else:
            found = page.evaluate(COLUMNS_AND_CHARTS)
        if found:
            problems[name] = found
        if language == "es":
            headings = page.evaluate(HEADINGS, name not in DRILL_DOWNS)
            wrong = [h for h in headings if title_cased(h)]
            if wrong:
                cased[name] = wrong
        screenshot(page, f"report-{name}-{language}")
    assert problems == {}
    assert cased == {}


@pytest.mark.parametrize("language", ["en", "es"])
def test_charts_sit_beside_tables_of_the_same_figures(
    live_server, reports_demo, open_page, language
):
    admin_speaks(language)
    page = open_page(viewport=DESKTOP)
    sign_in(page, live_server.url, "admin@example.org", language=language)
    page.goto(live_server.url + f"{BASE}/countries/")
    countries = page.locator("table.report-table").first.locator("tbody th").all_inner_texts()
    bar_labels = page.locator("svg.report-chart").first.locator("g > text:first-of-type")
    assert [label.strip() for label in bar_labels.all_text_contents()] == countries
    # Completions over time: a column per month of the table, the months without any too.
    months = page.locator("table.report-side-table tbody tr")
    columns = page.locator("svg.report-chart").nth(1).locator("rect")
    assert months.count() >= 12 and columns.count() == months.count()
    assert "0" in months.locator("td").all_inner_texts()
    definitions = page.locator(".report-definitions").inner_text()
    if language == "es":
        assert "Activos: participantes" in definitions and "Active:" not in definitions
    else:
        assert "Active: trainees" in definitions

    # Knowledge gain: a chart per course, each bar named by its country.
    page.goto(live_server.url + f"{BASE}/courses/")
    rows = page.locator("#knowledge-gain tbody tr")
    countries = rows.locator("td:first-of-type").all_inner_texts()
    labels = page.locator(".report-charts svg g > text:first-of-type").all_text_contents()
    assert sorted(label.strip() for label in labels) == sorted(countries)
