"""The public verification page answers "is this genuine?" at a glance.

A status panel in words, colour and icon for each status; the issuing
programme as the certificate prints it; what the certificate attests and who
signs it; how to check; and a query count that does not grow with the data.
"""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import formats, timezone, translation
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Site

from certificates.models import Certificate, CertificateSettings
from certificates.services import certificate_reissue, certificate_revoke
from tests import factories

from .conftest import HOLDER, complete_course, expire

pytestmark = pytest.mark.django_db

STATUS_WORDS = {
    "en": {"valid": "Valid", "expired": "Expired", "revoked": "Revoked", "superseded": "Replaced"},
    "es": {
        "valid": "Válido",
        "expired": "Vencido",
        "revoked": "Revocado",
        "superseded": "Reemplazado",
    },
}


def page_of(client, certificate, language="en") -> str:
    response = client.get(f"/{language}/certificates/verify/{certificate.display_code}/")
    assert response.status_code == 200
    return response.content.decode()


def local_date(moment, language) -> str:
    with translation.override(language):
        return formats.date_format(timezone.localtime(moment), "DATE_FORMAT")


def status_panel(page: str) -> str:
    """The status panel's HTML (the section up to its end)."""
    start = page.index('<section class="verify-status')
    return page[start : page.index("</section>", start)]


def assert_panel(page: str, status: str, language: str) -> str:
    panel = status_panel(page)
    assert f'class="verify-status verify-status-{status}"' in panel
    assert f'<h2 id="verify-status-title">{STATUS_WORDS[language][status]}</h2>' in panel
    assert '<svg class="verify-icon"' in panel and 'aria-hidden="true"' in panel
    return panel


@pytest.mark.parametrize(
    ("language", "sentence"),
    [("en", "This certificate is valid."), ("es", "Este certificado es válido.")],
)
def test_valid_certificate_has_a_valid_panel(client, certificate, language, sentence):
    panel = assert_panel(page_of(client, certificate, language), "valid", language)
    assert sentence in panel


@pytest.mark.parametrize(
    ("language", "sentence"),
    [("en", "This certificate expired on {}."), ("es", "Este certificado venció el {}.")],
)
def test_expired_certificate_has_an_expired_panel_with_the_date(
    client, certificate, language, sentence
):
    expire(certificate)
    panel = assert_panel(page_of(client, certificate, language), "expired", language)
    assert sentence.format(local_date(certificate.expires_at, language)) in panel


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("en", "This certificate was revoked on {} and is no longer valid."),
        ("es", "Este certificado fue revocado el {} y ya no es válido."),
    ],
)
def test_revoked_certificate_has_a_revoked_panel_with_the_date(
    client, certificate, manager_gt, language, sentence
):
    Certificate.objects.filter(pk=certificate.pk).update(
        issued_at=timezone.now() - timedelta(days=400),
        completed_at=timezone.now() - timedelta(days=400),
    )
    certificate_revoke(certificate=certificate, actor=manager_gt, reason="Forged transcript")
    certificate.refresh_from_db()
    panel = assert_panel(page_of(client, certificate, language), "revoked", language)
    assert sentence.format(local_date(certificate.revoked_at, language)) in panel
    assert "Forged transcript" not in panel


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("en", "This certificate was replaced by a newer one and is no longer valid."),
        ("es", "Este certificado fue reemplazado por uno más reciente y ya no es válido."),
    ],
)
def test_superseded_certificate_links_to_the_newer_ones_page(
    client, certificate, manager_gt, language, sentence
):
    newer = certificate_reissue(certificate=certificate, actor=manager_gt)
    certificate.refresh_from_db()
    panel = assert_panel(page_of(client, certificate, language), "superseded", language)
    assert sentence in panel
    link = f'href="/{language}/certificates/verify/{newer.display_code}/"'
    assert link in panel
    assert_panel(page_of(client, newer, language), "valid", language)


