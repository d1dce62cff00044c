"""Lines of text drawn straight into a PDF page, with the fonts a WeasyPrint layout used.

For pages laid out once and filled in many times (certificates): the text of
the fields is shaped with HarfBuzz (the shaper Pango uses for WeasyPrint, so
the same glyphs, kerning and advances), each font embedded as a subset of the
glyphs the page draws (a CID font, identity-encoded, with a ToUnicode map so
the text can be searched and copied).

Only what one shaped run can show is drawn here: left-to-right text that one
font covers entirely. Anything else (a missing glyph, right-to-left or complex
scripts) is ``Unsupported``, and the caller lays the page out in full instead.
"""

import functools
import hashlib
import io
import unicodedata
from dataclasses import dataclass, field

import pydyf

#: WeasyPrint lays out in CSS pixels; PDF space is in points.
POINTS_PER_PIXEL = 0.75
#: Text beyond this code point (Hebrew, Arabic, the scripts of Asia...) needs more
#: than one left-to-right run: those pages are laid out in full.
SIMPLE_SCRIPTS_BELOW = "\u0590"


class Unsupported(Exception):
    """The text cannot be drawn as one run of one font."""


@dataclass(eq=False)
class Face:
    """A font file, ready to shape with and to embed."""

    data: bytes
    name: str
    upem: int
    ascent: int
    descent: int
    cap_height: int
    bbox: tuple[int, int, int, int]
    italic_angle: float
    hb_face: object = field(repr=False)
    hb_font: object = field(repr=False)
    subset_face: object = field(repr=False)

    def advance(self, glyph: int) -> int:
        return self.hb_font.get_glyph_h_advance(glyph)


@functools.lru_cache(maxsize=16)
def face(data: bytes, name: str = "") -> Face:
    """The font file ``data`` (parsed once per process), embedded as ``name`` (else its
    PostScript name)."""
    import uharfbuzz as hb
    from fontTools.ttLib import TTFont

    font = TTFont(io.BytesIO(data), lazy=True)
    head, hhea = font["head"], font["hhea"]
    os2 = font["OS/2"] if "OS/2" in font else None
    name = name or font["name"].getDebugName(6) or hashlib.sha1(data).hexdigest()[:12]
    hb_face = hb.Face(data)
    return Face(
        data=data,
        name="".join(char for char in name if char.isalnum() or char in "-_"),
        upem=head.unitsPerEm,
        ascent=hhea.ascent,
        descent=hhea.descent,
        cap_height=getattr(os2, "sCapHeight", 0) or hhea.ascent,
        bbox=(head.xMin, head.yMin, head.xMax, head.yMax),
        italic_angle=float(font["post"].italicAngle),
        hb_face=hb_face,
        hb_font=hb.Font(hb_face),
        subset_face=hb.subset_preprocess(hb_face),
    )


@dataclass
class Run:
    """Text shaped in one face: glyphs with their advances and offsets, in font units."""

    face: Face
    glyphs: list[tuple[int, int, int, int]]  # glyph, advance, x offset, y offset
    texts: dict[int, str]  # glyph -> the characters it shows (for ToUnicode)
    width: int
    clusters: list[int]  # the index in the text of each glyph's first character
    text: str

    def width_at(self, size: float) -> float:
        return self.width * size / self.face.upem


def shape(font: Face, text: str, *, spacing: float = 0) -> Run:
    """``text`` shaped in ``font``; ``spacing`` (in font units) added after each character,
    as WeasyPrint lays out CSS ``letter-spacing``. ``Unsupported`` if a glyph is missing
    or the text needs more than one left-to-right run."""
    import uharfbuzz as hb

    text = unicodedata.normalize("NFC", text)
    if not text or max(text) >= SIMPLE_SCRIPTS_BELOW:
        raise Unsupported(text)
    buffer = hb.Buffer()
    buffer.add_codepoints([ord(char) for char in text])
    buffer.guess_segment_properties()
    hb.shape(font.hb_font, buffer, {})
    infos, positions = buffer.glyph_infos, buffer.glyph_positions
    glyphs, texts, width = [], {}, 0
    clusters = [info.cluster for info in infos] + [len(text)]
    for index, (info, position) in enumerate(zip(infos, positions, strict=True)):
        if info.codepoint == 0:
            raise Unsupported(text)
        advance = position.x_advance
        last_of_cluster = clusters[index + 1] != info.cluster
        if spacing and last_of_cluster:
            advance += spacing
        glyphs.append((info.codepoint, advance, position.x_offset, position.y_offset))
        if index == 0 or clusters[index - 1] != info.cluster:
            end = next((c for c in clusters[index + 1 :] if c != info.cluster), len(text))
            texts.setdefault(info.codepoint, text[info.cluster : end])
        width += advance
    return Run(
        face=font, glyphs=glyphs, texts=texts, width=width, clusters=clusters[:-1], text=text
    )


@dataclass
class Placed:
    """A run to draw: its size (points), colour (0–1 RGB) and baseline origin (points,
    PDF space)."""

    run: Run
    size: float
    color: tuple[float, float, float]
    x: float
    y: float


def _show(x: float, y: float, glyphs: list[int]) -> str:
    text = "".join(f"{glyph:04x}" for glyph in glyphs)
    return f"1 0 0 1 {_number(x)} {_number(y)} Tm <{text}> Tj"


def _number(value: float) -> str:
    text = f"{value:.3f}".rstrip("0").rstrip(".")
    return text if text not in ("", "-0") else "0"


