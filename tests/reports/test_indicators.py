"""The funder's indicators: people (not rows) trained per country × sex, agency and topic;
enrolments, completions and learning; checked against SQL written here, independently."""

import datetime
import io
import re
from decimal import Decimal

import openpyxl
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from accounts.merging import account_merge
from accounts.models import AuditEvent, User
from courses.models import Topic
from courses.services import topics_create_standard
from learning.models import Enrollment
from reports.queries.indicators import Period, fiscal_year_of
from tests import factories

from .conftest import attempt, make_world

pytestmark = pytest.mark.django_db

URL = "/admin/reports/program/indicators/"
FY = 2026  # 1 October 2025 to 30 September 2026
ZONE = timezone.get_default_timezone()


def moment(year, month, day, hour=12) -> datetime.datetime:
    return datetime.datetime(year, month, day, hour, tzinfo=ZONE)


@pytest.fixture
def world(db):
    world = make_world(trainees=0)
    course_a, course_b = world.courses
    # The standard topics (a data migration made them; a test that empties the
    # database on this worker before this one may have removed them).
    topics = topics_create_standard()
    rights, gender = topics["human-rights"], topics["gender"]
    course_a.topics.set([rights, gender])
    course_a.save()
    course_b.topics.set([rights])
    course_b.save()
    return world


def person(world, number, code, sex, agency=0, **extra) -> User:
    return factories.user(
        f"person{number}@example.org",
        country_obj=world.countries[code],
        agency_obj=world.agencies[code][agency],
        full_name=f"Person {number}",
        sex=sex,
        **extra,
    )


def enrol(user, course, started, completed=None) -> Enrollment:
    return Enrollment.objects.create(
        user=user, course=course, enrolled_at=started, completed_at=completed
    )


@pytest.fixture
def people(world):
    """Trainees whose completions fall in and around FY2026 Q1 (Oct–Dec 2025)."""
    a, b = world.courses
    ana = person(world, 1, "HN", "female")
    enrol(ana, a, moment(2025, 9, 1), moment(2025, 10, 1, 0))  # first minute of Q1
    enrol(ana, b, moment(2025, 10, 2), moment(2025, 11, 15))  # a second course: still one person
    luis = person(world, 2, "HN", "male", agency=1)
    enrol(luis, a, moment(2025, 10, 3), moment(2025, 12, 31, 23))  # last hour of Q1
    sofia = person(world, 3, "GT", "undisclosed")
    enrol(sofia, b, moment(2025, 11, 1), moment(2025, 11, 20))
    noelia = person(world, 4, "GT", "")
    enrol(noelia, a, moment(2025, 11, 2), moment(2026, 1, 1, 0))  # Q2, not Q1
    marta = person(world, 5, "MX", "female")
    enrol(marta, a, moment(2025, 11, 5))  # started, not completed
    pedro = person(world, 6, "SV", "male")
    enrol(pedro, a, moment(2025, 9, 1), moment(2025, 9, 30, 23))  # FY2025
    staff = person(world, 7, "HN", "female", is_staff=True)  # staff are never trainees
    enrol(staff, a, moment(2025, 10, 5), moment(2025, 10, 6))
    return {
        "ana": ana,
        "luis": luis,
        "sofia": sofia,
        "noelia": noelia,
        "marta": marta,
        "pedro": pedro,
    }


def independent_people_by_country(period: Period, countries=None) -> dict:
    """People trained per country code and sex, by SQL written for this test."""
    users, enrolments = User._meta.db_table, Enrollment._meta.db_table
    country_table = User._meta.get_field("country").related_model._meta.db_table
    groups = "'Trainers', 'Program managers'"
    sql = f"""
        SELECT c.code,
               SUM(CASE WHEN u.sex = 'female' THEN 1 ELSE 0 END),
               SUM(CASE WHEN u.sex = 'male' THEN 1 ELSE 0 END),
               SUM(CASE WHEN u.sex IN ('female', 'male') THEN 0 ELSE 1 END),
               COUNT(*)
        FROM {users} u
        JOIN {country_table} c ON c.id = u.country_id
        WHERE u.is_staff = %s AND u.is_superuser = %s
          AND u.id IN (SELECT e.user_id FROM {enrolments} e
                       WHERE e.completed_at >= %s AND e.completed_at < %s)
          AND u.id NOT IN (SELECT ug.user_id FROM {users}_groups ug
                           JOIN auth_group g ON g.id = ug.group_id WHERE g.name IN ({groups}))
        GROUP BY c.code
    """
    with connection.cursor() as cursor:
        bounds = [connection.ops.adapt_datetimefield_value(m) for m in (period.start, period.end)]
        cursor.execute(sql, [False, False, *bounds])
        rows = cursor.fetchall()
    return {
        code: tuple(int(n) for n in counts)
        for code, *counts in rows
        if countries is None or code in countries
    }


