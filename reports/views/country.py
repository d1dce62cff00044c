"""Progress by country: one row per partner country in the viewer's scope."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, pgettext_lazy

from .. import charts, queries
from ..formatting import HEADINGS, localized_headings
from .base import (
    COURSE_FILTER_HEADINGS,
    LEARNING_HEADINGS,
    LEARNING_SCREEN,
    ProgramReportView,
    export_columns,
)


class CountryReportView(ProgramReportView):
    """By country: one row per partner country in the viewer's scope."""

    page_title = pgettext_lazy("report title", "Progress by country")
    index_url_name = "program_reports:countries"
    index_results_url_name = "program_reports:countries_results"
    results_template_name = "reports/country_results.html"
    filename_stem = "progress-by-country"
    screen_columns = [("name", "country")] + LEARNING_SCREEN
    list_export, export_headings = export_columns(
        ("code", HEADINGS["code"]),
        localized_headings("name", HEADINGS["country"]),
        LEARNING_HEADINGS,
        COURSE_FILTER_HEADINGS,
    )

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.get_page_title()}]

    def rows(self, filters):
        return queries.country_groups(self.countries, filters)

    def attach(self, rows):
        self.as_of = queries.attach_group_figures(
            rows,
            key="user__country",
            trainees=self.trainees,
            countries=self.countries,
            filters=self.report_filters,
        )
        return rows

    def decorate_row(self, row):
        super().decorate_row(row)
        row.report_url = reverse("program_reports:agencies", args=[row.code]) + self.query_string()

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        rows = context["object_list"]
        context["country_chart"] = charts.bar_chart(
            gettext("Completions per country"),
            gettext("Completed enrolments of the selected period, per partner country."),
            [(row.name, row.completions) for row in rows],
        )
        months = []
        if self.report_filters is not None:
            filters = self.report_filters
            span = queries.month_span(filters.start, filters.end, timezone.localdate())
            if self.as_of is not None:  # the table came from the summary: so do the months
                months = queries.summary_months(filters, countries=self.countries, span=span)
            else:
                months = queries.completions_by_month(
                    queries.cohort_enrollments(self.trainees, filters), span
                )
        context["months"] = charts.month_rows(months)
        context["month_heading"] = HEADINGS["month"]
        context["completions_heading"] = HEADINGS["completions"]
        context["time_chart"] = charts.month_chart(
            gettext("Completions over time"),
            gettext("Completed enrolments per month, all countries in this report."),
            months,
        )
        return context
