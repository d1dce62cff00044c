"""The cell rules every export shares (pure functions, no database)."""

import datetime
from decimal import Decimal

import openpyxl
import pytest

from core.exports import csv_cell, spreadsheet_safe, spreadsheet_unsafe, xlsx_as_text

# OWASP's list, written out here rather than imported from the code under test.
PREFIXES = ["=", "+", "-", "@", "\t", "\r"]


@pytest.mark.parametrize("prefix", PREFIXES)
def test_text_starting_with_a_formula_character_gets_an_apostrophe(prefix):
    assert spreadsheet_safe(f"{prefix}SUM(A1)") == f"'{prefix}SUM(A1)"
    assert csv_cell(f"{prefix}SUM(A1)") == f"'{prefix}SUM(A1)"


@pytest.mark.parametrize("prefix", PREFIXES)
def test_the_apostrophe_comes_off_again_on_reimport(prefix):
    assert spreadsheet_unsafe(spreadsheet_safe(f"{prefix}x")) == f"{prefix}x"


@pytest.mark.parametrize("text", ["Núñez", "O'Brien", "'quoted", "a=b", " =x", "", "x-1"])
def test_ordinary_text_is_unchanged(text):
    assert spreadsheet_safe(text) == text
    assert spreadsheet_unsafe(text) == text


@pytest.mark.parametrize(
    ("value", "written"),
    [(-12.5, "-12.5"), (-3, "-3"), (Decimal("-0.5"), "-0.5"), (0, "0"), (None, "")],
)
def test_numbers_stay_numbers(value, written):
    assert spreadsheet_safe(value) == value
    assert csv_cell(value) == written


def test_dates_are_iso():
    assert csv_cell(datetime.date(2026, 3, 1)) == "2026-03-01"
    assert csv_cell(datetime.datetime(2026, 3, 1, 9, 5, 59)) == "2026-03-01 09:05"


def xlsx_cell(sheet, value):
    from openpyxl.cell import WriteOnlyCell

    return xlsx_as_text(WriteOnlyCell(sheet, value))


def test_xlsx_text_that_looks_like_a_formula_is_stored_as_text():
    """openpyxl's cells, as the admin listings' XLSX exports write them (``core.spreadsheets``);
    the all-trainees export's own writer is tested in ``test_xlsx.py``."""
    sheet = openpyxl.Workbook(write_only=True).create_sheet()
    cell = xlsx_cell(sheet, '=HYPERLINK("http://x","y")')
    assert cell.data_type == "s" and cell.value == '=HYPERLINK("http://x","y")'
    assert xlsx_cell(sheet, -50.0).data_type == "n"
    assert xlsx_cell(sheet, "+1").data_type == "s"
