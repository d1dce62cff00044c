"""Program-manager reports in the Wagtail admin.

Views only read the viewer's scope, validate the filters and call
``reports.queries``; Wagtail's ``ReportView`` provides the listing, the
filters UI and the CSV/XLSX export of exactly the rows on the screen.
"""

import datetime

from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.translation import gettext as _gettext
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.views.reports import ReportView
from wagtail.admin.widgets.button import Button

from accounts.models import Agency, AuditEvent, User
from accounts.scoping import countries_visible_to, trainees_visible_to
from accounts.services import audit_record
from config.db_router import replica_reads
from core.downloads import private_response
from core.spreadsheets import SafeSpreadsheetExportMixin

from . import charts, queries
from .access import ReportsPermissionMixin
from .filters import CountryReportFilterSet, TraineeReportFilterSet
from .formatting import HEADINGS, Cell, gain_row, percent, rounded, shown


class ProgramReportView(ReportsPermissionMixin, SafeSpreadsheetExportMixin, ReportView):
    """Base of every program report: permission, scope, filters, table rows.

    Exports go through the platform's safe spreadsheet layer (``core.spreadsheets``).
    """

    filterset_class = CountryReportFilterSet
    results_template_name = "reports/report_results.html"
    template_name = "reports/report.html"
    header_icon = "table"
    paginate_by = 50
    #: (field, heading key) pairs shown on the screen; ``url_field`` links a cell.
    screen_columns: list[tuple[str, str]] = []
    #: headings for the export, keyed by attribute (see ``list_export``).
    export_heading_keys: dict[str, str] = {}
    filename_stem = "report"

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

    @property
    def export_headings(self):
        return {field: HEADINGS[key] for field, key in self.export_heading_keys.items()}

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
        if self.filter_errors and self.is_export:
            # Bad filters: show the page with the message instead of a file.
            self.is_export = False
        with replica_reads():  # the read replica, when one is configured
            # As ReportView.get, but the rows are decorated inside
            # get_context_data so that charts and subclasses see the figures.
            self.object_list = self.get_filtered_queryset()
            response = self.render_to_response(self.get_context_data())
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

    def decorate_paginated_queryset(self, object_list):
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
        row.course_title_en = course.title_en if course else ""
        row.course_title_es = course.title_es if course else ""

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["object_list"] = self.decorate_paginated_queryset(context["object_list"])
        context["headings"] = [HEADINGS[key] for _field, key in self.screen_columns]
        context["filter_errors"] = self.filter_errors
        context["definitions"] = self.definitions()
        return context

    def definitions(self) -> list[str]:
        return [
            _gettext(
                "The period selects trainees registered in it and the enrolments started "
                "in it; every other figure is about those enrolments."
            ),
            _gettext(
                "Active: trainees whose account is active, with activity in the last 30 "
                "days. Final exam: each enrolment's best submitted attempt. Valid "
                "certificates: valid today."
            ),
        ]


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
COURSE_FILTER_EXPORT = {"course_title_en": "course_en", "course_title_es": "course_es"}


