"""Drill-down of one country: one row per agency."""

import datetime

from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.widgets.button import Button

from .. import queries
from ..filters import TraineeReportFilterSet
from ..formatting import HEADINGS, localized_headings
from ..languages import localized_values, set_localized
from .base import (
    COURSE_FILTER_HEADINGS,
    LEARNING_HEADINGS,
    LEARNING_SCREEN,
    ProgramReportView,
    export_columns,
)
from .country import CountryReportView


class AgencyReportView(ProgramReportView):
    """Drill-down of one country: one row per agency."""

    filterset_class = TraineeReportFilterSet
    index_url_name = "program_reports:agencies"
    index_results_url_name = "program_reports:agencies_results"
    filename_stem = "progress-by-agency"
    screen_columns = [("name", "agency")] + LEARNING_SCREEN
    list_export, export_headings = export_columns(
        ("country_code", HEADINGS["code"]),
        localized_headings("country_name", HEADINGS["country"]),
        localized_headings("name", HEADINGS["agency"]),
        LEARNING_HEADINGS,
        COURSE_FILTER_HEADINGS,
    )

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
        self.as_of = queries.attach_group_figures(
            rows,
            key="user__agency",
            trainees=self.trainees,
            countries=self.countries,
            filters=self.report_filters,
        )
        return rows

    def decorate_row(self, row):
        super().decorate_row(row)
        row.country_code = self.country.code
        set_localized(row, "country_name", localized_values(self.country, "name"))
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
