"""The Indicators report's evaluation rows: reaction score, follow-up response rate and
the share reporting use on the job, checked against SQL written here, independently."""

# ruff: noqa: F811 (the imported fixtures are requested as arguments)

import datetime
import io
from decimal import Decimal

import openpyxl
import pytest
from django.db import connection

from accounts.models import User
from learning.models import Enrollment
from reports.queries.indicators import Period

# The fixtures ``world`` and ``people`` of the Indicators tests, shared by name.
from .test_indicators import FY, URL, moment, pdf_pages, people, world  # noqa: F401

pytestmark = pytest.mark.django_db


def independent_evaluation(period: Period, countries=None) -> dict:
    """Reaction and follow-up figures of the period, by SQL written for this test."""
    from evaluation.models import FollowUp, SurveyResponse

    users, enrolments = User._meta.db_table, Enrollment._meta.db_table
    responses, follow_ups = SurveyResponse._meta.db_table, FollowUp._meta.db_table
    country_table = User._meta.get_field("country").related_model._meta.db_table
    trainee = f"""
        u.is_staff = %s AND u.is_superuser = %s
        AND u.id NOT IN (SELECT ug.user_id FROM {users}_groups ug JOIN auth_group g
                         ON g.id = ug.group_id WHERE g.name IN ('Trainers', 'Program managers'))
        AND (%s OR u.country_id IN (SELECT id FROM {country_table} WHERE code IN ({{codes}})))
    """.format(codes=", ".join(f"'{code}'" for code in countries or ["-"]))
    bounds = [connection.ops.adapt_datetimefield_value(m) for m in (period.start, period.end)]
    flags = [False, False, countries is None]
    with connection.cursor() as cursor:
        cursor.execute(
            f"""SELECT COUNT(*), AVG(r.mean_rating) FROM {responses} r
                JOIN {enrolments} e ON e.id = r.enrollment_id JOIN {users} u ON u.id = e.user_id
                WHERE r.kind = 'reaction' AND r.submit_time >= %s AND r.submit_time < %s
                AND {trainee}""",
            [*bounds, *flags],
        )
        answered, mean = cursor.fetchone()
        cursor.execute(
            f"""SELECT COUNT(*),
                       SUM(CASE WHEN f.response_id IS NULL THEN 0 ELSE 1 END),
                       SUM(CASE WHEN r.used_on_job IN ('yes', 'partly') THEN 1 ELSE 0 END)
                FROM {follow_ups} f
                LEFT JOIN {responses} r ON r.id = f.response_id
                JOIN {enrolments} e ON e.id = f.enrollment_id JOIN {users} u ON u.id = e.user_id
                WHERE f.sent_at >= %s AND f.sent_at < %s AND {trainee}""",
            [*bounds, *flags],
        )
        sent, responded, used = cursor.fetchone()
    return {
        "answered": answered,
        "mean": round(float(mean), 2) if mean is not None else None,
        "sent": sent,
        "responded": int(responded or 0),
        "used": int(used or 0),
    }