class CountryReportView(ProgramReportView):
    """By country: one row per partner country in the viewer's scope."""

    page_title = pgettext_lazy("report title", "Progress by country")
    index_url_name = "program_reports:countries"
    index_results_url_name = "program_reports:countries_results"
    results_template_name = "reports/country_results.html"
    filename_stem = "progress-by-country"
    screen_columns = [("name", "country")] + LEARNING_SCREEN
    list_export = ["code", "name_en", "name_es"] + LEARNING_EXPORT + list(COURSE_FILTER_EXPORT)
    export_heading_keys = {
        "code": "code",
        "name_en": "country_en",
        "name_es": "country_es",
        **{field: field for field in LEARNING_EXPORT},
        **COURSE_FILTER_EXPORT,
    }

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.get_page_title()}]

    def rows(self, filters):
        return queries.country_groups(self.countries, filters)

    def attach(self, rows):
        return queries.attach_figures(
            rows,
            trainees=self.trainees,
            filters=self.report_filters,
            key="user__country",
            registered_key="country",
        )

    def decorate_row(self, row):
        super().decorate_row(row)
        row.report_url = reverse("program_reports:agencies", args=[row.code]) + self.query_string()

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        rows = context["object_list"]
        context["country_chart"] = charts.bar_chart(
            _gettext("Completions per country"),
            _gettext("Completed enrolments of the selected period, per partner country."),
            [(row.name, row.completions) for row in rows],
        )
        months = []
        if self.report_filters is not None:
            months = queries.completions_by_month(
                queries.cohort_enrollments(self.trainees, self.report_filters)
            )
        context["months"] = [(date_format(m, "YEAR_MONTH_FORMAT"), n) for m, n in months]
        context["month_heading"] = HEADINGS["month"]
        context["completions_heading"] = HEADINGS["completions"]
        context["time_chart"] = charts.line_chart(
            _gettext("Completions over time"),
            _gettext("Completed enrolments per month, all countries in this report."),
            context["months"],
        )
        return context


class AgencyReportView(ProgramReportView):
    """Drill-down of one country: one row per agency."""

    filterset_class = TraineeReportFilterSet
    index_url_name = "program_reports:agencies"
    index_results_url_name = "program_reports:agencies_results"
    filename_stem = "progress-by-agency"
    screen_columns = [("name", "agency")] + LEARNING_SCREEN
    list_export = (
        ["country_code", "country_name_en", "country_name_es", "name_en", "name_es"]
        + LEARNING_EXPORT
        + list(COURSE_FILTER_EXPORT)
    )
    export_heading_keys = {
        "country_code": "code",
        "country_name_en": "country_en",
        "country_name_es": "country_es",
        "name_en": "agency_en",
        "name_es": "agency_es",
        **{field: field for field in LEARNING_EXPORT},
        **COURSE_FILTER_EXPORT,
    }

    @cached_property
    def country(self):
        # A country outside the viewer's scope does not exist for them.
        return get_object_or_404(self.countries, code=self.kwargs["code"].upper())

    def get_filterset_kwargs(self):
        # Only this country's agencies are offered and accepted.
        return {**super().get_filterset_kwargs(), "country": self.country}

    def get_page_title(self):
        return self.country.name

    def get_index_url(self):
        return reverse(self.index_url_name, args=[self.kwargs["code"]])

    def get_index_results_url(self):
        return reverse(self.index_results_url_name, args=[self.kwargs["code"]])

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {
                "url": reverse("program_reports:countries") + self.query_string(),
                "label": CountryReportView.page_title,
            },
            {"url": "", "label": self.get_page_title()},
        ]

    def get_filename(self):
        return f"{self.filename_stem}-{self.country.code}-{datetime.date.today().isoformat()}"

    def rows(self, filters):
        return queries.agency_groups(self.country, filters)

    def attach(self, rows):
        return queries.attach_figures(
            rows,
            trainees=self.trainees,
            filters=self.report_filters,
            key="user__agency",
            registered_key="agency",
        )

    def decorate_row(self, row):
        super().decorate_row(row)
        row.country_code = self.country.code
        row.country_name_en = self.country.name_en
        row.country_name_es = self.country.name_es
        row.report_url = reverse("program_reports:trainees", args=[row.pk]) + self.query_string()

    @cached_property
    def header_more_buttons(self):
        buttons = super().header_more_buttons.copy()
        buttons.append(
            Button(
                _("Download PDF summary"),
                url=reverse("program_reports:country_pdf", args=[self.country.code])
                + self.query_string(),
                icon_name="doc-full",
                priority=95,
            )
        )
        return buttons

    def get(self, request, *args, **kwargs):
        self.country  # noqa: B018 - 404 before anything else
        return super().get(request, *args, **kwargs)


