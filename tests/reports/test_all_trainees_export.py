"""The export of every trainee in scope: figures, scope, filters, queries, both formats."""

import csv
import datetime
import io
import statistics

import openpyxl
import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.users.models import UserProfile

from accounts.models import AuditEvent, User
from certificates.models import Certificate
from core.exports import csv_cell
from learning.models import Attempt, Enrollment, ModuleCompletion
from reports.exports import export_values
from tests.reports.conftest import add_trainees
from tests.reports.helpers import BASE

pytestmark = pytest.mark.django_db

CSV_URL = f"{BASE}/all-trainees.csv"
XLSX_URL = f"{BASE}/all-trainees.xlsx"
OUTSIDE = "Unknown country, or not one of the countries you may see."


def body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def csv_rows(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(body(response).decode("utf-8-sig"))))


def xlsx_rows(response) -> list[list]:
    workbook = openpyxl.load_workbook(io.BytesIO(body(response)), read_only=True)
    rows = [list(row) for row in workbook.active.iter_rows(values_only=True)]
    return [row + [None] * (len(rows[0]) - len(row)) for row in rows]


def as_text(index: int, value) -> str:
    """An XLSX cell as the CSV writes it (a date reads back at midnight, 38.0 as 38)."""
    if index == 9 and isinstance(value, datetime.datetime):
        value = value.date()
    if index in (13, 14) and value is not None:
        value = float(value)
    return csv_cell(value)


def recount(*, codes=None, course=None, start=None, end=None) -> dict[str, list[str]]:
    """E-mail → the expected CSV row, counted in Python from plain rows (no SQL aggregate)."""
    now = timezone.now()
    trainees = [
        u
        for u in User.objects.select_related("country", "agency")
        if not u.is_staff and not u.is_superuser
    ]
    if codes is not None:
        trainees = [u for u in trainees if u.country and u.country.code in codes]
    enrollments = [
        e
        for e in Enrollment.objects.all()
        if (course is None or e.course_id == course.pk)
        and (start is None or e.enrolled_at >= start)
        and (end is None or e.enrolled_at <= end)
    ]
    lessons = [c.enrollment_id for c in ModuleCompletion.objects.all()]
    attempts = sorted(
        Attempt.objects.select_related("quiz").filter(status="submitted"),
        key=lambda a: (a.submitted_at, a.pk),
    )
    best, first = {}, {}
    for a in attempts:
        if a.quiz.kind == "final_exam":
            best[a.enrollment_id] = max(best.get(a.enrollment_id, 0), float(a.score_percent))
        elif a.quiz.kind == "pretest":
            first.setdefault(a.enrollment_id, float(a.score_percent))
    valid = {
        c.enrollment_id
        for c in Certificate.objects.all()
        if c.status == "valid" and (c.expires_at is None or c.expires_at > now)
    }
    expected = {}
    for u in trainees:
        mine = [e for e in enrollments if e.user_id == u.pk]
        registered = (start is None or u.date_joined >= start) and (
            end is None or u.date_joined <= end
        )
        if (start or end) and not registered and not mine:
            continue
        finals = [best[e.pk] for e in mine if e.pk in best]
        pretests = [first[e.pk] for e in mine if e.pk in first]
        last = max((e.last_activity_at for e in mine), default=None)
        expected[u.email] = [
            u.full_name,
            u.email,
            u.country.code if u.country else "",
            u.country.name_en if u.country else "",
            u.country.name_es if u.country else "",
            u.agency.name_en if u.agency else "",
            u.agency.name_es if u.agency else "",
            u.job_title,
            u.preferred_language,
            timezone.localtime(u.date_joined).date().isoformat(),
            str(len(mine)),
            str(sum(lessons.count(e.pk) for e in mine)),
            str(sum(1 for e in mine if e.completed_at)),
            str(round(statistics.mean(finals), 1)) if finals else "",
            str(round(statistics.mean(pretests), 1)) if pretests else "",
            str(sum(1 for e in mine if e.pk in valid)),
            timezone.localtime(last).strftime("%Y-%m-%d %H:%M") if last else "",
        ]
    return expected


def by_email(rows: list[list[str]]) -> dict[str, list[str]]:
    """The figures of each row by e-mail; the last column, when they were computed
    (the export's moment, in UTC to the minute), is checked and left out."""
    now = timezone.now().astimezone(datetime.UTC)
    for row in rows[1:]:
        stamp = datetime.datetime.strptime(row[-1], "%Y-%m-%d %H:%M").replace(tzinfo=datetime.UTC)
        assert now - datetime.timedelta(minutes=2) <= stamp <= now
    return {row[1]: row[:-1] for row in rows[1:]}


