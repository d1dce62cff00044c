"""Progress by course: enrolments, completions, median days and knowledge gain."""

from django.urls import reverse
from django.utils.translation import gettext, pgettext_lazy

from .. import charts, queries
from ..formatting import HEADINGS, gain_row, localized_headings
from .base import ProgramReportView, export_columns, gain_definitions


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
    list_export, export_headings = export_columns(
        localized_headings("title", HEADINGS["course"]),
        ("enrolments", HEADINGS["enrolments"]),
        ("completions", HEADINGS["completions"]),
        ("completion_rate", HEADINGS["completion_rate"]),
        ("median_days", HEADINGS["median_days"]),
        ("gain_trainees", HEADINGS["gain_trainees"]),
        ("knowledge_gain", HEADINGS["knowledge_gain"]),
    )

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
        context["gain_charts"] = gain_charts(gain_rows)
        return context

    def definitions(self):
        return super().definitions() + gain_definitions()


def gain_charts(gain_rows) -> list:
    """``(course title, chart)`` per course: a bar per country, labelled with its name."""
    courses: dict[int, list] = {}
    for row in gain_rows:
        courses.setdefault(row.course_id, []).append(row)
    return [
        (
            rows[0].course_title,
            charts.bar_chart(
                gettext("Knowledge gain per country: %(course)s")
                % {"course": rows[0].course_title},
                gettext(
                    "Average points gained from the pre-test to the final exam in this course, "
                    "per country."
                ),
                [(row.country_name, row.gain or 0) for row in rows],
            ),
        )
        for rows in courses.values()
    ]