class TraineeListReportView(ProgramReportView):
    """Drill-down of one agency: its trainees, each linking to a transcript."""

    filterset_class = TraineeReportFilterSet
    index_url_name = "program_reports:trainees"
    index_results_url_name = "program_reports:trainees_results"
    filename_stem = "trainees"
    screen_columns = [
        ("full_name", "trainee"),
        ("enrolments", "enrolments"),
        ("completions", "completions"),
        ("completion_rate", "completion_rate"),
        ("average_final_score", "average_final_score"),
        ("valid_certificates", "valid_certificates"),
        ("last_activity", "last_activity"),
    ]
    list_export = [
        "full_name",
        "email",
        "country_code",
        "agency_name_en",
        "agency_name_es",
        "preferred_language",
        "enrolments",
        "completions",
        "completion_rate",
        "average_final_score",
        "valid_certificates",
        "last_activity",
        *COURSE_FILTER_EXPORT,
    ]
    export_heading_keys = {
        "full_name": "trainee",
        "email": "email",
        "country_code": "code",
        "agency_name_en": "agency_en",
        "agency_name_es": "agency_es",
        "preferred_language": "language",
        "enrolments": "enrolments",
        "completions": "completions",
        "completion_rate": "completion_rate",
        "average_final_score": "average_final_score",
        "valid_certificates": "valid_certificates",
        "last_activity": "last_activity",
        **COURSE_FILTER_EXPORT,
    }

    @cached_property
    def agency(self):
        return get_object_or_404(
            Agency.objects.select_related("country").filter(
                country__in=self.countries.values("pk")
            ),
            pk=self.kwargs["pk"],
        )

    def get_filterset_kwargs(self):
        return {**super().get_filterset_kwargs(), "country": self.agency.country}

    def get_page_title(self):
        return self.agency.name

    def get_index_url(self):
        return reverse(self.index_url_name, args=[self.kwargs["pk"]])

    def get_index_results_url(self):
        return reverse(self.index_results_url_name, args=[self.kwargs["pk"]])

    def get_breadcrumbs_items(self):
        country = self.agency.country
        return self.breadcrumbs_items + [
            {
                "url": reverse("program_reports:countries") + self.query_string(),
                "label": CountryReportView.page_title,
            },
            {
                "url": reverse("program_reports:agencies", args=[country.code])
                + self.query_string(),
                "label": country.name,
            },
            {"url": "", "label": self.get_page_title()},
        ]

    def rows(self, filters):
        return queries.trainee_groups(self.agency, self.trainees, filters)

    def attach(self, rows):
        return queries.attach_figures(
            rows, trainees=self.trainees, filters=self.report_filters, key="user"
        )

    def decorate_row(self, row):
        super().decorate_row(row)
        row.country_code = self.agency.country.code
        row.agency_name_en = self.agency.name_en
        row.agency_name_es = self.agency.name_es
        row.report_url = reverse("program_reports:transcript", args=[row.pk])

    def get(self, request, *args, **kwargs):
        self.agency  # noqa: B018 - 404 before anything else
        return super().get(request, *args, **kwargs)