def test_headings_name_every_column(client, world):
    client.force_login(world.people["manager_all"])
    assert csv_rows(client.get(CSV_URL))[0] == [
        "Trainee",
        "E-mail",
        "Code",
        "Country (English)",
        "Country (Spanish)",
        "Agency (English)",
        "Agency (Spanish)",
        "Job title",
        "Language",
        "Registered on",
        "Enrolments",
        "Lessons completed",
        "Completions",
        "Average best final exam (%)",
        "Average first pre-test (%)",
        "Valid certificates",
        "Last activity",
        "Figures as of (UTC)",
    ]


def test_figures_equal_an_independent_recount(client, world):
    add_trainees(world, 30)
    client.force_login(world.people["manager_all"])
    response = client.get(CSV_URL)
    assert response.status_code == 200
    assert response.streaming
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    rows = by_email(csv_rows(response))
    expected = recount()
    assert len(rows) == User.objects.filter(is_staff=False, is_superuser=False).count() == 40
    assert rows == expected
    assert any(row[13] for row in rows.values())  # the scores are really compared
    assert any(row[14] for row in rows.values())
    assert any(row[15] != "0" for row in rows.values())


def test_course_and_period_filters_narrow_the_figures_and_the_rows(client, world):
    course = world.courses[0]
    start = timezone.localtime() - datetime.timedelta(days=150)
    params = {"course": course.pk, "period_from": start.date().isoformat()}
    start = start.replace(hour=0, minute=0, second=0, microsecond=0)
    client.force_login(world.people["manager_all"])
    rows = by_email(csv_rows(client.get(CSV_URL, params)))
    assert rows == recount(course=course, start=start)
    assert 0 < len(rows)


def test_country_agency_and_language_filters_keep_only_matching_trainees(client, world):
    agency = world.agencies["MX"][0]
    client.force_login(world.people["manager_all"])
    rows = csv_rows(client.get(CSV_URL, {"country": "MX", "agency": agency.pk}))[1:]
    assert rows and {(row[2], row[5]) for row in rows} == {("MX", agency.name_en)}
    rows = csv_rows(client.get(CSV_URL, {"language": "en"}))[1:]
    assert rows and {row[8] for row in rows} == {"en"}


def test_honduras_manager_gets_only_honduras_rows(client, world):
    client.force_login(world.people["manager_hn"])
    for url in (CSV_URL, XLSX_URL):
        response = client.get(url)
        rows = csv_rows(response)[1:] if url == CSV_URL else xlsx_rows(response)[1:]
        assert {row[2] for row in rows} == {"HN"}, url
        assert len(rows) == User.objects.filter(country__code="HN", is_staff=False).count()


@pytest.mark.parametrize("role, status", [("trainer", 403), ("trainee", 403), (None, 302)])
def test_trainers_trainees_and_visitors_are_refused(client, world, role, status):
    if role == "trainee":
        client.force_login(User.objects.filter(is_staff=False).first())
    elif role:
        client.force_login(world.people[role])
    for url in (CSV_URL, XLSX_URL):
        response = client.get(url)
        assert response.status_code == status, url
        assert b"Honduras" not in body(response)


@pytest.mark.parametrize(
    "params, message",
    [
        ({"country": "GT"}, OUTSIDE),
        ({"country": "<script>"}, OUTSIDE),
        ({"period_from": "yesterday"}, "Enter a valid date."),
        ({"period_from": "2026-05-01", "period_to": "2026-01-01"}, "must not be after its end"),
        ({"course": "abc"}, "Unknown course."),
        ({"agency": "999999"}, "Unknown agency, or not one you may see."),
        ({"language": "fr"}, "Unknown language."),
    ],
)
def test_bad_filters_are_refused_with_a_message(client, world, params, message):
    client.force_login(world.people["manager_hn"])
    for url in (CSV_URL, XLSX_URL):
        response = client.get(url, params)
        assert response.status_code == 400, url
        assert response["Content-Type"].startswith("text/html")
        html = body(response).decode()
        assert message in html
        assert "Guatemala" not in html
    assert not AuditEvent.objects.filter(action=AuditEvent.Action.REPORT_EXPORTED).exists()


def count_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
        body(response)  # the CSV is streamed: its queries run while it is read
    assert response.status_code == 200
    return len(queries.captured_queries)


@pytest.mark.parametrize("role", ["manager_hn", "admin"])
def test_query_count_is_the_same_with_10_or_200_trainees(client, world, role):
    client.force_login(world.people[role])
    urls = [CSV_URL, XLSX_URL, f"{CSV_URL}?course={world.courses[0].pk}&period_from=2020-01-01"]
    for url in urls:
        client.get(url)  # warm caches (site, content types, permissions)
    small = {url: count_queries(client, url) for url in urls}
    add_trainees(world, 190)
    large = {url: count_queries(client, url) for url in urls}
    assert large == small


