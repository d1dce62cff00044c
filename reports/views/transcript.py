"""One trainee's record: enrolments, lessons, attempts, certificates."""

import datetime

from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.widgets.button import Button

from accounts.api import AuditEvent, User, audit_record
from core.downloads import private_response

from .. import queries
from ..formatting import HEADINGS, localized_headings, rounded
from ..languages import localized_values, set_localized
from .base import ProgramReportView, export_columns
from .country import CountryReportView
from .trainees import agency_in_country


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
    list_export, export_headings = export_columns(
        localized_headings("title", HEADINGS["course"]),
        ("enrolled_at", HEADINGS["enrolled_at"]),
        ("last_activity_at", HEADINGS["last_activity"]),
        ("lesson_done", HEADINGS["lessons"]),
        ("lesson_total", HEADINGS["lesson_total"]),
        ("completed_at", HEADINGS["completed_at"]),
        ("pretest_score", HEADINGS["pretest_score"]),
        ("final_score", HEADINGS["final_score"]),
        ("gain", HEADINGS["gain"]),
    )

    @cached_property
    def trainee(self) -> User:
        # Someone outside the viewer's scope does not exist for them.
        return get_object_or_404(
            self.trainees.select_related("country", "agency__country"), pk=self.kwargs["pk"]
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
                    "label": agency_in_country(trainee.agency),
                }
            )
        return items + [{"url": "", "label": self.get_page_title()}]

    def rows(self, filters):
        return queries.transcript_enrollments(self.trainee)

    def decorate_row(self, row):
        set_localized(row, "title", localized_values(row.course, "title"))
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
