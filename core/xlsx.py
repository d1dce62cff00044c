"""A streaming XLSX writer: one worksheet, written row by row as the rows are read.

openpyxl builds a cell object per value and writes it through an XML
library; for an export of 100,000 trainees that took twice as long as
reading the rows. This writer formats each row as worksheet XML directly and
deflates it into the zip package as it goes, so an export of any size
streams in bounded memory, like the CSV.

What a person opening the file gets is what openpyxl wrote: text as inline
strings (never a formula, whatever it starts with: ``=``, ``+``, ``-``,
``@``...), numbers as numbers, dates as dates (``yyyy-mm-dd``) and
date-times to the second (``yyyy-mm-dd h:mm:ss``), empty cells left out.

Pure Python, no Django.
"""

import datetime
import math
import re
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal

CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
#: Rows formatted before their XML is handed to the compressor.
ROWS_PER_CHUNK = 500
#: Fast deflate: the sheet is repetitive XML, level 1 already shrinks it ~8×.
COMPRESS_LEVEL = 1
#: Day 0 of spreadsheet dates (the 1900 date system as Excel counts it).
EPOCH = datetime.datetime(1899, 12, 30)
DATE_STYLE, DATETIME_STYLE = 1, 2

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE_RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships"
DOCUMENT = "application/vnd.openxmlformats-officedocument"

CONTENT_TYPES_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    f'<Default Extension="rels" ContentType="{DOCUMENT[: -len("officedocument")]}'
    'package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    f'<Override PartName="/xl/workbook.xml" ContentType="{DOCUMENT}'
    '.spreadsheetml.sheet.main+xml"/>'
    f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{DOCUMENT}'
    '.spreadsheetml.worksheet+xml"/>'
    f'<Override PartName="/xl/styles.xml" ContentType="{DOCUMENT}.spreadsheetml.styles+xml"/>'
    "</Types>"
)
ROOT_RELS_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    f'<Relationships xmlns="{PACKAGE_RELATIONSHIPS}">'
    f'<Relationship Id="rId1" Type="{RELATIONSHIPS}/officeDocument" Target="xl/workbook.xml"/>'
    "</Relationships>"
)
WORKBOOK_RELS_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    f'<Relationships xmlns="{PACKAGE_RELATIONSHIPS}">'
    f'<Relationship Id="rId1" Type="{RELATIONSHIPS}/worksheet" Target="worksheets/sheet1.xml"/>'
    f'<Relationship Id="rId2" Type="{RELATIONSHIPS}/styles" Target="styles.xml"/>'
    "</Relationships>"
)
# Style 0: general; 1: a date; 2: a date and time (openpyxl's formats).
STYLES_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    f'<styleSheet xmlns="{MAIN}">'
    '<numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/>'
    '<numFmt numFmtId="165" formatCode="yyyy-mm-dd h:mm:ss"/></numFmts>'
    '<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill>'
    '<fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    "</cellXfs>"
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
    "</styleSheet>"
)
SHEET_START = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    f'<worksheet xmlns="{MAIN}" xmlns:r="{RELATIONSHIPS}"><sheetData>'
)
SHEET_END = "</sheetData></worksheet>"

#: Characters XML 1.0 cannot hold, and those that need an entity.
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_SPECIAL = re.compile("[&<>\r\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]|_x[0-9A-Fa-f]{4}_")
_SHEET_NAME_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


def workbook_xml(title: str) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<workbook xmlns="{MAIN}" xmlns:r="{RELATIONSHIPS}"><sheets>'
        f'<sheet name="{escape(sheet_name(title))}" sheetId="1" r:id="rId1"/>'
        "</sheets></workbook>"
    )


def sheet_name(title: str) -> str:
    """``title`` as a worksheet may be named: at most 31 characters, none of ``[]:*?/\\``."""
    return _SHEET_NAME_FORBIDDEN.sub(" ", title).strip("'")[:31] or "Sheet1"


def column_letters(index: int) -> str:
    """``A`` for 0, ``Z`` for 25, ``AA`` for 26..."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def _escape_special(match: re.Match) -> str:
    text = match.group()
    if text == "&":
        return "&amp;"
    if text == "<":
        return "&lt;"
    if text == ">":
        return "&gt;"
    if text == "\r":
        return "&#13;"  # a literal CR would be read back as a line feed
    if text.startswith("_x"):
        return "_x005F" + text  # spreadsheets read _xHHHH_ as an escaped character
    return f"_x{ord(text):04X}_"  # a control character, as Excel writes it


def escape(text: str) -> str:
    """``text`` as XML character data; control characters as Excel's ``_xHHHH_``."""
    return _SPECIAL.sub(_escape_special, text) if _SPECIAL.search(text) else text


