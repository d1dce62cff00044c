"""What a manager reads: Spanish definitions, drill-down titles with the country,
charts labelled by country and months without completions shown as zero."""

import re

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone
from wagtail.users.models import UserProfile

from accounts.models import User
from learning.models import Enrollment
from reports.queries import month_span
from tests.reports.helpers import BASE, screen_rows

pytestmark = pytest.mark.django_db


def signed_in(client, world, language="en", role="manager_all"):
    user = world.people[role]
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    client.force_login(user)
    return client


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def definitions(response) -> list[str]:
    return [p.get_text(" ", strip=True) for p in soup(response).select(".report-definitions p")]


def test_definitions_are_in_spanish_in_the_spanish_admin(client, world):
    signed_in(client, world, "es")
    country = definitions(client.get(f"{BASE}/countries/"))
    course = definitions(client.get(f"{BASE}/courses/"))
    assert any(text.startswith("Activos: participantes con la cuenta activa") for text in country)
    assert "Mediana de días para finalizar: desde la inscripción hasta la finalización." in course
    english = ("Active:", "Median days", "The period selects", "Knowledge gain:")
    assert not [text for text in country + course if text.startswith(english)]


def test_english_definitions_stay(client, world):
    signed_in(client, world, "en")
    assert any(
        text.startswith("Active: trainees whose account is active")
        for text in definitions(client.get(f"{BASE}/countries/"))
    )


@pytest.mark.parametrize(
    ("language", "name"),
    [("en", "Public Prosecutor's Office (MP)"), ("es", "Ministerio Público (MP)")],
)
def test_agency_drill_down_names_its_country(client, world, language, name):
    hn, gt = world.agencies["HN"][1], world.agencies["GT"][1]
    for agency in (hn, gt):
        agency.name_en, agency.name_es = (
            "Public Prosecutor's Office (MP)",
            "Ministerio Público (MP)",
        )
        agency.save()
    signed_in(client, world, language)
    titles = {}
    for code, agency in (("HN", hn), ("GT", gt)):
        page = soup(client.get(f"{BASE}/agencies/{agency.pk}/"))
        titles[code] = page.select_one("h1").get_text(" ", strip=True)
        assert page.select_one("title").get_text().startswith(titles[code])
    assert titles == {"HN": f"{name} (Honduras)", "GT": f"{name} (Guatemala)"}
    # The transcript's breadcrumb names the agency the same way.
    trainee = User.objects.filter(agency=hn, enrollments__isnull=False).first()
    page = soup(client.get(f"{BASE}/trainees/{trainee.pk}/"))
    crumbs = [a.get_text(" ", strip=True) for a in page.select("nav[aria-label] a")]
    assert f"{name} (Honduras)" in crumbs


def chart_labels(svg) -> list[str]:
    """The bar labels of a bar chart: the first text of each bar."""
    return [group.find("text").get_text() for group in svg.find_all("g")]


def test_country_chart_is_labelled_by_country_and_months_include_zeros(client, world):
    signed_in(client, world, "en")
    page = soup(client.get(f"{BASE}/countries/"))
    countries = [row[0] for row in screen_rows(client.get(f"{BASE}/countries/"))]
    bar_chart, month_chart = page.select("svg.report-chart")[:2]
    assert chart_labels(bar_chart) == countries

    completed = Enrollment.objects.filter(completed_at__isnull=False)
    first, last = month_span(None, None, timezone.localdate())
    assert (last.year - first.year) * 12 + last.month - first.month == 11
    table = page.select("table.report-side-table")[0]
    rows = [
        [c.get_text(strip=True) for c in r.find_all(["th", "td"])] for r in table.select("tbody tr")
    ]
    # Every month of the last year is a row and a column, zeros included, up to this month.
    assert len(rows) >= 12 and len(month_chart.select("rect")) == len(rows)
    assert rows[-1][0] == timezone.localdate().strftime("%B %Y")
    assert ["0"] in [row[1:] for row in rows]
    assert sum(int(row[1]) for row in rows) == completed.count()
    heights = [float(rect["height"]) for rect in month_chart.select("rect")]
    assert [h == 0 for h in heights] == [row[1] == "0" for row in rows]


def test_knowledge_gain_charts_are_one_per_course_labelled_by_country(client, world):
    signed_in(client, world, "es")
    page = soup(client.get(f"{BASE}/courses/"))
    gain = [row for row in screen_rows(client.get(f"{BASE}/courses/"), 1)]
    figures = page.select(".report-charts figure")
    assert [f.figcaption.get_text(strip=True) for f in figures] == sorted(
        {row[0] for row in gain}, key=[row[0] for row in gain].index
    )
    labels = chart_labels(figures[0].svg)
    assert labels == [row[1] for row in gain if row[0] == figures[0].figcaption.get_text()]
    assert "México" in labels  # the country's name, in the admin's language
    values = [g.find_all("text")[1].get_text() for g in figures[0].svg.find_all("g")]
    assert all(re.fullmatch(r"-?\d+,\d", value) for value in values)  # as the table shows them
