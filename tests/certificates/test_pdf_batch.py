"""Certificates rendered a batch at a time (a manager's zip): each PDF as a single render's."""

import copy
import io
import unicodedata

import pytest

from certificates.credentials import signed_verification_url
from certificates.pdf import certificate_pdf, certificate_pdfs
from core import pdf as core_pdf
from core.pdf_split import SplitError, reference_number

from .pdf_tools import page_size_mm, pdf_fonts, pdf_pages, pdf_qr_codes, pdf_text

pytestmark = pytest.mark.django_db

NAMES = [
    "José Ángel Pérez Muñoz",
    '<script>alert("x")</script> & O\'Brien',
    "Αλέξανδρος Παπαδόπουλος-Ιωαννίδης Κωνσταντίνος Μαρία de la Santísima Trinidad "
    "Fernández de Córdoba y Hernández de Guzmán",
    "Владимир Іванович Шевченко",
    "محمد عبد الله 王小明",
    "Jose\u0301 Nu\u0303n\u0303ez",
]


def variants(certificate):
    """Certificates differing in holder and code, each unsaved (nothing to store)."""
    made = []
    for index, name in enumerate(NAMES):
        copied = copy.copy(certificate)
        copied.holder_name = name
        copied.code = f"{index:04d}{certificate.code[4:]}"
        made.append(copied)
    return made


def pdfium_text(data: bytes) -> str:
    """The page's text as PDFium (Chrome's reader) extracts it."""
    import pypdfium2

    document = pypdfium2.PdfDocument(data)
    try:
        return " ".join(document[0].get_textpage().get_text_range().split())
    finally:
        document.close()


def metadata(data: bytes):
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    return reader.metadata.title, reader.trailer["/Root"]["/Lang"]


@pytest.mark.parametrize("language", ["es", "en", "both"])
def test_each_pdf_of_a_batch_shows_what_its_single_render_shows(certificate, language):
    certificates = variants(certificate)
    batch = list(certificate_pdfs([(each, language) for each in certificates]))
    assert len(batch) == len(certificates)
    primary = certificate.language if language == "both" else language
    for each, data in zip(certificates, batch, strict=True):
        single = certificate_pdf(each, language=language)
        assert pdf_pages(data) == 1
        assert page_size_mm(data) == (297, 210)
        # Canonically equivalent: a glyph first met precomposed in the batch reads "é"
        # where the single render, meeting it as "e" and an accent, reads those two.
        text = unicodedata.normalize("NFC", " ".join(pdf_text(data).split()))
        assert text == unicodedata.normalize("NFC", " ".join(pdf_text(single).split()))
        # Right-to-left words come out in the order they are shown.
        shown = unicodedata.normalize("NFC", pdfium_text(data))
        name = unicodedata.normalize("NFC", each.holder_name)
        assert all(word in shown for word in name.split())
        assert each.display_code in text
        assert pdf_qr_codes(data) == [signed_verification_url(each, primary)]
        assert pdf_fonts(data) == pdf_fonts(single)
        assert metadata(data) == metadata(single)


def test_a_batch_holds_each_certificate_once_in_order(certificate):
    certificates = variants(certificate)
    batch = certificate_pdfs([(each, "en") for each in certificates])
    codes = [pdf_qr_codes(data) for data in batch]
    assert codes == [[signed_verification_url(each, "en")] for each in certificates]


def test_pages_that_are_not_one_per_anchor_are_not_split():
    html = '<p id="a">one</p><p id="b" style="break-before: page">two</p>'
    pages = [core_pdf.PageInfo(anchor="a"), core_pdf.PageInfo(anchor="b")]
    assert len(list(core_pdf.render_pdf_pages(html, pages))) == 2
    assert core_pdf.render_pdf_pages(html, pages[:1]) is None  # two pages for one
    assert core_pdf.render_pdf_pages(html, pages[::-1]) is None  # not in that order


def test_a_batch_that_cannot_be_split_is_rendered_one_by_one(certificate, monkeypatch):
    monkeypatch.setattr(core_pdf, "render_pdf_pages", lambda *args, **kwargs: None)
    (data,) = certificate_pdfs([(certificate, "es")])
    assert pdf_qr_codes(data) == [signed_verification_url(certificate, "es")]


def test_a_reference_inside_a_value_stops_the_split():
    assert reference_number(b"12 0 R") == 12
    assert reference_number("/FlateDecode") is None
    with pytest.raises(SplitError):
        reference_number(b"[12 0 R 13 0 R]")
