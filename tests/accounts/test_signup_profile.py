import re

import pytest
from django.core import mail

from accounts.models import User
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def partners():
    hn = factories.country("HN", "Honduras", "Honduras")
    gt = factories.country("GT", "Guatemala", "Guatemala")
    return {
        "hn": hn,
        "gt": gt,
        "hn_agency": factories.agency(hn, "National Police", "Policía Nacional"),
        "gt_agency": factories.agency(gt, "Public Ministry", "Ministerio Público"),
    }


def signup_data(partners, **overrides):
    data = {
        "email": "nueva@example.org",
        "full_name": "Lucía Peña Ñúñez",
        "country": partners["hn"].pk,
        "agency": partners["hn_agency"].pk,
        "job_title": "Fiscal",
        "preferred_language": "es",
        "password1": "Una-Clave-Segura-2026",
        "password2": "Una-Clave-Segura-2026",
    }
    data.update(overrides)
    return data


def test_signup_form_is_in_spanish_under_es(client, partners):
    html = client.get("/es/accounts/signup/").content.decode()
    assert "País socio" in html
    assert "Institución" in html
    assert "Policía Nacional" in html


def test_signup_then_confirm_email_then_sign_in(client, partners):
    response = client.post("/es/accounts/signup/", signup_data(partners))
    assert response.status_code == 302
    user = User.objects.get(email="nueva@example.org")
    assert user.full_name == "Lucía Peña Ñúñez"
    assert user.country == partners["hn"] and user.agency == partners["hn_agency"]
    assert user.job_title == "Fiscal" and user.preferred_language == "es"
    assert len(mail.outbox) == 1
    link = re.search(r"https?://[^\s]+/accounts/confirm-email/[^\s]+/", mail.outbox[0].body)
    assert link, mail.outbox[0].body
    path = "/" + link.group(0).split("/", 3)[3]
    confirm = client.post(path)
    assert confirm.status_code == 302
    assert user.emailaddress_set.get().verified


def test_signup_without_country_is_refused_with_spanish_message(client, partners):
    response = client.post("/es/accounts/signup/", signup_data(partners, country=""))
    assert response.status_code == 200
    assert "Elija el país en el que trabaja." in response.content.decode()
    assert not User.objects.filter(email="nueva@example.org").exists()


def test_signup_with_agency_of_another_country_is_refused(client, partners):
    response = client.post(
        "/en/accounts/signup/", signup_data(partners, agency=partners["gt_agency"].pk)
    )
    assert response.status_code == 200
    assert "is not an agency of Honduras" in response.content.decode()
    assert not User.objects.filter(email="nueva@example.org").exists()


def test_signup_with_agency_of_another_country_message_in_spanish(client, partners):
    response = client.post(
        "/es/accounts/signup/", signup_data(partners, agency=partners["gt_agency"].pk)
    )
    assert "no es una institución de Honduras" in response.content.decode()


def test_unverified_user_cannot_sign_in(client, partners):
    client.post("/en/accounts/signup/", signup_data(partners))
    client.logout()
    response = client.post(
        "/en/accounts/login/",
        {"login": "nueva@example.org", "password": "Una-Clave-Segura-2026"},
    )
    assert response.status_code == 302
    assert "confirm-email" in response["Location"]
    assert "_auth_user_id" not in client.session


def test_login_redirects_to_preferred_language(client, partners):
    factories.user("es.user@example.org", language="es")
    response = client.post(
        "/en/accounts/login/",
        {"login": "es.user@example.org", "password": factories.PASSWORD},
    )
    assert response.status_code == 302
    assert response["Location"] == "/es/my-learning/"


def test_password_reset_page_in_spanish(client):
    html = client.get("/es/accounts/password/reset/").content.decode()
    assert "contraseña" in html.lower()


def test_profile_edit_saves(client, partners):
    user = factories.user(country_obj=partners["hn"], agency_obj=partners["hn_agency"])
    client.force_login(user)
    response = client.post(
        "/es/accounts/profile/",
        {
            "full_name": "Nombre Corregido",
            "country": partners["gt"].pk,
            "agency": partners["gt_agency"].pk,
            "job_title": "Analista",
            "preferred_language": "en",
        },
        follow=True,
    )
    assert "Su perfil se ha guardado." in response.content.decode()
    user.refresh_from_db()
    assert (user.full_name, user.country, user.agency, user.preferred_language) == (
        "Nombre Corregido",
        partners["gt"],
        partners["gt_agency"],
        "en",
    )


def test_profile_with_mismatched_agency_changes_nothing(client, partners):
    user = factories.user(
        full_name="Original", country_obj=partners["hn"], agency_obj=partners["hn_agency"]
    )
    client.force_login(user)
    response = client.post(
        "/es/accounts/profile/",
        {
            "full_name": "Otro",
            "country": partners["hn"].pk,
            "agency": partners["gt_agency"].pk,
            "job_title": "Analista",
            "preferred_language": "es",
        },
    )
    assert "no es una institución de Honduras" in response.content.decode()
    user.refresh_from_db()
    assert user.full_name == "Original" and user.agency == partners["hn_agency"]


def test_profile_requires_login(client):
    response = client.get("/es/accounts/profile/")
    assert response.status_code == 302


# -- Country and agency are fixed after the first enrolment ---------------------------------


def profile_post(partners, **overrides):
    data = {
        "full_name": "Nombre Corregido",
        "country": partners["gt"].pk,
        "agency": partners["gt_agency"].pk,
        "job_title": "Analista",
        "preferred_language": "es",
    }
    data.update(overrides)
    return data


