"""Drill-down of one agency: its trainees, each linking to a transcript."""

from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import pgettext

from accounts.api import Agency

from .. import queries
from ..filters import TraineeReportFilterSet
from ..formatting import HEADINGS, localized_headings
from ..languages import localized_values, set_localized
from .base import COURSE_FILTER_HEADINGS, ProgramReportView, export_columns
from .country import CountryReportView


def agency_in_country(agency: Agency) -> str:
    """The agency with its country: two countries each have a "Public Prosecutor's Office"."""
    return pgettext("agency in its country", "%(agency)s (%(country)s)") % {
        "agency": agency.name,
        "country": agency.country.name,
    }


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
    list_export, export_headings = export_columns(
        ("full_name", HEADINGS["trainee"]),
        ("email", HEADINGS["email"]),
        ("country_code", HEADINGS["code"]),
        localized_headings("agency_name", HEADINGS["agency"]),
        ("preferred_language", HEADINGS["language"]),
        ("enrolments", HEADINGS["enrolments"]),
        ("completions", HEADINGS["completions"]),
        ("completion_rate", HEADINGS["completion_rate"]),
        ("average_final_score", HEADINGS["average_final_score"]),
        ("valid_certificates", HEADINGS["valid_certificates"]),
        ("last_activity", HEADINGS["last_activity"]),
        COURSE_FILTER_HEADINGS,
    )

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
        return agency_in_country(self.agency)

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
        set_localized(row, "agency_name", localized_values(self.agency, "name"))
        row.report_url = reverse("program_reports:transcript", args=[row.pk])

    def get(self, request, *args, **kwargs):
        self.agency  # noqa: B018 - 404 before anything else
        return super().get(request, *args, **kwargs)