class CourseReportView(ProgramReportView):
    """By course: enrolments, completions, median days and knowledge gain."""

    page_title = pgettext_lazy("report title", "Progress by course")
    index_url_name = "program_reports:courses"
    index_results_url_name = "program_reports:courses_results"
    results_template_name = "reports/course_results.html"
    filename_stem = "progress-by-course"
    screen_columns = [
        ("title", "course"),
        ("enrolments", "enrolments"),
        ("completions", "completions"),
        ("completion_rate", "completion_rate"),
        ("median_days", "median_days"),
        ("gain_trainees", "gain_trainees"),
        ("knowledge_gain", "knowledge_gain"),
    ]
    list_export = [
        "title_en",
        "title_es",
        "enrolments",
        "completions",
        "completion_rate",
        "median_days",
        "gain_trainees",
        "knowledge_gain",
    ]
    export_heading_keys = {
        "title_en": "course_en",
        "title_es": "course_es",
        "enrolments": "enrolments",
        "completions": "completions",
        "completion_rate": "completion_rate",
        "median_days": "median_days",
        "gain_trainees": "gain_trainees",
        "knowledge_gain": "knowledge_gain",
    }

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.get_page_title()}]

    def rows(self, filters):
        return queries.course_groups(filters)

    def attach(self, rows):
        return queries.attach_course_figures(
            rows, trainees=self.trainees, filters=self.report_filters
        )

    def decorate_row(self, row):
        super().decorate_row(row)
        row.report_url = reverse("program_reports:knowledge_gain") + self.query_string(
            course=str(row.pk)
        )

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        gain_rows = []
        if self.report_filters is not None:
            gain_rows = [
                gain_row(row)
                for row in queries.knowledge_gain_rows(
                    trainees=self.trainees, filters=self.report_filters
                )
            ]
        context["gain_rows"] = gain_rows
        context["gain_headings"] = {
            "course": HEADINGS["course"],
            "country": HEADINGS["country"],
            "trainees": HEADINGS["gain_trainees"],
            "pretest": HEADINGS["pretest"],
            "final": HEADINGS["final"],
            "gain": HEADINGS["knowledge_gain"],
        }
        context["gain_chart"] = charts.bar_chart(
            _gettext("Knowledge gain per country"),
            _gettext(
                "Average points gained from the pre-test to the final exam, per course and country."
            ),
            [(f"{row.course_title} · {row.country_code}", row.gain or 0) for row in gain_rows],
        )
        return context

    def definitions(self):
        return super().definitions() + gain_definitions()


def gain_definitions() -> list[str]:
    return [
        _gettext(
            "Knowledge gain: best submitted final exam minus the first submitted "
            "pre-test, for enrolments with both, in percentage points."
        ),
        _gettext("Median days to complete: from enrolment to completion."),
    ]


class KnowledgeGainReportView(ProgramReportView):
    """Knowledge gain per course and country (the export of the by-course table)."""

    page_title = pgettext_lazy("report title", "Knowledge gain")
    index_url_name = "program_reports:knowledge_gain"
    index_results_url_name = "program_reports:knowledge_gain_results"
    filename_stem = "knowledge-gain"
    screen_columns = [
        ("course_title", "course"),
        ("country_name", "country"),
        ("trainees", "gain_trainees"),
        ("pretest", "pretest"),
        ("final", "final"),
        ("gain", "knowledge_gain"),
    ]
    list_export = [
        "title_en",
        "title_es",
        "country_code",
        "country_name_en",
        "country_name_es",
        "trainees",
        "pretest",
        "final",
        "gain",
    ]
    export_heading_keys = {
        "title_en": "course_en",
        "title_es": "course_es",
        "country_code": "code",
        "country_name_en": "country_en",
        "country_name_es": "country_es",
        "trainees": "gain_trainees",
        "pretest": "pretest",
        "final": "final",
        "gain": "knowledge_gain",
    }

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {
                "url": reverse("program_reports:courses") + self.query_string(),
                "label": CourseReportView.page_title,
            },
            {"url": "", "label": self.get_page_title()},
        ]

    def rows(self, filters):
        return queries.knowledge_gain_rows(trainees=self.trainees, filters=filters)

    def decorate_paginated_queryset(self, object_list):
        return super().decorate_paginated_queryset([gain_row(values) for values in object_list])

    def decorate_row(self, row):
        pass

    def definitions(self):
        return super().definitions() + gain_definitions()


