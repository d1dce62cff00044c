"""The funder's PDF: one country, one period, its figures and chart (WeasyPrint)."""

import dataclasses
import datetime

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views import View

from accounts.api import AuditEvent, audit_record, countries_visible_to, trainees_visible_to
from core.db_router import replica_reads
from core.downloads import attachment
from core.pdf import render_pdf

from . import charts, queries
from .access import ReportsPermissionMixin
from .filters import TraineeReportFilterSet
from .formatting import HEADINGS, gain_row, localized_headings, percent, rounded
from .languages import localized_values


def period_label(filters: queries.ReportFilters) -> str:
    if filters.start is None and filters.end is None:
        return _("All time")
    start = date_format(filters.start, "DATE_FORMAT") if filters.start else "…"
    end = date_format(filters.end, "DATE_FORMAT") if filters.end else "…"
    return f"{start} – {end}"


class CountrySummaryPdfView(ReportsPermissionMixin, View):
    """GET: the PDF summary of a country in the viewer's scope for the filtered period."""

    def get(self, request, code):
        country = get_object_or_404(countries_visible_to(request.user), code=code.upper())
        filterset = TraineeReportFilterSet(request.GET, request=request, country=country)
        if not filterset.is_valid():
            return HttpResponse(
                render_to_string(
                    "reports/bad_filters.html",
                    {"form": filterset.form, "back_url": request.META.get("HTTP_REFERER", "")},
                    request=request,
                ),
                status=400,
            )
        filters = dataclasses.replace(filterset.report_filters(), country=country)
        with replica_reads():  # the read replica, when one is configured
            context = summary_context(
                country=country, trainees=trainees_visible_to(request.user), filters=filters
            )
            html = render_to_string("reports/country_summary_pdf.html", context, request=request)
        response = HttpResponse(render_pdf(html), content_type="application/pdf")
        filename = f"summary-{country.code}-{datetime.date.today().isoformat()}.pdf"
        attachment(response, filename)
        audit_record(
            actor=request.user,
            action=AuditEvent.Action.REPORT_EXPORTED,
            target=filename,
            country=country,
        )
        return response


def summary_context(*, country, trainees, filters: queries.ReportFilters) -> dict:
    """Figures for the PDF: the country, its agencies, its courses and months."""
    from accounts.api import PartnerCountry

    (total,) = queries.country_rows(
        countries=PartnerCountry.objects.filter(pk=country.pk), trainees=trainees, filters=filters
    )
    agencies = queries.agency_rows(country=country, trainees=trainees, filters=filters)
    courses = queries.course_rows(trainees=trainees, filters=filters)
    for row in [total, *agencies, *courses]:
        row.completion_rate = percent(row.completions, row.enrolments)
        for name in ("average_final_score", "median_days", "knowledge_gain"):
            if hasattr(row, name):
                setattr(row, name, rounded(getattr(row, name)))
    month_counts = queries.completions_by_month(
        queries.cohort_enrollments(trainees, filters),
        queries.month_span(filters.start, filters.end, timezone.localdate()),
    )
    months = charts.month_rows(month_counts)
    for course in courses:
        course.titles = list(localized_values(course, "title").values())
    course_titles = []
    if filters.course is not None:
        # The first language's title, then each other one the course has.
        first, *others = localized_values(filters.course, "title").values()
        course_titles = [first, *[title for title in others if title]]
    gains = [
        gain_row(values)
        for values in queries.knowledge_gain_rows(trainees=trainees, filters=filters)
    ]
    return {
        "country": country,
        "period": period_label(filters),
        "course_filter": filters.course,
        "course_filter_titles": course_titles,
        "course_title_headings": list(localized_headings("title", HEADINGS["course"]).values()),
        "total": total,
        "agencies": agencies,
        "courses": courses,
        "months": months,
        "gains": gains,
        "headings": HEADINGS,
        "generated": datetime.date.today(),
        "chart": charts.month_chart(
            _("Completions over time"),
            _("Completed enrolments per month for this country and period."),
            month_counts,
        ),
        "agency_chart": charts.bar_chart(
            _("Completions per agency"),
            _("Completed enrolments of the period, per agency of this country."),
            [(agency.name, agency.completions) for agency in agencies],
        ),
    }
