"""One PDF per page of a WeasyPrint document, sharing the document's work.

Laying out many one-page PDFs (certificates) as the pages of one document
pays the document's fixed costs once, and subsets and compresses each font
once for all of them. Each page is then written as a PDF of its own: the
objects it reaches (its content, resources and fonts) are copied under new
numbers, every stream compressed once for all the pages that share it.

Only what a page reaches is copied: the document's outline and named
destinations are left out, and each PDF gets its own language and title.
An object this module cannot read with certainty (a reference inside a
string) stops the split with ``SplitError``: the caller renders the pages
one by one instead.
"""

import io
import re

import pydyf

REFERENCE = re.compile(rb"(\d+) 0 R")


class SplitError(Exception):
    """The PDF holds an object the splitter does not know how to copy."""


class RawObject(pydyf.Object):
    """An object already serialized (a dictionary, array or stream with its data)."""

    def __init__(self, data: bytes, stream: bool):
        super().__init__()
        self._data = data
        self._stream = stream

    @property
    def data(self) -> bytes:
        return self._data

    @property
    def compressible(self) -> bool:
        return not self._stream


def reference_number(value) -> int | None:
    """The object number ``value`` refers to, if it is a reference (``b"12 0 R"``)."""
    if isinstance(value, str):
        value = value.encode("latin-1", "replace")
    if not isinstance(value, bytes):
        return None
    match = REFERENCE.fullmatch(value)
    if match:
        return int(match[1])
    if REFERENCE.search(value):
        raise SplitError(f"a reference inside a value: {value[:40]!r}")
    return None


def references(value):
    """Every object number ``value`` refers to, directly or in nested dictionaries and arrays."""
    if isinstance(value, pydyf.Stream):
        yield from references(value.extra)
    elif isinstance(value, dict):
        for item in value.values():
            yield from references(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from references(item)
    else:
        number = reference_number(value)
        if number is not None:
            yield number


def renumbered(value, numbers: dict[int, int]):
    """``value`` (a dictionary, array or plain value) with its references renumbered."""
    if isinstance(value, dict):
        return pydyf.Dictionary({key: renumbered(item, numbers) for key, item in value.items()})
    if isinstance(value, (list, tuple)):
        return pydyf.Array([renumbered(item, numbers) for item in value])
    number = reference_number(value)
    if number is not None:
        return f"{numbers[number]} 0 R".encode()
    return value


def stream_payload(stream: pydyf.Stream) -> bytes:
    """The stream's bytes as pydyf writes them (compressed if asked)."""
    serialized = stream.data
    start = serialized.index(b"\nstream\n") + len(b"\nstream\n")
    return serialized[start : -len(b"\nendstream")]


class PageSplitter:
    """Writes the pages of a WeasyPrint ``pydyf.PDF`` as separate PDFs."""

    def __init__(self, pdf: pydyf.PDF):
        self.pdf = pdf
        self.payloads: dict[int, bytes] = {}
        self.walked: dict[int, list[int]] = {}
        self.producer = pdf.info.get("Producer")

    def page_number(self, index: int) -> int:
        """The object number of the ``index``-th page (from 0)."""
        return self.pdf.pages["Kids"][3 * index]

    def reachable(self, page_number: int) -> list[int]:
        """The page and every object it reaches, the page first (its parent excluded);
        walked once per page (the split is checked before the pages are written)."""
        if page_number not in self.walked:
            self.walked[page_number] = self.walk(page_number)
        return self.walked[page_number]

    def walk(self, page_number: int) -> list[int]:
        page = self.pdf.objects[page_number]
        order, seen = [page_number], {page_number}
        pending = [n for key, value in page.items() if key != "Parent" for n in references(value)]
        while pending:
            number = pending.pop()
            if number in seen:
                continue
            seen.add(number)
            order.append(number)
            pending.extend(references(self.pdf.objects[number]))
        return order

    def serialized(self, number: int, numbers: dict[int, int]) -> RawObject:
        source = self.pdf.objects[number]
        if isinstance(source, pydyf.Stream):
            if number not in self.payloads:
                self.payloads[number] = stream_payload(source)
            payload = self.payloads[number]
            extra = renumbered(source.extra, numbers)
            if source.compress:
                extra["Filter"] = "/FlateDecode"
            extra["Length"] = len(payload)
            return RawObject(extra.data + b"\nstream\n" + payload + b"\nendstream", stream=True)
        if isinstance(source, (dict, list, tuple)):
            return RawObject(renumbered(source, numbers).data, stream=False)
        if any(True for _ in references(source)):
            raise SplitError(f"an unknown object with references: {type(source).__name__}")
        return RawObject(source.data, stream=False)

    def page_pdf(self, index: int, *, lang: str = "", title: str = "") -> bytes:
        """The ``index``-th page (from 0) as a PDF of its own, in ``lang``, titled ``title``."""
        page_number = self.page_number(index)
        order = self.reachable(page_number)
        target = pydyf.PDF()
        first = len(target.objects)
        numbers = {source: first + offset for offset, source in enumerate(order)}
        for source in order:
            if source == page_number:
                page = renumbered(
                    {k: v for k, v in self.pdf.objects[source].items() if k != "Parent"}, numbers
                )
                page["Parent"] = target.pages.reference
                target.add_object(RawObject(page.data, stream=False))
            else:
                target.add_object(self.serialized(source, numbers))
        return one_page_pdf(
            target, numbers[page_number], lang=lang, title=title, producer=self.producer
        )


def one_page_pdf(target: pydyf.PDF, page_number: int, *, lang="", title="", producer=None):
    """``target`` (its page added as object ``page_number``) written out, with its
    language, title and producer."""
    target.pages["Kids"].extend([page_number, 0, "R"])
    target.pages["Count"] = 1
    if lang:
        target.catalog["Lang"] = pydyf.String(lang)
    if producer:
        target.info["Producer"] = producer
    if title:
        target.info["Title"] = pydyf.String(title)
    output = io.BytesIO()
    target.write(output, version=None, identifier=None, compress=True)
    return output.getvalue()
