"""The certificate PDF: layout, languages, every Spanish character, QR, speed."""

import io
import re

import pytest

from certificates import signing
from certificates.credentials import signed_verification_url
from certificates.models import Certificate, CertificateSettings
from certificates.pdf import QR_BORDER, certificate_pdf, qr_drawing, qr_modules, stylesheet
from certificates.queries import verification_url
from core.pdf import font_config

from .conftest import HOLDER
from .pdf_tools import page_size_mm, pdf_fonts, pdf_pages, pdf_qr_codes, pdf_text

pytestmark = pytest.mark.django_db


def test_pdf_is_one_a4_landscape_page(certificate):
    data = certificate_pdf(certificate)
    assert data.startswith(b"%PDF-")
    assert pdf_pages(data) == 1
    assert page_size_mm(data) == (297, 210)


def test_pdf_text_holds_the_accented_name_and_the_code(certificate):
    text = pdf_text(certificate_pdf(certificate))
    assert HOLDER in text
    assert certificate.display_code in text


def test_every_spanish_character_renders_with_dejavu_fonts(certificate):
    name = "¿Begoña? ¡Güell! Íñiguez Óscar Úrsula Ángel Éric ñ á é í ó ú ü"
    Certificate.objects.filter(pk=certificate.pk).update(holder_name=name)
    certificate.refresh_from_db()
    data = certificate_pdf(certificate, language="es")
    text = " ".join(pdf_text(data).split())
    assert name in text
    for character in "ñáéíóúü¿¡ÁÉÍÓÚ":
        assert character in text
    assert pdf_fonts(data) and all(font.startswith("DejaVu") for font in pdf_fonts(data))


def test_default_language_is_the_holders(certificate):
    text = pdf_text(certificate_pdf(certificate))
    assert "Certificado de finalización" in text
    assert "Certificate of completion" not in text
    assert "Entrevista a víctimas" in text


def test_english_pdf_on_request(certificate):
    text = pdf_text(certificate_pdf(certificate, language="en"))
    assert "Certificate of completion" in text
    assert "Interviewing victims" in text
    assert "Certificado de finalización" not in text


def test_bilingual_pdf_has_both_languages_on_one_page(certificate):
    data = certificate_pdf(certificate, language="both")
    text = pdf_text(data)
    assert pdf_pages(data) == 1
    assert "Certificado de finalización" in text and "Certificate of completion" in text
    assert "Entrevista a víctimas" in text and "Interviewing victims" in text


def test_pdf_states_country_agency_date_hours_and_signatory(certificate):
    text = pdf_text(certificate_pdf(certificate, language="en"))
    assert "Police of GT · Guatemala" in text
    assert "Completed on" in text
    assert "Hours" in text
    assert "Programme coordinator" in text  # default signatory when settings are empty


def test_site_settings_print_programme_and_signatories_in_each_language(certificate):
    from wagtail.models import Site

    config = CertificateSettings.for_site(Site.objects.get(is_default_site=True))
    config.programme_name_en = "Justice Capacity Programme"
    config.programme_name_es = "Programa de Capacidades en Justicia"
    config.signatory_1_name = "Dra. Inés Cañas"
    config.signatory_1_title_en = "Programme Director"
    config.signatory_1_title_es = "Directora del Programa"
    config.save()
    spanish = pdf_text(certificate_pdf(certificate, language="es"))
    english = pdf_text(certificate_pdf(certificate, language="en"))
    assert "Dra. Inés Cañas" in spanish and "Directora del Programa" in spanish
    assert "Programme Director" in english
    assert "JUSTICE CAPACITY PROGRAMME" in english.upper()
    assert "PROGRAMA DE CAPACIDADES EN JUSTICIA" in spanish.upper()


