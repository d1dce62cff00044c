"""The vetting queue at /admin/vetting/ and a manager's decision on one trainee.

Program managers see the trainees of their countries, administrators every
trainee (``accounts.trainees_visible_to``); a trainee outside the scope is a
404. The queue's CSV/XLSX export is the only export that holds vetting data;
it is written through the safe spreadsheet layer and audited.
"""

import datetime

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property, lazy
from django.utils.translation import gettext, gettext_lazy, pgettext
from django.views import View
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.reports import ReportView

from accounts.api import AuditEvent, audit_record
from core import languages
from core.spreadsheets import SafeSpreadsheetExportMixin

from . import queries
from .forms import DecisionForm, QueueFilterSet
from .models import VettingRecord
from .services import vetting_decide


def forbidden(request):
    return TemplateResponse(request, "vetting/forbidden.html", {}, status=403)


class ManagersOnlyMixin:
    """Program managers and administrators; other staff get a 403 page."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_program_manager:
            return forbidden(request)
        return super().dispatch(request, *args, **kwargs)


def _in_language(heading, code: str) -> str:
    return pgettext("report heading", "%(heading)s (%(language)s)") % {
        "heading": heading,
        "language": languages.name_in_sentence(code),
    }


in_language = lazy(_in_language, str)


def status_label(record: VettingRecord, today: datetime.date) -> str:
    if record.expired_on(today):
        return gettext("clearance expired")
    return str(record.get_status_display())


COURSES_WAITING = gettext_lazy("Courses waiting")


class QueueView(ManagersOnlyMixin, SafeSpreadsheetExportMixin, ReportView):
    page_title = gettext_lazy("Vetting")
    header_icon = "key"
    index_url_name = "vetting:queue"
    index_results_url_name = "vetting:queue_results"
    filterset_class = QueueFilterSet
    template_name = "vetting/queue.html"
    results_template_name = "vetting/queue_results.html"
    paginate_by = 50
    columns = [
        TitleColumn(
            "trainee_name",
            label=gettext_lazy("Trainee"),
            get_url=lambda row: reverse("vetting:decide", args=[row.trainee_id]),
        ),
        Column("country_name", label=gettext_lazy("Country")),
        Column("agency_name", label=gettext_lazy("Agency")),
        Column("status_label", label=gettext_lazy("Status")),
        Column("courses", label=COURSES_WAITING),
        DateColumn("first_requested", label=gettext_lazy("Requested")),
        DateColumn("decision_date", label=gettext_lazy("Decision date")),
        DateColumn("expires_on", label=gettext_lazy("Expiry")),
    ]

    @cached_property
    def today(self) -> datetime.date:
        return timezone.localdate()

    @cached_property
    def list_export(self):
        return [
            "trainee_name",
            "email",
            "country_code",
            "agency_name",
            "status",
            "decision_date",
            "reference",
            "expires_on",
            "first_requested",
            *languages.localized("courses"),
        ]

    @cached_property
    def export_headings(self):
        return {
            "trainee_name": gettext_lazy("Trainee"),
            "email": gettext_lazy("E-mail"),
            "country_code": gettext_lazy("Country code"),
            "agency_name": gettext_lazy("Agency"),
            "status": gettext_lazy("Status"),
            "decision_date": gettext_lazy("Decision date"),
            "reference": gettext_lazy("Reference number"),
            "expires_on": gettext_lazy("Expiry"),
            "first_requested": gettext_lazy("Requested"),
            **{
                field: in_language(COURSES_WAITING, code)
                for field, code in zip(
                    languages.localized("courses"), languages.codes(), strict=True
                )
            },
        }

    def get_page_title(self):
        return self.page_title

    def get_filename(self):
        return f"vetting-{self.today.isoformat()}"

    @cached_property
    def status(self) -> str:
        if self.filters and self.filters.is_valid():
            return self.filters.form.cleaned_data.get("status") or ""
        return ""

    def get_queryset(self):
        return queries.queue(self.request.user, status=self.status, today=self.today)

    def filter_queryset(self, queryset):
        return queryset

    def decorate_paginated_queryset(self, object_list):
        rows = list(object_list)
        for row in rows:
            trainee = row.trainee
            row.trainee_name = trainee.full_name
            row.email = trainee.email
            row.country_code = trainee.country.code if trainee.country_id else ""
            row.country_name = trainee.country.name if trainee.country_id else ""
            row.agency_name = trainee.agency.name if trainee.agency_id else ""
            row.status_label = status_label(row, self.today)
            if row.expired_on(self.today):
                row.status = queries.EXPIRED
            courses = [request.course for request in trainee.waiting]
            row.courses = ", ".join(course.title for course in courses)
            for field, code in zip(languages.localized("courses"), languages.codes(), strict=True):
                titles = [
                    languages.values(course, "title").get(code) or course.title
                    for course in courses
                ]
                setattr(row, field, ", ".join(titles))
            if row.first_requested is not None:
                row.first_requested = timezone.localtime(row.first_requested).date()
        return rows

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        if self.is_export:
            audit_record(
                actor=request.user,
                action=AuditEvent.Action.REPORT_EXPORTED,
                target=f"{self.get_filename()}.{request.GET.get('export')}",
            )
        return response


class DecisionView(ManagersOnlyMixin, View):
    """One trainee's vetting: their records, waiting requests, and the decision form."""

    def trainee(self, request, pk):
        trainee = queries.visible_trainee(request.user, pk)
        if trainee is None:
            raise Http404
        return trainee

    def render(self, request, trainee, form, status=200):
        today = timezone.localdate()
        records = list(queries.history(trainee))
        for record in records:
            record.status_label = status_label(record, today)
        context = {
            "page_title": gettext("Vetting of %(name)s") % {"name": trainee.full_name},
            "trainee": trainee,
            "records": records,
            "waiting": queries.waiting_requests(trainee),
            "form": form,
        }
        return TemplateResponse(request, "vetting/decide.html", context, status=status)

    def get(self, request, pk):
        trainee = self.trainee(request, pk)
        return self.render(request, trainee, DecisionForm())

    def post(self, request, pk):
        trainee = self.trainee(request, pk)
        form = DecisionForm(request.POST)
        if not form.is_valid():
            return self.render(request, trainee, form, status=400)
        data = form.cleaned_data
        record = vetting_decide(
            trainee=trainee,
            actor=request.user,
            status=data["status"],
            decision_date=data["decision_date"],
            reference=data["reference"],
            expires_on=data["expires_on"],
        )
        if record.status == VettingRecord.Status.CLEARED:
            messages.success(
                request,
                gettext(
                    "%(name)s is cleared until %(date)s; their waiting requests are now enrolments."
                )
                % {"name": trainee.full_name, "date": record.expires_on.isoformat()},
            )
        else:
            messages.success(
                request,
                gettext("The refusal for %(name)s is recorded.") % {"name": trainee.full_name},
            )
        return redirect("vetting:queue")
