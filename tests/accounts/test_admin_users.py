"""Administrators create and edit accounts in the Wagtail admin (Users → Add / Edit)."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.core import mail

from accounts.models import PROGRAM_MANAGERS_GROUP, TRAINERS_GROUP, AuditEvent, User
from accounts.roles import roles_setup
from tests import factories

pytestmark = pytest.mark.django_db

ADD = "/admin/users/new/"


def edit_url(user) -> str:
    return f"/admin/users/edit/{user.pk}/"


@pytest.fixture
def partners(db):
    roles_setup()
    hn = factories.country("HN", "Honduras", "Honduras")
    gt = factories.country("GT", "Guatemala", "Guatemala")
    sv = factories.country("SV", "El Salvador", "El Salvador")
    return {
        "hn": hn,
        "gt": gt,
        "sv": sv,
        "hn_agency": factories.agency(hn, "National Police", "Policía Nacional"),
        "gt_agency": factories.agency(gt, "Public Ministry", "Ministerio Público"),
    }


@pytest.fixture
def admin_client(client, partners):
    admin = User.objects.create_superuser("root@example.org", "x", full_name="Root Admin")
    client.force_login(admin)
    client.admin = admin
    return client


def account_data(partners, **overrides) -> dict:
    data = {
        "full_name": "Gabriela Gestora",
        "email": "Gabriela.Gestora@Example.org",
        "role": "program_manager",
        "country": partners["hn"].pk,
        "agency": partners["hn_agency"].pk,
        "job_title": "Coordinator",
        "preferred_language": "es",
        "managed_countries": [partners["hn"].pk, partners["gt"].pk],
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def test_add_page_asks_for_full_name_role_country_agency_and_scope_not_first_name(admin_client):
    html = admin_client.get(ADD).content.decode()
    for name in ("full_name", "email", "role", "country", "agency", "managed_countries"):
        assert f'name="{name}"' in html, name
    assert 'name="manages_all_countries"' in html
    assert "All partner countries" in html
    assert 'name="first_name"' not in html and 'name="last_name"' not in html


def test_administrator_creates_a_manager_of_two_countries(admin_client, partners):
    response = admin_client.post(ADD, account_data(partners))
    assert response.status_code == 302, response.content.decode()[:2000]
    manager = User.objects.get(email="gabriela.gestora@example.org")
    assert manager.full_name == "Gabriela Gestora"
    assert manager.is_staff and not manager.is_superuser
    assert set(manager.groups.values_list("name", flat=True)) == {PROGRAM_MANAGERS_GROUP}
    assert set(manager.managed_countries.values_list("code", flat=True)) == {"HN", "GT"}
    assert manager.manages_all_countries is False
    assert (manager.country, manager.agency) == (partners["hn"], partners["hn_agency"])
    assert not manager.has_usable_password()
    address = EmailAddress.objects.get(user=manager)
    assert (address.email, address.verified, address.primary) == (
        "gabriela.gestora@example.org",
        True,
        True,
    )


def test_administrator_creates_a_manager_of_all_partner_countries(admin_client, partners):
    data = account_data(partners, managed_countries=None, manages_all_countries="on")
    assert admin_client.post(ADD, data).status_code == 302
    manager = User.objects.get(email="gabriela.gestora@example.org")
    assert manager.manages_all_countries is True
    assert not manager.managed_countries.exists()


def test_countries_and_all_partner_countries_together_are_refused(admin_client, partners):
    response = admin_client.post(ADD, account_data(partners, manages_all_countries="on"))
    assert response.status_code == 200
    assert "Choose some countries or all partner countries, not both." in response.content.decode()
    assert not User.objects.filter(email="gabriela.gestora@example.org").exists()


@pytest.mark.parametrize(
    ("role", "staff", "superuser", "groups"),
    [
        ("trainee", False, False, set()),
        ("trainer", True, False, {TRAINERS_GROUP}),
        ("administrator", True, True, set()),
    ],
)
def test_each_role_maps_to_its_group_and_flags(
    admin_client, partners, role, staff, superuser, groups
):
    data = account_data(partners, role=role)
    assert admin_client.post(ADD, data).status_code == 302
    user = User.objects.get(email="gabriela.gestora@example.org")
    assert (user.is_staff, user.is_superuser) == (staff, superuser)
    assert set(user.groups.values_list("name", flat=True)) == groups
    # Countries managed only mean something for a program manager.
    assert not user.managed_countries.exists() and not user.manages_all_countries


def test_agency_of_another_country_is_refused_and_nothing_is_stored(admin_client, partners):
    response = admin_client.post(ADD, account_data(partners, agency=partners["gt_agency"].pk))
    assert response.status_code == 200
    assert "Public Ministry is not an agency of Honduras" in response.content.decode()
    assert not User.objects.filter(email="gabriela.gestora@example.org").exists()
    assert not mail.outbox


def test_a_trainee_needs_a_country_and_an_agency(admin_client, partners):
    data = account_data(partners, role="trainee", country="", agency="")
    response = admin_client.post(ADD, data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Choose the trainee&#x27;s partner country." in html
    assert "Choose the trainee&#x27;s agency." in html
    assert not User.objects.filter(email="gabriela.gestora@example.org").exists()


def test_an_address_already_in_use_is_refused_whatever_its_case(admin_client, partners):
    factories.user("gabriela.gestora@example.org")
    response = admin_client.post(ADD, account_data(partners))
    assert response.status_code == 200
    assert "Another account already uses this e-mail address." in response.content.decode()
    assert User.objects.filter(email__iexact="gabriela.gestora@example.org").count() == 1


def test_full_name_with_a_bidi_override_is_refused_and_nothing_is_stored(admin_client, partners):
    data = account_data(partners, full_name="Ana \u202eoreneG")
    response = admin_client.post(ADD, data)
    assert response.status_code == 200
    assert "invisible text-direction control characters" in response.content.decode()
    assert "U+202E" in response.content.decode()
    assert not User.objects.filter(email="gabriela.gestora@example.org").exists()


# -- First sign-in: the set-password e-mail -----------------------------------------------


def invitation_link(message) -> str:
    match = re.search(r"https?://\S+/accounts/password/reset/key/\S+/", message.body)
    assert match, message.body
    return "/" + match.group(0).split("/", 3)[3]


def test_new_account_gets_a_set_password_email_in_its_language_and_can_sign_in(
    admin_client, partners, client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(ADD, account_data(partners, preferred_language="es"))
    assert response.status_code == 302
    (message,) = mail.outbox
    assert message.to == ["gabriela.gestora@example.org"]
    assert "elija su contraseña" in message.subject.lower()
    assert "Un administrador ha creado una cuenta" in message.body
    link = invitation_link(message)
    assert link.startswith("/es/accounts/password/reset/key/")

    visitor = type(client)()  # the new manager's own browser, signed out
    page = visitor.get(link, follow=True)
    assert page.status_code == 200
    set_password_url = page.redirect_chain[-1][0] if page.redirect_chain else link
    done = visitor.post(
        set_password_url,
        {"password1": "Nueva-Clave-Segura-2026", "password2": "Nueva-Clave-Segura-2026"},
    )
    assert done.status_code == 302, done.content.decode()[:2000]
    signed_in = visitor.post(
        "/es/accounts/login/",
        {"login": "gabriela.gestora@example.org", "password": "Nueva-Clave-Segura-2026"},
    )
    assert signed_in.status_code == 302
    assert "confirm-email" not in signed_in["Location"]  # the address counts as verified
    assert visitor.session["_auth_user_id"] == str(
        User.objects.get(email="gabriela.gestora@example.org").pk
    )


def test_english_speaker_gets_the_email_in_english(
    admin_client, partners, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(ADD, account_data(partners, preferred_language="en"))
    (message,) = mail.outbox
    assert "An administrator has created an account for you" in message.body
    assert invitation_link(message).startswith("/en/accounts/password/reset/key/")


def test_editing_an_account_sends_no_email(
    admin_client, partners, django_capture_on_commit_callbacks
):
    manager = factories.manager("m@example.org", countries=[partners["hn"]])
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            edit_url(manager),
            account_data(partners, email="m@example.org", is_active="on"),
        )
    assert response.status_code == 302
    assert not mail.outbox


# -- Editing: role changes, scope, and the audited move of a trainee -----------------------


def test_edit_page_shows_the_current_role_and_scope(admin_client, partners):
    manager = factories.manager("m@example.org", countries=[partners["gt"]])
    html = admin_client.get(edit_url(manager)).content.decode()
    assert re.search(r'<option value="program_manager" selected>', html)
    assert re.search(rf'value="{partners["gt"].pk}"[^>]*checked', html)


def test_a_manager_edited_to_trainer_loses_the_scope(admin_client, partners):
    manager = factories.manager("m@example.org", countries=[partners["gt"]])
    data = account_data(partners, email="m@example.org", role="trainer", is_active="on")
    assert admin_client.post(edit_url(manager), data).status_code == 302
    manager.refresh_from_db()
    assert set(manager.groups.values_list("name", flat=True)) == {TRAINERS_GROUP}
    assert not manager.managed_countries.exists()


def test_administrator_moves_a_trainee_and_the_audit_log_records_it(admin_client, partners):
    trainee = factories.user(
        "t@example.org", country_obj=partners["gt"], agency_obj=partners["gt_agency"]
    )
    data = account_data(
        partners,
        email="t@example.org",
        full_name=trainee.full_name,
        role="trainee",
        managed_countries=None,
        is_active="on",
    )
    assert admin_client.post(edit_url(trainee), data).status_code == 302
    trainee.refresh_from_db()
    assert (trainee.country, trainee.agency) == (partners["hn"], partners["hn_agency"])
    event = AuditEvent.objects.get(action=AuditEvent.Action.PROFILE_COUNTRY_CHANGED)
    assert event.actor == admin_client.admin and event.subject == trainee
    assert event.target == (
        f"profile of user {trainee.pk}: country GT -> HN, "
        f"agency {partners['gt_agency'].pk} -> {partners['hn_agency'].pk}"
    )
    assert trainee.full_name not in event.target and "t@example.org" not in event.target


def test_saving_without_moving_writes_no_audit_line(admin_client, partners):
    trainee = factories.user(
        "t@example.org", country_obj=partners["hn"], agency_obj=partners["hn_agency"]
    )
    data = account_data(partners, email="t@example.org", role="trainee", is_active="on")
    assert admin_client.post(edit_url(trainee), data).status_code == 302
    assert not AuditEvent.objects.filter(action=AuditEvent.Action.PROFILE_COUNTRY_CHANGED).exists()


def test_an_administrator_cannot_change_their_own_role(admin_client, partners):
    data = account_data(partners, email="root@example.org", role="trainee")
    assert admin_client.post(edit_url(admin_client.admin), data).status_code == 302
    admin_client.admin.refresh_from_db()
    assert admin_client.admin.is_superuser and admin_client.admin.is_active


# -- Only administrators manage accounts ---------------------------------------------------


@pytest.mark.parametrize("who", ["trainer", "manager", "manager_with_user_permissions"])
def test_staff_other_than_administrators_cannot_add_or_edit_accounts(client, partners, who):
    if who == "trainer":
        user = factories.trainer("trainer@example.org")
    else:
        user = factories.manager("manager@example.org")
    if who == "manager_with_user_permissions":
        # Even a delegated "change user" permission is not enough: the role
        # field could make anyone an administrator.
        group = Group.objects.get(name=PROGRAM_MANAGERS_GROUP)
        from django.contrib.auth.models import Permission

        group.permissions.add(
            *Permission.objects.filter(
                content_type__app_label="accounts", codename__in=["add_user", "change_user"]
            )
        )
    client.force_login(user)
    victim = factories.user("victim@example.org")
    before = User.objects.count()
    for url in ("/admin/users/", ADD, edit_url(victim)):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].rstrip("/").endswith(
            "/admin"
        ), url
    response = client.post(ADD, account_data(partners, role="administrator"))
    assert response.status_code == 302 and User.objects.count() == before
    client.post(edit_url(victim), account_data(partners, email="victim@example.org"))
    victim.refresh_from_db()
    assert not victim.is_staff and victim.full_name != "Gabriela Gestora"


def test_users_listing_shows_name_and_role(admin_client, partners):
    factories.manager("m@example.org", countries=[partners["gt"]])
    html = admin_client.get("/admin/users/").content.decode()
    assert "m@example.org" in html
    assert "Program manager" in html
    searched = admin_client.get("/admin/users/?q=Root").content.decode()
    assert "root@example.org" in searched


# -- seed_demo makes its accounts through the same service ---------------------------------


def test_demo_managers_get_their_scope_through_the_service(db):
    from demo.accounts import seed_accounts, seed_countries

    roles_setup()
    users = seed_accounts(seed_countries())
    everywhere = users["manager@example.org"]
    honduras = users["manager.hn@example.org"]
    assert everywhere.manages_all_countries and not everywhere.managed_countries.exists()
    assert not honduras.manages_all_countries
    assert list(honduras.managed_countries.values_list("code", flat=True)) == ["HN"]
    for manager in (everywhere, honduras):
        assert manager.is_staff and not manager.is_superuser
        assert set(manager.groups.values_list("name", flat=True)) == {PROGRAM_MANAGERS_GROUP}
        assert manager.check_password("Demo-Training-2026")
        assert EmailAddress.objects.get(user=manager).verified
    assert users["admin@example.org"].is_superuser
    assert not users["trainee.gt@example.org"].is_staff
