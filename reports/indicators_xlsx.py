"""The indicators as a workbook laid out like the funder's tables: one sheet per
indicator, each opening with its title, the period, the countries counted, when
it was produced and the definitions, then the table. Text is always stored as
text (a name starting with ``=`` is not a formula)."""

import io

import openpyxl
from django.http import HttpResponse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from openpyxl.styles import Font

from core.exports import xlsx_as_text

CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def period_label(period) -> str:
    first = formats.date_format(period.first_day, "DATE_FORMAT")
    last = formats.date_format(period.last_day, "DATE_FORMAT")
    return f"{period.code}: {first} \u2013 {last}"


def people_headings() -> list[str]:
    return [_("Female"), _("Male"), _("Not stated"), _("People trained")]


def people_cells(row: dict) -> list:
    return [row["female"], row["male"], row["not_stated"], row["people"]]


def _append(sheet, values, bold=False):
    sheet.append(list(values))
    for cell in sheet[sheet.max_row]:
        xlsx_as_text(cell)
        if bold:
            cell.font = Font(bold=True)


def _sheet(book, title: str, context: dict, headings: list[str], rows: list[list]):
    sheet = book.create_sheet(title[:31])
    _append(sheet, [title], bold=True)
    _append(sheet, [_("Period"), period_label(context["period"])])
    scope = ", ".join(context["scope"]) or _("All countries")
    _append(sheet, [_("Countries"), scope])
    produced = formats.date_format(timezone.localtime(context["generated_at"]), "DATETIME_FORMAT")
    _append(sheet, [_("Produced on"), produced])
    _append(sheet, [])
    _append(sheet, [_("Definitions")], bold=True)
    for line in context["definitions"]:
        _append(sheet, [line])
    _append(sheet, [])
    _append(sheet, headings, bold=True)
    for values in rows:
        _append(sheet, values)
    sheet.column_dimensions["A"].width = 40
    return sheet


def indicators_workbook(context: dict) -> HttpResponse:
    book = openpyxl.Workbook()
    book.remove(book.active)
    countries = [
        [row["name"] or _("No country"), *people_cells(row)] for row in context["by_country"]
    ]
    countries.append([_("Total"), *people_cells(context["total"])])
    _sheet(
        book, _("People by country and sex"), context, [_("Country"), *people_headings()], countries
    )
    agencies = [
        [row["name"] or _("No agency"), row["country"], *people_cells(row)]
        for row in context["by_agency"]
    ]
    _sheet(
        book,
        _("People by agency"),
        context,
        [_("Agency"), _("Country"), *people_headings()],
        agencies,
    )
    topics = [
        [row["name"] or _("No topic"), row["code"], *people_cells(row)]
        for row in context["by_topic"]
    ]
    _sheet(book, _("People by topic"), context, [_("Topic"), _("Code"), *people_headings()], topics)
    learning = context["learning"]
    measures = [
        [_("Enrolments (courses started)"), learning["enrolments"]],
        [_("Completions (courses completed)"), learning["completions"]],
        [_("People trained"), learning["people"]],
        [_("Completion rate (%)"), learning["completion_percent"]],
        [_("Completions with pre-test and final exam"), learning["measured"]],
        [_("Mean knowledge gain (points)"), _rounded(learning["gain"])],
        [_("Mean normalised gain"), _rounded(learning["normalised_gain"], 3)],
        [_("Reaction surveys answered"), context["reaction"]["responses"]],
        [_("Mean reaction score (1 to 5)"), context["reaction"]["mean_score"]],
        [_("Follow-up questionnaires sent"), context["follow_up"]["sent"]],
        [_("Follow-up questionnaires answered"), context["follow_up"]["responded"]],
        [_("Follow-up response rate (%)"), context["follow_up"]["response_rate"]],
        [_("Share reporting use on the job (%)"), context["follow_up"]["used_on_job_share"]],
    ]
    _sheet(book, _("Enrolments and learning"), context, [_("Measure"), _("Value")], measures)
    buffer = io.BytesIO()
    book.save(buffer)
    return HttpResponse(buffer.getvalue(), content_type=CONTENT_TYPE)


def _rounded(value, digits=1):
    return round(value, digits) if value is not None else None
