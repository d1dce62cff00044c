"""Group figures read from the summary instead of computed from the records.

At a million trainees no single query over the records answers the
by-country report in a couple of seconds on a small server (the
hand-written SQL takes several), so large programmes refresh a summary every
few minutes (``reports.services.report_summary_refresh``, a task; see the
README) and the by-country and by-agency reports read it, saying when it was
computed. They read it only when it can answer: no period filter (the
summary holds whole cohorts; a period is computed live), a summary younger
than ``SUMMARY_MAX_AGE``, and, with a course filter, a summary that knows
the course. Otherwise the figures are computed live (``figures``), so a
programme that never refreshes one always sees live figures.

The rows read are those of the viewer's partner countries
(``countries_visible_to``), the same scope as their trainees.
"""

from datetime import date, datetime, timedelta

from django.db.models import Max, QuerySet, Sum
from django.utils import timezone

from accounts.api import PartnerCountry, User

from ..models import FigureSummary, MonthSummary
from .cohort import ReportFilters
from .figures import average
from .groups import NO_FIGURES, attach_figures
from .months import fill_months

#: A summary older than this is not shown (the figures are computed live instead).
SUMMARY_MAX_AGE = timedelta(hours=1)
#: The groups the summary holds: the views' key and the summary's field.
SUMMARY_FIELDS = {"user__country": "country", "user__agency": "agency"}
COUNTS = [
    "registered",
    "enrolled",
    "active",
    "enrolments",
    "completions",
    "valid_certificates",
]


def summary_time(filters: ReportFilters, *, now: datetime | None = None) -> datetime | None:
    """When the summary that answers ``filters`` was computed; None: compute live."""
    if filters.start is not None or filters.end is not None:
        return None
    computed_at = (
        FigureSummary.objects.filter(course=filters.course)
        .order_by("-computed_at")
        .values_list("computed_at", flat=True)
        .first()
    )
    if computed_at is None or computed_at < (now or timezone.now()) - SUMMARY_MAX_AGE:
        return None
    return computed_at


def narrowed(rows: QuerySet, filters: ReportFilters, countries: QuerySet[PartnerCountry]):
    """Summary rows of the viewer's countries that the (trainee) filters keep."""
    rows = rows.filter(country__in=countries)
    if filters.country is not None:
        rows = rows.filter(country=filters.country)
    if filters.agency is not None:
        rows = rows.filter(agency=filters.agency)
    if filters.language:
        rows = rows.filter(language=filters.language)
    return rows


def summary_figures(
    filters: ReportFilters, *, key: str, within, countries: QuerySet[PartnerCountry]
) -> dict:
    """``figures.group_figures``'s answer, added up from the summary (one query)."""
    field = SUMMARY_FIELDS[key]
    rows = (
        narrowed(FigureSummary.objects.filter(course=filters.course), filters, countries)
        .filter(**{f"{field}__in": within})
        .order_by()
        .values(field)
        .annotate(
            **{name: Sum(name) for name in COUNTS},
            score_sum=Sum("score_sum"),
            scored=Sum("scored"),
            last_activity=Max("last_activity"),
        )
    )
    figures = {}
    for row in rows:
        score_sum, scored = row.pop("score_sum"), row.pop("scored")
        figures[row.pop(field)] = {
            **row,
            "average_final_score": average(score_sum, scored),
        }
    return figures


def summary_months(
    filters: ReportFilters, *, countries: QuerySet[PartnerCountry], span=None
) -> list[tuple[date, int]]:
    """``months.completions_by_month``'s answer, added up from the summary (one query)."""
    rows = narrowed(MonthSummary.objects.all(), filters, countries)
    if filters.course is not None:
        rows = rows.filter(course=filters.course)
    counts = rows.order_by().values("month").annotate(n=Sum("completions"))
    return fill_months({row["month"]: row["n"] for row in counts}, span)


def attach_group_figures(
    rows: list,
    *,
    key: str,
    trainees: QuerySet[User],
    countries: QuerySet[PartnerCountry],
    filters: ReportFilters,
) -> datetime | None:
    """Sets the figures on countries or agencies: from the summary when one answers
    ``filters`` (returns when it was computed), else live (returns None)."""
    as_of = summary_time(filters)
    if as_of is None:
        attach_figures(rows, trainees=trainees, filters=filters, key=key)
        return None
    figures = summary_figures(
        filters, key=key, within=[row.pk for row in rows], countries=countries
    )
    for row in rows:
        for name, value in figures.get(row.pk, NO_FIGURES).items():
            setattr(row, name, value)
    return as_of
