"""The summary large programmes read: same figures as live, scoped, and said to be as of a time."""

import datetime
from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from accounts.models import User
from learning.models import Enrollment
from reports.models import FigureSummary, MonthSummary
from reports.queries import SUMMARY_MAX_AGE
from reports.services import report_summary_refresh
from tests.reports import independent
from tests.reports.conftest import add_trainees
from tests.reports.helpers import BASE, content, csv_rows, screen_rows

pytestmark = pytest.mark.django_db

AS_OF = "Figures as of"


@pytest.fixture
def big_world(world):
    add_trainees(world, 150)
    return world


def filter_cases(world):
    course = world.courses[0]
    return [
        {},
        {"course": course.pk},
        {"language": "en"},
        {"country": "HN"},
        {"agency": world.agencies["HN"][1].pk},
        {"course": world.courses[1].pk, "language": "es"},
    ]


def pages(client, params) -> dict[str, tuple]:
    """What the by-country and Honduras pages show: their tables, months and note."""
    shown = {}
    for url in (f"{BASE}/countries/", f"{BASE}/countries/HN/"):
        response = client.get(url, params)
        assert response.status_code == 200, url
        count = len(BeautifulSoup(response.content, "html.parser").select("table.report-table"))
        tables = [screen_rows(response, index) for index in range(count)]
        shown[url] = (tables, AS_OF in response.content.decode())
    return shown


def test_summary_shows_the_live_figures_and_says_when(client, big_world):
    client.force_login(big_world.people["manager_all"])
    cases = filter_cases(big_world)
    live = [pages(client, params) for params in cases]
    assert not any(note for page in live for _tables, note in page.values())
    report_summary_refresh()
    summary = [pages(client, params) for params in cases]
    for params, before, after in zip(cases, live, summary, strict=True):
        for url in before:
            assert after[url][0] == before[url][0], (url, params)
            assert after[url][1], (url, params)  # "Figures as of ..."


def test_summary_figures_equal_a_recount(client, big_world):
    report_summary_refresh()
    client.force_login(big_world.people["manager_all"])
    response = client.get(f"{BASE}/countries/")
    assert AS_OF in response.content.decode()
    assert sorted(screen_rows(response)) == independent.as_screen_rows(independent.by_country())


def test_summary_is_as_of_its_time_until_refreshed(client, big_world):
    client.force_login(big_world.people["manager_all"])
    report_summary_refresh()
    before = screen_rows(client.get(f"{BASE}/countries/"))
    Enrollment.objects.filter(completed_at__isnull=True).update(completed_at=timezone.now())
    assert screen_rows(client.get(f"{BASE}/countries/")) == before
    report_summary_refresh()
    after = client.get(f"{BASE}/countries/")
    assert screen_rows(after) != before
    assert sorted(screen_rows(after)) == independent.as_screen_rows(independent.by_country())


def test_period_filter_is_computed_live(client, big_world):
    client.force_login(big_world.people["manager_all"])
    report_summary_refresh()
    Enrollment.objects.filter(completed_at__isnull=True).update(completed_at=timezone.now())
    start = timezone.localtime() - timedelta(days=400)
    response = client.get(f"{BASE}/countries/", {"period_from": start.date().isoformat()})
    assert AS_OF not in response.content.decode()
    start_of_day = start.replace(hour=0, minute=0, second=0, microsecond=0)
    expected = independent.by_country(start=start_of_day)
    assert sorted(screen_rows(response)) == independent.as_screen_rows(expected)


def test_old_summary_is_not_shown(client, big_world):
    client.force_login(big_world.people["manager_all"])
    report_summary_refresh(now=timezone.now() - SUMMARY_MAX_AGE - timedelta(minutes=1))
    Enrollment.objects.filter(completed_at__isnull=True).update(completed_at=timezone.now())
    response = client.get(f"{BASE}/countries/")
    assert AS_OF not in response.content.decode()
    assert sorted(screen_rows(response)) == independent.as_screen_rows(independent.by_country())


