"""Every trainee, one row each: the figures of the streamed export."""

from django.db.models import (
    Avg,
    Count,
    DateTimeField,
    Exists,
    FloatField,
    IntegerField,
    Max,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce

from accounts.api import User
from certificates.api import Certificate
from learning.api import Enrollment, ModuleCompletion

from ..languages import localized_fields
from .cohort import ReportFilters, report_trainees
from .scores import final_exam_score, first_pretest_score

#: Columns of ``all_trainee_rows``, in order.
TRAINEE_EXPORT_FIELDS = [
    "full_name",
    "email",
    "country__code",
    *localized_fields("country__name"),
    *localized_fields("agency__name"),
    "job_title",
    "preferred_language",
    "date_joined",
    "enrolments",
    "lessons_completed",
    "completions",
    "average_final_score",
    "average_pretest_score",
    "valid_certificates",
    "last_activity",
]


def per_trainee(queryset: QuerySet, user_ref: str, aggregate, output_field):
    """One aggregate of ``queryset`` for the outer trainee, as a correlated subquery."""
    values = (
        queryset.filter(**{user_ref: OuterRef("pk")})
        .order_by()
        .values(user_ref)
        .annotate(value=aggregate)
        .values("value")
    )
    return Subquery(values, output_field=output_field)


def all_trainee_rows(trainees: QuerySet[User], filters: ReportFilters) -> QuerySet:
    """Every trainee in scope that the filters keep, one tuple each (``TRAINEE_EXPORT_FIELDS``).

    Rows: the trainees of the country, agency and language filters; with a
    period, those registered in it or with an enrolment started in it (in the
    course, when one is chosen). Figures are about each trainee's cohort
    enrolments, as in the by-country report. Each figure is a correlated
    subquery, so the whole export is one query that the database can stream,
    whatever the number of trainees.
    """
    cohort = Enrollment.objects.all()
    if filters.course is not None:
        cohort = cohort.filter(course=filters.course)
    if filters.start is not None:
        cohort = cohort.filter(enrolled_at__gte=filters.start)
    if filters.end is not None:
        cohort = cohort.filter(enrolled_at__lte=filters.end)
    lessons = ModuleCompletion.objects.filter(enrollment__in=cohort.values("pk"))
    valid = Certificate.objects.valid_now().filter(enrollment=OuterRef("pk"))

    def count(aggregate):
        return Coalesce(per_trainee(cohort, "user", aggregate, IntegerField()), Value(0))

    rows = report_trainees(trainees, filters)
    if filters.start is not None or filters.end is not None:
        registered = Q()
        if filters.start is not None:
            registered &= Q(date_joined__gte=filters.start)
        if filters.end is not None:
            registered &= Q(date_joined__lte=filters.end)
        rows = rows.filter(registered | Q(Exists(cohort.filter(user=OuterRef("pk")))))
    return (
        rows.annotate(
            enrolments=count(Count("pk")),
            lessons_completed=Coalesce(
                per_trainee(lessons, "enrollment__user", Count("pk"), IntegerField()), Value(0)
            ),
            completions=count(Count("pk", filter=Q(completed_at__isnull=False))),
            average_final_score=per_trainee(
                cohort, "user", Avg(final_exam_score(), output_field=FloatField()), FloatField()
            ),
            average_pretest_score=per_trainee(
                cohort, "user", Avg(first_pretest_score(), output_field=FloatField()), FloatField()
            ),
            valid_certificates=count(Count("pk", filter=Q(Exists(valid)))),
            last_activity=per_trainee(cohort, "user", Max("last_activity_at"), DateTimeField()),
        )
        .order_by("country__code", "full_name", "pk")
        .values_list(*TRAINEE_EXPORT_FIELDS)
    )