class TranscriptView(ProgramReportView):
    """One trainee's record: enrolments, lessons, attempts, certificates."""

    filterset_class = None
    template_name = "reports/transcript.html"
    results_template_name = "reports/transcript_results.html"
    index_url_name = "program_reports:transcript"
    index_results_url_name = "program_reports:transcript_results"
    paginate_by = None
    printable = False
    screen_columns = [
        ("course_title", "course"),
        ("enrolled_at", "enrolled_at"),
        ("lesson_done", "lessons"),
        ("lesson_total", "lesson_total"),
        ("completed_at", "completed_at"),
        ("pretest_score", "pretest_score"),
        ("final_score", "final_score"),
        ("gain", "gain"),
    ]
    list_export = [
        "title_en",
        "title_es",
        "enrolled_at",
        "last_activity_at",
        "lesson_done",
        "lesson_total",
        "completed_at",
        "pretest_score",
        "final_score",
        "gain",
    ]
    export_heading_keys = {
        "title_en": "course_en",
        "title_es": "course_es",
        "enrolled_at": "enrolled_at",
        "last_activity_at": "last_activity",
        "lesson_done": "lessons",
        "lesson_total": "lesson_total",
        "completed_at": "completed_at",
        "pretest_score": "pretest_score",
        "final_score": "final_score",
        "gain": "gain",
    }

    @cached_property
    def trainee(self) -> User:
        # Someone outside the viewer's scope does not exist for them.
        return get_object_or_404(
            self.trainees.select_related("country", "agency"), pk=self.kwargs["pk"]
        )

    def get_page_title(self):
        return self.trainee.full_name or self.trainee.email

    def get_index_url(self):
        return reverse(self.index_url_name, args=[self.kwargs["pk"]])

    def get_index_results_url(self):
        return reverse(self.index_results_url_name, args=[self.kwargs["pk"]])

    def get_filename(self):
        return f"transcript-{self.trainee.pk}-{datetime.date.today().isoformat()}"

    def get_breadcrumbs_items(self):
        items = self.breadcrumbs_items + [
            {"url": reverse("program_reports:countries"), "label": CountryReportView.page_title}
        ]
        trainee = self.trainee
        if trainee.country_id:
            items.append(
                {
                    "url": reverse("program_reports:agencies", args=[trainee.country.code]),
                    "label": trainee.country.name,
                }
            )
        if trainee.agency_id:
            items.append(
                {
                    "url": reverse("program_reports:trainees", args=[trainee.agency_id]),
                    "label": trainee.agency.name,
                }
            )
        return items + [{"url": "", "label": self.get_page_title()}]

    def rows(self, filters):
        return queries.transcript_enrollments(self.trainee)

    def decorate_row(self, row):
        row.title_en = row.course.title_en
        row.title_es = row.course.title_es
        row.course_title = row.course.title
        for name in ("pretest_score", "final_score", "gain"):
            setattr(row, name, rounded(getattr(row, name)))
        row.report_url = ""

    @cached_property
    def header_more_buttons(self):
        buttons = super().header_more_buttons.copy()
        buttons.append(
            Button(
                _("Printable transcript"),
                url=reverse("program_reports:transcript_print", args=[self.trainee.pk]),
                icon_name="doc-full",
                priority=95,
            )
        )
        return buttons

    def get(self, request, *args, **kwargs):
        self.trainee  # noqa: B018 - 404 before anything else
        # One person's record, on screen, printed or exported: never cached.
        return private_response(super().get(request, *args, **kwargs))

    def audit(self):
        """Every look at a transcript (screen, print, export) is in the audit log."""
        if self.results_only and not self.is_export:
            return  # the fragment refresh of a page already recorded
        kind = "print" if self.printable else self.request.GET.get("export") or "screen"
        audit_record(
            actor=self.request.user,
            action=AuditEvent.Action.REPORT_EXPORTED
            if self.is_export
            else AuditEvent.Action.TRANSCRIPT_VIEWED,
            target=f"transcript of trainee {self.trainee.pk} ({kind})",
            country=self.trainee.country,
            subject=self.trainee,
        )

    def get_template_names(self):
        if self.printable:
            return ["reports/transcript_print.html"]
        return super().get_template_names()

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["trainee"] = self.trainee
        context["lessons"] = queries.transcript_lessons(self.trainee)
        context["attempts"] = queries.transcript_attempts(self.trainee)
        context["certificates"] = queries.transcript_certificates(self.trainee)
        context["generated"] = datetime.date.today()
        context["back_url"] = self.get_index_url()
        return context