def test_periods_follow_the_us_fiscal_year():
    assert fiscal_year_of(datetime.date(2025, 9, 30)) == 2025
    assert fiscal_year_of(datetime.date(2025, 10, 1)) == 2026
    year = Period(2026)
    assert (year.first_day, year.last_day) == (
        datetime.date(2025, 10, 1),
        datetime.date(2026, 9, 30),
    )
    quarters = [Period(2026, q) for q in (1, 2, 3, 4)]
    assert [(q.first_day, q.last_day) for q in quarters] == [
        (datetime.date(2025, 10, 1), datetime.date(2025, 12, 31)),
        (datetime.date(2026, 1, 1), datetime.date(2026, 3, 31)),
        (datetime.date(2026, 4, 1), datetime.date(2026, 6, 30)),
        (datetime.date(2026, 7, 1), datetime.date(2026, 9, 30)),
    ]
    assert quarters[0].end == moment(2026, 1, 1, 0) and quarters[0].code == "FY2026-Q1"


def test_people_are_counted_once_by_country_and_sex(client, world, people):
    client.force_login(world.people["manager_all"])
    response = client.get(URL, {"fiscal_year": FY, "quarter": 1})
    assert response.status_code == 200
    shown = {
        row["code"]: (row["female"], row["male"], row["not_stated"], row["people"])
        for row in response.context["by_country"]
    }
    # Ana completed two courses: one person. Noelia's completion is in Q2, Pedro's in FY2025,
    # Marta has not completed; the staff member is not a trainee.
    assert shown == {"HN": (1, 1, 0, 2), "GT": (0, 0, 1, 1)}
    total = response.context["total"]
    assert (total["female"], total["male"], total["not_stated"], total["people"]) == (1, 1, 1, 3)
    page = response.content.decode()
    assert "People trained by country and sex" in page and "Not stated" in page


def test_figures_match_independent_sql_over_a_generated_data_set(client, world, people):
    # More people, several courses each, completions spread over two years.
    a, b = world.courses
    sexes = ["female", "male", "undisclosed", ""]
    codes = sorted(world.countries)
    for n in range(40):
        user = person(world, 100 + n, codes[n % 4], sexes[n % 4], agency=n % 2)
        day = moment(2025, 6, 1) + datetime.timedelta(days=11 * n)
        enrol(user, a, day - datetime.timedelta(days=5), day if n % 3 else None)
        if n % 2:
            enrol(user, b, day, day + datetime.timedelta(days=9 * (n % 5)))
    client.force_login(world.people["manager_all"])
    for quarter in (None, 1, 2, 3, 4):
        period = Period(FY, quarter)
        response = client.get(URL, {"fiscal_year": FY, "quarter": quarter or ""})
        shown = {
            row["code"]: (row["female"], row["male"], row["not_stated"], row["people"])
            for row in response.context["by_country"]
        }
        assert shown == independent_people_by_country(period), period


def test_a_manager_counts_only_their_countries(client, world, people):
    client.force_login(world.people["manager_hn"])
    response = client.get(URL, {"fiscal_year": FY, "quarter": 1})
    assert [row["code"] for row in response.context["by_country"]] == ["HN"]
    assert response.context["total"]["people"] == 2
    assert {row["name"] for row in response.context["by_agency"]} <= {
        agency.name for agency in world.agencies["HN"]
    }
    assert "Honduras" in response.context["scope"]


def test_a_person_with_two_merged_accounts_counts_once(client, world):
    a, b = world.courses
    first = person(world, 10, "HN", "female")
    second = person(world, 11, "HN", "female")  # the same person, signed up again
    enrol(first, a, moment(2025, 9, 1), moment(2025, 10, 20))
    enrol(second, b, moment(2025, 10, 5), moment(2025, 11, 20))
    client.force_login(world.people["manager_all"])

    def figures():
        response = client.get(URL, {"fiscal_year": FY, "quarter": 1})
        learning = response.context["learning"]
        return response.context["total"]["people"], learning["people"], learning["completions"]

    assert figures() == (2, 2, 2)
    account_merge(source=second, target=first, actor=world.people["admin"])
    assert figures() == (1, 1, 2)


def test_topics_count_each_person_once_per_topic(client, world, people):
    client.force_login(world.people["manager_all"])
    response = client.get(URL, {"fiscal_year": FY, "quarter": 1})
    topics = {row["code"]: row["people"] for row in response.context["by_topic"]}
    # Course A (human rights, gender): Ana, Luis. Course B (human rights): Ana, Sofía.
    assert topics == {"human-rights": 3, "gender": 2}