def serial(moment: datetime.date) -> float:
    """A date or naive date-time as a spreadsheet serial number (days since 1899-12-30)."""
    if isinstance(moment, datetime.datetime):
        if moment.tzinfo is not None:
            raise TypeError("spreadsheets have no time zones: pass a naive date-time")
        delta = moment - EPOCH
        return delta.days + (delta.seconds + delta.microseconds / 1e6) / 86400
    return (moment - EPOCH.date()).days


def cell(reference: str, value) -> str:
    """One ``<c>`` element (empty for ``None``): text is always a string, never a formula."""
    kind = type(value)
    if kind is str:
        text = escape(value)
        space = ' xml:space="preserve"' if text != text.strip() else ""
        return f'<c r="{reference}" t="inlineStr"><is><t{space}>{text}</t></is></c>'
    if value is None:
        return ""
    if kind is int or kind is Decimal:
        return f'<c r="{reference}"><v>{value}</v></c>'
    if kind is float:
        if not math.isfinite(value):
            return cell(reference, str(value))
        if value.is_integer() and abs(value) < 1e15:
            value = int(value)  # 38.0 written as 38, as openpyxl did
        return f'<c r="{reference}"><v>{value!r}</v></c>'
    if kind is datetime.datetime:
        return f'<c r="{reference}" s="{DATETIME_STYLE}"><v>{serial(value)!r}</v></c>'
    if kind is datetime.date:
        return f'<c r="{reference}" s="{DATE_STYLE}"><v>{serial(value)}</v></c>'
    if kind is bool:
        return f'<c r="{reference}" t="b"><v>{int(value)}</v></c>'
    return cell(reference, _plain(value))


def _plain(value):
    """A value of a subclass (an enum member, a lazy translation...) as its base type."""
    if isinstance(value, bool):
        return bool(value)
    for base in (int, float, Decimal):
        if isinstance(value, base):
            return base(value)
    if isinstance(value, datetime.datetime):
        return datetime.datetime.combine(value.date(), value.timetz())
    if isinstance(value, datetime.date):
        return datetime.date(value.year, value.month, value.day)
    return str.__str__(str(value))  # an exact str, even from a str subclass


def sheet_rows(rows: Iterable[Sequence], headings: Sequence[str]) -> Iterator[str]:
    """The worksheet XML, a few hundred rows per piece."""
    letters = [column_letters(index) for index in range(len(headings))]
    yield SHEET_START
    cells = "".join(cell(f"{letters[i]}1", str(text)) for i, text in enumerate(headings))
    part = [f'<row r="1">{cells}</row>']
    for number, row in enumerate(rows, start=2):
        cells = "".join(cell(f"{letters[i]}{number}", value) for i, value in enumerate(row))
        part.append(f'<row r="{number}">{cells}</row>')
        if len(part) == ROWS_PER_CHUNK:
            yield "".join(part)
            part = []
    part.append(SHEET_END)
    yield "".join(part)


class _Pipe:
    """A write-only file for ``zipfile`` whose bytes are taken as they come."""

    def __init__(self):
        self.pieces: list[bytes] = []

    def write(self, data) -> int:
        self.pieces.append(bytes(data))
        return len(data)

    def flush(self) -> None:
        pass

    def take(self) -> bytes:
        data = b"".join(self.pieces)
        self.pieces = []
        return data


def xlsx_chunks(
    rows: Iterable[Sequence], *, headings: Sequence[str], title: str
) -> Iterator[bytes]:
    """The XLSX package of one sheet named ``title`` (``headings``, then ``rows``), in pieces.

    Rows are read only as the pieces are asked for, so the file can be sent
    while the rows are still being read from the database.
    """
    pipe = _Pipe()
    with zipfile.ZipFile(pipe, "w", zipfile.ZIP_DEFLATED, compresslevel=COMPRESS_LEVEL) as package:
        for name, text in (
            ("[Content_Types].xml", CONTENT_TYPES_XML),
            ("_rels/.rels", ROOT_RELS_XML),
            ("xl/workbook.xml", workbook_xml(title)),
            ("xl/_rels/workbook.xml.rels", WORKBOOK_RELS_XML),
            ("xl/styles.xml", STYLES_XML),
        ):
            package.writestr(name, text)
        yield pipe.take()
        with package.open("xl/worksheets/sheet1.xml", "w") as sheet:
            for piece in sheet_rows(rows, headings):
                sheet.write(piece.encode("utf-8", "replace"))
                data = pipe.take()
                if data:
                    yield data
    yield pipe.take()
