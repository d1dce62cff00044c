"""Figures grouped by course: the by-course report, knowledge gain and median days."""

from django.db import connection
from django.db.models import (
    Avg,
    Count,
    F,
    FloatField,
    Func,
    Q,
    QuerySet,
    Window,
)
from django.db.models.aggregates import Aggregate
from django.db.models.functions import RowNumber

from accounts.api import User
from courses.api import CoursePage
from learning.api import Enrollment

from ..languages import localized_fields
from .cohort import ReportFilters, cohort_enrollments
from .scores import with_scores


def course_groups(filters: ReportFilters) -> QuerySet[CoursePage]:
    """Rows of the by-course report: every course (one, with the course filter)."""
    courses = CoursePage.objects.order_by("path")
    if filters.course is not None:
        courses = courses.filter(pk=filters.course.pk)
    return courses


def attach_course_figures(rows: list, *, trainees: QuerySet[User], filters: ReportFilters) -> list:
    """Sets enrolments, completions, knowledge gain and median days on course rows.

    Two queries: one grouped by course, and the median (see
    ``median_days_to_complete``).
    """
    ids = [row.pk for row in rows]
    cohort = cohort_enrollments(trainees, filters).filter(course__in=ids)
    figures = {
        row.pop("course"): row
        for row in with_scores(cohort)
        .order_by()
        .values("course")
        .annotate(
            enrolments=Count("pk"),
            completions=Count("pk", filter=Q(completed_at__isnull=False)),
            gain_trainees=Count("pk", filter=Q(gain__isnull=False)),
            knowledge_gain=Avg("gain", output_field=FloatField()),
        )
    }
    medians = median_days_to_complete(cohort)
    empty = {"enrolments": 0, "completions": 0, "gain_trainees": 0, "knowledge_gain": None}
    for row in rows:
        for name, value in figures.get(row.pk, empty).items():
            setattr(row, name, value)
        row.median_days = medians.get(row.pk)
    return rows


def course_rows(*, trainees: QuerySet[User], filters: ReportFilters) -> list[CoursePage]:
    """The by-course report: enrolments, completions, median days, knowledge gain."""
    return attach_course_figures(list(course_groups(filters)), trainees=trainees, filters=filters)


def knowledge_gain_rows(*, trainees: QuerySet[User], filters: ReportFilters) -> QuerySet:
    """Knowledge gain per course and country (dicts, one per pair with data)."""
    scored = with_scores(cohort_enrollments(trainees, filters)).filter(gain__isnull=False)
    return (
        scored.values(
            "course_id",
            *localized_fields("course__title"),
            "course__path",
            "user__country__code",
            *localized_fields("user__country__name"),
        )
        .annotate(
            trainees=Count("pk"),
            pretest=Avg("pretest_score", output_field=FloatField()),
            final=Avg("final_score", output_field=FloatField()),
            gain=Avg("gain", output_field=FloatField()),
        )
        .order_by("course__path", "user__country__code")
    )


# --- median days to complete


class DaysBetween(Func):
    """Days (fractional) from ``start`` to ``end``, written per database backend."""

    output_field = FloatField()
    arity = 2

    def __init__(self, start, end, **extra):
        # Stored as (end, start) so that the templates read "end - start".
        super().__init__(end, start, **extra)

    def as_sqlite(self, compiler, connection, **extra_context):
        return self.as_sql(
            compiler,
            connection,
            template="(julianday(%(expressions)s))",
            arg_joiner=") - julianday(",
            **extra_context,
        )

    def as_postgresql(self, compiler, connection, **extra_context):
        return self.as_sql(
            compiler,
            connection,
            template="(EXTRACT(EPOCH FROM (%(expressions)s)) / 86400.0)::double precision",
            arg_joiner=" - ",
            **extra_context,
        )


class PercentileCont(Aggregate):
    """PostgreSQL's ``percentile_cont(fraction) WITHIN GROUP (ORDER BY expr)``."""

    function = "percentile_cont"
    template = "%(function)s(%(fraction)s) WITHIN GROUP (ORDER BY %(expressions)s)"
    output_field = FloatField()

    def __init__(self, expression, fraction=0.5, **extra):
        super().__init__(expression, fraction=float(fraction), **extra)


def median_days_to_complete(enrollments: QuerySet[Enrollment], key: str = "course") -> dict:
    """Median days from enrolment to completion per ``key`` value, in one query.

    PostgreSQL computes it with ``percentile_cont(0.5)``. SQLite has no
    percentile function, so the query numbers the completed enrolments of
    each group by duration with window functions and keeps only the middle
    one or two rows (``row_number`` in ``(n+1)/2 .. (n+2)/2``); averaging
    those at most two values per group is the only Python step.
    """
    done = enrollments.filter(completed_at__isnull=False).annotate(
        days=DaysBetween(F("enrolled_at"), F("completed_at"))
    )
    if connection.vendor == "postgresql":
        rows = done.order_by().values(key).annotate(median=PercentileCont(F("days")))
        return {row[key]: row["median"] for row in rows}
    middle = (
        done.annotate(
            position=Window(RowNumber(), partition_by=[F(key)], order_by=[F("days").asc()]),
            size=Window(Count("pk"), partition_by=[F(key)]),
        )
        .filter(
            Q(position=(F("size") + 1) / 2) | Q(position=(F("size") + 2) / 2),
        )
        .values_list(key, "days")
    )
    sums: dict = {}
    for group, days in middle:
        total, count = sums.get(group, (0.0, 0))
        sums[group] = (total + days, count + 1)
    return {group: total / count for group, (total, count) in sums.items()}
