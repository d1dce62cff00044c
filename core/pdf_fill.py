"""One-page PDFs laid out once and filled in many times (certificates).

The page's HTML marks the text that changes from one copy to the next as slots
(``<span class="slot" data-slot="name">``). WeasyPrint lays out a *skeleton* of
the page once, the slots hidden (``visibility: hidden``, so they keep their
room); this module reads where each slot's lines fall, its font, size and
colour, and keeps the skeleton's PDF objects. Each copy is then the skeleton's
content plus the slots' text drawn by ``core.pdf_text`` and a vector drawing
(the QR code): no layout per copy.

What a slot holds must fit the room the skeleton gave it: one line for a
one-line slot (a slot whose text wraps, in the skeleton, is laid out again
for each copy, character by character: an address), the same number of lines
for a wrapping one. Text that would not fit, or that one font cannot show as
one left-to-right run, raises ``Unsupported``: the caller lays that copy out
in full, and it looks the same.

A slot directly inside an inline-block (a name underlined by the block's
bottom border) re-centres that block on the slot's width and draws its
bottom border.
"""

import html
import re
from dataclasses import dataclass, field

import pydyf

from . import pdf as core_pdf
from .pdf_split import PageSplitter, SplitError, one_page_pdf, renumbered
from .pdf_text import POINTS_PER_PIXEL, Face, Placed, TextPainter, Unsupported, face, shape

SLOT = re.compile(r'(<span class="slot" data-slot="([a-z0-9-]+)">)([^<]*)(</span>)')
#: How far (CSS pixels) a skeleton's line may differ from the same text shaped here
#: before the skeleton is not used: the shaper must agree with the layout engine.
AGREEMENT = 0.5
WHITESPACE = re.compile(r"[ \t\n\r\f]+")


def slot_texts(markup: str) -> dict[str, str]:
    """The text of each slot of ``markup``, as the page shows it (entities decoded,
    white space collapsed as CSS does)."""
    return {
        match[2]: WHITESPACE.sub(" ", html.unescape(match[3])).strip(" ")
        for match in SLOT.finditer(markup)
    }


def skeleton_key(markup: str, keep_shape_of: tuple[str, ...] = ()) -> str:
    """``markup`` with its slots emptied: pages with the same key share a skeleton.
    The slots in ``keep_shape_of`` keep their shape (letters and digits as "0"):
    how a wrapping slot breaks depends on its length."""

    def blank(match):
        if match[2] in keep_shape_of:
            return match[1] + re.sub(r"[A-Za-z0-9]", "0", match[3]) + match[4]
        return match[1] + match[4]

    return SLOT.sub(blank, markup)


def skeleton_markup(markup: str, wrapping: tuple[str, ...] = ()) -> str:
    """``markup`` with each one-line slot holding one letter (its room: one line);
    the slots in ``wrapping`` keep their text (their room: as many lines)."""
    return SLOT.sub(
        lambda m: m[0] if m[2] in wrapping else m[1] + "X" + m[4],
        markup,
    )


@dataclass
class Line:
    baseline: float  # CSS px from the page's top
    anchor: float  # where the line is aligned: its left, centre or right (px)
    left: float  # the container's content box (px)
    right: float


@dataclass
class Slot:
    face: Face
    size: float  # px
    spacing: float  # letter spacing, font units
    color: tuple[float, float, float]
    align: str  # "left", "center" or "right"
    lines: list[Line] = field(default_factory=list)
    underline: dict | None = None  # the inline-block the slot sits in, if any


@dataclass
class Skeleton:
    objects: list  # the skeleton's PDF objects, serialized, numbered from the first free
    page: dict
    contents: list
    resources: pydyf.Dictionary
    fonts: pydyf.Dictionary
    slots: dict[str, Slot]
    drawing_boxes: dict[str, tuple]
    height: float  # px
    producer: object


