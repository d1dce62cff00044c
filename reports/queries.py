"""Read side of the reports: every figure is one SQL aggregate.

Each function takes ``trainees``, the queryset returned by
``accounts.scoping.trainees_visible_to(viewer)``, so the scoping rule is applied
once, in one place, and every report, drill-down, export and transcript starts
from it. Nothing here loops over trainees in Python: groups (countries,
agencies, courses, trainees of one page) get their figures from correlated
subqueries, so a report costs the same number of queries with 10 or 10,000
trainees.

Definitions (shown on the report pages too):

* **period** selects trainees *registered* in it (``date_joined``) and the
  *cohort* of enrolments *started* in it (``enrolled_at``); every learning
  figure (enrolled, active, completions, scores, certificates, knowledge
  gain, days to complete) is about that cohort. Without a period: everything.
* **active** = a trainee whose account is active (not deactivated by an
  administrator) with a cohort enrolment that has activity
  (``last_activity_at``) in the last 30 days before now.
* **completion rate** = completed cohort enrolments / cohort enrolments.
* **final exam score** of an enrolment = its *best* submitted final-exam
  attempt; the average is over enrolments that have one.
* **knowledge gain** of an enrolment = best submitted final-exam score minus
  the *first* submitted pre-test score (the pre-test is a baseline: a retake
  after studying would hide what was learned). Only enrolments with both
  count; the gain is averaged per country and course.
* **valid certificates** = certificates of cohort enrolments that are valid
  now (not revoked, superseded or expired).
"""

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.db import connection
from django.db.models import (
    Avg,
    Count,
    DateTimeField,
    DecimalField,
    Exists,
    F,
    FloatField,
    Func,
    IntegerField,
    Max,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    Window,
)
from django.db.models.aggregates import Aggregate
from django.db.models.functions import Coalesce, RowNumber, TruncMonth
from django.utils import timezone

from accounts.models import Agency, PartnerCountry, User
from certificates.models import Certificate
from courses.models import CoursePage
from courses.queries import lesson_count_subquery
from learning.models import Attempt, Enrollment, ModuleCompletion

ACTIVE_DAYS = 30
SCORE_FIELD = DecimalField(max_digits=6, decimal_places=2)


@dataclass(frozen=True)
class ReportFilters:
    """Validated filter values shared by every report (all optional)."""

    country: PartnerCountry | None = None
    agency: Agency | None = None
    course: CoursePage | None = None
    language: str = ""
    start: datetime | None = None
    end: datetime | None = None


# --- base querysets -------------------------------------------------------


def report_trainees(trainees: QuerySet[User], filters: ReportFilters) -> QuerySet[User]:
    """The scoped trainees narrowed by the trainee filters (country, agency, language)."""
    if filters.country is not None:
        trainees = trainees.filter(country=filters.country)
    if filters.agency is not None:
        trainees = trainees.filter(agency=filters.agency)
    if filters.language:
        trainees = trainees.filter(preferred_language=filters.language)
    return trainees


def registered_trainees(trainees: QuerySet[User], filters: ReportFilters) -> QuerySet[User]:
    """Trainees who registered in the period."""
    trainees = report_trainees(trainees, filters)
    if filters.start is not None:
        trainees = trainees.filter(date_joined__gte=filters.start)
    if filters.end is not None:
        trainees = trainees.filter(date_joined__lte=filters.end)
    return trainees


def cohort_enrollments(trainees: QuerySet[User], filters: ReportFilters) -> QuerySet[Enrollment]:
    """Enrolments of the filtered trainees started in the period (in the course)."""
    enrollments = Enrollment.objects.filter(
        user__in=report_trainees(trainees, filters).values("pk")
    )
    if filters.course is not None:
        enrollments = enrollments.filter(course=filters.course)
    if filters.start is not None:
        enrollments = enrollments.filter(enrolled_at__gte=filters.start)
    if filters.end is not None:
        enrollments = enrollments.filter(enrolled_at__lte=filters.end)
    return enrollments


def active_since(now: datetime | None = None) -> datetime:
    return (now or timezone.now()) - timedelta(days=ACTIVE_DAYS)


# --- per-enrolment scores ---------------------------------------------------


