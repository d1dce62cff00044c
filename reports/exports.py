"""Every trainee in the viewer's scope, one row each, as CSV or XLSX.

Cells are written by the platform's one export layer (``core.exports``):
formula-looking text is neutralised, the CSV starts with a byte-order mark,
XLSX text is never a formula.

Unlike the report pages (whose exports hold the rows on the screen), this
export has one row per trainee, so it must work for 100,000 of them in
bounded memory: the figures come from one SQL query
(``queries.all_trainee_rows``) read in chunks from a server-side cursor, and
both formats are streamed as they are read: the CSV by Python's csv module,
the XLSX by the platform's own writer (``core.xlsx``), which formats the
worksheet XML directly (openpyxl took three times as long as the CSV).
"""

import csv
import datetime
import io
from collections.abc import Iterator

from django.db import DEFAULT_DB_ALIAS, connections, router
from django.http import HttpResponse, StreamingHttpResponse
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext, pgettext_lazy
from django.views import View

from accounts.api import AuditEvent, User, audit_record, trainees_visible_to
from core import xlsx
from core.db_router import replica_reads
from core.downloads import attachment, private_response
from core.exports import BOM, csv_cell

from . import queries
from .access import ReportsPermissionMixin
from .filters import CountryReportFilterSet
from .formatting import AS_OF_HEADING, HEADINGS, as_of_moment, localized_headings, rounded

CHUNK_SIZE = 2000
#: CSV rows sent per chunk of the streamed response.
CSV_ROWS_PER_CHUNK = 500
XLSX_CONTENT_TYPE = xlsx.CONTENT_TYPE

TRAINEE_HEADINGS = [
    HEADINGS["trainee"],
    HEADINGS["email"],
    HEADINGS["code"],
    *localized_headings("country__name", HEADINGS["country"]).values(),
    *localized_headings("agency__name", HEADINGS["agency"]).values(),
    pgettext_lazy("report heading", "Job title"),
    HEADINGS["language"],
    pgettext_lazy("report heading", "Registered on"),
    HEADINGS["enrolments"],
    HEADINGS["lessons"],
    HEADINGS["completions"],
    pgettext_lazy("report heading", "Average best final exam (%)"),
    pgettext_lazy("report heading", "Average first pre-test (%)"),
    HEADINGS["valid_certificates"],
    HEADINGS["last_activity"],
]
DATE_JOINED = queries.TRAINEE_EXPORT_FIELDS.index("date_joined")
LAST_ACTIVITY = queries.TRAINEE_EXPORT_FIELDS.index("last_activity")
SCORES = [
    queries.TRAINEE_EXPORT_FIELDS.index("average_final_score"),
    queries.TRAINEE_EXPORT_FIELDS.index("average_pretest_score"),
]


def export_values(row: tuple) -> list:
    """Pure: a row of ``all_trainee_rows`` as exported values.

    Dates in the site's time zone (registration as a date, last activity to
    the minute, both naive as spreadsheets want them), scores to one decimal.
    """
    values = list(row)
    if values[DATE_JOINED] is not None:
        values[DATE_JOINED] = timezone.localtime(values[DATE_JOINED]).date()
    if values[LAST_ACTIVITY] is not None:
        values[LAST_ACTIVITY] = timezone.localtime(values[LAST_ACTIVITY]).replace(
            tzinfo=None, second=0, microsecond=0
        )
    for index in SCORES:
        values[index] = rounded(values[index])
    return values


def without_jit(rows: Iterator[tuple], database: str | None) -> Iterator[tuple]:
    """``rows`` read with PostgreSQL's JIT compiler off for this connection.

    The export's plan is many small correlated subqueries, so its estimated
    cost always passes ``jit_above_cost``, and compiling it took longer
    (1.5 s) than running it (1.2 s for 20,000 trainees). The setting is
    restored when the rows are read, or the download stops.
    """
    connection = connections[database or DEFAULT_DB_ALIAS]
    if connection.vendor != "postgresql":
        yield from rows
        return
    with connection.cursor() as cursor:
        cursor.execute("SET jit = off")
    try:
        yield from rows
    finally:
        with connection.cursor() as cursor:
            cursor.execute("RESET jit")


def csv_chunks(rows, headings: list[str]) -> Iterator[str]:
    """The CSV, a few hundred rows per chunk; rows are read as the client receives."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    buffer.write(BOM)
    writer.writerow([csv_cell(heading) for heading in headings])
    for number, row in enumerate(rows, start=1):
        writer.writerow([csv_cell(value) for value in export_values(row)])
        if number % CSV_ROWS_PER_CHUNK == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def xlsx_chunks(rows, headings: list[str], title: str) -> Iterator[bytes]:
    """The XLSX, streamed as the rows are read (text never a formula, dates as dates)."""
    return xlsx.xlsx_chunks((export_values(row) for row in rows), headings=headings, title=title)


class AllTraineesExportView(ReportsPermissionMixin, View):
    """GET: every trainee in the viewer's scope with their figures, as CSV or XLSX.

    Same filters (course, period, agency, language, country) and the same
    scope as the by-country report; bad filters get the page that says why.
    """

    export_format = "csv"

    def get(self, request):
        filterset = CountryReportFilterSet(request.GET, request=request)
        if not filterset.is_valid():
            html = render_to_string(
                "reports/bad_filters.html",
                {"form": filterset.form, "back_url": request.META.get("HTTP_REFERER", "")},
                request=request,
            )
            return HttpResponse(html, status=400)
        filters = filterset.report_filters()
        with replica_reads():  # the read replica, when one is configured
            database = router.db_for_read(User)
        rows = without_jit(
            queries.all_trainee_rows(trainees_visible_to(request.user), filters)
            .using(database)
            .iterator(chunk_size=CHUNK_SIZE),
            database,
        )
        # In the admin's language now: the CSV is written after the view returns.
        headings = [str(heading) for heading in TRAINEE_HEADINGS] + [gettext(AS_OF_HEADING)]
        stamp = as_of_moment()  # computed live: the moment of the export, on every row
        rows = ((*row, stamp) for row in rows)
        filename = f"all-trainees-{datetime.date.today().isoformat()}.{self.export_format}"
        if self.export_format == "xlsx":
            response = StreamingHttpResponse(
                xlsx_chunks(rows, headings, "trainees"), content_type=XLSX_CONTENT_TYPE
            )
        else:
            response = StreamingHttpResponse(
                csv_chunks(rows, headings), content_type="text/csv; charset=utf-8"
            )
        attachment(response, filename)
        audit_record(
            actor=request.user,
            action=AuditEvent.Action.REPORT_EXPORTED,
            target=filename,
            country=filters.country,
        )
        return private_response(response)