def test_superseded_certificate_links_to_the_newest_of_a_chain(client, certificate, manager_gt):
    second = certificate_reissue(certificate=certificate, actor=manager_gt)
    third = certificate_reissue(certificate=second, actor=manager_gt)
    second.refresh_from_db()
    assert f"/en/certificates/verify/{third.display_code}/" in page_of(client, second)
    first = page_of(client, certificate)
    assert f"/en/certificates/verify/{second.display_code}/" in first


def test_superseded_certificate_whose_newer_one_is_gone_says_to_ask_the_holder(
    client, certificate, manager_gt
):
    newer = certificate_reissue(certificate=certificate, actor=manager_gt)
    newer.delete()
    certificate.refresh_from_db()
    panel = assert_panel(page_of(client, certificate), "superseded", "en")
    assert "Ask the holder for the code of the new certificate." in panel


@pytest.mark.parametrize(
    ("language", "programme"),
    [
        ("en", "International Justice Training Programme"),
        ("es", "Programa Internacional de Formación en Justicia"),
    ],
)
def test_default_programme_name_and_logo_as_on_the_certificate(
    client, certificate, language, programme
):
    page = page_of(client, certificate, language)
    issuer = page[page.index('<div class="verify-issuer">') : page.index("<h1>")]
    assert f'<p class="verify-programme">{programme}</p>' in issuer
    assert '<svg class="logo"' in issuer  # the certificate's default emblem, inline


@pytest.fixture
def configured(certificate):
    """Site settings naming the programme, its logo and two signatories."""
    config = CertificateSettings.for_site(Site.objects.get(is_default_site=True))
    config.programme_name_en = "Justice Capacity Programme"
    config.programme_name_es = "Programa de Capacidades en Justicia"
    config.logo = get_image_model().objects.create(
        title="Programme logo", file=get_test_image_file(filename="programme-logo.png")
    )
    config.signatory_1_name = "Dra. Inés Cañas"
    config.signatory_1_title_en = "Programme Director"
    config.signatory_1_title_es = "Directora del Programa"
    config.signatory_2_name = "Mario Ruiz"
    config.signatory_2_title_en = "Head of Training"
    config.signatory_2_title_es = "Jefe de Formación"
    config.save()
    return config


@pytest.mark.parametrize(
    ("language", "programme", "titles"),
    [
        ("en", "Justice Capacity Programme", ["Programme Director", "Head of Training"]),
        (
            "es",
            "Programa de Capacidades en Justicia",
            ["Directora del Programa", "Jefe de Formación"],
        ),
    ],
)
def test_configured_programme_logo_and_signatories(
    client, certificate, configured, language, programme, titles
):
    page = page_of(client, certificate, language)
    issuer = page[page.index('<div class="verify-issuer">') : page.index("<h1>")]
    assert f'<p class="verify-programme">{programme}</p>' in issuer
    assert "<img" in issuer and "programme-logo" in issuer and 'alt=""' in issuer
    assert '<svg class="logo"' not in issuer
    signatories = page[page.index('<ul class="verify-signatories">') :]
    signatories = signatories[: signatories.index("</ul>")]
    assert "Dra. Inés Cañas" in signatories and "Mario Ruiz" in signatories
    for title in titles:
        assert title in signatories


@pytest.mark.parametrize(
    ("language", "title"), [("en", "Programme coordinator"), ("es", "Coordinación del programa")]
)
def test_default_signatory_as_on_the_certificate(client, certificate, language, title):
    page = page_of(client, certificate, language)
    assert f'<span class="verify-signatory-title">{title}</span>' in page


