import socket

import pytest

from core.pdf import (
    Drawing,
    data_only_fetcher,
    drawing_operators,
    font_config,
    render_pdf,
    stylesheet,
)


@pytest.mark.parametrize(
    "address",
    ["https://example.org/logo.png", "http://127.0.0.1:8000/", "file:///etc/passwd", "/etc/passwd"],
)
def test_a_render_may_not_read_the_network_or_the_disk(address):
    with pytest.raises(ValueError):
        data_only_fetcher()(address)


def test_inline_data_is_read():
    response = data_only_fetcher()("data:text/plain,hola")
    assert response.read() == b"hola"


def test_fonts_and_stylesheets_are_prepared_once_per_process():
    assert font_config() is font_config()
    name = "certificates/pdf/certificate.css"
    assert stylesheet(name) is stylesheet(name)


def test_a_page_that_asks_for_a_remote_image_renders_without_touching_the_network(
    monkeypatch,
):
    attempts = []

    def refuse(*args, **kwargs):
        attempts.append(args)
        raise OSError("no network in a PDF render")

    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    pdf = render_pdf('<p>Certificado</p><img src="https://example.org/x.png">')
    assert pdf.startswith(b"%PDF")
    assert attempts == []


def test_a_drawing_grid_is_scaled_onto_the_box_from_the_pages_top_left_corner():
    # A 10-unit grid into a 100 px box at (10, 20) on a 1,000 px page: 75 points wide,
    # 0.75 pt per px, y flipped (PDF space starts at the bottom).
    operators = drawing_operators(
        Drawing(size=10, operators=b"0 0 1 1 re"), (10, 20, 110, 120), 1000
    )
    assert operators.startswith(b"q 0 g 7.50000 0 0 -7.50000 7.500 735.000 cm\n0 0 1 1 re")
    assert operators.endswith(b"\nf Q")


def dark(image, x: int, y: int) -> bool:
    return image.getpixel((x, y))[0] < 100


def test_a_drawing_is_painted_into_the_box_of_its_element_only():
    import pypdfium2

    html = (
        "<style>@page { size: 400px 400px; margin: 0 } #mark { position: absolute;"
        " left: 100px; top: 100px; width: 200px; height: 200px }</style>"
        '<p>Texto</p><div id="mark"></div>'
    )
    # The top-left quarter of a 2-unit grid: the square from (100, 100) to (200, 200) px.
    drawing = Drawing(size=2, operators=b"0 0 1 1 re")
    pdf = render_pdf(html, drawings={"mark": drawing, "absent": drawing})
    document = pypdfium2.PdfDocument(pdf)
    try:
        image = document[0].render(scale=1 / 0.75).to_pil().convert("RGB")  # 1 px per CSS px
    finally:
        document.close()
    assert dark(image, 110, 110) and dark(image, 190, 190)
    assert not dark(image, 210, 150) and not dark(image, 150, 210)  # the rest of the box
    assert not dark(image, 90, 90) and not dark(image, 350, 350)  # outside it