def _color(value) -> tuple[float, float, float]:
    srgb = value.to("srgb")
    return tuple(max(0.0, min(1.0, float(c))) for c in srgb.coordinates[:3])


def _align(style) -> str:
    value = style["text_align_all"]
    rtl = style["direction"] == "rtl"
    return {"start": "right" if rtl else "left", "end": "left" if rtl else "right"}.get(
        value, value if value in ("left", "center", "right") else "left"
    )


def _face_of(textbox) -> Face:
    """The font WeasyPrint laid ``textbox`` out in, named in the PDF as WeasyPrint names it."""
    from weasyprint.text.ffi import ffi, pango
    from weasyprint.text.fonts import (
        get_hb_object_data,
        get_pango_font_hb_face,
        get_pango_font_key,
    )

    textbox.pango_layout.reactivate(textbox.style)
    line, _ = textbox.pango_layout.get_first_line()
    if line.runs[0].next:
        raise Unsupported("a slot's text in more than one font")
    font = line.runs[0].data.item.analysis.font
    description = get_pango_font_key(font)[1]
    name = ffi.string(pango.pango_font_description_to_string(description)).decode()
    name = re.split(" [#@]", name)[0].replace(" ", "-")
    return face(bytes(get_hb_object_data(get_pango_font_hb_face(font))), name)


def read_slots(page_box) -> dict[str, Slot]:
    """Every slot of a laid-out page: its lines, font, size, colour and alignment."""
    from weasyprint.formatting_structure import boxes

    slots: dict[str, Slot] = {}

    def walk(box, container, inline_block):
        element = getattr(box, "element", None)
        name = element.get("data-slot") if element is not None else None
        if isinstance(box, boxes.TextBox) and name:
            add(name, box, container, inline_block)
            return
        if isinstance(box, boxes.InlineBlockBox):
            inline_block = box
        elif isinstance(box, boxes.BlockContainerBox) and not isinstance(box, boxes.LineBox):
            container, inline_block = box, None
        for child in getattr(box, "children", ()):
            walk(child, container, inline_block)

    def add(name, box, container, inline_block):
        style = box.style
        font = slots[name].face if name in slots else _face_of(box)
        spacing = style["letter_spacing"]
        size = style["font_size"]
        slot = slots.setdefault(
            name,
            Slot(
                face=font,
                size=size,
                spacing=0 if spacing == "normal" else spacing * font.upem / size,
                color=_color(style["color"]),
                align=_align(style),
            ),
        )
        left, right = container.content_box_x(), container.content_box_x() + container.width
        anchor = {"left": box.position_x, "center": box.position_x + box.width / 2}.get(
            slot.align, box.position_x + box.width
        )
        if inline_block is not None:
            if slot.lines or slot.align != "center":
                raise Unsupported("an underlined slot is one centred line")
            slot.underline = {
                "margins": inline_block.margin_left + inline_block.margin_right,
                "margin_left": inline_block.margin_left,
                "before": inline_block.margin_left
                + inline_block.border_left_width
                + inline_block.padding_left,
                "extra": inline_block.padding_left
                + inline_block.padding_right
                + inline_block.border_left_width
                + inline_block.border_right_width,
                "top": inline_block.border_box_y()
                + inline_block.border_height()
                - inline_block.border_bottom_width,
                "thickness": inline_block.border_bottom_width,
                "color": _color(inline_block.style["border_bottom_color"]),
            }
        shaped = shape(font, box.text, spacing=slot.spacing).width_at(size)
        if abs(shaped - box.width) > AGREEMENT:
            raise Unsupported(f"the shaper and the layout disagree on {name!r}")
        slot.lines.append(Line(box.position_y + box.baseline, anchor, left, right))

    walk(page_box, None, None)
    return slots


class _Captured(Exception):
    pass


