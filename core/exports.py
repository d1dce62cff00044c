"""The one place that decides how a cell is written to a CSV a person will open.

Spreadsheet programs run a cell that starts with ``=``, ``+``, ``-``, ``@``,
a tab or a carriage return as a formula (CSV injection). OWASP's advice is to
prefix such *text* with an apostrophe; real numbers (a negative knowledge
gain, say) stay numbers, because they are not text. Every CSV starts with a
UTF-8 byte-order mark so that Excel reads accents ("Núñez") as UTF-8.

Pure functions; no Django. Importers that read our own CSVs back call
``spreadsheet_unsafe`` to remove the apostrophe again.
"""

import datetime
from decimal import Decimal

BOM = "\ufeff"
#: A spreadsheet runs a text cell that starts with one of these as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value):
    """``value`` as it may go into a CSV cell: formula-looking text gets a leading ``'``.

    Numbers, dates and ``None`` are returned unchanged.
    """
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def spreadsheet_unsafe(text: str) -> str:
    """The original text of a cell that ``spreadsheet_safe`` escaped (for re-import)."""
    if text.startswith("'") and text[1:].startswith(FORMULA_STARTS):
        return text[1:]
    return text


def csv_cell(value) -> str:
    """A value as CSV text: dates as ISO (minutes for date-times), formulas neutralised."""
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float | Decimal):
        return str(value)
    return spreadsheet_safe(str(value))


def xlsx_as_text(cell):
    """``cell`` with a formula openpyxl guessed from a string turned back into text.

    openpyxl stores any string starting with ``=`` as a formula; text stays
    text here. Numbers and dates keep their types, so a spreadsheet can sum
    them. (The all-trainees export writes its XLSX with ``core.xlsx``, whose
    text cells cannot be formulas.)
    """
    if cell.data_type == "f":
        cell.data_type = "s"
    return cell