def best_final_score(enrollment_ref: str = "pk"):
    """Best submitted final-exam score of the enrolment at ``enrollment_ref``."""
    best = (
        Attempt.objects.filter(
            enrollment=OuterRef(enrollment_ref), status="submitted", quiz__kind="final_exam"
        )
        .order_by()
        .values("enrollment")
        .annotate(best=Max("score_percent"))
        .values("best")
    )
    return Subquery(best, output_field=SCORE_FIELD)


def first_pretest_score(enrollment_ref: str = "pk"):
    """Score of the first submitted pre-test attempt of the enrolment."""
    first = (
        Attempt.objects.filter(
            enrollment=OuterRef(enrollment_ref), status="submitted", quiz__kind="pretest"
        )
        .order_by("submitted_at", "pk")
        .values("score_percent")[:1]
    )
    return Subquery(first, output_field=SCORE_FIELD)


def with_scores(enrollments: QuerySet[Enrollment]) -> QuerySet[Enrollment]:
    """Annotates ``final_score``, ``pretest_score`` and ``gain`` (None when missing)."""
    return enrollments.annotate(
        final_score=best_final_score(),
        pretest_score=first_pretest_score(),
    ).annotate(gain=F("final_score") - F("pretest_score"))


# --- grouped figures ----------------------------------------------------------


def learning_figures(
    trainees: QuerySet[User], filters: ReportFilters, *, key: str, within=None
) -> dict:
    """The cohort's learning figures per value of ``key``, in one grouped query.

    ``key`` is the path from ``Enrollment`` to the group (``user__country``,
    ``user__agency``, ``user``, ``course``); ``within`` limits the groups
    (e.g. to the trainees of the page shown). Counts use ``filter=``; the
    final-exam average is over each enrolment's best attempt, and a
    certificate counts when the enrolment has one valid now.
    """
    cohort = cohort_enrollments(trainees, filters)
    if within is not None:
        cohort = cohort.filter(**{f"{key}__in": within})
    valid = Certificate.objects.valid_now().filter(enrollment=OuterRef("pk"))
    rows = (
        cohort.order_by()
        .values(key)
        .annotate(
            enrolled=Count("user", distinct=True),
            active=Count(
                "user",
                distinct=True,
                filter=Q(last_activity_at__gte=active_since(), user__is_active=True),
            ),
            enrolments=Count("pk"),
            completions=Count("pk", filter=Q(completed_at__isnull=False)),
            average_final_score=Avg(best_final_score(), output_field=FloatField()),
            valid_certificates=Count("pk", filter=Q(Exists(valid))),
            last_activity=Max("last_activity_at"),
        )
    )
    return {row.pop(key): row for row in rows}


NO_LEARNING = {
    "enrolled": 0,
    "active": 0,
    "enrolments": 0,
    "completions": 0,
    "average_final_score": None,
    "valid_certificates": 0,
    "last_activity": None,
}


def registered_figures(
    trainees: QuerySet[User], filters: ReportFilters, *, key: str, within=None
) -> dict:
    """Trainees registered in the period per value of ``key`` (one grouped query)."""
    registered = registered_trainees(trainees, filters)
    if within is not None:
        registered = registered.filter(**{f"{key}__in": within})
    rows = registered.order_by().values(key).annotate(n=Count("pk"))
    return {row[key]: row["n"] for row in rows}


def attach_figures(
    rows: list, *, trainees: QuerySet[User], filters: ReportFilters, key: str, registered_key=None
) -> list:
    """Sets the figures on each row (country, agency or trainee): two queries in all."""
    ids = [row.pk for row in rows]
    learning = learning_figures(trainees, filters, key=key, within=ids)
    registered = {}
    if registered_key is not None:
        registered = registered_figures(trainees, filters, key=registered_key, within=ids)
    for row in rows:
        for name, value in learning.get(row.pk, NO_LEARNING).items():
            setattr(row, name, value)
        row.registered = registered.get(row.pk, 0)
    return rows


def country_groups(
    countries: QuerySet[PartnerCountry], filters: ReportFilters
) -> QuerySet[PartnerCountry]:
    """Rows of the by-country report: the visible countries the filters keep."""
    if filters.country is not None:
        countries = countries.filter(pk=filters.country.pk)
    if filters.agency is not None:
        countries = countries.filter(pk=filters.agency.country_id)
    return countries.order_by("name", "pk")


