"""The funder's indicator tables for a fiscal year or quarter, on screen and as XLSX."""

import datetime

from django import forms
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django.views import View

from accounts.api import (
    AuditEvent,
    audit_record,
    countries_visible_to,
    sees_all_countries,
    trainees_visible_to,
)
from core.db_router import replica_reads
from core.downloads import attachment, private_response

from ..access import ReportsPermissionMixin
from ..indicators_pdf import indicators_pdf
from ..indicators_xlsx import indicators_workbook
from ..queries.indicators import Period, fiscal_year_of, indicators

#: Fiscal years offered: this one and the years before it, back to this many.
YEARS_BACK = 6


def definitions() -> list[str]:
    return [
        str(text)
        for text in (
            _(
                "Period: a US federal fiscal year runs from 1 October to 30 September and is "
                "named by the year it ends in (FY2026 began on 1 October 2025); quarter 1 is "
                "October to December. Dates are in the programme's time zone."
            ),
            _(
                "People trained: trainees who completed at least one course in the period, "
                "each counted once however many courses they completed."
            ),
            _(
                "Sex: as the trainee stated it on their profile; “not stated” counts "
                "those who did not answer or prefer not to say. Country and agency: those of "
                "the trainee’s profile today."
            ),
            _(
                "By topic: a person trained in courses of several topics counts once in each, "
                "so the topic rows may add up to more than the people trained."
            ),
            _(
                "Enrolments: courses started in the period. Completions: courses completed in "
                "the period. Completion rate: the share of the enrolments started in the "
                "period that were completed by its end."
            ),
            _(
                "Knowledge gain: for the courses completed in the period with a pre-test and a "
                "final exam, the best final exam minus the first pre-test, in percentage "
                "points. Normalised gain: (final − pre-test) / (100 − pre-test), "
                "averaged over those with a pre-test below 100."
            ),
            _(
                "Reaction score: the mean of the reaction surveys answered in the period, "
                "each survey weighing the same: its mean rating (1 = strongly disagree, "
                "5 = strongly agree) over its rating questions answered."
            ),
            _(
                "Follow-up: questionnaires e-mailed in the period, a set number of days "
                "after a completion (90 unless the course says otherwise). Response rate: "
                "those answered (at any time since) / those sent. On-the-job use: the "
                "answers saying the trainee has used what they learned in their work "
                "(yes or partly) / the answers."
            ),
            _(
                "Counted: the trainees of the countries you may see (every country for "
                "administrators and managers of all countries)."
            ),
        )
    ]


class PeriodForm(forms.Form):
    fiscal_year = forms.TypedChoiceField(label=_("Fiscal year"), coerce=int)
    quarter = forms.TypedChoiceField(
        label=_("Quarter"), coerce=int, required=False, empty_value=None
    )

    def __init__(self, *args, today: datetime.date, **kwargs):
        super().__init__(*args, **kwargs)
        current = fiscal_year_of(today)
        self.fields["fiscal_year"].choices = [
            (year, f"FY{year}") for year in range(current, current - YEARS_BACK, -1)
        ]
        self.fields["fiscal_year"].initial = current
        self.fields["quarter"].choices = [("", _("Whole year"))] + [
            (number, _("Quarter %(number)s") % {"number": number}) for number in range(1, 5)
        ]

    def period(self) -> Period:
        return Period(self.cleaned_data["fiscal_year"], self.cleaned_data["quarter"])


class IndicatorsView(ReportsPermissionMixin, View):
    """People trained by country and sex, by agency, by topic; enrolments and learning."""

    page_title = pgettext_lazy("report title", "Indicators")

    def get(self, request):
        today = timezone.localdate()
        bound = "fiscal_year" in request.GET
        form = PeriodForm(request.GET if bound else None, today=today)
        if bound and not form.is_valid():
            context = {"form": form, "page_title": self.page_title, "errors": True}
            return TemplateResponse(request, "reports/indicators.html", context, status=400)
        period = form.period() if bound else Period(fiscal_year_of(today))
        with replica_reads():
            tables = indicators(trainees_visible_to(request.user), period)
            scope = self.scope(request.user)
        context = {
            "form": form,
            "page_title": self.page_title,
            "definitions": definitions(),
            "scope": scope,
            "generated_at": timezone.now(),
            **tables,
        }
        if request.GET.get("export") == "xlsx":
            return self.export(request, context)
        if request.GET.get("export") == "pdf":
            return self.export_pdf(request, context)
        return TemplateResponse(request, "reports/indicators.html", context)

    def scope(self, user) -> list[str]:
        """The countries counted (empty: all of them)."""
        if sees_all_countries(user):
            return []
        return [str(country) for country in countries_visible_to(user).order_by("code")]

    def export(self, request, context):
        name = f"indicators-{context['period'].code}.xlsx"
        audit_record(actor=request.user, action=AuditEvent.Action.REPORT_EXPORTED, target=name)
        response = indicators_workbook(context)
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return private_response(response)

    def export_pdf(self, request, context):
        """The bilingual PDF summary: a part per language, charts and definitions."""
        name = f"indicators-{context['period'].code}.pdf"
        pdf = indicators_pdf(context, definitions)
        audit_record(actor=request.user, action=AuditEvent.Action.REPORT_EXPORTED, target=name)
        response = HttpResponse(pdf, content_type="application/pdf")
        return private_response(attachment(response, name))
