"""Signup and profile forms: who the trainee is and where they work."""

from allauth.account.forms import SignupForm as AllauthSignupForm
from django import forms
from django.utils.translation import gettext_lazy as _

from core import languages

from .allauth_forms import PlainFieldsMixin
from .models import Agency, PartnerCountry, User
from .validators import validate_printable_name


class AgencySelect(forms.Select):
    """Agencies grouped by country; each option carries its country for the filter script."""

    def __init__(self, *args, agency_countries=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.agency_countries = agency_countries or {}

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        country = self.agency_countries.get(str(value))
        if country:
            option["attrs"]["data-country"] = country
        return option


class CountryAgencyMixin:
    """Country and agency fields; the agency must belong to the chosen country."""

    def add_country_agency_fields(self, *, initial_country=None, initial_agency=None):
        countries = list(PartnerCountry.objects.all())
        agencies = list(Agency.objects.select_related("country").order_by("country__code", "name"))
        self.fields["country"] = forms.ModelChoiceField(
            label=_("Partner country"),
            queryset=PartnerCountry.objects.all(),
            empty_label=_("Choose your country"),
            error_messages={"required": _("Choose the country you work in.")},
            initial=initial_country,
        )
        self.fields["country"].choices = [("", _("Choose your country"))] + [
            (c.pk, c.name) for c in countries
        ]
        grouped: dict[str, list] = {}
        for agency in agencies:
            grouped.setdefault(agency.country.name, []).append((str(agency.pk), agency.name))
        self.fields["agency"] = forms.TypedChoiceField(
            label=_("Agency"),
            choices=[("", _("Choose your agency"))] + list(grouped.items()),
            coerce=int,
            error_messages={
                "required": _("Choose the agency you work for."),
                "invalid_choice": _("Choose an agency from the list."),
            },
            initial=initial_agency,
            widget=AgencySelect(agency_countries={str(a.pk): str(a.country_id) for a in agencies}),
        )
        self._agencies = {a.pk: a for a in agencies}

    def clean_country_agency(self, cleaned_data):
        country = cleaned_data.get("country")
        agency_id = cleaned_data.get("agency")
        agency = self._agencies.get(agency_id) if agency_id else None
        if agency_id and agency is None:
            self.add_error("agency", _("Choose an agency from the list."))
        elif agency is not None and country is not None and agency.country_id != country.pk:
            self.add_error(
                "agency",
                _("%(agency)s is not an agency of %(country)s. Choose one from your country.")
                % {"agency": agency.name, "country": country.name},
            )
        else:
            cleaned_data["agency"] = agency
        return cleaned_data


PROFILE_FIELD_ORDER = [
    "full_name",
    "country",
    "agency",
    "job_title",
    "preferred_language",
    "sex",
]


def sex_field(**overrides) -> forms.ChoiceField:
    """The optional sex question, with its reason as help text (the model's)."""
    model_field = User._meta.get_field("sex")
    options = {
        "label": _("Sex"),
        "choices": [("", _("Not answered")), *User.Sex.choices],
        "required": False,
        "help_text": model_field.help_text,
        **overrides,
    }
    return forms.ChoiceField(**options)


class SignupForm(PlainFieldsMixin, CountryAgencyMixin, AllauthSignupForm):
    """allauth signup plus the trainee profile."""

    full_name = forms.CharField(
        label=_("Full name"),
        max_length=200,
        help_text=_("As it should appear on your certificates."),
        validators=[validate_printable_name],
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    job_title = forms.CharField(label=_("Job title"), max_length=200)
    preferred_language = forms.ChoiceField(label=_("Preferred language"), choices=languages.choices)
    sex = sex_field()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_country_agency_fields()
        self.fields["preferred_language"].initial = languages.current()
        order = ["email", *PROFILE_FIELD_ORDER, "password1", "password2"]
        self.order_fields(order)

    def clean(self):
        cleaned_data = super().clean()
        return self.clean_country_agency(cleaned_data)

    def custom_signup(self, request, user):
        data = self.cleaned_data
        user.full_name = data["full_name"].strip()
        user.country = data["country"]
        user.agency = data["agency"]
        user.job_title = data["job_title"].strip()
        user.preferred_language = data["preferred_language"]
        user.sex = data.get("sex") or ""
        user.save()


def country_locked(user: User) -> bool:
    """Whether ``user``'s country and agency are fixed: they have enrolled in a course.

    Reports and certificates place a trainee by country and agency; letting
    them move after they started would move their records into another
    manager's hands. An administrator changes them instead (audited).
    """
    return user.pk is not None and user.enrollments.exists()


class ProfileForm(PlainFieldsMixin, CountryAgencyMixin, forms.ModelForm):
    """A trainee edits their own profile (country and agency only until their first enrolment)."""

    sex = sex_field()

    class Meta:
        model = User
        fields = ["full_name", "job_title", "preferred_language", "sex"]
        labels = {
            "full_name": _("Full name"),
            "job_title": _("Job title"),
            "preferred_language": _("Preferred language"),
        }
        help_texts = {"full_name": _("As it should appear on your certificates.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_country_agency_fields(
            initial_country=self.instance.country_id, initial_agency=self.instance.agency_id
        )
        self.fields["job_title"].required = True
        self.order_fields(PROFILE_FIELD_ORDER)
        self.country_locked = country_locked(self.instance)
        if self.country_locked:
            # Disabled fields ignore whatever is posted and keep the stored value.
            for name in ("country", "agency"):
                self.fields[name].disabled = True
                self.fields[name].required = False
            self.fields["agency"].help_text = _(
                "Your country and agency were recorded when you first enrolled in a "
                "course. To change them, ask an administrator."
            )

    def clean(self):
        cleaned_data = super().clean()
        if self.country_locked:
            return cleaned_data
        return self.clean_country_agency(cleaned_data)

    def save(self, commit=True):
        user = super().save(commit=False)
        if not self.country_locked:
            user.country = self.cleaned_data["country"]
            user.agency = self.cleaned_data["agency"]
        if commit:
            user.save()
        return user
