import socket

import pytest

from core.pdf import data_only_fetcher, font_config, render_pdf, stylesheet


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