def build_skeleton(markup: str, stylesheet_template: str | None = None) -> Skeleton | None:
    """Lays ``markup`` (a one-page document, slots hidden) out; None when it is not one
    page or its objects cannot be copied."""
    from weasyprint import HTML

    document = HTML(string=markup, url_fetcher=core_pdf.data_only_fetcher()).render(
        stylesheets=[core_pdf.stylesheet(stylesheet_template)] if stylesheet_template else [],
        font_config=core_pdf.font_config(),
    )
    if len(document.pages) != 1:
        return None
    page = document.pages[0]
    try:
        slots = read_slots(page._page_box)
    except Unsupported:
        return None
    captured = []

    def capture(document, pdf):
        captured.append(pdf)
        raise _Captured

    try:
        document.write_pdf(finisher=capture)
    except _Captured:
        pass
    pdf = captured[0]
    splitter = PageSplitter(pdf)
    page_number = splitter.page_number(0)
    source = pdf.objects[page_number]
    try:
        order = [n for n in splitter.reachable(page_number) if n != page_number]
        first = len(pydyf.PDF().objects)
        numbers = {number: first + offset for offset, number in enumerate(order)}
        objects = [splitter.serialized(number, numbers) for number in order]
        resources = _resolved(pdf, source["Resources"])
        fonts = _resolved(pdf, resources.get("Font", pydyf.Dictionary()))
        contents = source["Contents"]
        contents = contents if isinstance(contents, (list, tuple)) else [contents]
        entries = {
            key: renumbered(value, numbers)
            for key, value in source.items()
            if key not in ("Parent", "Contents", "Resources")
        }
        return Skeleton(
            objects=objects,
            page=entries,
            contents=[renumbered(item, numbers) for item in contents],
            resources=renumbered(resources, numbers),
            fonts=renumbered(fonts, numbers),
            slots=slots,
            drawing_boxes=dict(page.anchors),
            height=page.height,
            producer=pdf.info.get("Producer"),
        )
    except (KeyError, SplitError):
        return None


def _resolved(pdf, value):
    from .pdf_split import reference_number

    number = reference_number(value)
    return pdf.objects[number] if number is not None else value


def _lines(slot: Slot, text: str) -> list[tuple[object, Line]]:
    """``text`` shaped and placed on the slot's lines (``Unsupported`` when it does not fit)."""
    run = shape(slot.face, text, spacing=slot.spacing)
    scale = slot.size / slot.face.upem
    if len(slot.lines) == 1:
        line = slot.lines[0]
        width = run.width * scale
        room = {
            "left": line.right - line.anchor,
            "center": line.right - line.left,
            "right": line.anchor - line.left,
        }[slot.align]
        if slot.underline:
            width += slot.underline["extra"] + slot.underline["margins"]
        if width > room - AGREEMENT:
            # Too close to call: the layout engine's widths may differ by that much.
            raise Unsupported("one line does not hold the text")
        return [(run, line)]
    # Broken as WeasyPrint breaks a line with CSS word-break: break-all: at the
    # last break opportunity that fits, else between any two characters.
    offsets = _offsets(run, scale)
    opportunities = _break_opportunities(run.text)
    placed, start = [], 0
    for line in slot.lines:
        room = (line.anchor - line.left) if slot.align == "right" else (line.right - line.left)
        width = {i: offsets[i] - offsets[start] for i in offsets if i > start}
        words = [i for i in (*opportunities, len(run.text)) if i in width]
        fitting = [i for i in words if width[i] <= room]
        # Where a break is decided (between words, else between any characters), a
        # candidate too close to the edge cannot be called: the layout engine's
        # widths may differ from these by that much.
        candidates = words if fitting else list(width)
        if any(abs(width[i] - room) <= AGREEMENT for i in candidates):
            raise Unsupported("a line break too close to the edge")
        fits = fitting or [i for i in width if width[i] <= room]
        if not fits:
            raise Unsupported("a line holds no character")
        end = max(fits)
        placed.append((shape(slot.face, run.text[start:end], spacing=slot.spacing), line))
        start = end
        if start == len(run.text):
            break
    if start < len(run.text) or len(placed) != len(slot.lines):
        raise Unsupported("the text needs another number of lines")
    return placed


