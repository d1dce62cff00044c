"""The figures reports read (reaction score, response rate, on-the-job share), checked
against numbers worked out by hand, and the scoped report page that shows them."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from evaluation.api import (
    FollowUp,
    SurveyResponse,
    figures_by_course_and_country,
    follow_up_figures,
    reaction_figures,
)
from learning.api import Enrollment
from tests import factories

from .conftest import complete

pytestmark = pytest.mark.django_db

REPORT = "/admin/reports/program/evaluation/"


@pytest.fixture
def roles(db):
    from accounts.api import roles_setup

    roles_setup(course_root=factories.course_index())


def answer(enrollment, kind, *, mean=None, used="", at=None):
    from evaluation.models import FollowUpPage, ReactionSurveyPage

    model = ReactionSurveyPage if kind == "reaction" else FollowUpPage
    response = SurveyResponse.objects.create(
        page=model.objects.child_of(enrollment.course).get(),
        kind=kind,
        enrollment=enrollment,
        form_data={},
        mean_rating=mean,
        used_on_job=used,
    )
    if at is not None:
        SurveyResponse.objects.filter(pk=response.pk).update(submit_time=at)
    if kind == "follow_up":
        FollowUp.objects.filter(enrollment=enrollment).update(response=response)
    return response


def completed(course, n, code="HN"):
    factories.country("GT", en="Guatemala", es="Guatemala")
    return [complete(factories.trainee(code=code), course) for _ in range(n)]


def mark_sent(enrollments, at=None, reminded=False):
    at = at or timezone.now()
    FollowUp.objects.filter(enrollment__in=enrollments).update(
        sent_at=at, reminded_at=at if reminded else None
    )


def test_reaction_score_is_the_mean_of_each_answers_mean(course):
    e = completed(course, 4)
    answer(e[0], "reaction", mean=5)
    answer(e[1], "reaction", mean=4)
    answer(e[2], "reaction", mean=None)  # answered only free-text questions
    assert reaction_figures(Enrollment.objects.all()) == {
        "responses": 3,
        "rated": 2,
        "mean_score": 4.5,
    }
    assert reaction_figures(Enrollment.objects.none()) == {
        "responses": 0,
        "rated": 0,
        "mean_score": None,
    }


def test_reaction_figures_in_a_period_count_answers_submitted_in_it(course):
    e = completed(course, 2)
    then = timezone.now() - datetime.timedelta(days=200)
    answer(e[0], "reaction", mean=2, at=then)
    answer(e[1], "reaction", mean=4)
    recent = reaction_figures(Enrollment.objects.all(), start=then + datetime.timedelta(days=1))
    assert recent["responses"] == 1 and recent["mean_score"] == 4.0
    old = reaction_figures(Enrollment.objects.all(), end=then + datetime.timedelta(days=1))
    assert old["responses"] == 1 and old["mean_score"] == 2.0


def test_response_rate_and_on_the_job_share_by_hand(course):
    e = completed(course, 6)
    # 5 sent (the sixth not yet due), 4 answered: yes, yes, partly, no.
    mark_sent(e[:5])
    mark_sent(e[:1], reminded=True)
    for enrollment, used in zip(e[:4], ["yes", "yes", "partly", "no"], strict=True):
        answer(enrollment, "follow_up", used=used)
    figures = follow_up_figures(Enrollment.objects.all())
    assert figures == {
        "sent": 5,
        "reminded": 1,
        "responded": 4,
        "used_yes": 2,
        "used_partly": 1,
        "used_no": 1,
        "used_on_job": 3,
        "response_rate": 80.0,  # 4 / 5
        "used_on_job_share": 75.0,  # (2 + 1) / 4
    }
    nothing = follow_up_figures(Enrollment.objects.none())
    assert nothing["sent"] == 0 and nothing["response_rate"] is None
    assert nothing["used_on_job_share"] is None


def test_follow_up_period_is_when_sent(course):
    e = completed(course, 3)
    long_ago = timezone.now() - datetime.timedelta(days=400)
    mark_sent(e[:1], at=long_ago)
    mark_sent(e[1:])
    answer(e[0], "follow_up", used="yes")
    this_year = follow_up_figures(
        Enrollment.objects.all(), start=timezone.now() - datetime.timedelta(days=30)
    )
    assert (this_year["sent"], this_year["responded"], this_year["response_rate"]) == (2, 0, 0.0)


def test_by_course_and_country(course):
    hn = completed(course, 3, "HN")
    gt = completed(course, 2, "GT")
    answer(hn[0], "reaction", mean=3)
    answer(hn[1], "reaction", mean=5)
    answer(gt[0], "reaction", mean=2)
    mark_sent(hn)
    answer(hn[0], "follow_up", used="no")
    answer(hn[1], "follow_up", used="partly")
    rows = {
        row["country_code"]: row for row in figures_by_course_and_country(Enrollment.objects.all())
    }
    assert rows["HN"]["completions"] == 3 and rows["GT"]["completions"] == 2
    assert rows["HN"]["responses"] == 2 and rows["HN"]["mean_score"] == 4.0
    assert rows["GT"]["mean_score"] == 2.0 and rows["GT"]["sent"] == 0
    assert rows["HN"]["sent"] == 3 and rows["HN"]["responded"] == 2
    assert rows["HN"]["response_rate"] == pytest.approx(66.7)
    assert rows["HN"]["used_on_job_share"] == 50.0
    assert rows["GT"]["response_rate"] is None
    assert rows["HN"]["course__title_es"] == "Entrevista a víctimas"
    assert rows["GT"]["country_name_en"] == "Guatemala"


def count(function, *args) -> int:
    with CaptureQueriesContext(connection) as queries:
        function(*args)
    return len(queries.captured_queries)


def test_constant_query_count(course):
    def figures():
        enrollments = Enrollment.objects.all()
        reaction_figures(enrollments)
        follow_up_figures(enrollments)
        figures_by_course_and_country(enrollments)

    first = completed(course, 2)
    for e in first:
        answer(e, "reaction", mean=4)
    small = count(figures)
    more = completed(course, 4, "GT")
    mark_sent(more)
    for e in more:
        answer(e, "reaction", mean=3)
        answer(e, "follow_up", used="yes")
    assert count(figures) == small == 5


def test_the_report_shows_only_the_managers_countries(client, course, roles):
    hn = completed(course, 2, "HN")
    gt = completed(course, 1, "GT")
    answer(hn[0], "reaction", mean=5)
    answer(gt[0], "reaction", mean=1)
    honduras = factories.country("HN")
    client.force_login(factories.manager(countries=[honduras]))
    html = client.get(REPORT).content.decode()
    assert "Honduras" in html and "Guatemala" not in html
    assert "5.0" in html or "5,0" in html
    csv = b"".join(client.get(REPORT + "?export=csv").streaming_content).decode("utf-8-sig")
    assert "Honduras" in csv and "Guatemala" not in csv


def test_a_manager_without_countries_sees_nothing(client, course, roles):
    answer(completed(course, 1, "HN")[0], "reaction", mean=5)
    client.force_login(factories.manager(all_countries=False))
    response = client.get(REPORT)
    assert response.status_code == 200
    assert "Honduras" not in response.content.decode()


def test_the_report_costs_the_same_queries_with_more_rows(
    client, course, roles, without_personal_page_cache
):
    client.force_login(factories.manager())
    for e in completed(course, 2):
        answer(e, "reaction", mean=4)
    client.get(REPORT)

    def page():
        assert client.get(REPORT).status_code == 200

    small = count(page)
    more = completed(course, 4, "GT")
    mark_sent(more)
    for e in more:
        answer(e, "reaction", mean=2)
    assert count(page) == small
