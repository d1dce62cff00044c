"""Who may open what: roles × views, and a manager never sees another country."""

import csv
import io

import pytest
from django.contrib.auth.models import Group

from accounts.models import PROGRAM_MANAGERS_GROUP, TRAINERS_GROUP, User
from accounts.roles import Role, roles_setup
from accounts.services import staff_account_save
from tests.reports.helpers import BASE, content, screen_rows, xlsx_rows

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "trainee", "trainer", "manager_hn", "manager_all", "admin"]
# What each role gets on a report of Honduras data. Anonymous visitors are sent
# to sign in; signed-in trainees (no admin access at all) get 403 at the admin's
# door; trainers reach the report and get a 403 from it.
EXPECTED = {
    "anonymous": 302,
    "trainee": 403,
    "trainer": 403,
    "manager_hn": 200,
    "manager_all": 200,
    "admin": 200,
}


def hn_targets(world):
    trainee = User.objects.filter(country=world.countries["HN"], enrollments__isnull=False)[0]
    agency = trainee.agency
    return {
        "by country": f"{BASE}/countries/",
        "by country csv": f"{BASE}/countries/?export=csv",
        "by country xlsx": f"{BASE}/countries/?export=xlsx",
        "by country results": f"{BASE}/countries/results/",
        "agencies": f"{BASE}/countries/HN/",
        "agencies xlsx": f"{BASE}/countries/HN/?export=xlsx",
        "trainees": f"{BASE}/agencies/{agency.pk}/",
        "trainees csv": f"{BASE}/agencies/{agency.pk}/?export=csv",
        "transcript": f"{BASE}/trainees/{trainee.pk}/",
        "transcript xlsx": f"{BASE}/trainees/{trainee.pk}/?export=xlsx",
        "transcript print": f"{BASE}/trainees/{trainee.pk}/print/",
        "by course": f"{BASE}/courses/",
        "by course csv": f"{BASE}/courses/?export=csv",
        "knowledge gain": f"{BASE}/knowledge-gain/",
        "knowledge gain xlsx": f"{BASE}/knowledge-gain/?export=xlsx",
        "pdf summary": f"{BASE}/countries/HN/summary.pdf",
    }


def gt_targets(world):
    trainee = User.objects.filter(country=world.countries["GT"], enrollments__isnull=False)[0]
    return {
        "agencies": f"{BASE}/countries/GT/",
        "agencies csv": f"{BASE}/countries/GT/?export=csv",
        "trainees": f"{BASE}/agencies/{trainee.agency_id}/",
        "trainees xlsx": f"{BASE}/agencies/{trainee.agency_id}/?export=xlsx",
        "transcript": f"{BASE}/trainees/{trainee.pk}/",
        "transcript csv": f"{BASE}/trainees/{trainee.pk}/?export=csv",
        "transcript print": f"{BASE}/trainees/{trainee.pk}/print/",
        "pdf summary": f"{BASE}/countries/GT/summary.pdf",
    }


def login_as(client, world, role):
    if role == "anonymous":
        return
    if role == "trainee":
        user = User.objects.filter(country=world.countries["HN"], is_staff=False).first()
    else:
        user = world.people[role]
    client.force_login(user)


@pytest.mark.parametrize("role", ROLES)
def test_each_role_gets_the_expected_answer_on_every_view(client, world, role):
    login_as(client, world, role)
    for name, url in hn_targets(world).items():
        response = client.get(url)
        assert response.status_code == EXPECTED[role], (role, name)
        if EXPECTED[role] != 200:
            assert b"Honduras" not in content(response), (role, name)


def test_anonymous_goes_to_the_login_page_and_trainee_is_refused(client, world):
    url = f"{BASE}/countries/"
    assert "/login/?next=" in client.get(url)["Location"]
    login_as(client, world, "trainee")
    assert client.get(url).status_code == 403


