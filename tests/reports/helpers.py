"""Reading report pages and exports the way a manager sees them."""

import csv
import io

import openpyxl
from bs4 import BeautifulSoup

BASE = "/admin/reports/program"


def screen_rows(response, table_index: int = 0) -> list[list[str]]:
    """Cell texts of the rows of a report table on the page."""
    soup = BeautifulSoup(response.content, "html.parser")
    table = soup.select("table.report-table")[table_index]
    return [
        [cell.get_text(" ", strip=True) for cell in row.find_all(["th", "td"])]
        for row in table.select("tbody tr")
    ]


def content(response) -> bytes:
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def xlsx_rows(response) -> list[list]:
    workbook = openpyxl.load_workbook(io.BytesIO(content(response)), read_only=True)
    rows = [list(row) for row in workbook.active.iter_rows(values_only=True)]
    width = len(rows[0]) if rows else 0
    # Read-only mode drops empty trailing cells; pad rows back to the header's width.
    return [row + [None] * (width - len(row)) for row in rows]


def csv_rows(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(content(response).decode("utf-8-sig"))))


def same(shown: str, exported) -> bool:
    """Whether an exported value is the figure shown on the screen."""
    if exported is None or exported == "":
        return shown == "–"
    try:
        return float(shown) == float(exported)
    except ValueError:
        return shown == str(exported)
