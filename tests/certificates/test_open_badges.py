"""A certificate as an Open Badges 3.0 credential (VC-JWT): contents, signature,
schema validity, revoked and unknown certificates, the wallet link on My learning."""

import copy
import json
from datetime import timedelta
from pathlib import Path

import jsonschema
import pytest
from django.utils import timezone, translation

from certificates import open_badges, signing, status_list
from certificates.models import Certificate
from certificates.services import certificate_reissue, certificate_revoke

from .conftest import HOLDER, expire

pytestmark = pytest.mark.django_db

UNKNOWN = "/en/certificates/verify/ZZZZ-ZZZZ-ZZZZ-ZZZZ/credential.jwt"
SCHEMA_FILE = Path(__file__).parent / "schemas" / "ob_v3p0_achievementcredential_schema.json"


def url(certificate, language: str = "en") -> str:
    return f"/{language}/certificates/verify/{certificate.display_code}/credential.jwt"


def fetched(client, certificate, language: str = "en") -> tuple[dict, dict]:
    response = client.get(url(certificate, language))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/jwt"
    assert response["Content-Disposition"] == (
        f'attachment; filename="certificate-{certificate.display_code}-{language}.jwt"'
    )
    token = response.content.decode()
    header = json.loads(signing.b64url_decode(token.split(".")[0]))
    return header, signing.verify(token)


def strict(schema):
    """The schema with the JSON-LD relaxations taken out: wherever a text may also be a
    language map (``{"en": ...}``), only the plain string is left, as in the formal
    Open Badges 3.0 schema."""
    if isinstance(schema, list):
        return [strict(item) for item in schema]
    if not isinstance(schema, dict):
        return schema
    alternatives = schema.get("oneOf")
    if (
        isinstance(alternatives, list)
        and len(alternatives) == 2
        and alternatives[1].get("type") == "object"
        and "propertyNames" in alternatives[1]
    ):
        rest = {key: value for key, value in schema.items() if key != "oneOf"}
        return {**strict(rest), **strict(alternatives[0])}
    return {key: strict(value) for key, value in schema.items()}


@pytest.fixture(scope="module")
def validators():
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    checker = jsonschema.Draft201909Validator.FORMAT_CHECKER
    return [
        jsonschema.Draft201909Validator(schema, format_checker=checker),
        jsonschema.Draft201909Validator(strict(schema), format_checker=checker),
    ]


def errors(validators, document) -> list[str]:
    return [
        f"{'/'.join(map(str, error.absolute_path))}: {error.message}"
        for validator in validators
        for error in validator.iter_errors(document)
    ]


def test_the_credential_is_a_signed_open_badge_of_the_certificate(client, certificate):
    header, claims = fetched(client, certificate)
    assert header == {"alg": "EdDSA", "kid": signing.signing_key().kid, "typ": "JWT"}
    assert claims["@context"] == [
        "https://www.w3.org/ns/credentials/v2",
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
    ]
    assert claims["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert claims["id"] == f"http://testserver/en/certificates/verify/{certificate.display_code}/"
    # The registered claims mirror the credential (Open Badges 3.0, VC-JWT).
    assert claims["iss"] == claims["issuer"]["id"] == "http://testserver/"
    assert claims["jti"] == claims["id"]
    assert claims["nbf"] == int(certificate.issued_at.timestamp())
    assert claims["validFrom"] == open_badges.timestamp(certificate.issued_at)
    assert claims["validFrom"].endswith("Z") and "." not in claims["validFrom"]
    assert "validUntil" not in claims and "exp" not in claims
    assert claims["issuer"]["type"] == ["Profile"]
    assert claims["issuer"]["name"] == "International Justice Training Programme"
    subject = claims["credentialSubject"]
    assert subject["identifier"] == [
        {"type": "IdentityObject", "identityHash": HOLDER, "identityType": "name", "hashed": False}
    ]
    assert claims["credentialStatus"] == status_list.status_entry(certificate)


def test_the_achievement_is_the_course_in_the_address_language_first(client, certificate):
    _header, english = fetched(client, certificate, "en")
    _header, spanish = fetched(client, certificate, "es")
    course = certificate.course
    achievement = english["credentialSubject"]["achievement"]
    assert achievement["type"] == ["Achievement"]
    assert achievement["name"] == certificate.course_title_in("en") == course.title_en
    assert achievement["inLanguage"] == "en"
    assert achievement["description"] == f"{course.summary_en}\n\n{course.summary_es}"
    narrative = achievement["criteria"]["narrative"]
    assert narrative.startswith("Awarded to trainees who complete every required lesson")
    assert f"«{course.title_es}»" in narrative.split("\n\n")[1]
    with translation.override("en"):
        assert achievement["id"] == f"http://testserver{course.get_url()}"
    assert achievement["related"] == [
        {
            "id": spanish["credentialSubject"]["achievement"]["id"],
            "type": ["Related"],
            "inLanguage": "es",
        }
    ]
    logro = spanish["credentialSubject"]["achievement"]
    assert logro["name"] == course.title_es and logro["inLanguage"] == "es"
    assert logro["description"] == f"{course.summary_es}\n\n{course.summary_en}"
    assert logro["criteria"]["narrative"].startswith("Se otorga a quienes completan")
    assert spanish["name"].startswith("Certificado de finalización")
    assert spanish["id"].startswith("http://testserver/es/certificates/verify/")


def test_the_credential_is_valid_against_the_open_badges_schema(client, certificate, validators):
    _header, claims = fetched(client, certificate, "es")
    assert errors(validators, claims) == []


def test_the_schema_check_can_fail(certificate, validators):
    document = open_badges.credential(certificate, "en")
    assert errors(validators, document) == []
    for broken in (
        {key: value for key, value in document.items() if key != "issuer"},
        {**document, "validFrom": "yesterday"},
        {**document, "type": ["VerifiableCredential"]},
        {**document, "name": {"en": "A language map, not a text"}},
    ):
        assert errors(validators, broken)
    no_criteria = copy.deepcopy(document)
    del no_criteria["credentialSubject"]["achievement"]["criteria"]
    assert errors(validators, no_criteria)


def test_an_expiring_certificate_says_until_when(client, certificate):
    Certificate.objects.filter(pk=certificate.pk).update(
        expires_at=timezone.now() + timedelta(days=30)
    )
    certificate.refresh_from_db()
    _header, claims = fetched(client, certificate)
    assert claims["validUntil"] == open_badges.timestamp(certificate.expires_at)
    assert claims["exp"] == int(certificate.expires_at.timestamp())


def test_an_expired_certificate_keeps_its_credential_which_says_so(client, certificate):
    expire(certificate)
    response = client.get(url(certificate))
    assert response.status_code == 200
    with pytest.raises(signing.TokenError) as raised:
        signing.verify(response.content.decode())
    assert raised.value.reason == "expired"


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("en", "is no longer valid, so it has no credential for a digital wallet"),
        ("es", "ya no es válido, así que no tiene credencial para una billetera digital"),
    ],
)
def test_a_revoked_certificate_has_no_credential(
    client, certificate, manager_all, language, message
):
    certificate_revoke(certificate=certificate, actor=manager_all, reason="Issued in error")
    response = client.get(url(certificate, language))
    assert response.status_code == 410
    assert response["Content-Type"].startswith("text/html")
    assert message in response.content.decode()