def test_qr_in_the_pdf_decodes_to_the_absolute_verification_url_and_its_signed_token(
    certificate,
):
    for language in ("es", "en"):
        codes = pdf_qr_codes(certificate_pdf(certificate, language=language))
        assert codes == [signed_verification_url(certificate, language)]
        address, token = codes[0].split("#t=")
        assert address == (
            f"http://testserver/{language}/certificates/verify/{certificate.display_code}/"
        )
        claims = signing.verify(token)
        assert claims["jti"] == certificate.display_code
        assert claims["name"] == certificate.holder_name


def drawn_modules(operators: bytes) -> set[tuple[int, int]]:
    """The (x, y) grid cells the QR drawing's rectangles cover."""
    cells = set()
    for x, y, width, height in re.findall(rb"(\d+) (\d+) (\d+) (\d+) re", operators):
        for dx in range(int(width)):
            for dy in range(int(height)):
                cells.add((int(x) + dx, int(y) + dy))
    return cells


def test_qr_is_drawn_as_vector_rectangles_of_the_encoded_modules(certificate):
    url = verification_url(certificate, "es")
    drawing = qr_drawing(url)
    matrix = qr_modules(url)
    dark = {
        (x + QR_BORDER, y + QR_BORDER)
        for y, row in enumerate(matrix)
        for x, module in enumerate(row)
        if module
    }
    assert 0 < len(dark) < len(matrix) ** 2
    assert drawn_modules(drawing.operators) == dark
    assert drawing.size == len(matrix) + 2 * QR_BORDER
    assert qr_drawing(url) is drawing  # built once per address


def test_the_pdf_holds_no_raster_image(certificate):
    from pypdf import PdfReader

    page = PdfReader(io.BytesIO(certificate_pdf(certificate, language="both"))).pages[0]
    objects = page["/Resources"].get("/XObject") or {}
    images = [name for name, ref in objects.items() if ref.get_object()["/Subtype"] == "/Image"]
    assert images == []


def test_qr_is_printed_beside_the_verification_code_at_the_top_of_its_block(certificate):
    """Where the code's text begins, the QR's top edge (past its quiet zone) begins too,
    to the right of that text; 30 mm wide."""
    import pypdfium2
    import zxingcpp

    scale = 2  # pixels per point
    document = pypdfium2.PdfDocument(certificate_pdf(certificate, language="en"))
    try:
        page = document[0]
        text = page.get_textpage()
        first, count = text.search("Verification code").get_next()
        _left, _bottom, label_right, label_top = text.get_charbox(first + count - 1)
        page_height = page.get_size()[1]
        (found,) = zxingcpp.read_barcodes(
            page.render(scale=scale).to_pil(), formats=zxingcpp.BarcodeFormat.QRCode
        )
    finally:
        document.close()
    qr_left = found.position.top_left.x / scale
    qr_top = page_height - found.position.top_left.y / scale
    side_mm = (found.position.bottom_right.x - found.position.top_left.x) / scale * 25.4 / 72
    modules = len(qr_modules(signed_verification_url(certificate, "en")))
    quiet_zone = 30 / (modules + 2 * QR_BORDER) * QR_BORDER * 72 / 25.4  # points
    assert qr_left > label_right
    assert abs((qr_top + quiet_zone) - label_top) < 3
    assert abs(side_mm - (30 - 2 * quiet_zone * 25.4 / 72)) < 1


def test_font_configuration_and_stylesheet_are_built_once():
    assert font_config() is font_config()
    assert stylesheet() is stylesheet()


def test_render_never_fetches_external_urls(certificate, monkeypatch):
    import urllib.request

    def refuse(*args, **kwargs):
        raise AssertionError("network access during a render")

    monkeypatch.setattr(urllib.request, "urlopen", refuse)
    monkeypatch.setattr(urllib.request.OpenerDirector, "open", refuse)
    assert certificate_pdf(certificate).startswith(b"%PDF-")


def test_verification_url_uses_the_configured_site_root(certificate, settings):
    settings.WAGTAILADMIN_BASE_URL = "https://training.example.org/"
    url = verification_url(certificate, "en")
    assert re.fullmatch(
        r"https://training\.example\.org/en/certificates/verify/[0-9A-Z-]{19}/", url
    )