def agency_groups(country: PartnerCountry, filters: ReportFilters) -> QuerySet[Agency]:
    """Rows of a country's drill-down: its agencies (one, with the agency filter)."""
    agencies = Agency.objects.filter(country=country).select_related("country")
    if filters.agency is not None:
        agencies = agencies.filter(pk=filters.agency.pk)
    return agencies.order_by("name", "pk")


def trainee_groups(
    agency: Agency, trainees: QuerySet[User], filters: ReportFilters
) -> QuerySet[User]:
    """Rows of an agency's drill-down: its trainees within the viewer's scope."""
    return report_trainees(trainees, filters).filter(agency=agency).order_by("full_name", "pk")


def course_groups(filters: ReportFilters) -> QuerySet[CoursePage]:
    """Rows of the by-course report: every course (one, with the course filter)."""
    courses = CoursePage.objects.order_by("path")
    if filters.course is not None:
        courses = courses.filter(pk=filters.course.pk)
    return courses


def country_rows(
    *, countries: QuerySet[PartnerCountry], trainees: QuerySet[User], filters: ReportFilters
) -> list[PartnerCountry]:
    """The by-country report: one row per visible country with its figures."""
    return attach_figures(
        list(country_groups(countries, filters)),
        trainees=trainees,
        filters=filters,
        key="user__country",
        registered_key="country",
    )


def agency_rows(
    *, country: PartnerCountry, trainees: QuerySet[User], filters: ReportFilters
) -> list[Agency]:
    """Drill-down of one country: one row per agency with its figures."""
    return attach_figures(
        list(agency_groups(country, filters)),
        trainees=trainees,
        filters=filters,
        key="user__agency",
        registered_key="agency",
    )


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
            "course__title_en",
            "course__title_es",
            "course__path",
            "user__country__code",
            "user__country__name_en",
            "user__country__name_es",
        )
        .annotate(
            trainees=Count("pk"),
            pretest=Avg("pretest_score", output_field=FloatField()),
            final=Avg("final_score", output_field=FloatField()),
            gain=Avg("gain", output_field=FloatField()),
        )
        .order_by("course__path", "user__country__code")
    )


# --- median days to complete ---------------------------------------------------


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


# --- completions over time -------------------------------------------------------


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


# --- transcript ------------------------------------------------------------------


def transcript_enrollments(trainee: User) -> QuerySet[Enrollment]:
    """The trainee's enrolments with lessons done/total and scores (one query)."""
    done = (
        ModuleCompletion.objects.filter(enrollment=OuterRef("pk"))
        .order_by()
        .values("enrollment")
        .annotate(n=Count("pk"))
        .values("n")
    )
    enrollments = (
        Enrollment.objects.filter(user=trainee)
        .select_related("course")
        .annotate(
            lesson_total=lesson_count_subquery("course__path", "course__depth"),
            lesson_done=Coalesce(Subquery(done, output_field=IntegerField()), Value(0)),
        )
        .order_by("enrolled_at", "pk")
    )
    return with_scores(enrollments)


def transcript_lessons(trainee: User) -> QuerySet[ModuleCompletion]:
    """Lessons the trainee completed, by course, in order of completion."""
    return (
        ModuleCompletion.objects.filter(enrollment__user=trainee)
        .select_related("module", "enrollment__course")
        .order_by("enrollment__enrolled_at", "enrollment_id", "completed_at", "pk")
    )


def transcript_attempts(trainee: User) -> QuerySet[Attempt]:
    """The trainee's finished quiz attempts with their quiz, oldest first."""
    return (
        Attempt.objects.filter(user=trainee)
        .exclude(status="in_progress")
        .select_related("quiz", "enrollment__course")
        .order_by("started_at", "pk")
    )


def transcript_certificates(trainee: User) -> QuerySet[Certificate]:
    """The trainee's certificates, newest first."""
    return Certificate.objects.filter(user=trainee).order_by("-issued_at", "-pk")


# --- every trainee, one row each (the streamed export) ----------------------------

#: Columns of ``all_trainee_rows``, in order.
TRAINEE_EXPORT_FIELDS = [
    "full_name",
    "email",
    "country__code",
    "country__name_en",
    "country__name_es",
    "agency__name_en",
    "agency__name_es",
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
                cohort, "user", Avg(best_final_score(), output_field=FloatField()), FloatField()
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
