"""The base of every program report: permission, scope, filters, rows and exports."""

import datetime

from django.utils.functional import cached_property
from django.utils.translation import gettext
from wagtail.admin.views.reports import ReportView

from accounts.api import AuditEvent, audit_record, countries_visible_to, trainees_visible_to
from core.db_router import replica_reads
from core.exports import csv_cell
from core.spreadsheets import SafeSpreadsheetExportMixin

from .. import queries
from ..access import ReportsPermissionMixin
from ..filters import CountryReportFilterSet
from ..formatting import (
    AS_OF_FIELD,
    AS_OF_HEADING,
    HEADINGS,
    Cell,
    as_of_moment,
    localized_headings,
    percent,
    rounded,
    shown,
)
from ..languages import localized_values, set_localized


class ProgramReportView(ReportsPermissionMixin, SafeSpreadsheetExportMixin, ReportView):
    """Base of every program report: permission, scope, filters, table rows.

    Exports go through the platform's safe spreadsheet layer (``core.spreadsheets``).
    """

    filterset_class = CountryReportFilterSet
    results_template_name = "reports/report_results.html"
    template_name = "reports/report.html"
    header_icon = "table"
    paginate_by = 50
    #: (attribute, ``HEADINGS`` key) pairs shown on the screen; the first cell links
    #: to the row's ``report_url``. The export is Wagtail's ``list_export`` and
    #: ``export_headings``, set by each report.
    screen_columns: list[tuple[str, str]] = []
    filename_stem = "report"
    #: When the summary the figures were read from was computed (None: computed now).
    as_of = None

    # Scope: the one scoping function, evaluated lazily once per request.
    @cached_property
    def trainees(self):
        return trainees_visible_to(self.request.user)

    @cached_property
    def countries(self):
        return countries_visible_to(self.request.user)

    @cached_property
    def filter_errors(self) -> list[str]:
        if not self.filters or self.filters.is_valid():
            return []
        form = self.filters.form
        errors = []
        for name, messages in form.errors.items():
            label = form.fields[name].label if name in form.fields else ""
            for message in messages:
                errors.append(f"{label}: {message}" if label else str(message))
        return errors

    @cached_property
    def report_filters(self) -> queries.ReportFilters | None:
        """Validated filters; None when the input is bad (then nothing is shown)."""
        if not self.filters:
            return queries.ReportFilters()
        if not self.filters.is_valid():
            return None
        return self.filters.report_filters()

    def get_filename(self):
        return f"{self.filename_stem}-{datetime.date.today().isoformat()}"

    def filter_queryset(self, queryset):
        return queryset  # the filters parametrise the queries; see report_filters

    def get_queryset(self):
        if self.report_filters is None:
            return []
        return self.rows(self.report_filters)

    def rows(self, filters: queries.ReportFilters):
        raise NotImplementedError

    def get(self, request, *args, **kwargs):
        """Wagtail's ``ReportView.get``, on the read replica, with bad filters and the audit."""
        if self.filter_errors and self.is_export:
            # Bad filters: show the page with the message instead of a file.
            self.is_export = False
        with replica_reads():  # the read replica, when one is configured
            response = super().get(request, *args, **kwargs)
        if self.filter_errors and not self.results_only:
            response.status_code = 400
        else:
            self.audit()
        return response

    def audit(self):
        """Exports go to the audit log: who took which trainee data away, when."""
        if self.is_export:
            audit_record(
                actor=self.request.user,
                action=AuditEvent.Action.REPORT_EXPORTED,
                target=f"{self.get_filename()}.{self.request.GET.get('export')}",
            )

    def query_string(self, **extra) -> str:
        """The current filters (without paging/export) for drill-down links."""
        params = self.request.GET.copy()
        for key in ("p", "export", "_w_filter_fragment", "ordering"):
            params.pop(key, None)
        for key, value in extra.items():
            params[key] = value
        encoded = params.urlencode()
        return f"?{encoded}" if encoded else ""

    def attach(self, rows: list) -> list:
        """Adds the figures to the rows of the page (a constant number of queries)."""
        return rows

    def decorate_rows(self, object_list) -> list:
        """The rows of the page (or of the export) with their figures and cells.

        Called from ``get_context_data`` rather than Wagtail's
        ``decorate_paginated_queryset`` (which runs after it), so that the
        charts and the subclasses' context see the figures.
        """
        rows = list(object_list)
        if self.report_filters is not None:
            rows = self.attach(rows)
        for row in rows:
            self.decorate_row(row)
            row.cells = [
                Cell(
                    shown(getattr(row, field)),
                    url=getattr(row, "report_url", "") if position == 0 else "",
                    numeric=position > 0 and isinstance(getattr(row, field), (int, float)),
                )
                for position, (field, _key) in enumerate(self.screen_columns)
            ]
        return rows

    def decorate_row(self, row):
        for name in ("average_final_score", "knowledge_gain", "median_days"):
            if hasattr(row, name):
                setattr(row, name, rounded(getattr(row, name)))
        if hasattr(row, "enrolments") and hasattr(row, "completions"):
            row.completion_rate = percent(row.completions, row.enrolments)
        course = self.report_filters.course if self.report_filters else None
        set_localized(row, "course_title", localized_values(course, "title") if course else {})

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["object_list"] = self.decorate_rows(context["object_list"])
        if self.is_export:
            self.stamp_export(context["object_list"])
        context["headings"] = [HEADINGS[key] for _field, key in self.screen_columns]
        context["filter_errors"] = self.filter_errors
        context["as_of"] = self.as_of
        context["definitions"] = self.definitions()
        return context

    def stamp_export(self, rows: list) -> None:
        """A last column on every exported row: when its figures were computed.

        From the report summary, its time (as the page's "as of" says);
        computed live, now. In UTC, so files from different offices compare.
        """
        stamp = as_of_moment(self.as_of)
        for row in rows:
            setattr(row, AS_OF_FIELD, stamp)
        self.list_export = [*self.list_export, AS_OF_FIELD]
        self.export_headings = {**self.export_headings, AS_OF_FIELD: gettext(AS_OF_HEADING)}
        # A date-time cell in XLSX (Wagtail's default); the same minute as text in CSV.
        self.custom_field_preprocess = {
            **self.custom_field_preprocess,
            AS_OF_FIELD: {self.FORMAT_CSV: csv_cell},
        }

    def definitions(self) -> list[str]:
        return [
            gettext(
                "The period selects trainees registered in it and the enrolments started "
                "in it; every other figure is about those enrolments."
            ),
            gettext(
                "Active: trainees whose account is active, with activity in the last 30 "
                "days. Final exam: each enrolment's best submitted attempt. Valid "
                "certificates: valid today."
            ),
        ]


def export_columns(*columns) -> tuple[list[str], dict]:
    """Wagtail's ``list_export`` and ``export_headings`` from one list of columns.

    A column is ``(attribute, heading)``, or a dict of them (the languages of
    a translated field, see ``localized_headings``).
    """
    headings = {}
    for column in columns:
        headings.update(column if isinstance(column, dict) else dict([column]))
    return list(headings), headings


LEARNING_EXPORT = [
    "registered",
    "enrolled",
    "active",
    "enrolments",
    "completions",
    "completion_rate",
    "average_final_score",
    "valid_certificates",
]
LEARNING_SCREEN = [(field, field) for field in LEARNING_EXPORT]
LEARNING_HEADINGS = {field: HEADINGS[field] for field in LEARNING_EXPORT}
#: The filtered course's title in each language, last columns of the group reports.
COURSE_FILTER_HEADINGS = localized_headings("course_title", HEADINGS["course"])


def gain_definitions() -> list[str]:
    return [
        gettext(
            "Knowledge gain: best submitted final exam minus the first submitted "
            "pre-test, for enrolments with both, in percentage points."
        ),
        gettext("Median days to complete: from enrolment to completion."),
    ]
