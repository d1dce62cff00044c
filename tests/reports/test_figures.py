"""The figures of each report equal a recount made straight from the tables."""

from collections import Counter
from datetime import timedelta

import pytest
from django.conf import settings
from django.utils import timezone

from accounts.models import User
from accounts.scoping import trainees_visible_to
from learning.models import Enrollment
from reports import queries
from reports.queries import ReportFilters
from tests.reports import independent
from tests.reports.conftest import add_trainees
from tests.reports.helpers import BASE, screen_rows

pytestmark = pytest.mark.django_db


@pytest.fixture
def big_world(world):
    add_trainees(world, 150)
    return world


def test_country_report_figures_equal_recount(client, big_world):
    client.force_login(big_world.people["manager_all"])
    response = client.get(f"{BASE}/countries/")
    assert response.status_code == 200
    assert sorted(screen_rows(response)) == independent.as_screen_rows(independent.by_country())


def test_country_report_figures_for_one_course_and_period(client, big_world):
    course = big_world.courses[0]
    start = timezone.localtime() - timedelta(days=150)
    client.force_login(big_world.people["manager_all"])
    response = client.get(
        f"{BASE}/countries/",
        {"course": course.pk, "period_from": start.date().isoformat()},
    )
    start_of_day = start.replace(hour=0, minute=0, second=0, microsecond=0)
    expected = independent.by_country(course=course, start=start_of_day)
    assert sorted(screen_rows(response)) == independent.as_screen_rows(expected)


def test_language_filter_counts_only_trainees_preferring_it(client, big_world):
    client.force_login(big_world.people["manager_all"])
    rows = screen_rows(client.get(f"{BASE}/countries/", {"language": "en"}))
    # Recounted from the factory's rule (trainee number i prefers English when
    # i % 5 == 0, and lives in the i % 4-th country in code order), not from
    # the scoping function under test.
    names = {"GT": "Guatemala", "HN": "Honduras", "MX": "Mexico", "SV": "El Salvador"}
    numbers = [
        int(email[4:9])
        for email in User.objects.filter(email__startswith="bulk").values_list("email", flat=True)
    ]
    assert len(numbers) == 160
    expected = Counter(names[sorted(names)[i % 4]] for i in numbers if i % 5 == 0)
    assert {row[0]: int(row[1]) for row in rows} == dict(expected)
    assert sum(expected.values()) == 32


def test_agency_drill_down_adds_up_to_the_country(client, big_world):
    client.force_login(big_world.people["manager_all"])
    country_rows = {row[0]: row for row in screen_rows(client.get(f"{BASE}/countries/"))}
    agency_rows = screen_rows(client.get(f"{BASE}/countries/HN/"))
    assert len(agency_rows) == 2
    for column in (1, 2, 4, 5):  # registered, enrolled, enrolments, completions
        assert sum(int(row[column]) for row in agency_rows) == int(country_rows["Honduras"][column])


def test_trainee_drill_down_lists_the_agency_trainees(client, big_world):
    agency = big_world.agencies["GT"][0]
    client.force_login(big_world.people["manager_all"])
    rows = screen_rows(client.get(f"{BASE}/agencies/{agency.pk}/"))
    expected = sorted(u.full_name for u in agency.users.all())[:50]
    assert [row[0] for row in rows] == expected


def test_course_report_median_and_gain_equal_recount(client, big_world):
    client.force_login(big_world.people["manager_all"])
    rows = screen_rows(client.get(f"{BASE}/courses/"))
    course = big_world.courses[0]
    row = next(r for r in rows if r[0] == course.title_en)
    assert row[4] == independent.shown(independent.median_days(course=course))
    gains = independent.knowledge_gain(course=course)
    trainees = sum(v["trainees"] for v in gains.values())
    assert row[5] == str(trainees)


def test_knowledge_gain_per_country_matches_attempts(client, big_world):
    client.force_login(big_world.people["manager_all"])
    response = client.get(f"{BASE}/courses/")
    shown = {(r[0], r[1]): (r[2], r[5]) for r in screen_rows(response, table_index=1)}
    expected = independent.knowledge_gain()
    assert len(shown) == len(expected) == 4
    course = big_world.courses[0]
    for (_course_id, code), figures in expected.items():
        name = big_world.countries[code].name
        assert shown[(course.title_en, name)] == (str(figures["trainees"]), str(figures["gain"]))