@pytest.mark.parametrize(
    ("language", "title", "labels"),
    [
        ("en", "Interviewing victims", ["Completed on", "Hours"]),
        (
            "es",
            "Entrevista a víctimas",
            ["Completada el", "Horas"],
        ),
    ],
)
def test_what_it_attests_holder_course_hours_and_date(client, certificate, language, title, labels):
    Certificate.objects.filter(pk=certificate.pk).update(hours=Decimal("12.5"))
    certificate.refresh_from_db()
    page = page_of(client, certificate, language)
    details = page[page.index('<dl class="verify-facts">') : page.index("</dl>")]
    assert f'<dd class="verify-holder">{HOLDER}</dd>' in details
    assert f"<dd>{title}</dd>" in details
    assert f"<dd>{local_date(certificate.completed_at, language)}</dd>" in details
    assert "<dd>12.5</dd>" in details or "<dd>12,5</dd>" in details
    for label in labels:
        assert f"<dt>{label}</dt>" in details


def test_course_title_falls_back_to_the_default_language(client, certificate):
    Certificate.objects.filter(pk=certificate.pk).update(
        course_titles={"en": "Interviewing victims"}
    )
    page = page_of(client, certificate, "es")
    assert "<dd>Interviewing victims</dd>" in page


@pytest.mark.parametrize("language", ["en", "es"])
def test_only_the_minimum_to_confirm_identity(client, certificate, language):
    """No e-mail, agency, country or score (README: the public verification page)."""
    Certificate.objects.filter(pk=certificate.pk).update(score_percent=Decimal("87.50"))
    page = page_of(client, certificate, language)
    for private in ("holder.gt@example.org", "Police of GT", "Guatemala", "87.5", "87,5"):
        assert private not in page
    assert "Final exam score" not in page and "Calificación del examen final" not in page


@pytest.mark.parametrize(
    ("language", "phrases"),
    [
        ("en", ["How to check", "identity document", "must be {code}", "begin with {site}"]),
        (
            "es",
            [
                "Cómo comprobarlo",
                "documento de identidad",
                "debe ser {code}",
                "comenzar por {site}",
            ],
        ),
    ],
)
def test_how_to_check_names_the_code_and_the_sites_address(client, certificate, language, phrases):
    page = page_of(client, certificate, language)
    howto = page[page.index('<section class="verify-howto"') :]
    howto = howto[: howto.index("</section>")]
    for phrase in phrases:
        assert phrase.format(code=certificate.display_code, site="http://testserver") in howto


@pytest.mark.parametrize("language", ["en", "es"])
def test_form_and_unknown_code_pages_name_the_programme(client, certificate, language):
    programme = {"en": "International Justice Training Programme"}.get(
        language, "Programa Internacional de Formación en Justicia"
    )
    form = client.get(f"/{language}/certificates/verify/").content.decode()
    assert f'<p class="verify-programme">{programme}</p>' in form
    unknown = client.get(f"/{language}/certificates/verify/2222-3333-4444-5555/")
    assert unknown.status_code == 404
    page = unknown.content.decode()
    assert f'<p class="verify-programme">{programme}</p>' in page
    assert 'class="verify-status verify-status-unknown"' in page
    assert '<svg class="verify-icon"' in page


def count_queries(client, certificate) -> int:
    with CaptureQueriesContext(connection) as context:
        page_of(client, certificate)
    return len(context.captured_queries)


def test_query_count_is_the_same_with_1_or_30_certificates(
    client, course, configured, django_capture_on_commit_callbacks
):
    first = Certificate.objects.get()
    page_of(client, first)  # the logo's rendition is made once, on the first view
    few = count_queries(client, first)
    for number in range(30):
        trainee = factories.trainee(f"t{number}@example.org")
        with django_capture_on_commit_callbacks(execute=True):
            complete_course(trainee, course)
    assert Certificate.objects.count() == 31
    assert count_queries(client, first) == few


def test_query_count_of_a_replaced_certificate_does_not_grow_with_reissues(
    client, certificate, manager_gt, configured
):
    newer = certificate_reissue(certificate=certificate, actor=manager_gt)
    certificate.refresh_from_db()
    page_of(client, certificate)  # the logo's rendition is made once, on the first view
    once = count_queries(client, certificate)
    for _ in range(5):
        newer = certificate_reissue(certificate=newer, actor=manager_gt)
    assert count_queries(client, certificate) == once