def test_agencies_split_people_by_sex(client, world, people):
    client.force_login(world.people["manager_all"])
    response = client.get(URL, {"fiscal_year": FY, "quarter": 1})
    rows = {
        row["name"]: (row["female"], row["male"], row["people"])
        for row in response.context["by_agency"]
    }
    assert rows[world.agencies["HN"][0].name] == (1, 0, 1)
    assert rows[world.agencies["HN"][1].name] == (0, 1, 1)


def test_enrolments_completions_rate_and_gain(client, world, people):
    a, _b = world.courses
    luis = Enrollment.objects.get(user=people["luis"], course=a)
    ana = Enrollment.objects.get(user=people["ana"], course=a)
    for enrolment, pre, final in ((luis, 40, 70), (ana, 100, 90)):
        attempt(enrolment, world.pretest, 1, Decimal(pre), enrolment.enrolled_at).save()
        attempt(enrolment, world.final, 1, Decimal(final), enrolment.enrolled_at).save()
    client.force_login(world.people["manager_all"])
    learning = client.get(URL, {"fiscal_year": FY, "quarter": 1}).context["learning"]
    # Started in Q1: Ana's B, Luis, Sofía, Noelia, Marta = 5; completed by 31 Dec: 3.
    assert (learning["enrolments"], learning["completed"]) == (5, 3)
    assert learning["completion_percent"] == 60.0
    # Completed in Q1: Ana (A and B), Luis, Sofía = 4 completions, 3 people.
    assert (learning["completions"], learning["people"]) == (4, 3)
    assert learning["measured"] == 2
    assert learning["gain"] == pytest.approx(((70 - 40) + (90 - 100)) / 2)
    # Normalised gain leaves out a pre-test of 100: Luis alone, (70 - 40) / (100 - 40).
    assert learning["normalised_measured"] == 1
    assert learning["normalised_gain"] == pytest.approx(0.5)


def test_queries_are_constant_whatever_the_data(client, world, people):
    client.force_login(world.people["manager_all"])
    client.get(URL, {"fiscal_year": FY})

    def count() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(URL, {"fiscal_year": FY}).status_code == 200
        return len(captured)

    before = count()
    a, b = world.courses
    extra = factories.agency(world.countries["MX"], en="Customs", es="Aduanas")
    for n in range(12):
        user = person(world, 300 + n, "MX", "male")
        user.agency = extra
        user.save()
        enrol(user, a if n % 2 else b, moment(2025, 10, 10), moment(2025, 10, 20))
    Topic.objects.create(code="forensics-extra", name_en="Extra", name_es="Extra")
    # A new topic clears the cached pages: the first request reads the site again.
    client.get(URL, {"fiscal_year": FY})
    assert count() == before


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"fiscal_year": "1999"}, "Select a valid choice"),
        ({"fiscal_year": FY, "quarter": "5"}, "Select a valid choice"),
        ({"fiscal_year": "next year"}, "Select a valid choice"),
    ],
)
def test_bad_periods_get_a_message_and_no_figures(client, world, people, params, message):
    client.force_login(world.people["manager_all"])
    response = client.get(URL, params)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert "by_country" not in response.context


def test_the_spanish_admin_gets_spanish_headings_and_messages(client, world, people):
    manager = world.people["manager_all"]
    manager.preferred_language = "es"
    manager.save()
    client.force_login(manager)
    page = client.get(
        URL, {"fiscal_year": FY, "quarter": 1}, HTTP_ACCEPT_LANGUAGE="es"
    ).content.decode()
    assert "Personas capacitadas por país y sexo" in page
    assert "No indicado" in page
    bad = client.get(URL, {"fiscal_year": "1999"}, HTTP_ACCEPT_LANGUAGE="es")
    assert "Escoja una opción válida" in bad.content.decode()


@pytest.mark.parametrize("role", ["trainer", "anonymous"])
def test_others_cannot_see_the_indicators(client, world, people, role):
    if role != "anonymous":
        client.force_login(world.people[role])
    response = client.get(URL, {"fiscal_year": FY})
    assert response.status_code in (302, 403)
    assert "Ana" not in response.content.decode()


