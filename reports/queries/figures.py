"""The figures of the group reports (by country, agency or trainee) in one SQL statement.

The statement adds up in two steps. First each trainee: their cohort
enrolments, completions, whether one had recent activity, the sum and number
of their final-exam scores, their valid certificates. Then the trainees of
each group: registered, enrolled (trainees with an enrolment) and active are
conditional counts of trainees, without ``COUNT(DISTINCT)`` and its sort.

An enrolment meets its final-exam score (``learning``'s one rule) and its
valid certificate (``certificates``' rule) in one of two ways. For countries
and agencies, where the groups hold most enrolments, through joins with the
scores of every enrolment, computed once (``final_exam_scores``); for a page
of trainees, through a look-up per enrolment (``final_exam_score_subquery``),
which reads only theirs. The parts are querysets, compiled by Django and only
put together here, so the scoping rule and the filters are the ones every
report uses.
"""

from datetime import datetime
from decimal import Decimal

from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models import (
    BooleanField,
    DateTimeField,
    Exists,
    ExpressionWrapper,
    F,
    OuterRef,
    Q,
    QuerySet,
    Value,
)

from accounts.api import User
from certificates.api import Certificate
from learning.api import Enrollment, final_exam_score_subquery, final_exam_scores

from .cohort import ReportFilters, active_since, cohort_filter, report_trainees

#: Each report's groups: the key the views give (the path from an enrolment) and the
#: trainee's field it stands for.
GROUP_FIELDS = {"user__country": "country", "user__agency": "agency", "user": "pk"}

#: The enrolments of the cohort with their score and certificate, by joins.
JOINED = """
cohort (id, user_id, last_activity_at, completed_at) AS ({cohort}),
best (enrollment_id, best) AS ({best}),
valid (enrollment_id) AS ({valid}),
enrolment (id, user_id, last_activity_at, completed_at, best, valid) AS (
    SELECT c.id, c.user_id, c.last_activity_at, c.completed_at, b.best,
           v.enrollment_id IS NOT NULL
    FROM cohort c
    LEFT JOIN best b ON b.enrollment_id = c.id
    LEFT JOIN valid v ON v.enrollment_id = c.id
)"""

#: The same, by a look-up per enrolment.
PER_ENROLMENT = """
enrolment (id, user_id, last_activity_at, completed_at, best, valid) AS ({enrolments})"""

STATEMENT = """
WITH trainee (id, {groups}, is_active, registered) AS ({trainees}),{enrolments},
per_trainee AS (
    SELECT {trainee_groups}, t.registered, t.is_active,
           COUNT(e.id) AS enrolments,
           COUNT(e.completed_at) AS completions,
           MAX(CASE WHEN e.last_activity_at >= %s THEN 1 ELSE 0 END) AS recent,
           SUM(e.best) AS score_sum,
           COUNT(e.best) AS scored,
           SUM(CASE WHEN e.valid THEN 1 ELSE 0 END) AS valid,
           MAX(e.last_activity_at) AS last_activity
    FROM trainee t
    LEFT JOIN enrolment e ON e.user_id = t.id
    GROUP BY t.id, {trainee_groups}, t.registered, t.is_active
)
SELECT {groups},
       SUM(CASE WHEN registered THEN 1 ELSE 0 END),
       SUM(CASE WHEN enrolments > 0 THEN 1 ELSE 0 END),
       SUM(CASE WHEN recent = 1 AND is_active THEN 1 ELSE 0 END),
       SUM(enrolments),
       SUM(completions),
       SUM(score_sum),
       SUM(scored),
       SUM(valid),
       MAX(last_activity)
FROM per_trainee
GROUP BY {groups}
"""


def registered_in(filters: ReportFilters) -> ExpressionWrapper | Value:
    """True for a trainee registered in the period (everyone without one)."""
    period = Q()
    if filters.start is not None:
        period &= Q(date_joined__gte=filters.start)
    if filters.end is not None:
        period &= Q(date_joined__lte=filters.end)
    if not period:
        return Value(True, output_field=BooleanField())
    return ExpressionWrapper(period, output_field=BooleanField())


def compiled(queryset: QuerySet) -> tuple[str, tuple]:
    return queryset.query.get_compiler(using=queryset.db).as_sql()


