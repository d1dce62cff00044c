"""The issue's "must show", on ``seed_demo(trainees=500)`` plus quiz attempts."""

import pytest

from accounts.models import User
from tests.reports import independent
from tests.reports.helpers import BASE, csv_rows, same, screen_rows, xlsx_rows

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded")]

ALL_FOUR = ["El Salvador", "Guatemala", "Honduras", "Mexico"]
SCREEN_TO_EXPORT = {0: 1, **{i: i + 2 for i in range(1, 9)}}


@pytest.fixture
def manager_hn(client):
    client.force_login(User.objects.get(email="manager.hn@example.org"))
    return client


@pytest.fixture
def manager(client):
    client.force_login(User.objects.get(email="manager@example.org"))
    return client


def test_seed_has_500_trainees_in_four_countries(db):
    assert User.objects.filter(email__endswith="@trainees.example.org").count() == 500


def test_honduras_manager_sees_only_honduras_with_exact_figures(manager_hn):
    rows = screen_rows(manager_hn.get(f"{BASE}/countries/"))
    expected = independent.by_country(codes={"HN"})
    assert [row[0] for row in rows] == ["Honduras"]
    assert rows == independent.as_screen_rows(expected)


def test_honduras_manager_exports_only_honduras(manager_hn):
    for report in ("countries/", "countries/HN/", "knowledge-gain/"):
        for rows in (
            csv_rows(manager_hn.get(f"{BASE}/{report}", {"export": "csv"}))[1:],
            xlsx_rows(manager_hn.get(f"{BASE}/{report}", {"export": "xlsx"}))[1:],
        ):
            assert rows, report
            codes = {row[0] for row in rows} if report == "countries/" else set()
            assert codes <= {"HN"}
            text = repr(rows)
            for other in ("Guatemala", "El Salvador", "Mexico", "México"):
                assert other not in text, (report, other)


def test_honduras_manager_course_report_counts_only_honduras(manager_hn):
    rows = {row[0]: row for row in screen_rows(manager_hn.get(f"{BASE}/courses/"))}
    expected = independent.by_country(codes={"HN"})["HN"]
    assert sum(int(row[1]) for row in rows.values()) == expected["enrolments"]
    assert sum(int(row[2]) for row in rows.values()) == expected["completions"]
    gain_rows = screen_rows(manager_hn.get(f"{BASE}/courses/"), table_index=1)
    assert gain_rows and {row[1] for row in gain_rows} == {"Honduras"}


def test_all_countries_manager_sees_four_countries_with_exact_figures(manager):
    rows = screen_rows(manager.get(f"{BASE}/countries/"))
    assert [row[0] for row in rows] == ALL_FOUR
    assert rows == independent.as_screen_rows(independent.by_country())


def test_xlsx_opens_and_holds_the_screen_rows(manager):
    screen = screen_rows(manager.get(f"{BASE}/countries/"))
    rows = xlsx_rows(manager.get(f"{BASE}/countries/", {"export": "xlsx"}))
    assert len(rows) == len(screen) + 1
    for shown, exported in zip(screen, rows[1:], strict=True):
        for shown_index, exported_index in SCREEN_TO_EXPORT.items():
            assert same(shown[shown_index], exported[exported_index]), (shown, exported)


def test_knowledge_gain_per_country_matches_attempts(manager):
    shown = {
        row[1]: (row[2], row[5]) for row in screen_rows(manager.get(f"{BASE}/knowledge-gain/"))
    }
    expected = independent.knowledge_gain()
    assert len(expected) == 4
    for (_course, code), figures in expected.items():
        name = {"GT": "Guatemala", "HN": "Honduras", "MX": "Mexico", "SV": "El Salvador"}[code]
        assert shown[name] == (str(figures["trainees"]), str(figures["gain"]))


def test_bad_filters_on_seeded_data_show_a_message_and_no_data(manager_hn):
    for params in (
        {"country": "XX"},
        {"country": "GT"},
        {"period_from": "2026-12-31", "period_to": "2026-01-01"},
        {"period_from": "31/31/2026"},
    ):
        response = manager_hn.get(f"{BASE}/countries/", params)
        html = response.content.decode()
        assert response.status_code == 400, params
        assert "These filters cannot be used" in html
        assert "report-table" not in html and "Guatemala" not in html