def test_a_replaced_certificate_has_none_and_its_successor_has_one(
    client, certificate, manager_all
):
    newer = certificate_reissue(certificate=certificate, actor=manager_all)
    assert client.get(url(certificate)).status_code == 410
    _header, claims = fetched(client, newer)
    assert claims["credentialStatus"]["statusListIndex"] == str(status_list.position(newer)[1])


def test_one_character_changed_in_the_credential_is_caught(client, certificate):
    token = client.get(url(certificate)).content.decode()
    header, payload, signature = token.split(".")
    claims = json.loads(signing.b64url_decode(payload))
    claims["credentialSubject"]["identifier"][0]["identityHash"] = "Someone Else"
    forged = signing.b64url(json.dumps(claims, separators=(",", ":")).encode())
    with pytest.raises(signing.TokenError) as raised:
        signing.verify(f"{header}.{forged}.{signature}")
    assert raised.value.reason == "signature"


def test_unknown_and_malformed_codes_are_not_found(client, certificate):
    assert client.get(UNKNOWN).status_code == 404
    assert client.get("/es/certificates/verify/not-a-code/credential.jwt").status_code == 404
    lower = url(certificate).replace(certificate.display_code, certificate.display_code.lower())
    response = client.get(lower)
    assert response.status_code == 302 and response["Location"] == url(certificate)


def test_unknown_codes_count_towards_the_look_up_limit(client, certificate, settings):
    settings.CERTIFICATES_VERIFY_FAILURE_LIMIT = (2, 600)
    for _attempt in range(2):
        assert client.get(UNKNOWN).status_code == 404
    assert client.get(url(certificate)).status_code == 429


def test_without_a_signing_key_there_is_no_credential(client, certificate, tmp_path, settings):
    settings.CERTIFICATES_SIGNING_KEYS_FILE = str(tmp_path / "none.json")
    try:
        assert client.get(url(certificate)).status_code == 404
    finally:
        signing.keys.cache_clear()


def test_hostile_holder_names_travel_unchanged(client, certificate, validators):
    name = 'Ana "</script><b>x</b>" O\'Brien\n\u202eLópez 李'
    Certificate.objects.filter(pk=certificate.pk).update(holder_name=name)
    certificate.refresh_from_db()
    _header, claims = fetched(client, certificate)
    assert claims["credentialSubject"]["identifier"][0]["identityHash"] == name
    assert errors(validators, claims) == []


def test_a_deleted_course_still_gives_a_complete_credential(client, certificate, validators):
    title = certificate.course_title_in("en")
    Certificate.objects.filter(pk=certificate.pk).update(course=None)
    certificate.refresh_from_db()
    _header, claims = fetched(client, certificate)
    achievement = claims["credentialSubject"]["achievement"]
    assert achievement["name"] == title
    assert achievement["id"] == claims["id"] + "#achievement"
    assert achievement["description"].startswith(title)
    assert errors(validators, claims) == []


@pytest.mark.parametrize(
    ("language", "label"),
    [("en", "Add to a digital wallet"), ("es", "Añadir a una billetera digital")],
)
def test_my_learning_offers_the_credential_of_a_valid_certificate(
    client, certificate, manager_all, language, label
):
    client.force_login(certificate.user)
    page = client.get(f"/{language}/my-learning/").content.decode()
    link = f'href="{url(certificate, language)}" download>{label}</a>'
    assert link in page
    certificate_revoke(certificate=certificate, actor=manager_all, reason="Issued in error")
    assert label not in client.get(f"/{language}/my-learning/").content.decode()