def _offsets(run, scale: float) -> dict[int, float]:
    """Where each character that starts a cluster begins on the line (px), and the end."""
    offsets, x = {}, 0.0
    for cluster, (_glyph, advance, _x, _y) in zip(run.clusters, run.glyphs, strict=True):
        offsets.setdefault(cluster, x)
        x += advance * scale
    offsets[len(run.text)] = x
    return offsets


def _break_opportunities(text: str) -> list[int]:
    """The indices before which a line may break (Pango's line-breaking rules)."""
    from weasyprint.text.line_break import get_log_attrs

    attributes = get_log_attrs(text, None)
    return [index for index in range(1, len(text)) if attributes[index].is_line_break]


def fill(
    skeleton: Skeleton,
    texts: dict[str, str],
    *,
    drawings: dict[str, core_pdf.Drawing] | None = None,
    lang: str = "",
    title: str = "",
) -> bytes:
    """The skeleton's page with ``texts`` (slot name -> text) drawn into its slots and each
    of ``drawings`` into the box of the element whose ``id`` is its key."""
    if set(texts) != set(skeleton.slots):
        raise Unsupported("the slots differ from the skeleton's")
    painter, shapes = TextPainter(), []
    height = skeleton.height
    for name, text in texts.items():
        slot = skeleton.slots[name]
        scale = slot.size / slot.face.upem
        for run, line in _lines(slot, text):
            width = run.width * scale
            x = {"left": line.anchor, "center": line.anchor - width / 2}.get(
                slot.align, line.anchor - width
            )
            if slot.underline:
                box = width + slot.underline["extra"]
                start = (line.left + line.right) / 2 - (box + slot.underline["margins"]) / 2
                x = start + slot.underline["before"]
                left = start + slot.underline["margin_left"]
                shapes.append(_rectangle(slot.underline, left, box, height))
            painter.draw(
                Placed(
                    run=run,
                    size=slot.size * POINTS_PER_PIXEL,
                    color=slot.color,
                    x=x * POINTS_PER_PIXEL,
                    y=(height - line.baseline) * POINTS_PER_PIXEL,
                )
            )
    target = pydyf.PDF()
    for item in skeleton.objects:
        target.add_object(item)
    save = pydyf.Stream([b"q"])
    target.add_object(save)
    fonts = pydyf.Dictionary(skeleton.fonts)
    fonts.update(painter.font_objects(target))
    resources = pydyf.Dictionary(skeleton.resources)
    resources["Font"] = fonts
    operators = [b"Q", *shapes, painter.operators()]
    for name, drawing in (drawings or {}).items():
        operators.append(core_pdf.drawing_operators(drawing, skeleton.drawing_boxes[name], height))
    paint = pydyf.Stream([b"\n".join(operators)], compress=True)
    target.add_object(paint)
    page = pydyf.Dictionary(skeleton.page)
    page["Contents"] = pydyf.Array([save.reference, *skeleton.contents, paint.reference])
    page["Resources"] = resources
    page["Parent"] = target.pages.reference
    target.add_object(page)
    return one_page_pdf(target, page.number, lang=lang, title=title, producer=skeleton.producer)


def _rectangle(underline: dict, left: float, width: float, height: float) -> bytes:
    red, green, blue = underline["color"]
    x, y = left * POINTS_PER_PIXEL, (height - underline["top"]) * POINTS_PER_PIXEL
    thickness = underline["thickness"] * POINTS_PER_PIXEL
    return (
        f"{red:.4f} {green:.4f} {blue:.4f} rg "
        f"{x:.3f} {y - thickness:.3f} {width * POINTS_PER_PIXEL:.3f} {thickness:.3f} re f"
    ).encode("ascii")
