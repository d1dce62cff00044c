"""Opening a certificate's QR code: the page checks the code's signature in the browser.

The token after "#t=" never reaches the server; the page's script checks it with
WebCrypto (Ed25519) against the keys the page carries, and says what it found in
the page's language: verified, altered, unknown key, signed for someone else,
unreadable. A token changed by one character is caught.
"""

import pytest
from playwright.sync_api import expect

from tests.e2e.helpers import csp_errors

MESSAGES = {
    "en": {
        "verified": "The signature of the QR code was verified in this browser",
        "signature": "The signature of the QR code does not match what it says",
        "unknown_key": "signed with a key this programme does not publish",
        "mismatch": "signed for another holder or code than this page shows",
        "malformed": "The signature in the address cannot be read",
    },
    "es": {
        "verified": "La firma del código QR se verificó en este navegador",
        "signature": "La firma del código QR no corresponde a lo que dice",
    },
}


def changed(part: str) -> str:
    middle = len(part) // 2
    return part[:middle] + ("A" if part[middle] != "A" else "B") + part[middle + 1 :]


@pytest.fixture
def tokens(demo):
    from certificates import signing
    from certificates.credentials import certificate_claims, certificate_token
    from certificates.models import Certificate

    mine = Certificate.objects.filter(status="valid").order_by("pk").first()
    token = certificate_token(mine)
    elsewhere = {**certificate_claims(mine), "name": "Someone Else"}
    header, payload, signature = token.split(".")
    stranger = signing.key_from_seed(b"\x07" * 32)
    return {
        "code": mine.display_code,
        "verified": token,
        "signature": f"{header}.{changed(payload)}.{signature}",
        "unknown_key": signing.sign(certificate_claims(mine), key=stranger),
        "mismatch": signing.sign(elsewhere),
        "malformed": "not-a-token",
    }


def open_verification(page, base, language, code, token):
    page.goto("about:blank")
    page.goto(f"{base}/{language}/certificates/verify/{code}/#t={token}")
    return page.locator("#verify-signature")


def test_each_kind_of_token_gets_its_answer(live_server, tokens, page):
    for result, words in MESSAGES["en"].items():
        box = open_verification(page, live_server.url, "en", tokens["code"], tokens[result])
        expect(box).to_have_attribute("data-state", result)
        expect(box).to_be_visible()
        expect(box).to_contain_text(words)
        expect(box.locator("[data-result]:visible")).to_have_count(1)
    assert csp_errors(page) == []


def test_the_answer_is_in_spanish_on_the_spanish_page(live_server, tokens, page):
    for result, words in MESSAGES["es"].items():
        box = open_verification(page, live_server.url, "es", tokens["code"], tokens[result])
        expect(box).to_have_attribute("data-state", result)
        expect(box).to_contain_text(words)


def test_without_a_token_the_page_says_nothing_about_a_signature(live_server, tokens, page):
    page.goto(f"{live_server.url}/en/certificates/verify/{tokens['code']}/")
    expect(page.locator(".verify-status h2")).to_have_text("Valid")
    expect(page.locator("#verify-signature")).to_be_hidden()