def test_honduras_manager_sees_no_other_country_in_any_view(client, world):
    login_as(client, world, "manager_hn")
    for name, url in hn_targets(world).items():
        if name.startswith("pdf"):
            continue  # compressed; its content is checked in test_exports
        body = content(client.get(url))
        for other in (b"Guatemala", b"El Salvador", b"Mexico", b"M\xc3\xa9xico"):
            assert other not in body, (name, other)


@pytest.mark.parametrize("role", ["manager_all", "admin"])
def test_managers_of_all_countries_open_other_countries(client, world, role):
    login_as(client, world, role)
    trainee = User.objects.filter(country=world.countries["GT"], enrollments__isnull=False)[0]
    # What each Guatemalan view must show: the country's agencies, the agency's
    # trainee, the trainee's own record.
    shows = {
        "agencies": [b"National Police GT", b"Public Ministry GT"],
        "agencies csv": [b"National Police GT", b"Public Ministry GT"],
        "trainees": [trainee.full_name.encode()],
        "trainees xlsx": [trainee.full_name.encode()],
        "transcript": [trainee.full_name.encode(), b"Interviewing victims"],
        "transcript csv": [b"Interviewing victims"],
        "transcript print": [trainee.full_name.encode(), b"Interviewing victims"],
        "pdf summary": [b"%PDF-"],
    }
    for name, url in gt_targets(world).items():
        response = client.get(url)
        assert response.status_code == 200, name
        if name.endswith("xlsx"):
            body = " ".join(str(cell) for row in xlsx_rows(response) for cell in row).encode()
        else:
            body = content(response)
        for text in shows[name]:
            assert text in body, (name, text)
        assert b"National Police HN" not in body, name


def test_honduras_manager_gets_404_for_everything_of_another_country(client, world):
    login_as(client, world, "manager_hn")
    for name, url in gt_targets(world).items():
        # Django's LocaleMiddleware first redirects any 404 to /en/<path>,
        # which is a 404 too.
        response = client.get(url, follow=True)
        assert response.status_code == 404, name
        assert b"Guatemala" not in content(response), name


def test_roles_setup_gives_program_managers_the_reports_permission(db):
    groups = roles_setup()
    codenames = set(groups[PROGRAM_MANAGERS_GROUP].permissions.values_list("codename", flat=True))
    assert "view_program_reports" in codenames
    trainer_codes = set(groups[TRAINERS_GROUP].permissions.values_list("codename", flat=True))
    assert "view_program_reports" not in trainer_codes


def test_reports_menu_shown_to_managers_not_to_trainers(client, world):
    client.force_login(world.people["manager_hn"])
    assert "Progress by country" in client.get("/admin/").content.decode()
    client.force_login(world.people["trainer"])
    assert "Progress by country" not in client.get("/admin/").content.decode()


# -- Scope set by an administrator: two countries, none, all -------------------------------

ALL_TRAINEES = f"{BASE}/all-trainees.csv"


def export_rows(client, url=ALL_TRAINEES) -> list[list[str]]:
    text = content(client.get(url)).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))[1:]


def new_manager(world, email, **scope) -> User:
    return staff_account_save(
        user=None,
        actor=None,
        email=email,
        full_name="Gerardo Gestor Nuevo",
        role=Role.PROGRAM_MANAGER,
        password="Correct-Horse-Battery-9",
        **scope,
    )


