"""PDF rendering with WeasyPrint: one renderer for certificates and reports.

The font configuration and each stylesheet are built once per process (each
costs about a render), and a render may read inline ``data:`` URIs only: a PDF
never touches the network or the file system, whatever its HTML asks for.

Vector artwork that is only shapes (a QR code) can be handed over as a
``Drawing``: PDF path operators built once by the caller and painted into the
box of an element after layout, instead of an SVG that WeasyPrint would parse
and convert on every render (for a QR code, a third of the render's time).
"""

import contextlib
import functools
import gc
from collections.abc import Iterator
from dataclasses import dataclass

from django.template.loader import render_to_string

#: CSS pixels to PDF points (96 px and 72 pt per inch).
POINTS_PER_PIXEL = 0.75


@dataclass(frozen=True)
class Drawing:
    """Black shapes to paint over the box of the element whose ``id`` names it.

    ``operators`` are PDF path-construction operators (``re``, ``m``, ``l``...)
    on a grid of ``size`` × ``size`` units with its origin at the top-left
    corner and y growing downwards; they are filled with the nonzero rule,
    scaled to the element's box. The box itself stays empty in the HTML.
    """

    size: float
    operators: bytes


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


def drawing_operators(drawing: Drawing, box: tuple, page_height: float) -> bytes:
    """Pure: the content-stream operators that paint ``drawing`` into ``box``.

    ``box`` is ``(x1, y1, x2, y2)`` in CSS pixels from the page's top-left
    corner (as WeasyPrint reports an anchor); PDF space starts bottom-left, in
    points.
    """
    x1, y1, x2, y2 = box
    scale_x = (x2 - x1) * POINTS_PER_PIXEL / drawing.size
    scale_y = (y2 - y1) * POINTS_PER_PIXEL / drawing.size
    left = x1 * POINTS_PER_PIXEL
    top = (page_height - y1) * POINTS_PER_PIXEL
    return (
        f"q 0 g {scale_x:.5f} 0 0 {-scale_y:.5f} {left:.3f} {top:.3f} cm\n".encode()
        + drawing.operators
        + b"\nf Q"
    )


def drawings_painter(drawings: dict[str, Drawing]):
    """A WeasyPrint finisher that paints each drawing into its element's box, on every page.

    The page's own content is wrapped in ``q``/``Q`` first, so the drawing
    starts from the page's default coordinates whatever state WeasyPrint's
    stream leaves behind.
    """
    import pydyf

    def finish(document, pdf) -> None:
        kids = pdf.pages["Kids"]
        for number, page in enumerate(document.pages):
            placed = [
                drawing_operators(drawing, page.anchors[name], page.height)
                for name, drawing in drawings.items()
                if name in page.anchors
            ]
            if not placed:
                continue
            pdf_page = pdf.objects[kids[3 * number]]
            save = pydyf.Stream([b"q"])
            paint = pydyf.Stream([b"Q", *placed], compress=True)
            pdf.add_object(save)
            pdf.add_object(paint)
            pdf_page["Contents"] = pydyf.Array(
                [save.reference, pdf_page["Contents"], paint.reference]
            )

    return finish


def render_pdf(
    html: str,
    *,
    stylesheet_template: str | None = None,
    drawings: dict[str, Drawing] | None = None,
) -> bytes:
    """``html`` as PDF bytes, with the stylesheet of ``stylesheet_template`` if given,
    and each of ``drawings`` painted into the element whose ``id`` is its key."""
    from weasyprint import HTML

    sheets = [stylesheet(stylesheet_template)] if stylesheet_template else []
    return HTML(string=html, url_fetcher=data_only_fetcher()).write_pdf(
        stylesheets=sheets,
        font_config=font_config(),
        finisher=drawings_painter(drawings) if drawings else None,
    )


@dataclass(frozen=True)
class PageInfo:
    """One page of a batch: the anchor only it holds, its PDF's language and title."""

    anchor: str
    lang: str = ""
    title: str = ""


class _Split(Exception):
    """Ends ``write_pdf`` once its pages are written separately (the whole PDF is not needed)."""


def render_pdf_pages(
    html: str,
    pages: list[PageInfo],
    *,
    stylesheet_template: str | None = None,
    drawings: dict[str, Drawing] | None = None,
) -> Iterator[bytes] | None:
    """``html``'s pages as one PDF each, the document laid out and its fonts subset once.

    The PDFs are written one at a time as the iterator is read. Page ``i`` must
    hold the element whose ``id`` is ``pages[i].anchor``; when the pages are not
    exactly those (a page overflowed onto the next), or the split cannot be
    made, returns None and the caller renders each page alone.
    """
    from weasyprint import HTML

    from .pdf_split import PageSplitter, SplitError

    painter = drawings_painter(drawings) if drawings else None
    found: list[PageSplitter] = []

    def split(document, pdf) -> None:
        if len(document.pages) != len(pages):
            raise _Split
        pairs = zip(document.pages, pages, strict=True)
        if any(info.anchor not in page.anchors for page, info in pairs):
            raise _Split
        if painter is not None:
            painter(document, pdf)
        splitter = PageSplitter(pdf)
        try:
            for index in range(len(pages)):
                splitter.reachable(splitter.page_number(index))
        except SplitError:
            raise _Split from None
        found.append(splitter)
        raise _Split

    sheets = [stylesheet(stylesheet_template)] if stylesheet_template else []
    try:
        HTML(string=html, url_fetcher=data_only_fetcher()).write_pdf(
            stylesheets=sheets, font_config=font_config(), finisher=split
        )
    except _Split:
        pass
    if not found:
        return None
    return (
        found[0].page_pdf(index, lang=info.lang, title=info.title)
        for index, info in enumerate(pages)
    )


@contextlib.contextmanager
def long_lived_objects_frozen():
    """While many PDFs are rendered: the objects alive at the start are left out of
    the garbage collector's full passes.

    A render allocates enough to set off full collections, and each of them
    would walk every object of the process (the framework's, mostly), not just
    the render's: about a sixth of a certificate's time in a zip. They are
    handed back to the collector at the end.
    """
    gc.collect()
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()
