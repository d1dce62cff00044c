"""The administrator's account form in the Wagtail admin (Users → Add / Edit).

It replaces Wagtail's user form (first and last name, which this user model
does not have; groups as free checkboxes) with what the platform needs: full
name, e-mail, one role, partner country and agency, the trainee's stated sex,
and a program manager's scope. The form only validates;
``accounts.services.staff_account_save`` writes.
"""

from allauth.account.models import EmailAddress
from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .forms import sex_field
from .models import Agency, PartnerCountry, User
from .roles import Role, role_of


class AgencyChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return f"{obj.country.name} — {obj.name}"


class StaffAccountForm(forms.ModelForm):
    """Create or edit any account: who it is, its role and, for a manager, its countries."""

    role = forms.ChoiceField(
        label=_("Role"),
        choices=[("", "---------"), *Role.choices],
        help_text=_(
            "Trainees study; trainers edit courses; program managers see reports of "
            "their countries; administrators manage everything."
        ),
        error_messages={"required": _("Choose the role of this account.")},
    )
    country = forms.ModelChoiceField(
        label=_("Partner country"),
        queryset=PartnerCountry.objects.all(),
        required=False,
        help_text=_("Required for trainees: reports group them by country."),
    )
    agency = AgencyChoiceField(
        label=_("Agency"),
        queryset=Agency.objects.select_related("country"),
        required=False,
        help_text=_("Must be an agency of the partner country. Required for trainees."),
    )
    sex = sex_field(
        help_text=_(
            "As the trainee stated it (optional). Reports show only totals by sex, "
            "never a person's answer."
        )
    )
    managed_countries = forms.ModelMultipleChoiceField(
        label=_("Countries managed"),
        queryset=PartnerCountry.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Program managers only: the partner countries whose trainees they see. "
            "A manager with no country and without all partner countries sees no "
            "trainee data. Ignored for other roles."
        ),
    )

    class Meta:
        model = User
        fields = [
            "full_name",
            "email",
            "role",
            "country",
            "agency",
            "job_title",
            "preferred_language",
            "sex",
            "managed_countries",
            "manages_all_countries",
            "is_active",
        ]
        labels = {
            "full_name": _("Full name"),
            "email": _("E-mail address"),
            "job_title": _("Job title"),
            "preferred_language": _("Preferred language"),
            "manages_all_countries": _("All partner countries"),
            "is_active": pgettext_lazy("account", "Active"),
        }
        help_texts = {
            "full_name": _("As it should appear on certificates."),
            "email": _(
                "Used to sign in. A new account is sent an e-mail, in its preferred "
                "language, with a link to choose its password."
            ),
            "manages_all_countries": _(
                "Program managers only: see the trainees of every partner country, "
                "including countries added later. Ignored for other roles."
            ),
            "is_active": _("Inactive accounts cannot sign in."),
        }

    def __init__(self, *args, editing_self: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.creating = self.instance.pk is None
        self.fields["full_name"].required = True
        if self.creating:
            del self.fields["is_active"]
        else:
            self.fields["role"].initial = role_of(self.instance)
        if editing_self:
            # An administrator cannot demote or deactivate themselves by accident.
            self.fields["role"].disabled = True
            self.fields["role"].help_text = _("You cannot change your own role.")
            self.fields.pop("is_active", None)

    def clean_email(self) -> str:
        email = User.objects.normalize_email(self.cleaned_data["email"]).strip().lower()
        others = User.objects.exclude(pk=self.instance.pk)
        taken = others.filter(email__iexact=email).exists() or (
            EmailAddress.objects.filter(email__iexact=email)
            .exclude(user_id=self.instance.pk)
            .exists()
        )
        if taken:
            raise forms.ValidationError(_("Another account already uses this e-mail address."))
        return email

    def clean(self):
        cleaned_data = super().clean()
        role = cleaned_data.get("role")
        country = cleaned_data.get("country")
        agency = cleaned_data.get("agency")
        if agency is not None and country is not None and agency.country_id != country.pk:
            self.add_error(
                "agency",
                _("%(agency)s is not an agency of %(country)s. Choose one of that country.")
                % {"agency": agency.name, "country": country.name},
            )
        elif agency is not None and country is None:
            self.add_error("country", _("Choose the country of this agency."))
        if role == Role.TRAINEE:
            if country is None and "country" not in self.errors:
                self.add_error("country", _("Choose the trainee's partner country."))
            if agency is None and "agency" not in self.errors:
                self.add_error("agency", _("Choose the trainee's agency."))
        if (
            role == Role.PROGRAM_MANAGER
            and cleaned_data.get("manages_all_countries")
            and cleaned_data.get("managed_countries")
        ):
            self.add_error(
                "managed_countries",
                _("Choose some countries or all partner countries, not both."),
            )
        return cleaned_data

    def service_kwargs(self) -> dict:
        """The cleaned values as ``staff_account_save`` takes them."""
        data = self.cleaned_data
        return {
            "email": data["email"],
            "full_name": data["full_name"],
            "role": Role(data["role"]),
            "country": data.get("country"),
            "agency": data.get("agency"),
            "job_title": data.get("job_title", ""),
            "preferred_language": data["preferred_language"],
            "sex": data.get("sex") or "",
            "managed_countries": list(data.get("managed_countries") or []),
            "manages_all_countries": bool(data.get("manages_all_countries")),
            "is_active": data.get("is_active", self.instance.is_active),
        }
