"""The survey form a trainee fills in, built from the trainer's questions.

Wagtail's ``FormBuilder`` with three changes: a rating question (1 to 5), the
follow-up's built-in question, and choices whose *stored value* is the
default language's text while the *label* is in the language shown, so that
answers in every language are stored alike.
"""

from decimal import ROUND_HALF_UP, Decimal

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modeltranslation.utils import build_localized_fieldname
from wagtail.contrib.forms.forms import FormBuilder, _split_by_newline_or_comma

from core import languages

#: The key of the follow-up's built-in question (in ``form_data`` and the export).
USED_ON_JOB_FIELD = "used_on_job"

#: A rating question's values and what each means, shown next to it.
RATING_VALUES = ("1", "2", "3", "4", "5")
RATING_LABELS = {
    "1": pgettext_lazy("rating", "1 – Strongly disagree"),
    "2": pgettext_lazy("rating", "2 – Disagree"),
    "3": pgettext_lazy("rating", "3 – Neither agree nor disagree"),
    "4": pgettext_lazy("rating", "4 – Agree"),
    "5": pgettext_lazy("rating", "5 – Strongly agree"),
}

USED_ON_JOB_CHOICES = [
    ("yes", pgettext_lazy("used on the job", "Yes")),
    ("partly", pgettext_lazy("used on the job", "Partly")),
    ("no", pgettext_lazy("used on the job", "No")),
]


def choice_lines(text: str) -> list[str]:
    """The choices a trainer typed (one per line, or comma-separated on one line)."""
    if not text.strip():
        return []
    return [line for line in _split_by_newline_or_comma(text) if line]


class SurveyFormBuilder(FormBuilder):
    """Builds the trainee's form; ``built_in`` names questions every page of a kind asks."""

    def __init__(self, fields, built_in=()):
        super().__init__(fields)
        self.built_in = list(built_in)

    def create_rating_field(self, field, options):
        options["choices"] = [(value, RATING_LABELS[value]) for value in RATING_VALUES]
        options["widget"] = forms.RadioSelect(attrs={"class": "rating"})
        options.pop("initial", None)
        rating = forms.ChoiceField(**options)
        rating.is_rating = True
        return rating

    def create_multiline_field(self, field, options):
        options["widget"] = forms.Textarea(attrs={"rows": 4})
        return super().create_multiline_field(field, options)

    def create_radio_field(self, field, options):
        options.pop("initial", None)
        return super().create_radio_field(field, options)

    def create_dropdown_field(self, field, options):
        options.pop("initial", None)
        field_obj = super().create_dropdown_field(field, options)
        field_obj.choices = [("", "—"), *field_obj.choices]
        return field_obj

    def create_checkboxes_field(self, field, options):
        field_obj = super().create_checkboxes_field(field, options)
        field_obj.initial = []
        return field_obj

    def get_formatted_field_choices(self, field):
        """``(default-language text, text in the language shown)`` for each choice."""
        values = choice_lines(getattr(field, languages.default_field("choices"), "") or "")
        shown = choice_lines(
            getattr(field, build_localized_fieldname("choices", languages.current()), "") or ""
        )
        if len(shown) != len(values):
            shown = values
        return list(zip(values, shown, strict=True))

    def get_field_options(self, field):
        options = super().get_field_options(field)
        options["initial"] = None
        return options

    @property
    def formfields(self):
        fields = {}
        if USED_ON_JOB_FIELD in self.built_in:
            fields[USED_ON_JOB_FIELD] = forms.ChoiceField(
                label=_("Since the course, have you used what you learned in your work?"),
                choices=USED_ON_JOB_CHOICES,
                widget=forms.RadioSelect,
                required=True,
            )
        fields.update(super().formfields)
        return fields


def mean_rating(form) -> Decimal | None:
    """The mean of the rating questions answered in ``form`` (two decimals), or None."""
    ratings = [
        int(value)
        for name, field in form.fields.items()
        if getattr(field, "is_rating", False)
        and (value := form.cleaned_data.get(name)) in RATING_VALUES
    ]
    if not ratings:
        return None
    return (Decimal(sum(ratings)) / len(ratings)).quantize(Decimal("0.01"), ROUND_HALF_UP)
