"""The quiz editor's form: checks each question's grades the way Moodle does.

A question's key lives in its choices' grades (``Choice.fraction``), which
are nested forms inside the question's form; neither ``Question.clean`` nor
``Choice.clean`` sees them together. The page form does, and marks the
question whose grades cannot be scored, so Wagtail shows the message inline
and saves nothing.
"""

from django.conf import settings
from modeltranslation.utils import build_localized_fieldname
from wagtail.admin.forms import WagtailAdminPageForm

from .richtext import sanitize_html
from .scoring import key_error


def live_forms(formset) -> list:
    """The formset's forms that will be saved (validated, not deleted, not blank extras)."""
    forms = []
    for form in formset.forms:
        form.errors  # noqa: B018 -- runs the form's own validation once
        data = getattr(form, "cleaned_data", None) or {}
        if not data or data.get("DELETE"):
            continue
        forms.append(form)
    return forms


class QuizPageForm(WagtailAdminPageForm):
    """Quiz page form: grades checked per question, HTML question text sanitised."""

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk is None and "requires_lessons" not in self.changed_data:
            # A new quiz left as it came: only a final exam waits for the lessons.
            cleaned["requires_lessons"] = cleaned.get("kind") == "final_exam"
        questions = self.formsets.get("questions")
        if questions is None:
            return cleaned
        for form in live_forms(questions):
            choices = form.formsets.get("choices")
            fractions = [c.cleaned_data.get("fraction") for c in live_forms(choices)]
            if any(f is None for f in fractions):
                continue  # a grade is missing or invalid: its own field error says so
            message = key_error(
                form.cleaned_data.get("kind") or "single",
                bool(form.cleaned_data.get("partial_credit")),
                fractions,
            )
            if message:
                form.add_error(None, message)
            if form.cleaned_data.get("text_format") == "html":
                # The instance is already built from the form: sanitise what will be
                # stored in the revision (drafts included), not only the live rows.
                for language, _name in settings.LANGUAGES:
                    field = build_localized_fieldname("text", language)
                    value = getattr(form.instance, field, None)
                    if value:
                        setattr(form.instance, field, sanitize_html(value))
        return cleaned
