"""Downloaded files are named in the language of what they hold (or of the page asked from)."""

import io
import zipfile

import pytest
from django.utils import translation

from certificates.admin_views import zip_word
from certificates.models import Certificate
from certificates.pdf import bulk_zip, pdf_filename

pytestmark = pytest.mark.django_db

SLUG = "jose-angel-perez-munoz"


def saved_as(response) -> str:
    return response["Content-Disposition"].split('filename="')[1].rstrip('"')


@pytest.mark.parametrize(
    ("page", "lang", "word", "suffix"),
    [
        ("es", "es", "certificado", "es"),
        ("es", "en", "certificate", "en"),
        ("en", "es", "certificado", "es"),
        ("en", "en", "certificate", "en"),
        ("es", "both", "certificado", "es-en"),
        ("en", "both", "certificate", "es-en"),
    ],
)
def test_the_holders_pdf_is_named_in_its_language(client, certificate, page, lang, word, suffix):
    client.force_login(certificate.user)
    url = f"/{page}/certificates/{certificate.display_code}/pdf/?lang={lang}"
    response = client.get(url)
    assert response.status_code == 200
    assert saved_as(response) == f"{word}-{certificate.display_code}-{SLUG}-{suffix}.pdf"


def test_bulk_zip_names_each_pdf_in_the_language_it_is_in(certificate):
    for language, word in (("es", "certificado"), ("en", "certificate")):
        archive = io.BytesIO()
        bulk_zip(Certificate.objects.all(), archive, language=language)
        (name,) = zipfile.ZipFile(archive).namelist()
        assert name.endswith(f"/{word}-{certificate.display_code}-{SLUG}-{language}.pdf")


def test_a_nameless_holder_falls_back_to_the_word():
    certificate = Certificate(code="7KQ4M2ZDX9PA3HRT", holder_name="", language="es")
    assert pdf_filename(certificate, "es").startswith("certificado-7KQ4-M2ZD-X9PA-3HRT-certificado")


def test_the_zip_download_is_named_in_the_managers_language():
    with translation.override("es"):
        assert zip_word() == "certificados"
    with translation.override("en"):
        assert zip_word() == "certificates"


@pytest.mark.parametrize(("page", "word"), [("es", "mis-datos"), ("en", "my-data")])
def test_the_privacy_export_is_named_in_the_pages_language(client, page, word):
    from tests import factories

    client.force_login(factories.trainee("data.names@example.org"))
    response = client.get(f"/{page}/accounts/privacy/my-data.json")
    assert response.status_code == 200
    assert saved_as(response).startswith(f"{word}-")
    assert saved_as(response).endswith(".json")