def test_xlsx_opens_and_holds_the_same_rows_as_the_csv(client, world):
    client.force_login(world.people["manager_all"])
    params = {"course": world.courses[0].pk}
    response = client.get(XLSX_URL, params)
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert "all-trainees-" in response["Content-Disposition"]
    workbook_rows = xlsx_rows(response)
    rows = csv_rows(client.get(CSV_URL, params))
    assert [[str(h) for h in workbook_rows[0]]] == rows[:1]
    as_csv = [[as_text(i, value) for i, value in enumerate(row)] for row in workbook_rows[1:]]
    # The last column is each file's own moment (the two downloads may straddle a minute).
    assert [row[:-1] for row in as_csv] == [row[:-1] for row in rows[1:]]
    assert isinstance(workbook_rows[1][9], datetime.datetime)  # a real date cell
    # When the figures were computed: a date-time cell, in UTC to the minute.
    now = timezone.now().astimezone(datetime.UTC).replace(tzinfo=None)
    for row in workbook_rows[1:]:
        assert isinstance(row[-1], datetime.datetime) and row[-1].second == 0
        assert now - datetime.timedelta(minutes=2) <= row[-1] <= now


def test_text_that_looks_like_a_formula_stays_text(client, world):
    trainee = User.objects.filter(country__code="HN", is_staff=False).first()
    trainee.full_name = '=HYPERLINK("http://evil.example","x")'
    trainee.job_title = "+1 agent"
    trainee.save()
    client.force_login(world.people["manager_hn"])
    row = by_email(csv_rows(client.get(CSV_URL)))[trainee.email]
    assert row[0] == "'" + trainee.full_name
    assert row[7] == "'+1 agent"
    response = client.get(XLSX_URL)
    workbook = openpyxl.load_workbook(io.BytesIO(body(response)))
    cells = [row[0] for row in workbook.active.iter_rows(min_row=2)]
    cell = next(c for c in cells if c.value == trainee.full_name)
    assert cell.data_type == "s"


def test_exports_are_recorded_in_the_audit_log(client, world):
    manager = world.people["manager_hn"]
    client.force_login(manager)
    body(client.get(CSV_URL, {"country": "HN"}))
    body(client.get(XLSX_URL))
    events = AuditEvent.objects.filter(actor=manager, action=AuditEvent.Action.REPORT_EXPORTED)
    targets = sorted(events.values_list("target", "country"))
    today = datetime.date.today().isoformat()
    assert targets == [(f"all-trainees-{today}.csv", "HN"), (f"all-trainees-{today}.xlsx", "")]


def test_by_country_page_links_to_the_export_with_its_filters(client, world):
    client.force_login(world.people["manager_all"])
    course = world.courses[0]
    for url in (f"{BASE}/countries/", f"{BASE}/countries/results/"):
        response = client.get(url, {"course": course.pk, "p": "1"})
        links = {
            a.get_text(strip=True): a["href"]
            for a in BeautifulSoup(response.content, "html.parser").select(".report-actions a")
        }
        assert links == {
            "Export all trainees (CSV)": f"{CSV_URL}?course={course.pk}",
            "Export all trainees (XLSX)": f"{XLSX_URL}?course={course.pk}",
        }, url


def test_headings_and_link_are_in_spanish_for_spanish_admins(client, world):
    manager = world.people["manager_hn"]
    profile = UserProfile.get_for_user(manager)
    profile.preferred_language = "es"
    profile.save()
    client.force_login(manager)
    assert "Exportar todos los participantes (CSV)" in client.get(f"{BASE}/countries/").text
    headings = csv_rows(client.get(CSV_URL))[0]
    assert "Correo electrónico" in headings
    assert "Cargo" in headings


def test_export_values_are_local_dates_and_rounded_scores():
    joined = datetime.datetime(2026, 3, 1, 23, 30, tzinfo=datetime.UTC)
    last = datetime.datetime(2026, 3, 2, 10, 15, 42, tzinfo=datetime.UTC)
    row = ("A", "a@x", "HN", "", "", "", "", "", "es", joined, 1, 2, 0, 77.777, None, 0, last)
    values = export_values(row)
    assert values[9] == timezone.localtime(joined).date()
    assert values[13] == 77.8 and values[14] is None
    assert values[16].tzinfo is None and values[16].second == 0
    assert csv_cell(None) == "" and csv_cell("-5") == "'-5" and csv_cell(3) == "3"
