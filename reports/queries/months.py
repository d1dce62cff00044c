"""Completions over time."""

from datetime import date, datetime

from django.db.models import (
    Count,
    QuerySet,
)
from django.db.models.functions import TruncMonth
from django.utils import timezone

from learning.api import Enrollment


def completions_by_month(enrollments: QuerySet[Enrollment]) -> list[tuple[date, int]]:
    """Completed cohort enrolments per calendar month, oldest first (no gaps)."""
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
        month = row["month"]
        if isinstance(month, datetime):
            month = timezone.localtime(month).date() if timezone.is_aware(month) else month.date()
        counts[month.replace(day=1)] = row["n"]
    return fill_months(counts)


def fill_months(counts: dict[date, int]) -> list[tuple[date, int]]:
    """Pure: every month from the first to the last key, zero where missing."""
    if not counts:
        return []
    first, last = min(counts), max(counts)
    months = []
    current = first
    while current <= last:
        months.append((current, counts.get(current, 0)))
        year, month = divmod(current.month, 12)
        current = current.replace(year=current.year + year, month=month + 1)
    return months