def test_the_xlsx_has_a_sheet_per_indicator_with_period_and_definitions(client, world, people):
    hostile = world.agencies["HN"][0]
    hostile.name_en = hostile.name_es = '=HYPERLINK("http://x","y")'
    hostile.save()
    client.force_login(world.people["manager_all"])
    response = client.get(URL, {"fiscal_year": FY, "quarter": 1, "export": "xlsx"})
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="indicators-FY2026-Q1.xlsx"'
    assert "no-store" in response["Cache-Control"]
    book = openpyxl.load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == [
        "People by country and sex",
        "People by agency",
        "People by topic",
        "Enrolments and learning",
    ]
    sheet = book["People by country and sex"]
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows[1][0] == "Period" and rows[1][1].startswith("FY2026-Q1: ")
    assert any(
        row[0] and row[0].startswith("People trained: trainees who completed") for row in rows
    )
    assert ["Total", 1, 1, 1, 3] in rows
    agencies = book["People by agency"]
    cells = [cell for row in agencies.iter_rows() for cell in row]
    assert all(cell.data_type != "f" for cell in cells)
    assert '=HYPERLINK("http://x","y")' in [cell.value for cell in cells]
    assert AuditEvent.objects.filter(
        action=AuditEvent.Action.REPORT_EXPORTED, target="indicators-FY2026-Q1.xlsx"
    ).exists()


def pdf_pages(data: bytes) -> list[str]:
    from pypdf import PdfReader

    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


def test_the_pdf_summary_tells_the_figures_in_each_language(client, world, people):
    rights = Topic.objects.get(code="human-rights")
    hostile = world.agencies["HN"][0]
    hostile.name_en = hostile.name_es = "<b>PN</b> & =A1"
    hostile.save()
    client.force_login(world.people["manager_all"])
    response = client.get(URL, {"fiscal_year": FY, "quarter": 1, "export": "pdf"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="indicators-FY2026-Q1.pdf"'
    assert "no-store" in response["Cache-Control"]
    pages = pdf_pages(response.content)
    text = "\n".join(pages)
    english = text[: text.index("Indicadores FY2026-Q1")]
    spanish = text[text.index("Indicadores FY2026-Q1") :]
    # Each part in its own language, with the topic's name in that language.
    assert "People trained by country and sex" in english
    assert rights.name_en in english and rights.name_es not in english
    assert "Personas capacitadas por país y sexo" in spanish
    assert rights.name_es in spanish
    assert "Not stated" in english and "No indicado" in spanish
    # The part starting the Spanish half starts a page.
    assert any(page.lstrip().startswith("Indicadores FY2026-Q1") for page in pages)
    # Names are text, never markup; the totals of the table are there (1 female, 1 male,
    # 1 not stated, 3 people in Q1) and the definitions in both languages.
    assert "<b>PN</b> & =A1" in english and "<b>PN</b> & =A1" in spanish
    assert "Total 1 1 1 3" in english and "Total 1 1 1 3" in spanish
    assert "People trained: trainees who completed" in english
    assert "Personas capacitadas:" in spanish
    assert AuditEvent.objects.filter(
        action=AuditEvent.Action.REPORT_EXPORTED, target="indicators-FY2026-Q1.pdf"
    ).exists()


def test_the_pdf_summary_of_a_manager_counts_only_their_countries(client, world, people):
    client.force_login(world.people["manager_hn"])
    response = client.get(URL, {"fiscal_year": FY, "quarter": 1, "export": "pdf"})
    text = "\n".join(pdf_pages(response.content))
    assert "Honduras" in text
    assert "Guatemala" not in text
    assert "Total 1 1 0 2" in text


def test_the_pdf_summary_costs_the_queries_of_the_page(client, world, people):
    client.force_login(world.people["manager_all"])
    params = {"fiscal_year": FY, "quarter": 1}
    client.get(URL, {**params, "export": "pdf"})  # first-request look-ups
    with CaptureQueriesContext(connection) as page:
        client.get(URL, params)
    with CaptureQueriesContext(connection) as pdf:
        client.get(URL, {**params, "export": "pdf"})
    # The figures are read once for both languages; the export adds its audit record.
    assert len(pdf) <= len(page) + 2


def test_stacked_bars_split_each_row_by_series_in_proportion():
    from reports.charts import PLOT_WIDTH, stacked_bar_chart

    svg = str(
        stacked_bar_chart(
            "People",
            "By sex",
            ["Female", "Male", "Not stated"],
            [("A<&>", [3, 1, 0]), ("B", [1, 1, 0])],
        )
    )
    assert "A&lt;&amp;&gt;" in svg and "A<&>" not in svg
    widths = [
        float(w) for w in re.findall(r'<rect x="[\d.]+" y="\d+" width="([\d.]+)" height="18"', svg)
    ]
    # Row A: 3 and 1 of 4 (the largest total) fill the plot; row B half of it; no empty segment.
    assert widths == [PLOT_WIDTH * 3 / 4, PLOT_WIDTH / 4, PLOT_WIDTH / 4, PLOT_WIDTH / 4]
    assert "<title>Female: 3</title>" in svg and "<title>Not stated: 0</title>" not in svg
