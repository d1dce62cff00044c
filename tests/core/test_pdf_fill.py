"""A page laid out once, its slots drawn in: shaping, fitting, wrapping, text extraction."""

import io

import pytest

from core import pdf_fill, pdf_text

PAGE = (
    '<html><body style="font-family: DejaVu Sans; margin: 0">'
    '<p style="text-align: center; width: 300px; font-size: 20px">'
    '<span class="slot" data-slot="name">{name}</span></p>'
    '<p style="text-align: right; width: 120px; word-break: break-all; font-size: 10px">'
    '<span class="slot" data-slot="address">{address}</span></p>'
    '<p style="letter-spacing: 2px"><span class="slot" data-slot="code">{code}</span></p>'
    "<style>.skeleton .slot {{ visibility: hidden }}</style></body></html>"
)
ADDRESS = "https://example.org/es/certificates/verify/ABCD-EFGH-JKLM-NPQR/"


def page(name="X", address=ADDRESS, code="X"):
    return PAGE.format(name=name, address=address, code=code).replace(
        "<body", '<body class="skeleton"', 1
    )


@pytest.fixture(scope="module")
def skeleton():
    built = pdf_fill.build_skeleton(page())
    assert built is not None
    return built


def text_of(data: bytes) -> str:
    from pypdf import PdfReader

    return PdfReader(io.BytesIO(data)).pages[0].extract_text()


def test_each_slot_is_read_with_its_lines_font_size_and_alignment(skeleton):
    name, address, code = (skeleton.slots[key] for key in ("name", "address", "code"))
    assert (name.align, address.align, code.align) == ("center", "right", "left")
    assert name.size == 20 and address.size == 10
    assert len(name.lines) == 1 and len(address.lines) > 1
    assert name.face.name == "DejaVu-Sans"
    assert code.spacing == pytest.approx(2 * code.face.upem / code.size)


def test_shaping_kerns_as_the_layout_engine_does(skeleton):
    font = skeleton.slots["name"].face
    kerned = pdf_text.shape(font, "AV")
    separate = pdf_text.shape(font, "A").width + pdf_text.shape(font, "V").width
    assert kerned.width < separate


def test_letter_spacing_follows_every_character(skeleton):
    font = skeleton.slots["code"].face
    plain, spaced = pdf_text.shape(font, "ABC"), pdf_text.shape(font, "ABC", spacing=100)
    assert spaced.width == plain.width + 300


@pytest.mark.parametrize("text", ["Ana \u0378", "שלום", ""])
def test_text_one_font_cannot_show_left_to_right_is_unsupported(skeleton, text):
    with pytest.raises(pdf_text.Unsupported):
        pdf_text.shape(skeleton.slots["name"].face, text)


def test_filled_text_reads_back_decomposed_accents_composed(skeleton):
    data = pdf_fill.fill(
        skeleton, {"name": "Jose\u0301 & <b>", "address": ADDRESS, "code": "Q7"}, lang="es"
    )
    text = text_of(data)
    assert "José & <b>" in text
    assert ADDRESS in "".join(text.split())


def test_a_name_wider_than_its_line_is_unsupported(skeleton):
    with pytest.raises(pdf_text.Unsupported):
        pdf_fill.fill(skeleton, {"name": "W" * 40, "address": ADDRESS, "code": "1"})


def test_an_address_that_needs_another_number_of_lines_is_unsupported(skeleton):
    with pytest.raises(pdf_text.Unsupported):
        pdf_fill.fill(skeleton, {"name": "A", "address": ADDRESS * 2, "code": "1"})
    with pytest.raises(pdf_text.Unsupported):
        pdf_fill.fill(skeleton, {"name": "A", "address": "https://e.org/", "code": "1"})


def test_slots_must_be_the_skeletons(skeleton):
    with pytest.raises(pdf_text.Unsupported):
        pdf_fill.fill(skeleton, {"name": "A", "code": "1"})


def test_slot_texts_are_read_as_the_page_shows_them():
    markup = page(name="  Ana &amp;\n  Mar\u00eda\u00a0L. ", code="&lt;1&gt;")
    texts = pdf_fill.slot_texts(markup)
    assert texts["name"] == "Ana & Mar\u00eda\u00a0L."
    assert texts["code"] == "<1>"


def test_pages_that_differ_only_in_their_slots_share_a_key():
    first, second = page(name="Ana", code="1"), page(name="Wolfgang", code="22")
    assert pdf_fill.skeleton_key(first) == pdf_fill.skeleton_key(second)
    longer = page(address=ADDRESS + "more/")
    assert pdf_fill.skeleton_key(first, ("address",)) != pdf_fill.skeleton_key(longer, ("address",))
    assert pdf_fill.skeleton_key(first, ("address",)) == pdf_fill.skeleton_key(
        page(address=ADDRESS.replace("ABCD", "WXYZ")), ("address",)
    )
