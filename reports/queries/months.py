"""Completions over time."""

from datetime import date, datetime

from django.db.models import (
    Count,
    QuerySet,
)
from django.db.models.functions import TruncMonth
from django.utils import timezone

from learning.api import Enrollment

#: Months shown when the period has no start: the year up to the last month.
DEFAULT_MONTHS = 12


def completions_by_month(
    enrollments: QuerySet[Enrollment], span: tuple[date, date] | None = None
) -> list[tuple[date, int]]:
    """Completed cohort enrolments per calendar month, oldest first (no gaps).

    ``span`` (first and last month, see ``month_span``) widens the months
    shown, with zeros, beyond those that have completions.
    """
    rows = (
        enrollments.filter(completed_at__isnull=False)
        .annotate(month=TruncMonth("completed_at"))
        .order_by()
        .values("month")
        .annotate(n=Count("pk"))
        .order_by("month")
    )
    counts = {}
    for row in rows:
        counts[month_of(row["month"])] = row["n"]
    return fill_months(counts, span)


def month_of(value: date | datetime) -> date:
    """Pure: the first day of the (local) month of a date or datetime."""
    if isinstance(value, datetime):
        value = timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return value.replace(day=1)


def add_months(month: date, n: int) -> date:
    """Pure: the first day of the month ``n`` months after (or before) ``month``."""
    years, index = divmod(month.month - 1 + n, 12)
    return date(month.year + years, index + 1, 1)


def month_span(
    start: date | datetime | None, end: date | datetime | None, today: date
) -> tuple[date, date]:
    """Pure: the months a period covers, up to this month; the last year without a start."""
    last = month_of(today)
    if end is not None:
        last = min(last, month_of(end))
    first = month_of(start) if start is not None else add_months(last, 1 - DEFAULT_MONTHS)
    return min(first, last), last


def fill_months(
    counts: dict[date, int], span: tuple[date, date] | None = None
) -> list[tuple[date, int]]:
    """Pure: every month from the first to the last key (and across ``span``), zero where
    missing."""
    bounds = [*counts, *(span or ())]
    if not bounds:
        return []
    first, last = min(bounds), max(bounds)
    months = []
    current = first
    while current <= last:
        months.append((current, counts.get(current, 0)))
        current = add_months(current, 1)
    return months
