"""Figures grouped by country, agency or trainee (the by-country report and its drill-downs)."""

from django.db.models import QuerySet

from accounts.api import Agency, PartnerCountry, User

from .cohort import ReportFilters, report_trainees
from .figures import group_figures

#: The figures of a group without a trainee in scope.
NO_FIGURES = {
    "registered": 0,
    "enrolled": 0,
    "active": 0,
    "enrolments": 0,
    "completions": 0,
    "average_final_score": None,
    "valid_certificates": 0,
    "last_activity": None,
}


def attach_figures(
    rows: list, *, trainees: QuerySet[User], filters: ReportFilters, key: str
) -> list:
    """Sets the figures on each row (country, agency or trainee): one query in all."""
    figures = group_figures(trainees, filters, key=key, within=[row.pk for row in rows])
    for row in rows:
        for name, value in figures.get(row.pk, NO_FIGURES).items():
            setattr(row, name, value)
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
    )