def test_knowledge_gain_uses_first_pretest_and_best_final(world):
    trainees = trainees_visible_to(world.people["admin"])
    rows = list(queries.with_scores(queries.cohort_enrollments(trainees, ReportFilters())))
    scored = [e for e in rows if e.gain is not None]
    assert scored
    finals, pretests = independent.final_and_pretest(rows)
    for e in scored:
        assert float(e.pretest_score) == pretests[e.pk] != 90  # not the retake
        assert float(e.final_score) == finals[e.pk]


@pytest.mark.parametrize("size", [1, 2, 5, 6])
def test_median_days_to_complete_odd_and_even(world, size):
    course = world.courses[1]
    trainees = trainees_visible_to(world.people["admin"])
    enrollments = list(queries.cohort_enrollments(trainees, ReportFilters(course=course)))
    for index, enrollment in enumerate(enrollments):
        enrollment.completed_at = (
            enrollment.enrolled_at + timedelta(days=index * 3 + 1) if index < size else None
        )
        enrollment.save()
    medians = queries.median_days_to_complete(queries.cohort_enrollments(trainees, ReportFilters()))
    assert medians[course.pk] == pytest.approx(independent.median_days(course=course))


def test_completions_by_month_add_up(big_world):
    trainees = trainees_visible_to(big_world.people["admin"])
    months = queries.completions_by_month(queries.cohort_enrollments(trainees, ReportFilters()))
    expected = sum(r["completions"] for r in independent.by_country().values())
    assert sum(n for _month, n in months) == expected
    assert [m for m, _n in months] == sorted(m for m, _n in months)


def test_transcript_shows_enrolments_lessons_attempts_and_certificates(client, world):
    trainee = next(
        u
        for u in trainees_visible_to(world.people["admin"])
        if u.certificates.exists() and u.attempts.exists()
    )
    client.force_login(world.people["manager_all"])
    response = client.get(f"{BASE}/trainees/{trainee.pk}/")
    html = response.content.decode()
    assert response.status_code == 200
    enrolments = screen_rows(response, 0)
    assert len(enrolments) == trainee.enrollments.count()
    assert len(screen_rows(response, 1)) == sum(
        e.completions.count() for e in trainee.enrollments.all()
    )
    assert len(screen_rows(response, 2)) == trainee.attempts.filter(status="submitted").count()
    certificate = trainee.certificates.get()
    assert certificate.display_code in html
    assert "reports/css/print.css" in html


def test_printable_transcript_is_a_plain_page_with_print_styles(client, world):
    trainee = trainees_visible_to(world.people["admin"]).filter(enrollments__isnull=False)[0]
    client.force_login(world.people["manager_all"])
    html = client.get(f"{BASE}/trainees/{trainee.pk}/print/").content.decode()
    assert "reports/css/print.css" in html
    assert (
        "@media print" in (settings.BASE_DIR / "reports/static/reports/css/print.css").read_text()
    )
    assert trainee.full_name in html
    assert "wagtail-sidebar" not in html


def test_deactivated_trainee_is_not_counted_as_active(client, world):
    """ "Active (30 days)" counts accounts that are active: one deactivated by an
    administrator drops out of it, and stays counted as registered and enrolled."""
    trainee = User.objects.filter(country=world.countries["HN"], enrollments__isnull=False)[0]
    Enrollment.objects.filter(user=trainee).update(last_activity_at=timezone.now())
    client.force_login(world.people["manager_all"])
    before = {row[0]: row for row in screen_rows(client.get(f"{BASE}/countries/"))}["Honduras"]
    User.objects.filter(pk=trainee.pk).update(is_active=False)
    after = {row[0]: row for row in screen_rows(client.get(f"{BASE}/countries/"))}["Honduras"]
    assert int(after[3]) == int(before[3]) - 1  # active
    assert after[1:3] == before[1:3]  # registered, enrolled
