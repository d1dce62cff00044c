"""The offline verifier: opened once online, it checks a certificate's QR address with
the network switched off, and, back online, sees a revocation a manager made.

The QR address is the one the certificate prints (``signed_verification_url``); the
browser's network is cut with Playwright (``context.set_offline``), so the page,
its files, the keys and the revocation list all come from what the page and its
service worker saved on the device.
"""

import time

import pytest
from playwright.sync_api import expect

from tests.e2e.helpers import csp_errors, sign_in

DAY = 86400

MESSAGES = {
    "en": {
        "valid": "The programme signed this certificate, it has not expired",
        "revoked": "This certificate is on the programme's revocation list",
        "signature": "The signature does not match what the QR code says",
        "mismatch": "The address shows another code than the one signed in it",
        "malformed": "This is not a certificate's verification address",
        "as_of": "Keys and revocation list as of",
        "offline": "No connection: checks use the copy saved on this device.",
    },
    "es": {
        "valid": "El programa firmó este certificado, no ha vencido",
        "revoked": "Este certificado está en la lista de revocación del programa",
        "as_of": "Claves y lista de revocación al",
        "offline": "Sin conexión: las comprobaciones usan la copia guardada en este dispositivo.",
    },
}


@pytest.fixture
def issued(demo):
    from certificates.credentials import signed_verification_url
    from certificates.models import Certificate

    certificate = Certificate.objects.filter(status="valid").order_by("pk").first()
    return certificate, {
        language: signed_verification_url(certificate, language) for language in ("en", "es")
    }


def open_verifier(page, base, language):
    page.goto(f"{base}/{language}/certificates/offline/")
    expect(page.locator("#offline")).to_have_attribute("data-ready", "true")
    expect(page.locator(".offline-as-of")).to_contain_text(MESSAGES[language]["as_of"])
    # The worker controls the page once it has claimed it (a reload makes it certain).
    page.reload()
    page.wait_for_function("navigator.serviceWorker.controller !== null")


def check(page, address):
    page.fill("#offline-address", address)
    page.click("#offline-form button[type=submit]")
    return page.locator("#offline-result")


def test_verifies_offline_then_sees_a_revocation_once_online(live_server, issued, page, open_page):
    certificate, addresses = issued
    base = live_server.url
    open_verifier(page, base, "en")

    page.context.set_offline(True)
    page.reload()  # the page and its files now come from the service worker
    expect(page.locator("h1")).to_have_text("Offline certificate verifier")
    expect(page.locator("[data-network=offline]")).to_be_visible()
    expect(page.locator("[data-network=offline]")).to_have_text(MESSAGES["en"]["offline"])

    result = check(page, addresses["en"])
    expect(result).to_have_attribute("data-state", "valid")
    expect(result).to_contain_text(MESSAGES["en"]["valid"])
    expect(result.locator('[data-fact="name"]')).to_have_text(certificate.holder_name)
    expect(result.locator('[data-fact="code"]')).to_have_text(certificate.display_code)
    expect(result.locator('[data-fact="course"]')).to_have_text(certificate.course_title_in("en"))
    expect(result.locator('[data-fact="as-of"]')).not_to_be_empty()

    # Tampering, still offline: one character of the signed part, another code shown.
    url, token = addresses["en"].split("#t=")
    header, payload, signature = token.split(".")
    middle = len(payload) // 2
    forged = payload[:middle] + ("A" if payload[middle] != "A" else "B") + payload[middle + 1 :]
    result = check(page, f"{url}#t={header}.{forged}.{signature}")
    expect(result).to_have_attribute("data-state", "signature")
    expect(result).to_contain_text(MESSAGES["en"]["signature"])
    other = url.replace(certificate.display_code, "ABCD-EFGH-JKMN-PQRS")
    expect(check(page, f"{other}#t={token}")).to_have_attribute("data-state", "mismatch")
    expect(check(page, "https://example.org/%3Cscript%3E")).to_have_attribute(
        "data-state", "malformed"
    )

    # Online again: a manager revokes the certificate in the admin.
    page.context.set_offline(False)
    manager = open_page(locale="en-US")
    sign_in(manager, base, "manager@example.org", language="en")
    manager.goto(f"{base}/admin/certificates/{certificate.pk}/revoke/")
    manager.fill("textarea[name=reason]", "Issued in error")
    manager.click("form button.no")
    expect(manager.locator(".messages")).to_contain_text("revoked")

    # The verifier refreshes its saved list when it comes back online.
    page.reload()
    expect(page.locator("[data-network=updated]")).to_be_visible()
    result = check(page, addresses["en"])
    expect(result).to_have_attribute("data-state", "revoked")
    expect(result).to_contain_text(MESSAGES["en"]["revoked"])

    # And that answer holds offline too.
    page.context.set_offline(True)
    page.reload()
    expect(check(page, addresses["en"])).to_have_attribute("data-state", "revoked")
    assert csp_errors(page) == []


def test_the_spanish_verifier_answers_in_spanish_offline(live_server, issued, page):
    certificate, addresses = issued
    open_verifier(page, live_server.url, "es")
    page.context.set_offline(True)
    page.reload()
    expect(page.locator("[data-network=offline]")).to_have_text(MESSAGES["es"]["offline"])
    result = check(page, addresses["es"])
    expect(result).to_have_attribute("data-state", "valid")
    expect(result).to_contain_text(MESSAGES["es"]["valid"])
    expect(result.locator('[data-fact="course"]')).to_have_text(certificate.course_title_in("es"))


def test_every_other_kind_of_address_gets_its_own_answer(live_server, issued, page):
    from certificates import signing
    from certificates.credentials import certificate_claims
    from certificates.queries import verification_url

    certificate, _addresses = issued
    url = verification_url(certificate, "en")
    claims = certificate_claims(certificate)
    stranger = signing.key_from_seed(b"\x07" * 32)
    # Ended an hour ago by the wall clock the browser reads too (an expiry a second
    # after issue was still ahead when the browser checked within that second).
    ended = int(time.time()) - 3600
    cases = {
        "no_token": (url, "This address carries no signature"),
        "expired": (
            f"{url}#t={signing.sign({**claims, 'iat': ended - DAY, 'exp': ended})}",
            "but its validity has ended",
        ),
        "unknown_key": (
            f"{url}#t={signing.sign(claims, key=stranger)}",
            "signed with a key this programme does not publish",
        ),
        "no_list": (
            f"{url}#t={signing.sign({**claims, 'status': [7, 0]})}",
            "does not cover this certificate",
        ),
        "malformed": (f"{url}#t=not-a-token", "or part of it is missing"),
    }
    open_verifier(page, live_server.url, "en")
    for state, (address, words) in cases.items():
        result = check(page, address)
        expect(result).to_have_attribute("data-state", state)
        expect(result).to_contain_text(words)
        expect(result.locator("[data-result]:visible")).to_have_count(1)
    # A signed certificate's details show only once its signature is verified.
    expect(check(page, cases["unknown_key"][0]).locator(".offline-facts")).to_be_hidden()
    expect(check(page, cases["expired"][0]).locator('[data-fact="name"]')).to_have_text(
        certificate.holder_name
    )