@pytest.fixture
def enrolled(partners, course_tree):
    from learning.services import enrollment_create

    user = factories.user(
        full_name="Original", country_obj=partners["gt"], agency_obj=partners["gt_agency"]
    )
    enrollment_create(user=user, course=course_tree)
    return user


def test_enrolled_trainee_sees_country_and_agency_read_only_with_a_note(client, enrolled):
    client.force_login(enrolled)
    html = client.get("/es/accounts/profile/").content.decode()
    assert re.search(r'<select name="country"[^>]*disabled', html)
    assert re.search(r'<select name="agency"[^>]*disabled', html)
    assert "Para cambiarlos, pida a un administrador." in html


def test_enrolled_trainee_cannot_move_to_another_country_by_posting(client, partners, enrolled):
    client.force_login(enrolled)
    response = client.post(
        "/es/accounts/profile/",
        profile_post(partners, country=partners["hn"].pk, agency=partners["hn_agency"].pk),
        follow=True,
    )
    assert response.status_code == 200
    enrolled.refresh_from_db()
    assert (enrolled.country, enrolled.agency) == (partners["gt"], partners["gt_agency"])
    # The rest of the profile is still theirs to edit.
    assert enrolled.full_name == "Nombre Corregido" and enrolled.job_title == "Analista"


def test_trainee_not_yet_enrolled_can_still_change_country(client, partners):
    user = factories.user(country_obj=partners["hn"], agency_obj=partners["hn_agency"])
    client.force_login(user)
    html = client.get("/en/accounts/profile/").content.decode()
    assert not re.search(r'<select name="country"[^>]*disabled', html)
    client.post("/en/accounts/profile/", profile_post(partners))
    user.refresh_from_db()
    assert user.country == partners["gt"]


# -- Names printed on certificates refuse bidirectional control characters -----------------

BIDI_NAMES = [
    "Ana \u202eoreneG",  # right-to-left override
    "Ana \u2066Pérez\u2069",  # isolate
    "Ana \u202aPérez\u202c",  # embedding
]


@pytest.mark.parametrize("name", BIDI_NAMES)
def test_signup_refuses_a_full_name_with_bidi_controls(client, partners, name):
    response = client.post("/es/accounts/signup/", signup_data(partners, full_name=name))
    assert response.status_code == 200
    assert "caracteres invisibles de control de la dirección del texto" in response.content.decode()
    assert not User.objects.filter(email="nueva@example.org").exists()


def test_profile_refuses_a_full_name_with_bidi_controls(client, partners):
    user = factories.user(
        full_name="Original", country_obj=partners["hn"], agency_obj=partners["hn_agency"]
    )
    client.force_login(user)
    response = client.post(
        "/en/accounts/profile/",
        profile_post(
            partners,
            full_name="Ana \u202eoreneG",
            country=partners["hn"].pk,
            agency=partners["hn_agency"].pk,
        ),
    )
    html = response.content.decode()
    assert "invisible text-direction control characters" in html and "U+202E" in html
    user.refresh_from_db()
    assert user.full_name == "Original"


@pytest.mark.parametrize(
    ("url", "data"),
    [
        (
            "/admin/snippets/accounts/partnercountry/add/",
            {"code": "NI", "name_en": "Nic\u202earagua"},
        ),
        ("/admin/snippets/accounts/agency/add/", {"name_en": "Policía\u2067 Nacional"}),
    ],
)
def test_country_and_agency_names_with_bidi_controls_are_refused(client, partners, url, data):
    from accounts.models import Agency, PartnerCountry

    admin = User.objects.create_superuser("root@example.org", "x", full_name="Root")
    client.force_login(admin)
    data = {"name_es": "Nombre", **data}
    if "agency" in url:
        data["country"] = partners["hn"].pk
    before = (PartnerCountry.objects.count(), Agency.objects.count())
    response = client.post(url, data)
    assert response.status_code == 200
    assert "invisible text-direction control characters" in response.content.decode()
    assert (PartnerCountry.objects.count(), Agency.objects.count()) == before


def test_plain_accented_names_are_accepted(client, partners):
    response = client.post(
        "/es/accounts/signup/", signup_data(partners, full_name="Ñandú Pérez-Güemes")
    )
    assert response.status_code == 302
    assert User.objects.get(email="nueva@example.org").full_name == "Ñandú Pérez-Güemes"


# -- Sign-up with an e-mail address that already has an account ----------------------------

ALREADY = {
    "en": ("you already have an account", "Verify Your Email Address"),
    "es": ("ya tiene una cuenta", "Verifique su dirección de correo electrónico"),
}


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("typed", ["nueva@example.org", "Nueva@Example.ORG"])
def test_signup_with_an_address_already_used_creates_no_second_account(
    client, partners, language, typed
):
    """No second account, whatever the case of the address. The page says what it says
    to any new sign-up (it does not reveal who has an account); the address's owner gets
    an e-mail in the language of the page that their account already exists, with the way
    to reset their password."""
    existing = factories.trainee("nueva@example.org", code="HN", full_name="Ya Registrada")
    users_before = User.objects.count()
    response = client.post(
        f"/{language}/accounts/signup/", signup_data(partners, email=typed), follow=True
    )
    assert User.objects.count() == users_before
    assert User.objects.filter(email__iexact="nueva@example.org").get() == existing
    existing.refresh_from_db()
    assert existing.full_name == "Ya Registrada"  # the form changed nothing
    subject, page_heading = ALREADY[language]
    assert page_heading in response.content.decode()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["nueva@example.org"]
    assert subject in message.subject
    assert f"/{language}/accounts/password/reset/" in message.body
