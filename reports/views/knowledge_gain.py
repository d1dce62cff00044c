"""Knowledge gain per course and country (the export of the by-course table)."""

from django.urls import reverse
from django.utils.translation import pgettext_lazy

from .. import queries
from ..formatting import HEADINGS, gain_row, localized_headings
from .base import ProgramReportView, export_columns, gain_definitions
from .course import CourseReportView


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
    list_export, export_headings = export_columns(
        localized_headings("title", HEADINGS["course"]),
        ("country_code", HEADINGS["code"]),
        localized_headings("country_name", HEADINGS["country"]),
        ("trainees", HEADINGS["gain_trainees"]),
        ("pretest", HEADINGS["pretest"]),
        ("final", HEADINGS["final"]),
        ("gain", HEADINGS["knowledge_gain"]),
    )

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

    def decorate_rows(self, object_list):
        return super().decorate_rows([gain_row(values) for values in object_list])

    def decorate_row(self, row):
        pass  # gain_row has shaped the row already

    def definitions(self):
        return super().definitions() + gain_definitions()