def enrolments_sql(filters: ReportFilters, *, per_enrolment: bool) -> tuple[str, list]:
    """The ``enrolment`` part of ``STATEMENT``: the cohort's enrolments with their
    final-exam score and whether they have a valid certificate."""
    cohort = cohort_filter(Enrollment.objects.all(), filters).order_by()
    if per_enrolment:
        valid = Certificate.objects.valid_now().filter(enrollment=OuterRef("pk"))
        sql, params = compiled(
            cohort.values_list(
                "pk",
                "user_id",
                "last_activity_at",
                "completed_at",
                final_exam_score_subquery(),
                Exists(valid),
            )
        )
        return PER_ENROLMENT.format(enrolments=sql), list(params)
    parts = {
        "cohort": cohort.values_list("pk", "user_id", "last_activity_at", "completed_at"),
        "best": final_exam_scores().values_list("enrollment", "best"),
        "valid": Certificate.objects.valid_now().order_by().values_list("enrollment_id"),
    }
    sql, params = {}, []
    for name, queryset in parts.items():
        sql[name], part_params = compiled(queryset)
        params.extend(part_params)
    return JOINED.format(**sql), params


def figures_rows(
    trainees: QuerySet[User],
    filters: ReportFilters,
    *,
    groups: list[str],
    within=None,
    now: datetime | None = None,
) -> list[tuple]:
    """The figures per group of trainees, in one query: the raw rows of ``STATEMENT``.

    ``groups``: the trainee's fields that make a group (e.g. ``["country"]``);
    ``within`` limits the first of them. A row holds the group's values, then
    registered, enrolled, active, enrolments, completions, the sum and number
    of final-exam scores, valid certificates and the last activity.
    """
    scoped = report_trainees(trainees, filters)
    if within is not None:
        scoped = scoped.filter(**{f"{groups[0]}__in": within})
    try:
        trainee_sql, params = compiled(
            scoped.order_by().values_list(
                "pk", *(F(field) for field in groups), "is_active", registered_in(filters)
            )
        )
    except EmptyResultSet:  # nobody in scope (``none()``, or no group on the page)
        return []
    enrolment_sql, enrolment_params = enrolments_sql(filters, per_enrolment=groups == ["pk"])
    names = [f"g{index}" for index in range(len(groups))]
    statement = STATEMENT.format(
        groups=", ".join(names),
        trainee_groups=", ".join(f"t.{name}" for name in names),
        trainees=trainee_sql,
        enrolments=enrolment_sql,
    )
    connection = connections[scoped.db]
    with connection.cursor() as cursor:
        cursor.execute(statement, [*params, *enrolment_params, active_since(now)])
        rows = cursor.fetchall()
    # What the ORM does to a datetime it reads (SQLite returns text).
    moment = Value(None, output_field=DateTimeField())
    converters = connection.ops.get_db_converters(moment)
    width = len(groups)
    converted = []
    for row in rows:
        last_activity = row[-1]
        for converter in converters:
            last_activity = converter(last_activity, moment, connection)
        converted.append((*row[:width], *(value or 0 for value in row[width:-1]), last_activity))
    return converted


def average(score_sum, scored) -> float | None:
    """The mean score, as the database's ``AVG`` would give it."""
    return float(Decimal(str(score_sum)) / Decimal(scored)) if scored else None


def group_figures(
    trainees: QuerySet[User],
    filters: ReportFilters,
    *,
    key: str,
    within=None,
    now: datetime | None = None,
) -> dict:
    """Every figure of the groups (``key``: see ``GROUP_FIELDS``), in one query.

    ``{group id: {"registered", "enrolled", "active", "enrolments",
    "completions", "average_final_score", "valid_certificates",
    "last_activity"}}`` for the groups with a trainee in scope; ``within``
    limits the groups (e.g. to those of the page shown).
    """
    rows = figures_rows(trainees, filters, groups=[GROUP_FIELDS[key]], within=within, now=now)
    return {
        group: {
            "registered": int(registered),
            "enrolled": int(enrolled),
            "active": int(active),
            "enrolments": int(enrolments),
            "completions": int(completions),
            "average_final_score": average(score_sum, scored),
            "valid_certificates": int(valid),
            "last_activity": last_activity,
        }
        for (
            group,
            registered,
            enrolled,
            active,
            enrolments,
            completions,
            score_sum,
            scored,
            valid,
            last_activity,
        ) in rows
    }