def test_course_unknown_to_the_summary_is_computed_live(client, big_world):
    client.force_login(big_world.people["manager_all"])
    report_summary_refresh()
    course = big_world.courses[0]
    FigureSummary.objects.filter(course=course).delete()
    response = client.get(f"{BASE}/countries/", {"course": course.pk})
    assert AS_OF not in response.content.decode()
    assert sorted(screen_rows(response)) == independent.as_screen_rows(
        independent.by_country(course=course)
    )


def test_manager_reads_only_their_countries_from_the_summary(client, big_world):
    report_summary_refresh()
    client.force_login(big_world.people["manager_hn"])
    response = client.get(f"{BASE}/countries/")
    assert AS_OF in response.content.decode()
    expected = independent.by_country(codes={"HN"})
    assert sorted(screen_rows(response)) == independent.as_screen_rows(expected)
    months = screen_rows(response, 1)
    completions = sum(int(count) for _month, count in months)
    assert completions == expected["HN"]["completions"] > 0
    exported = csv_rows(client.get(f"{BASE}/countries/", {"export": "csv"}))
    assert [row[0] for row in exported[1:]] == ["HN"]
    assert client.get(f"{BASE}/countries/GT/").status_code == 404


def test_manager_without_country_reads_nothing_from_the_summary(client, big_world):
    from tests.reports.test_scoping import new_manager

    report_summary_refresh()
    client.force_login(new_manager(big_world, "nobody@example.org"))
    response = client.get(f"{BASE}/countries/")
    assert response.status_code == 200
    assert not BeautifulSoup(response.content, "html.parser").select("table.report-table tbody tr")
    assert b"Honduras" not in content(response)


def test_refresh_command_enqueues_the_task(big_world):
    call_command("refresh_report_summary")  # immediate backend: runs at once
    assert FigureSummary.objects.filter(course=None).exists()
    assert MonthSummary.objects.exists()
    registered = sum(FigureSummary.objects.filter(course=None).values_list("registered", flat=True))
    assert registered == User.objects.filter(is_staff=False, is_superuser=False).count()


def test_refresh_replaces_the_previous_summary(big_world):
    report_summary_refresh(now=timezone.now() - timedelta(minutes=5))
    first = FigureSummary.objects.count()
    report_summary_refresh()
    assert FigureSummary.objects.count() == first
    assert FigureSummary.objects.values("computed_at").distinct().count() == 1


@pytest.mark.parametrize("role", ["manager_hn", "manager_all"])
def test_summary_pages_cost_the_same_queries_with_10_or_500_trainees(client, world, role):
    client.force_login(world.people[role])
    urls = [f"{BASE}/countries/", f"{BASE}/countries/HN/", f"{BASE}/countries/?export=csv"]

    def counts():
        report_summary_refresh()
        shown = {}
        for url in urls:
            client.get(url)  # warm caches
            with CaptureQueriesContext(connection) as queries:
                content(client.get(url))
            shown[url] = len(queries.captured_queries)
        return shown

    small = counts()
    add_trainees(world, 490)
    assert counts() == small


def test_an_export_from_the_summary_carries_the_summary_time(client, big_world):
    """The file says the moment its figures were computed, not when it was downloaded."""
    report_summary_refresh()
    computed = timezone.now() - timedelta(minutes=7)
    FigureSummary.objects.update(computed_at=computed)
    client.force_login(big_world.people["manager_all"])
    rows = csv_rows(client.get(f"{BASE}/countries/", {"export": "csv"}))
    stamp = computed.astimezone(datetime.UTC).strftime("%Y-%m-%d %H:%M")
    assert rows[0][-1] == "Figures as of (UTC)"
    assert {row[-1] for row in rows[1:]} == {stamp}
    live = csv_rows(
        client.get(f"{BASE}/countries/", {"export": "csv", "period_from": "2020-01-01"})
    )
    assert {row[-1] for row in live[1:]} != {stamp}  # a period is computed now
