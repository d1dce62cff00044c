"""Training evaluation per course and country: reaction surveys and follow-ups.

The figures come from ``evaluation.api.figures_by_course_and_country`` (three
grouped queries) over the cohort enrolments of the trainees the viewer may see.
"""

from types import SimpleNamespace

from django.utils.translation import gettext, pgettext_lazy

from evaluation.api import figures_by_course_and_country

from .. import queries
from ..formatting import HEADINGS, localized_headings
from ..languages import in_current_language, localized_values, set_localized
from .base import ProgramReportView, export_columns

NUMBERS = [
    "completions",
    "responses",
    "mean_score",
    "sent",
    "responded",
    "response_rate",
    "used_on_job_share",
]


def evaluation_row(values: dict) -> SimpleNamespace:
    """A row of ``figures_by_course_and_country`` shaped for the page and the export."""
    titles = localized_values(values, "course__title")
    names = localized_values(values, "country_name")
    row = SimpleNamespace(
        course_title=in_current_language(titles),
        country_name=in_current_language(names) or "–",
        country_code=values["country_code"] or "",
        **{field: values[field] for field in NUMBERS},
    )
    set_localized(row, "title", {code: title or "" for code, title in titles.items()})
    set_localized(row, "country_name", {code: name or "" for code, name in names.items()})
    return row


class EvaluationReportView(ProgramReportView):
    """Reaction surveys and follow-up questionnaires per course and country."""

    page_title = pgettext_lazy("report title", "Training evaluation")
    index_url_name = "program_reports:evaluation"
    index_results_url_name = "program_reports:evaluation_results"
    filename_stem = "training-evaluation"
    screen_columns = [
        ("course_title", "course"),
        ("country_name", "country"),
        *[(field, field) for field in NUMBERS],
    ]
    list_export, export_headings = export_columns(
        localized_headings("title", HEADINGS["course"]),
        ("country_code", HEADINGS["code"]),
        localized_headings("country_name", HEADINGS["country"]),
        *[(field, HEADINGS[field]) for field in NUMBERS],
    )

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.get_page_title()}]

    def rows(self, filters):
        return figures_by_course_and_country(queries.cohort_enrollments(self.trainees, filters))

    def decorate_rows(self, object_list):
        return super().decorate_rows([evaluation_row(values) for values in object_list])

    def decorate_row(self, row):
        pass  # evaluation_row has shaped the row already

    def definitions(self):
        return super().definitions() + [
            gettext(
                "Reaction score: the mean, over the reaction surveys answered, of each "
                "answer's mean rating (1 to 5). Answers without a rating are not in it."
            ),
            gettext(
                "Follow-up response rate: follow-up questionnaires answered / follow-up "
                "questionnaires e-mailed (those not yet due are not counted)."
            ),
            gettext(
                "Using it on the job: of the follow-ups answered, those that say they have "
                'used what they learned in their work ("yes" or "partly").'
            ),
        ]
