"""Writes of the reports: the summary of the group reports' figures."""

from datetime import datetime

from django.db import transaction
from django.db.models import Count
from django.db.models.functions import TruncMonth
from django.utils import timezone

from accounts.api import trainees
from courses.api import CoursePage
from learning.api import Enrollment

from .models import FigureSummary, MonthSummary
from .queries import ReportFilters
from .queries.figures import figures_rows
from .queries.months import month_of

#: A summary row's group: the trainee's fields, in ``FigureSummary``'s terms.
SUMMARY_GROUPS = ["country", "agency", "preferred_language"]


def report_summary_refresh(*, now: datetime | None = None) -> int:
    """Recomputes the summary the group reports read (``reports.queries.summary``).

    Every trainee and every course, grouped by partner country, agency and
    preferred language: one live statement for all courses and one per course
    (the same statement the reports run), and one grouped query for the
    completions per month. The new rows replace the old ones in one short
    transaction, so a report reads one summary or the other. Returns the
    number of figure rows.
    """
    now = now or timezone.now()
    everyone = trainees()
    figures = []
    for course in [None, *CoursePage.objects.order_by("pk")]:
        for row in figures_rows(
            everyone, ReportFilters(course=course), groups=SUMMARY_GROUPS, now=now
        ):
            country, agency, language, *values, last_activity = row
            registered, enrolled, active, enrolments, completions, score_sum, scored, valid = values
            figures.append(
                FigureSummary(
                    computed_at=now,
                    country_id=country,
                    agency_id=agency,
                    language=language or "",
                    course=course,
                    registered=registered,
                    enrolled=enrolled,
                    active=active,
                    enrolments=enrolments,
                    completions=completions,
                    score_sum=score_sum,
                    scored=scored,
                    valid_certificates=valid,
                    last_activity=last_activity,
                )
            )
    months = (
        Enrollment.objects.filter(user__in=everyone.values("pk"), completed_at__isnull=False)
        .annotate(month=TruncMonth("completed_at"))
        .order_by()
        .values("user__country", "user__agency", "user__preferred_language", "course", "month")
        .annotate(n=Count("pk"))
    )
    month_rows = [
        MonthSummary(
            computed_at=now,
            country_id=row["user__country"],
            agency_id=row["user__agency"],
            language=row["user__preferred_language"] or "",
            course_id=row["course"],
            month=month_of(row["month"]),
            completions=row["n"],
        )
        for row in months
    ]
    summary_replace(figures=figures, months=month_rows)
    return len(figures)


@transaction.atomic
def summary_replace(*, figures: list[FigureSummary], months: list[MonthSummary]) -> None:
    """The new summary in place of the old one."""
    FigureSummary.objects.all().delete()
    MonthSummary.objects.all().delete()
    FigureSummary.objects.bulk_create(figures, batch_size=1000)
    MonthSummary.objects.bulk_create(months, batch_size=1000)
