"""Report filters: course, period, agency, language (and country on the top level).

The choices come from the viewer's scope, so a country or agency outside it
is simply not a valid choice: the form says so and nothing is shown.
"""

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet

from accounts.api import Agency, User, countries_visible_to
from courses.api import CoursePage
from learning.api import Enrollment

from .queries import ReportFilters

OUTSIDE_SCOPE = _("Unknown country, or not one of the countries you may see.")


def visible_countries(request):
    return countries_visible_to(request.user)


def visible_agencies(request):
    return Agency.objects.filter(
        country__in=countries_visible_to(request.user).values("pk")
    ).select_related("country")


def all_courses(request):
    return CoursePage.objects.order_by("path")


class ReportFilterForm(forms.Form):
    """Checks what single fields cannot: the period's order, agency vs country."""

    def clean(self):
        cleaned = super().clean()
        period = cleaned.get("period")
        if period and period.start and period.stop and period.start > period.stop:
            self.add_error("period", _("The start of the period must not be after its end."))
        country = cleaned.get("country")
        agency = cleaned.get("agency")
        if country is not None and agency is not None and agency.country_id != country.pk:
            self.add_error("agency", _("This agency is not in the chosen country."))
        return cleaned


class AgencyChoiceField(django_filters.fields.ModelChoiceField):
    def __init__(self, *args, country=None, visible=None, **kwargs):
        # On a country's pages: the country, and the agencies the viewer may
        # see anywhere (to tell "another country's agency" from "unknown").
        super().__init__(*args, **kwargs)
        self.country = country
        self.visible = visible

    def label_from_instance(self, agency):
        # Agency names repeat across countries ("Policía Nacional").
        return f"{agency} ({agency.country.code})"

    def to_python(self, value):
        try:
            return super().to_python(value)
        except ValidationError as error:
            if self.country is None or error.code != "invalid_choice":
                raise
            known = str(value).isdecimal() and self.visible.filter(pk=value).exists()
            if known:
                raise ValidationError(
                    _("This agency is not in %(country)s."),
                    code="other_country",
                    params={"country": self.country.name},
                ) from error
            raise


class AgencyChoiceFilter(django_filters.ModelChoiceFilter):
    field_class = AgencyChoiceField


class TraineeReportFilterSet(WagtailFilterSet):
    """Filters of the drill-down reports (the country is given by the page).

    Given the page's ``country``, the agency filter offers and accepts only
    that country's agencies: another country's agency would otherwise select
    nobody on the page and break the figures that assume at least the country.
    """

    course = django_filters.ModelChoiceFilter(
        label=pgettext_lazy("report filter", "Course"),
        queryset=all_courses,
        method="keep",
        error_messages={"invalid_choice": _("Unknown course.")},
    )
    period = django_filters.DateFromToRangeFilter(
        label=pgettext_lazy("report filter", "Period (enrolment date)"),
        widget=DateRangePickerWidget,
        method="keep",
    )
    agency = AgencyChoiceFilter(
        label=pgettext_lazy("report filter", "Agency"),
        queryset=visible_agencies,
        method="keep",
        error_messages={"invalid_choice": _("Unknown agency, or not one you may see.")},
    )
    language = django_filters.ChoiceFilter(
        label=pgettext_lazy("report filter", "Preferred language"),
        choices=User.Language.choices,
        method="keep",
        empty_label=_("All"),
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": _("Unknown language.")},
    )

    class Meta:
        model = Enrollment
        fields: list[str] = []
        form = ReportFilterForm

    def __init__(self, *args, country=None, **kwargs):
        super().__init__(*args, **kwargs)
        if country is not None:
            visible = visible_agencies(self.request)
            agency = self.filters["agency"]
            agency.queryset = visible.filter(country=country)
            agency.extra.update(country=country, visible=visible)

    def keep(self, queryset, name, value):
        # The filters parametrise the aggregates (see report_filters) rather
        # than narrowing the listed rows, so they leave the queryset alone.
        return queryset

    def report_filters(self) -> ReportFilters:
        """The validated values as ``ReportFilters`` (call after ``is_valid()``)."""
        data = self.form.cleaned_data
        period = data.get("period")
        return ReportFilters(
            country=data.get("country"),
            agency=data.get("agency"),
            course=data.get("course"),
            language=data.get("language") or "",
            start=period.start if period else None,
            end=period.stop if period else None,
        )


class CountryReportFilterSet(TraineeReportFilterSet):
    """Filters of the top-level reports: the drill-down ones plus a country."""

    country = django_filters.ModelChoiceFilter(
        label=pgettext_lazy("report filter", "Country"),
        queryset=visible_countries,
        to_field_name="code",
        method="keep",
        error_messages={"invalid_choice": OUTSIDE_SCOPE},
    )

    class Meta(TraineeReportFilterSet.Meta):
        pass