def test_manager_of_two_countries_sees_both_and_not_a_third(client, world):
    manager = new_manager(
        world,
        "two@example.org",
        managed_countries=[world.countries["HN"], world.countries["GT"]],
    )
    client.force_login(manager)
    countries = [row[0] for row in screen_rows(client.get(f"{BASE}/countries/"))]
    assert sorted(countries) == ["Guatemala", "Honduras"]
    for code in ("HN", "GT"):
        agencies = [row[0] for row in screen_rows(client.get(f"{BASE}/countries/{code}/"))]
        assert sorted(agencies) == [f"National Police {code}", f"Public Ministry {code}"], code
        trainee = User.objects.filter(country=world.countries[code], is_staff=False)[0]
        listed = [
            row[0] for row in screen_rows(client.get(f"{BASE}/agencies/{trainee.agency_id}/"))
        ]
        assert trainee.full_name in listed, code
    for code in ("MX", "SV"):
        assert client.get(f"{BASE}/countries/{code}/", follow=True).status_code == 404, code
    rows = export_rows(client)
    assert {row[2] for row in rows} == {"HN", "GT"}
    expected = User.objects.filter(
        country__code__in=["HN", "GT"], is_staff=False, is_superuser=False
    ).count()
    assert len(rows) == expected


def test_manager_without_country_sees_no_trainee_data(client, world):
    manager = new_manager(world, "none@example.org")
    client.force_login(manager)
    page = client.get(f"{BASE}/countries/")
    assert page.status_code == 200
    body = content(page)
    for name in (b"Honduras", b"Guatemala", b"El Salvador", b"Mexico", b"M\xc3\xa9xico"):
        assert name not in body, name
    assert export_rows(client) == []
    assert export_rows(client, f"{BASE}/countries/?export=csv") == []
    trainee = User.objects.filter(country=world.countries["HN"], enrollments__isnull=False)[0]
    for url in (
        f"{BASE}/countries/HN/",
        f"{BASE}/countries/HN/summary.pdf",
        f"{BASE}/agencies/{trainee.agency_id}/",
        f"{BASE}/trainees/{trainee.pk}/",
        f"{BASE}/trainees/{trainee.pk}/print/",
    ):
        response = client.get(url, follow=True)
        assert response.status_code == 404, url
        assert trainee.full_name.encode() not in content(response), url


def test_manager_of_all_partner_countries_sees_every_country(client, world):
    manager = new_manager(world, "all@example.org", manages_all_countries=True)
    client.force_login(manager)
    assert {row[2] for row in export_rows(client)} == {"GT", "HN", "MX", "SV"}


def test_admin_created_manager_with_a_country_is_not_counted_as_a_trainee(client, world):
    admin = world.people["admin"]
    client.force_login(admin)
    hn = world.countries["HN"]
    agency = world.agencies["HN"][0]
    before = screen_rows(client.get(f"{BASE}/countries/HN/"))
    response = client.post(
        "/admin/users/new/",
        {
            "full_name": "Gerardo Gestor Nuevo",
            "email": "gerardo@example.org",
            "role": "program_manager",
            "country": hn.pk,
            "agency": agency.pk,
            "preferred_language": "es",
            "managed_countries": [hn.pk],
        },
    )
    assert response.status_code == 302
    # The report page: the agency's figures and its trainee list are unchanged.
    assert screen_rows(client.get(f"{BASE}/countries/HN/")) == before
    assert b"Gerardo Gestor Nuevo" not in content(client.get(f"{BASE}/agencies/{agency.pk}/"))
    # The exports: neither the all-trainees file nor the agency's trainee list has them.
    emails = {row[1] for row in export_rows(client)} | {row[0] for row in export_rows(client)}
    assert "gerardo@example.org" not in emails
    assert b"Gerardo" not in content(client.get(f"{BASE}/agencies/{agency.pk}/?export=csv"))


def test_group_member_without_staff_flag_is_not_counted_as_a_trainee(client, world):
    """Put in the Trainers group by hand (bulk "assign role"), flag left off: still staff."""
    member = User.objects.filter(country=world.countries["HN"], is_staff=False).first()
    member.groups.add(Group.objects.get(name=TRAINERS_GROUP))
    client.force_login(world.people["manager_hn"])
    assert member.email not in {cell for row in export_rows(client) for cell in row}
    body = content(client.get(f"{BASE}/agencies/{member.agency_id}/?export=csv"))
    assert member.full_name.encode() not in body
    assert client.get(f"{BASE}/trainees/{member.pk}/", follow=True).status_code == 404