class TextPainter:
    """Collects the runs of one page; writes their content operators and font objects."""

    def __init__(self):
        self.placed: list[Placed] = []
        self.fonts: dict[int, tuple[str, Face]] = {}

    def draw(self, placed: Placed) -> None:
        self.placed.append(placed)
        key = id(placed.run.face)
        if key not in self.fonts:
            self.fonts[key] = (f"T{len(self.fonts)}", placed.run.face)

    def operators(self) -> bytes:
        """The content operators that draw every run (PDF space, points): glyphs at
        their font advance in one string, a glyph kerned or offset positioned alone."""
        lines = []
        for placed in self.placed:
            run, scale = placed.run, placed.size / placed.run.face.upem
            name = self.fonts[id(run.face)][0]
            color = " ".join(map(_number, placed.color))
            lines.append(f"BT /{name} {_number(placed.size)} Tf {color} rg")
            x, start, pending = placed.x, placed.x, []
            for glyph, advance, x_offset, y_offset in run.glyphs:
                alone = x_offset or y_offset or advance != run.face.advance(glyph)
                if pending and alone:
                    lines.append(_show(start, placed.y, pending))
                    pending = []
                if alone:
                    lines.append(_show(x + x_offset * scale, placed.y + y_offset * scale, [glyph]))
                else:
                    if not pending:
                        start = x
                    pending.append(glyph)
                x += advance * scale
            if pending:
                lines.append(_show(start, placed.y, pending))
            lines.append("ET")
        return "\n".join(lines).encode("ascii")

    def font_objects(self, pdf: pydyf.PDF) -> pydyf.Dictionary:
        """Adds each font (subset to the glyphs drawn) to ``pdf``; returns the /Font resources."""
        resources = pydyf.Dictionary()
        for name, font in self.fonts.values():
            used: dict[int, str] = {}
            for placed in self.placed:
                if placed.run.face is font:
                    for glyph, *_ in placed.run.glyphs:
                        used.setdefault(glyph, placed.run.texts.get(glyph, ""))
            resources[name] = embed(pdf, font, used)
        return resources


def subset(font: Face, glyphs) -> bytes:
    """``font`` cut down to ``glyphs`` (glyph numbers kept), without hinting or layout tables."""
    import uharfbuzz as hb

    request = hb.SubsetInput()
    for glyph in {0, *glyphs}:
        request.glyph_set.add(glyph)
    request.flags = hb.SubsetFlags.RETAIN_GIDS | hb.SubsetFlags.NO_HINTING
    dropped = request.sets(hb.SubsetInputSets.DROP_TABLE_TAG)
    for tag in ("GSUB", "GPOS", "GDEF", "kern", "morx", "name", "FFTM"):
        dropped.add(_tag(tag))
    return hb.subset(font.subset_face, request).blob.data


def _tag(text: str) -> int:
    return int.from_bytes(text.encode("ascii"), "big")


def _to_unicode(used: dict[int, str]) -> bytes:
    entries = [
        f"<{glyph:04x}> <{''.join(f'{unit:04x}' for unit in _utf16(text))}>"
        for glyph, text in sorted(used.items())
        if text
    ]
    chunks = [entries[i : i + 100] for i in range(0, len(entries), 100)]
    body = "".join(
        f"{len(chunk)} beginbfchar\n" + "\n".join(chunk) + "\nendbfchar\n" for chunk in chunks
    )
    return (
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
        "1 begincodespacerange\n<0000> <ffff>\nendcodespacerange\n"
        f"{body}endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend"
    ).encode("ascii")


def _utf16(text: str) -> list[int]:
    data = text.encode("utf-16-be")
    return [int.from_bytes(data[i : i + 2], "big") for i in range(0, len(data), 2)]


def embed(pdf: pydyf.PDF, font: Face, used: dict[int, str]) -> bytes:
    """Adds ``font`` (subset to ``used``: glyph -> text) to ``pdf``; returns its reference."""
    scale = 1000 / font.upem
    tag = hashlib.sha1(repr(sorted(used)).encode()).hexdigest()[:6].upper()
    tag = "".join(chr(ord("A") + int(char, 16) % 26) for char in tag)
    base = f"/{tag}+{font.name}"
    file = pydyf.Stream([subset(font, used)], compress=True)
    pdf.add_object(file)
    descriptor = pydyf.Dictionary(
        {
            "Type": "/FontDescriptor",
            "FontName": base,
            "Flags": 4 | (64 if font.italic_angle else 0),
            "FontBBox": pydyf.Array([round(v * scale) for v in font.bbox]),
            "ItalicAngle": _number(font.italic_angle),
            "Ascent": round(font.ascent * scale),
            "Descent": round(font.descent * scale),
            "CapHeight": round(font.cap_height * scale),
            "StemV": 80,
            "FontFile2": file.reference,
        }
    )
    pdf.add_object(descriptor)
    widths = pydyf.Array()
    for glyph in sorted(used):
        widths.extend([glyph, pydyf.Array([round(font.advance(glyph) * scale)])])
    cid_font = pydyf.Dictionary(
        {
            "Type": "/Font",
            "Subtype": "/CIDFontType2",
            "BaseFont": base,
            "CIDSystemInfo": pydyf.Dictionary(
                {
                    "Registry": pydyf.String("Adobe"),
                    "Ordering": pydyf.String("Identity"),
                    "Supplement": 0,
                }
            ),
            "FontDescriptor": descriptor.reference,
            "W": widths,
            "CIDToGIDMap": "/Identity",
        }
    )
    pdf.add_object(cid_font)
    to_unicode = pydyf.Stream([_to_unicode(used)], compress=True)
    pdf.add_object(to_unicode)
    type0 = pydyf.Dictionary(
        {
            "Type": "/Font",
            "Subtype": "/Type0",
            "BaseFont": base,
            "Encoding": "/Identity-H",
            "DescendantFonts": pydyf.Array([cid_font.reference]),
            "ToUnicode": to_unicode.reference,
        }
    )
    pdf.add_object(type0)
    return type0.reference
