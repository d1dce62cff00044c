"""The verifier's view: a certificate's public page says at a glance whether it is genuine.

Each status (valid, expired, revoked, replaced) and the unknown-code and form
pages, in English and Spanish, at phone and desktop widths: the status in
words with its icon and colour, nothing wider than the screen, no serious
accessibility problem, and a printout without the site's navigation that
keeps the panel and the details on one page. Screenshots of every status are
saved under tests/e2e/artifacts/screenshots/ for review.
"""

from datetime import timedelta

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.utils import timezone
from playwright.sync_api import expect

from tests.certificates.pdf_tools import pdf_pages
from tests.e2e.conftest import DESKTOP, PHONE
from tests.e2e.helpers import csp_errors, screenshot
from tests.e2e.test_look import OVERFLOWING

WORDS = {
    "en": {
        "valid": ("Valid", "This certificate is valid."),
        "expired": ("Expired", "This certificate expired on"),
        "revoked": ("Revoked", "This certificate was revoked on"),
        "superseded": ("Replaced", "This certificate was replaced by a newer one"),
        "unknown": ("Certificate not found", "No certificate has the code"),
    },
    "es": {
        "valid": ("Válido", "Este certificado es válido."),
        "expired": ("Vencido", "Este certificado venció el"),
        "revoked": ("Revocado", "Este certificado fue revocado el"),
        "superseded": ("Reemplazado", "Este certificado fue reemplazado por uno más reciente"),
        "unknown": ("Certificado no encontrado", "No existe ningún certificado con el código"),
    },
}
UNKNOWN = "2222-3333-4444-5555"
AXE = Axe()


@pytest.fixture
def certificates(demo):
    """The demo holder's valid certificate, and one of each other status beside it."""
    from accounts.models import User
    from certificates.codes import code_generate
    from certificates.models import Certificate
    from certificates.services import certificate_reissue, certificate_revoke

    valid = Certificate.objects.get(user__email="trainee.gt@example.org", status="valid")
    admin = User.objects.get(email="admin@example.org")

    def copy(**changes):
        fields = {
            field.name: getattr(valid, field.name)
            for field in Certificate._meta.concrete_fields
            if field.name not in ("id", "code", "enrollment")
        }
        return Certificate.objects.create(**{**fields, "code": code_generate(), **changes})

    now = timezone.now()
    expired = copy(expires_at=now - timedelta(days=30))
    revoked = copy()
    certificate_revoke(certificate=revoked, actor=admin, reason="Issued in error")
    replaced = copy()
    newer = certificate_reissue(certificate=replaced, actor=admin)
    return {
        "valid": valid.display_code,
        "expired": expired.display_code,
        "revoked": revoked.display_code,
        "superseded": replaced.display_code,
        "newer": newer.display_code,
        "unknown": UNKNOWN,
    }


def serious_violations(page) -> list[str]:
    results = AXE.run(page)
    return [
        f"{v['id']}: {v['help']}"
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["390", "1280"])
@pytest.mark.parametrize("language", ["en", "es"])
def test_each_status_reads_at_a_glance_and_fits(
    live_server, certificates, open_page, language, viewport
):
    page = open_page(viewport=viewport)
    colours = {}
    for status in ("valid", "expired", "revoked", "superseded", "unknown"):
        code = certificates[status]
        page.goto(f"{live_server.url}/{language}/certificates/verify/{code}/")
        word, sentence = WORDS[language][status]
        panel = page.locator(".verify-status")
        expect(panel.locator("h2")).to_have_text(word)
        expect(panel).to_contain_text(sentence)
        expect(panel.locator("svg.verify-icon")).to_be_visible()
        expect(page.locator(".verify-programme")).to_be_visible()
        colours[status] = panel.evaluate("el => getComputedStyle(el).borderLeftColor")
        assert page.evaluate(OVERFLOWING) == [], status
        assert serious_violations(page) == [], status
        screenshot(page, f"verify-{status}-{language}")
    # Colour backs up the words: valid, expired, revoked and replaced each have their own.
    assert len({colours[s] for s in ("valid", "expired", "revoked", "superseded")}) == 4
    assert csp_errors(page) == []


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["390", "1280"])
@pytest.mark.parametrize("language", ["en", "es"])
def test_a_replaced_certificate_leads_to_the_newer_one(
    live_server, certificates, open_page, language, viewport
):
    page = open_page(viewport=viewport)
    page.goto(f"{live_server.url}/{language}/certificates/verify/{certificates['superseded']}/")
    page.locator(".verify-status a.verify-newer").click()
    expect(page).to_have_url(
        f"{live_server.url}/{language}/certificates/verify/{certificates['newer']}/"
    )
    expect(page.locator(".verify-status h2")).to_have_text(WORDS[language]["valid"][0])


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["390", "1280"])
@pytest.mark.parametrize("language", ["en", "es"])
def test_the_form_page_looks_the_same_and_fits(
    live_server, certificates, open_page, language, viewport
):
    page = open_page(viewport=viewport)
    page.goto(f"{live_server.url}/{language}/certificates/verify/")
    expect(page.locator(".verify-programme")).to_be_visible()
    page.locator("input[name=code]").fill(certificates["valid"].lower())
    screenshot(page, f"verify-form-{language}")
    assert page.evaluate(OVERFLOWING) == []
    page.locator("form.verify-form button[type=submit]").click()
    expect(page.locator(".verify-status h2")).to_have_text(WORDS[language]["valid"][0])


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["390", "1280"])
@pytest.mark.parametrize("language", ["en", "es"])
def test_printout_has_no_navigation_and_fits_on_one_page(
    live_server, certificates, open_page, language, viewport
):
    page = open_page(viewport=viewport)
    for status in ("valid", "revoked"):
        page.goto(f"{live_server.url}/{language}/certificates/verify/{certificates[status]}/")
        expect(page.locator(".site-nav")).to_be_visible()
        page.emulate_media(media="print")
        for hidden in (".site-header", ".site-nav", ".language-switch", ".site-footer"):
            expect(page.locator(hidden)).to_be_hidden()
        expect(page.locator(".verify-another")).to_be_hidden()
        for shown in (".verify-issuer", ".verify-status", ".verify-details", ".verify-howto"):
            expect(page.locator(shown)).to_be_visible()
        assert page.evaluate(OVERFLOWING) == []
        if viewport is DESKTOP:
            screenshot(page, f"verify-print-{status}-{language}")
        assert pdf_pages(page.pdf(format="A4", print_background=True)) == 1
        page.emulate_media(media="screen")
