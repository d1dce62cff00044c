"""The streaming XLSX writer (core.xlsx): what a spreadsheet reads back, streaming, memory."""

import datetime
import io
import tracemalloc
import zipfile
from decimal import Decimal

import openpyxl
import pytest
from django.utils.functional import lazy
from django.utils.safestring import mark_safe

from core.xlsx import column_letters, serial, sheet_name, xlsx_chunks

# OWASP's list of characters that start a formula, written out here.
FORMULA_TEXTS = ['=HYPERLINK("http://x","y")', "+1 agent", "-5", "@SUM(A1)", "\tx", "\rx"]


def workbook(rows, headings=("A", "B"), title="trainees", read_only=False):
    data = b"".join(xlsx_chunks(rows, headings=list(headings), title=title))
    return openpyxl.load_workbook(io.BytesIO(data), read_only=read_only)


def cells(book) -> list[list]:
    return [list(row) for row in book.active.iter_rows()]


def test_text_that_looks_like_a_formula_is_stored_as_text():
    book = workbook([[text] for text in FORMULA_TEXTS], headings=["Name"])
    written = [row[0] for row in cells(book)[1:]]
    assert [cell.data_type for cell in written] == ["s"] * len(FORMULA_TEXTS)
    assert [cell.value for cell in written] == FORMULA_TEXTS  # a CR included


def test_numbers_stay_numbers_and_dates_stay_dates():
    joined = datetime.date(2026, 3, 1)
    last = datetime.datetime(2026, 3, 2, 10, 15)
    row = [-50.0, 3, Decimal("77.8"), 38.0, True, joined, last, None, "Núñez"]
    book = workbook([row], headings=[str(i) for i in range(len(row))])
    written = cells(book)[1]
    assert [cell.data_type for cell in written[:5]] == ["n", "n", "n", "n", "b"]
    assert [cell.value for cell in written[:5]] == [-50, 3, 77.8, 38, True]
    assert written[5].value == datetime.datetime(2026, 3, 1) and written[5].is_date
    assert written[5].number_format == "yyyy-mm-dd"
    assert written[6].value == last and written[6].number_format == "yyyy-mm-dd h:mm:ss"
    assert written[7].value is None
    assert written[8].value == "Núñez" and written[8].data_type == "s"


def test_dates_count_days_from_the_spreadsheet_epoch():
    # 1 January 1900 is day 1 in the 1900 date system (day 0 is 30 December 1899 here,
    # after Excel's nonexistent 29 February 1900); 2026-03-01 is day 46082.
    assert serial(datetime.date(2026, 3, 1)) == 46082
    assert serial(datetime.datetime(2026, 3, 1, 18)) == 46082.75
    with pytest.raises(TypeError):
        serial(datetime.datetime(2026, 3, 1, tzinfo=datetime.UTC))


def test_headings_lead_and_empty_cells_keep_later_columns_in_place():
    book = workbook([["x", None, "z"], [None, None, 1]], headings=["A", "B", "C"])
    assert [[cell.value for cell in row] for row in cells(book)] == [
        ["A", "B", "C"],
        ["x", None, "z"],
        [None, None, 1],
    ]


def sheet_xml(rows, headings=("T",)) -> str:
    data = b"".join(xlsx_chunks(rows, headings=list(headings), title="t"))
    return zipfile.ZipFile(io.BytesIO(data)).read("xl/worksheets/sheet1.xml").decode()


def test_text_a_spreadsheet_could_mangle_reads_back_as_written():
    texts = ["  leading and trailing  ", "a & b < c > d", "line\nbreak", "quote \" and '"]
    book = workbook([[text] for text in texts], headings=["T"])
    assert [row[0].value for row in cells(book)[1:]] == texts
    assert '<t xml:space="preserve">  leading and trailing  </t>' in sheet_xml([[texts[0]]])


def test_control_characters_and_escape_lookalikes_use_excels_escapes():
    """XML 1.0 cannot hold most control characters; Excel writes them as ``_xHHHH_``
    and reads ``_xHHHH_`` back as the character, so text that looks like an escape is
    escaped itself (ECMA-376, ST_Xstring)."""
    xml = sheet_xml([["bell\x07 and null\x00"], ["_x0041_ literally"]])
    assert "<t>bell_x0007_ and null_x0000_</t>" in xml
    assert "<t>_x005F_x0041_ literally</t>" in xml
    assert "\x07" not in xml and "\x00" not in xml


def test_lazy_translations_and_safe_strings_are_written_as_their_text():
    # A lazy string as gettext_lazy makes (a Promise), without a catalogue entry.
    lazy_text = lazy(lambda: "Trainee", str)()
    book = workbook([[lazy_text, mark_safe("<b>x</b>")]])
    assert [cell.value for cell in cells(book)[1]] == ["Trainee", "<b>x</b>"]


def test_the_sheet_is_named_as_spreadsheets_allow():
    assert sheet_name("trainees") == "trainees"
    assert sheet_name("a/b:c*d?[e]") == "a b c d  e "
    assert len(sheet_name("x" * 40)) == 31
    assert workbook([], title="all trainees: 2026").sheetnames == ["all trainees  2026"]


def test_column_letters_follow_the_spreadsheet_alphabet():
    assert [column_letters(i) for i in (0, 25, 26, 27, 51, 52, 701, 702)] == [
        "A",
        "Z",
        "AA",
        "AB",
        "AZ",
        "BA",
        "ZZ",
        "AAA",
    ]


def test_it_opens_in_read_only_mode_and_as_a_zip_package():
    rows = [[f"name {i}", i] for i in range(1200)]  # more than one chunk of rows
    data = b"".join(xlsx_chunks(rows, headings=["Name", "N"], title="t"))
    names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    assert "[Content_Types].xml" in names and "xl/worksheets/sheet1.xml" in names
    assert zipfile.ZipFile(io.BytesIO(data)).testzip() is None
    book = openpyxl.load_workbook(io.BytesIO(data), read_only=True)
    read = [list(row) for row in book.active.iter_rows(values_only=True)]
    assert read[0] == ["Name", "N"] and read[1:] == rows


def test_rows_are_read_only_as_the_file_is_sent():
    read = []

    def rows():
        for number in range(50000):
            read.append(number)
            yield [f"trainee {number}", number]

    rows_read_at_each_chunk = [
        len(read) for _chunk in xlsx_chunks(rows(), headings=["Name", "N"], title="t")
    ]
    # Pieces of the file left while rows were still being read.
    assert [count for count in rows_read_at_each_chunk if 0 < count < 50000]


def test_memory_stays_bounded_whatever_the_number_of_rows():
    def rows(count):
        for number in range(count):
            yield [f"Trainee number {number}", f"t{number}@example.org", number, 55.5]

    def peak(count) -> int:
        tracemalloc.start()
        try:
            for _chunk in xlsx_chunks(rows(count), headings=list("ABCD"), title="t"):
                pass
            return tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()

    small, large = peak(2000), peak(40000)
    assert large < 2 * small + 512 * 1024
