"""PDF rendering with WeasyPrint: one renderer for certificates and reports.

The font configuration and each stylesheet are built once per process (each
costs about a render), and a render may read inline ``data:`` URIs only: a PDF
never touches the network or the file system, whatever its HTML asks for.
"""

import functools

from django.template.loader import render_to_string


@functools.cache
def font_config():
    """WeasyPrint's font configuration, created once per process."""
    from weasyprint.text.fonts import FontConfiguration

    return FontConfiguration()


@functools.cache
def stylesheet(template_name: str):
    """The stylesheet rendered from ``template_name``, parsed once per process."""
    from weasyprint import CSS

    return CSS(string=render_to_string(template_name), font_config=font_config())


def data_only_fetcher():
    """A fetcher that accepts ``data:`` URIs and refuses every other address."""
    from weasyprint.urls import URLFetcher

    return URLFetcher(allowed_protocols={"data"})


def render_pdf(html: str, *, stylesheet_template: str | None = None) -> bytes:
    """``html`` as PDF bytes, with the stylesheet of ``stylesheet_template`` if given."""
    from weasyprint import HTML

    sheets = [stylesheet(stylesheet_template)] if stylesheet_template else []
    return HTML(string=html, url_fetcher=data_only_fetcher()).write_pdf(
        stylesheets=sheets, font_config=font_config()
    )
