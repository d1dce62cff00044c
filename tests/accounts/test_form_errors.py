"""Every form follows one error pattern: a summary on top linking to each field, a specific
message per field, the field marked in error, no placeholder, the password rules shown early."""

import re

import pytest
from django.utils.html import escape

from tests import factories

pytestmark = pytest.mark.django_db

GENERIC = ("This field is required", "Este campo es obligatorio", "Este campo es necesario")
SUMMARY = {"en": "There is a problem", "es": "Hay un problema"}
PASSWORD = "Una-Clave-Segura-2026"


def summary(html: str) -> str:
    match = re.search(r'<div class="error-summary".*?</div>', html, re.S)
    assert match, "no error summary"
    return match.group(0)


def links(html: str) -> dict[str, str]:
    """The summary's links: target id -> message."""
    found = re.findall(r'<li><a href="#([\w-]+)">(.*?)</a></li>', summary(html), re.S)
    return {target: text for target, text in found}


def assert_pattern(html: str, language: str, expected: dict[str, str]):
    block = summary(html)
    assert SUMMARY[language] in block
    assert 'tabindex="-1"' in block and "autofocus" in block
    found = links(html)
    for field_id, message in expected.items():
        assert found.get(field_id) == escape(message), (field_id, found)
        assert f'id="{field_id}"' in html  # the link lands on the field
        field = re.search(rf"<(?:input|select|textarea)[^>]*id=\"{field_id}\"[^>]*>", html).group(0)
        assert 'aria-invalid="true"' in field
    for text in GENERIC:
        assert text not in html
    assert "placeholder=" not in html


@pytest.fixture
def partners():
    hn = factories.country("HN", "Honduras", "Honduras")
    factories.agency(hn, "National Police", "Policía Nacional")


SIGNUP = {
    "en": {
        "id_email": "Enter your e-mail address",
        "id_full_name": "Enter your full name",
        "id_country": "Choose the country you work in.",
        "id_agency": "Choose the agency you work for.",
        "id_job_title": "Enter your job title",
        "id_password1": "Create a password",
        "id_password2": "Type the password again to confirm it",
    },
    "es": {
        "id_email": "Escriba su dirección de correo electrónico",
        "id_full_name": "Escriba su nombre completo",
        "id_job_title": "Escriba su cargo",
        "id_password1": "Cree una contraseña",
        "id_password2": "Escriba la contraseña otra vez para confirmarla",
    },
}


@pytest.mark.parametrize("language", ["en", "es"])
def test_empty_signup_lists_each_field_with_its_own_message(client, partners, language):
    response = client.post(f"/{language}/accounts/signup/", {"preferred_language": language})
    assert response.status_code == 200
    html = response.content.decode()
    assert_pattern(html, language, SIGNUP[language])
    assert html.count('class="field field-error') == len(SIGNUP["en"])


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("en", "Enter an e-mail address in the correct format, like name@example.org"),
        ("es", "Escriba una dirección de correo electrónico con el formato correcto"),
    ],
)
def test_a_malformed_address_says_what_the_format_is(client, partners, language, message):
    html = client.post(f"/{language}/accounts/signup/", {"email": "ana.example.org"}).content
    assert message in links(html.decode())["id_email"]


@pytest.mark.parametrize(
    ("language", "rule"),
    [("en", "at least 8 characters"), ("es", "al menos 8 caracteres")],
)
def test_the_password_rules_are_beside_the_password_before_any_error(client, language, rule):
    html = client.get(f"/{language}/accounts/signup/").content.decode()
    help_text = re.search(r'<div class="help" id="id_password1_helptext">.*?</div>', html, re.S)
    assert help_text and rule in help_text.group(0)
    assert html.index("id_password1_helptext") < html.index('id="id_password1"')
    assert "error-summary" not in html


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", {"id_login": "Enter your e-mail address", "id_password": "Enter your password"}),
        ("es", {"id_login": "Escriba su dirección de correo electrónico"}),
    ],
)
def test_empty_sign_in(client, language, expected):
    html = client.post(f"/{language}/accounts/login/", {}).content.decode()
    assert_pattern(html, language, expected)


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("en", "The e-mail address or the password is not correct."),
        ("es", "La dirección de correo electrónico o la contraseña no es correcta."),
    ],
)
def test_wrong_password_is_summarised_and_linked_to_the_first_field(client, language, message):
    factories.trainee("known@example.org")
    data = {"login": "known@example.org", "password": "not-the-password"}
    html = client.post(f"/{language}/accounts/login/", data).content.decode()
    assert message in links(html)["id_login"]


@pytest.mark.parametrize(
    ("language", "message"),
    [("en", "Enter your e-mail address"), ("es", "Escriba su dirección de correo electrónico")],
)
def test_empty_password_reset(client, language, message):
    html = client.post(f"/{language}/accounts/password/reset/", {}).content.decode()
    assert_pattern(html, language, {"id_email": message})


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "en",
            {
                "id_oldpassword": "Enter your current password",
                "id_password1": "Enter a new password",
                "id_password2": "Type the password again to confirm it",
            },
        ),
        ("es", {"id_oldpassword": "Escriba su contraseña actual"}),
    ],
)
def test_empty_password_change(client, language, expected):
    client.force_login(factories.trainee("change@example.org"))
    html = client.post(f"/{language}/accounts/password/change/", {}).content.decode()
    assert_pattern(html, language, expected)


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", {"id_full_name": "Enter your full name", "id_job_title": "Enter your job title"}),
        ("es", {"id_full_name": "Escriba su nombre completo", "id_job_title": "Escriba su cargo"}),
    ],
)
def test_profile_with_empty_fields(client, language, expected):
    user = factories.trainee("profile@example.org")
    client.force_login(user)
    data = {"country": user.country_id, "agency": user.agency_id, "preferred_language": "es"}
    html = client.post(f"/{language}/accounts/profile/", data).content.decode()
    assert_pattern(html, language, expected)


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("en", "Enter your password to confirm."),
        ("es", "Ingrese su contraseña para confirmar."),
    ],
)
def test_account_deletion_without_password(client, language, message):
    client.force_login(factories.trainee("leaving@example.org"))
    response = client.post(f"/{language}/accounts/privacy/delete/", {"password": ""})
    assert response.status_code == 400
    assert_pattern(response.content.decode(), language, {"id_password": message})


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "Enter the certificate code"),
        ("es", "Escriba el código del certificado"),
    ],
)
def test_certificate_verification_without_a_code(client, language, expected):
    html = client.get(f"/{language}/certificates/verify/?code=").content.decode()
    assert_pattern(html, language, {"id_code": expected})


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_malformed_certificate_code_is_summarised(client, language):
    html = client.get(f"/{language}/certificates/verify/?code=abc").content.decode()
    assert "id_code" in links(html)
