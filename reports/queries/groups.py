"""Figures grouped by country, agency or trainee (the by-country report and its drill-downs)."""

from django.db.models import (
    Avg,
    Count,
    Exists,
    FloatField,
    Max,
    OuterRef,
    Q,
    QuerySet,
)

from accounts.api import Agency, PartnerCountry, User
from certificates.api import Certificate

from .cohort import (
    ReportFilters,
    active_since,
    cohort_enrollments,
    registered_trainees,
    report_trainees,
)
from .scores import final_exam_score


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
            average_final_score=Avg(final_exam_score(), output_field=FloatField()),
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
