"""Likely duplicates in the admin, and the administrator's merge page."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.models import AuditEvent, User
from learning.models import Enrollment
from tests import factories

from .conftest import make_world

pytestmark = pytest.mark.django_db

URL = "/admin/reports/program/duplicates/"


def merge_url(first, second) -> str:
    return f"{URL}merge/{first.pk}/{second.pk}/"


@pytest.fixture
def world(db):
    return make_world(trainees=0)


def account(world, email, name, code="HN", agency=0) -> User:
    return factories.user(
        email,
        country_obj=world.countries[code],
        agency_obj=world.agencies[code][agency],
        full_name=name,
    )


@pytest.fixture
def twins(world):
    first = account(world, "jose.perez@example.org", "José  PÉREZ")
    second = account(world, "jperez@example.org", "jose perez")
    Enrollment.objects.create(user=first, course=world.courses[0])
    return first, second


def groups_shown(response) -> list[set[str]]:
    return [{a.email for a in group["accounts"]} for group in response.context["groups"]]


def test_same_normalised_name_and_agency_are_listed_together(client, world, twins):
    account(world, "other.agency@example.org", "José Pérez", agency=1)  # another agency
    account(world, "ana@example.org", "Ana Pérez")
    client.force_login(world.people["admin"])
    response = client.get(URL)
    assert response.status_code == 200
    assert groups_shown(response) == [{"jose.perez@example.org", "jperez@example.org"}]
    page = response.content.decode()
    assert merge_url(*twins) in page and "other.agency@example.org" not in page
    shown = {a.email: a.enrolment_count for a in response.context["groups"][0]["accounts"]}
    assert shown == {"jose.perez@example.org": 1, "jperez@example.org": 0}


def test_a_manager_sees_the_duplicates_of_their_countries_without_merge_links(client, world, twins):
    account(world, "gt1@example.org", "Luis Gómez", code="GT")
    account(world, "gt2@example.org", "LUIS GOMEZ", code="GT")
    client.force_login(world.people["manager_hn"])
    response = client.get(URL)
    assert groups_shown(response) == [{"jose.perez@example.org", "jperez@example.org"}]
    assert "/merge/" not in response.content.decode()


def test_the_list_takes_the_same_queries_whatever_the_number_of_groups(client, world, twins):
    client.force_login(world.people["admin"])

    def count() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(URL).status_code == 200
        return len(captured)

    count()  # the first page after signing in also reads the session and the user
    before = count()
    for n in range(10):
        twin = account(world, f"twin{n}a@example.org", f"Twin Number {n}", code="GT")
        account(world, f"twin{n}b@example.org", f"twin number {n}", code="GT")
        Enrollment.objects.create(user=twin, course=world.courses[1])
    assert count() == before


def test_the_confirmation_page_shows_what_moves_and_a_get_merges_nothing(client, world, twins):
    client.force_login(world.people["admin"])
    response = client.get(merge_url(*twins))
    assert response.status_code == 200
    rows = {a.email: moves for a, moves in response.context["rows"]}
    assert rows["jose.perez@example.org"]["enrolments"] == 1
    assert User.objects.filter(is_active=True, pk__in=[t.pk for t in twins]).count() == 2
    assert not AuditEvent.objects.filter(action="accounts_merged").exists()


def test_an_administrator_merges_with_a_post(client, world, twins):
    first, second = twins
    client.force_login(world.people["admin"])
    response = client.post(merge_url(first, second), {"keep": second.pk})
    assert response.status_code == 302
    first.refresh_from_db()
    assert not first.is_active
    assert Enrollment.objects.get().user == second
    assert AuditEvent.objects.filter(action="accounts_merged", subject=second).count() == 1
    assert groups_shown(client.get(URL)) == []


@pytest.mark.parametrize("role", ["manager_all", "manager_hn", "trainer", "anonymous"])
def test_only_administrators_can_merge(client, world, twins, role):
    if role != "anonymous":
        client.force_login(world.people[role])
    first, second = twins
    response = client.post(merge_url(first, second), {"keep": second.pk})
    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert "login" in response["Location"]
    first.refresh_from_db()
    assert first.is_active and Enrollment.objects.get().user == first


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("en", "Only trainee accounts can be merged; staff accounts are never merged."),
        ("es", "Solo se pueden fusionar cuentas de participantes; las cuentas del personal"),
    ],
)
def test_merging_a_staff_account_is_refused_with_a_message(client, world, twins, language, message):
    first, _ = twins
    staff = world.people["manager_hn"]
    client.force_login(world.people["admin"])
    page = client.get(merge_url(first, staff), HTTP_ACCEPT_LANGUAGE=language)
    assert message in page.content.decode() and 'method="post"' not in page.content.decode()
    response = client.post(
        merge_url(first, staff), {"keep": staff.pk}, HTTP_ACCEPT_LANGUAGE=language
    )
    assert response.status_code == 400 and message in response.content.decode()
    first.refresh_from_db()
    staff.refresh_from_db()
    assert first.is_active and staff.is_active
    assert not AuditEvent.objects.filter(action="accounts_merged").exists()


def test_merging_an_account_into_itself_is_refused(client, world, twins):
    first, _ = twins
    client.force_login(world.people["admin"])
    response = client.post(merge_url(first, first), {"keep": first.pk})
    assert response.status_code == 400
    assert "An account cannot be merged into itself." in response.content.decode()
    first.refresh_from_db()
    assert first.is_active


def test_a_renamed_account_joins_or_leaves_its_group(client, world, twins):
    from tests.accounts.test_sex import profile_data

    ana = account(world, "ana@example.org", "Ana Pérez")
    client.force_login(ana)  # the trainee renames herself on her profile
    assert (
        client.post("/es/accounts/profile/", profile_data(ana, full_name="JOSÉ pérez.")).status_code
        == 302
    )
    client.force_login(world.people["admin"])
    expected = {"jose.perez@example.org", "jperez@example.org", "ana@example.org"}
    assert groups_shown(client.get(URL)) == [expected]
    second = twins[1]
    second.full_name = "Josefa Pérez"  # an administrator's edit saves the name alone
    second.save(update_fields=["full_name"])
    assert groups_shown(client.get(URL)) == [expected - {"jperez@example.org"}]


def test_the_upgrade_gives_existing_accounts_their_key_in_batches(world, twins):
    from django.apps import apps

    from accounts.names import fill_name_keys

    User.objects.update(name_key="")  # as the column is added (0010), before 0011 fills it
    filled = fill_name_keys(apps.get_model("accounts", "User"), batch=2)
    named = User.objects.exclude(full_name="")
    assert filled == named.count() > 2
    keys = User.objects.filter(pk__in=[t.pk for t in twins]).values_list("name_key", flat=True)
    assert set(keys) == {"jose perez"}
    assert not named.filter(name_key="").exists()
    assert fill_name_keys(User) == 0  # nothing left: a second run changes nothing


def test_accounts_written_by_the_previous_release_are_filled_by_the_command(client, world, twins):
    from io import StringIO

    from django.core.management import call_command

    User.objects.filter(pk=twins[1].pk).update(name_key="")  # written without a key
    client.force_login(world.people["admin"])
    assert groups_shown(client.get(URL)) == []
    out = StringIO()
    call_command("accounts_name_keys", stdout=out)
    assert "1 account(s)" in out.getvalue()
    assert groups_shown(client.get(URL)) == [{"jose.perez@example.org", "jperez@example.org"}]


def test_names_the_previous_release_changed_are_caught_up_with_every(client, world, twins):
    from io import StringIO

    from django.core.management import call_command

    # Renamed by a server of the previous release: the name changed, its key did not.
    User.objects.filter(pk=twins[1].pk).update(full_name="Josefa Pérez")
    client.force_login(world.people["admin"])
    assert len(groups_shown(client.get(URL))) == 1
    out = StringIO()
    call_command("accounts_name_keys", stdout=out)
    assert out.getvalue().startswith("0 ")  # only missing keys: this one is stale, not missing
    call_command("accounts_name_keys", "--every", stdout=out)
    assert "1 account(s)" in out.getvalue()
    assert groups_shown(client.get(URL)) == []


@pytest.mark.django_db(transaction=True)  # CONCURRENTLY runs outside a transaction only
def test_the_index_migration_leaves_a_valid_index_alone_and_rebuilds_an_invalid_one():
    """A database whose index an earlier form of 0010 made migrates on (IF NOT EXISTS);
    on PostgreSQL, an index a failed concurrent build left invalid is built again."""
    import importlib

    from django.apps import apps
    from django.db import connection

    migration = importlib.import_module("accounts.migrations.0012_user_name_key_index")

    class Editor:  # what the migration's function uses of a schema editor
        def __init__(self, cursor):
            self.connection, self.cursor = connection, cursor

        def execute(self, sql):
            self.cursor.execute(sql)

    def valid() -> bool | None:
        with connection.cursor() as cursor:
            if migration.NAME not in connection.introspection.get_constraints(
                cursor, "accounts_user"
            ):
                return None
            if connection.vendor != "postgresql":
                return True
            cursor.execute(
                "SELECT i.indisvalid FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
                "WHERE c.relname = %s",
                [migration.NAME],
            )
            return cursor.fetchone()[0]

    assert valid() is True
    with connection.cursor() as cursor:
        migration.create(apps, Editor(cursor))  # the index exists: nothing happens, no error
    assert valid() is True
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:  # as a cancelled CREATE INDEX CONCURRENTLY leaves it
            cursor.execute(
                "UPDATE pg_index SET indisvalid = false WHERE indexrelid = %s::regclass",
                [migration.NAME],
            )
        assert valid() is False
        with connection.cursor() as cursor:
            migration.create(apps, Editor(cursor))
        assert valid() is True
