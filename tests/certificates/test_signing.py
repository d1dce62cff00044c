"""Signed certificates: keys, tokens (compact JWS, EdDSA), the published key set."""

import json
import stat
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from certificates import signing
from certificates.credentials import certificate_claims, signed_verification_url
from certificates.queries import verification_url

from .pdf_tools import pdf_qr_codes

pytestmark = pytest.mark.django_db


@pytest.fixture
def keys_file(tmp_path, settings):
    """A deployment whose keys file starts empty (created by the command)."""
    path = tmp_path / "keys.json"
    settings.CERTIFICATES_SIGNING_KEYS_FILE = str(path)
    yield path
    signing.keys.cache_clear()


def changed(text: str, at: int) -> str:
    """``text`` with the character at ``at`` replaced by another base64url letter that
    keeps it canonical (the lowest bits of a last character may not be set)."""
    replacement = "A" if text[at] != "A" else "Q"
    return text[:at] + replacement + text[at + 1 :]


def test_a_token_carries_what_the_certificate_says_and_verifies(certificate):
    certificate.expires_at = certificate.issued_at + timedelta(days=365)
    claims = certificate_claims(certificate)
    assert claims == {
        "iss": "http://testserver",
        "jti": certificate.display_code,
        "name": certificate.holder_name,
        "course": {code: certificate.course_title_in(code) for code in ("en", "es")},
        "iat": int(certificate.issued_at.timestamp()),
        "exp": int(certificate.expires_at.timestamp()),
        # Where its bit is in the revocation lists: list number, index.
        "status": [(certificate.pk - 1) // 131072, (certificate.pk - 1) % 131072],
    }
    token = signing.sign(claims)
    header = json.loads(signing.b64url_decode(token.split(".")[0]))
    assert header == {"alg": "EdDSA", "kid": signing.signing_key().kid}
    assert signing.verify(token) == claims


def test_a_certificate_without_expiry_has_no_exp(certificate):
    assert certificate.expires_at is None
    assert "exp" not in certificate_claims(certificate)


@pytest.mark.parametrize("part", [0, 1, 2])
def test_one_character_changed_anywhere_is_caught(certificate, part):
    token = signing.sign(certificate_claims(certificate))
    pieces = token.split(".")
    pieces[part] = changed(pieces[part], len(pieces[part]) // 2)
    with pytest.raises(signing.TokenError) as caught:
        signing.verify(".".join(pieces))
    # The header names the key and the algorithm: changed, it names none or another key.
    expected = {"malformed", "unknown_key"} if part == 0 else {"signature"}
    assert caught.value.reason in expected


def test_a_token_of_a_key_not_published_is_refused(certificate):
    stranger = signing.key_from_seed(b"\x01" * 32)
    token = signing.sign(certificate_claims(certificate), key=stranger)
    with pytest.raises(signing.TokenError) as caught:
        signing.verify(token)
    assert caught.value.reason == "unknown_key"


@pytest.mark.parametrize(
    "garbage", ["", "abc", "a.b.c", "....", "é.é.é", "eyJhbGciOiJub25lIn0.e30.", None]
)
def test_garbage_is_malformed_never_a_crash(garbage):
    with pytest.raises(signing.TokenError) as caught:
        signing.verify(garbage)
    assert caught.value.reason == "malformed"


def test_an_algorithm_other_than_eddsa_is_refused(certificate):
    token = signing.sign(certificate_claims(certificate))
    _header, payload, signature = token.split(".")
    forged = signing.b64url(json.dumps({"alg": "none", "kid": signing.signing_key().kid}).encode())
    with pytest.raises(signing.TokenError) as caught:
        signing.verify(f"{forged}.{payload}.{signature}")
    assert caught.value.reason == "malformed"


def test_an_expired_token_is_refused_after_its_expiry(certificate):
    certificate.expires_at = timezone.now() + timedelta(days=1)
    token = signing.sign(certificate_claims(certificate))
    assert signing.verify(token)["jti"] == certificate.display_code
    later = certificate.expires_at.timestamp() + 1
    with pytest.raises(signing.TokenError) as caught:
        signing.verify(token, now=later)
    assert caught.value.reason == "expired"


def test_rotation_signs_with_the_new_key_and_keeps_the_old_ones_verifying(certificate, keys_file):
    call_command("certificate_keys", "create")
    old = signing.sign(certificate_claims(certificate))
    first = signing.signing_key().kid
    call_command("certificate_keys", "create")
    assert signing.signing_key().kid != first
    assert signing.verify(old)["jti"] == certificate.display_code
    new = signing.sign(certificate_claims(certificate))
    assert json.loads(signing.b64url_decode(new.split(".")[0]))["kid"] != first
    assert [key["kid"] for key in signing.jwks()["keys"]][0] == first
    assert len(signing.jwks()["keys"]) == 2


def test_the_keys_file_is_readable_by_its_owner_only(keys_file):
    call_command("certificate_keys", "create")
    assert stat.S_IMODE(keys_file.stat().st_mode) == 0o600


def test_ensure_creates_a_key_only_when_there_is_none(keys_file):
    call_command("certificate_keys", "ensure")
    call_command("certificate_keys", "ensure")
    assert len(json.loads(keys_file.read_text())["keys"]) == 1


def test_keys_from_the_environment_are_not_rewritten(keys_file, monkeypatch):
    monkeypatch.setenv(signing.KEYS_ENVIRONMENT, json.dumps({"keys": [signing.new_entry()]}))
    signing.keys.cache_clear()
    with pytest.raises(CommandError, match="add this entry"):
        call_command("certificate_keys", "create")
    assert not keys_file.exists()


def test_a_key_whose_id_is_not_its_thumbprint_is_refused(keys_file):
    entry = signing.new_entry()
    keys_file.write_text(json.dumps({"keys": [{**entry, "kid": "forged"}]}))
    signing.keys.cache_clear()
    with pytest.raises(ValueError, match="thumbprint"):
        signing.keys()


def test_the_key_set_is_published_without_private_parts(client):
    response = client.get("/.well-known/jwks.json")
    assert response.status_code == 200
    assert response["Cache-Control"] == "public, max-age=300"
    assert response["Access-Control-Allow-Origin"] == "*"
    (key,) = response.json()["keys"]
    assert key == {
        "kty": "OKP",
        "crv": "Ed25519",
        "x": signing.b64url(signing.signing_key().public),
        "kid": signing.signing_key().kid,
        "use": "sig",
        "alg": "EdDSA",
    }
    secret = signing.b64url(signing.signing_key().seed)
    assert secret not in response.content.decode()


def test_without_a_key_certificates_carry_the_plain_address(certificate, keys_file, client):
    from certificates.pdf import certificate_pdf

    assert signed_verification_url(certificate, "es") == verification_url(certificate, "es")
    assert pdf_qr_codes(certificate_pdf(certificate, language="es")) == [
        verification_url(certificate, "es")
    ]
    assert client.get("/.well-known/jwks.json").json() == {"keys": []}


def test_the_qr_code_with_its_token_reads_from_the_pdf_printed_at_150_dpi(certificate):
    import pypdfium2
    import zxingcpp

    from certificates.pdf import certificate_pdf

    certificate.holder_name = "María Fernanda de los Ángeles Castañeda Villanueva"
    data = certificate_pdf(certificate, language="both")
    document = pypdfium2.PdfDocument(data)
    try:
        image = document[0].render(scale=150 / 72).to_pil().convert("L")
    finally:
        document.close()
    found = [
        result.text
        for result in zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)
    ]
    assert found == [signed_verification_url(certificate, certificate.language)]


def test_the_verification_page_carries_the_keys_and_the_check(client, certificate):
    page = client.get(verification_url(certificate, "es").removeprefix("http://testserver"))
    html = page.content.decode()
    assert 'id="certificate-keys"' in html and signing.signing_key().kid in html
    assert 'id="verify-signature" hidden' in html
    assert "js/certificate-token" in html and "js/verify" in html