@pytest.fixture
def evaluated(world, people):
    """Reaction answers and follow-ups of the people above, in and around FY2026 Q1."""
    from evaluation.models import FollowUp, SurveyResponse
    from tests.evaluation.conftest import follow_up_page, reaction_survey

    a, b = world.courses
    pages = {course.pk: (reaction_survey(course), follow_up_page(course)) for course in (a, b)}

    def answer(enrollment, kind, at, **columns):
        reaction, follow_up = pages[enrollment.course_id]
        response = SurveyResponse.objects.create(
            page=reaction if kind == "reaction" else follow_up,
            kind=kind,
            enrollment=enrollment,
            form_data={},
            **columns,
        )
        SurveyResponse.objects.filter(pk=response.pk).update(submit_time=at)
        return response

    def follow_up(enrollment, sent, used=None):
        response = (
            answer(enrollment, "follow_up", sent + datetime.timedelta(days=3), used_on_job=used)
            if used is not None
            else None
        )
        FollowUp.objects.create(
            enrollment=enrollment,
            page=pages[enrollment.course_id][1],
            due_at=sent,
            sent_at=sent,
            response=response,
        )

    ana_a, ana_b = Enrollment.objects.filter(user=people["ana"]).order_by("course__path")
    luis_a = Enrollment.objects.get(user=people["luis"])
    sofia_b = Enrollment.objects.get(user=people["sofia"])
    pedro_a = Enrollment.objects.get(user=people["pedro"])
    answer(ana_a, "reaction", moment(2025, 10, 2), mean_rating=Decimal("4.50"))
    answer(ana_b, "reaction", moment(2025, 11, 16), mean_rating=Decimal("3.00"))
    answer(luis_a, "reaction", moment(2026, 1, 2), mean_rating=Decimal("5.00"))  # Q2
    answer(sofia_b, "reaction", moment(2025, 11, 21))  # answered, no rating given
    answer(pedro_a, "reaction", moment(2025, 10, 1, 1), mean_rating=Decimal("2.00"))
    follow_up(ana_a, moment(2025, 10, 10), used="yes")
    follow_up(ana_b, moment(2025, 12, 1), used="no")
    follow_up(sofia_b, moment(2025, 11, 30), used="partly")
    follow_up(pedro_a, moment(2025, 12, 20))  # sent, not answered
    follow_up(luis_a, moment(2025, 9, 30, 23), used="yes")  # sent in FY2025


def test_evaluation_figures_match_independent_sql(client, world, evaluated):
    client.force_login(world.people["manager_all"])
    for quarter in (1, 2, None):
        response = client.get(URL, {"fiscal_year": FY, "quarter": quarter or ""})
        reaction, follow_up = response.context["reaction"], response.context["follow_up"]
        expected = independent_evaluation(Period(FY, quarter))
        assert (reaction["responses"], reaction["mean_score"]) == (
            expected["answered"],
            expected["mean"],
        )
        assert (follow_up["sent"], follow_up["responded"], follow_up["used_on_job"]) == (
            expected["sent"],
            expected["responded"],
            expected["used"],
        )
    # By hand, Q1: four answers, three rated (4.5, 3, 2: mean 3.17); four follow-ups sent,
    # three answered (75 %), two of them using it on the job (66.7 %).
    response = client.get(URL, {"fiscal_year": FY, "quarter": 1})
    assert response.context["reaction"]["responses"] == 4
    assert response.context["reaction"]["mean_score"] == 3.17
    assert response.context["follow_up"]["response_rate"] == 75.0
    assert response.context["follow_up"]["used_on_job_share"] == 66.7
    page = response.content.decode()
    assert "Mean reaction score (1 to 5)" in page and "3.17" in page
    assert "Follow-up response rate (%)" in page and "75.0" in page


def test_evaluation_figures_of_a_manager_cover_only_their_countries(client, world, evaluated):
    client.force_login(world.people["manager_hn"])
    response = client.get(URL, {"fiscal_year": FY, "quarter": 1})
    expected = independent_evaluation(Period(FY, 1), countries=["HN"])
    assert response.context["reaction"]["responses"] == expected["answered"] == 2
    assert response.context["follow_up"]["sent"] == expected["sent"] == 2
    assert response.context["follow_up"]["used_on_job_share"] == 50.0


def test_evaluation_rows_are_in_the_workbook_and_the_pdf(client, world, evaluated):
    client.force_login(world.people["manager_all"])
    params = {"fiscal_year": FY, "quarter": 1}
    book = openpyxl.load_workbook(io.BytesIO(client.get(URL, {**params, "export": "xlsx"}).content))
    rows = [[cell.value for cell in row] for row in book["Enrolments and learning"].iter_rows()]
    assert ["Mean reaction score (1 to 5)", 3.17] in rows
    assert ["Follow-up response rate (%)", 75.0] in rows
    assert ["Share reporting use on the job (%)", 66.7] in rows
    text = "\n".join(pdf_pages(client.get(URL, {**params, "export": "pdf"}).content))
    assert "Mean reaction score (1 to 5) 3.17" in text
    assert "Puntuación media de reacción (1 a 5) 3,17" in text
