"""Training evaluation (Kirkpatrick levels 1 and 3): survey pages, answers, follow-ups.

Trainers author two kinds of form page under a course, with Wagtail's form
builder: the **reaction survey** (level 1), offered once the trainee has
completed the course, and the **follow-up questionnaire** (level 3), e-mailed
N days after completion with a link that needs no password. The structure of
a survey (its questions, their types, order and stored names) is shared by
every language; only the texts (label, help text, choices) are translated, as
for quiz questions. Each answer is one ``SurveyResponse`` per enrolment and
kind, with the figures the reports count in their own columns.
"""

import secrets

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modeltranslation.utils import build_localized_fieldname
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import AbstractForm, AbstractFormField, AbstractFormSubmission
from wagtail.contrib.forms.utils import get_field_clean_name

from core import languages
from core.pages import ServedPageMixin
from core.translation_status import TranslatedPageMixin

from .forms import USED_ON_JOB_FIELD, SurveyFormBuilder, choice_lines


class FieldType(models.TextChoices):
    """The question types a trainer may choose (a subset of Wagtail's, plus a rating)."""

    RATING = "rating", _("Rating (1 to 5)")
    RADIO = "radio", _("One choice (radio buttons)")
    CHECKBOXES = "checkboxes", _("Several choices (checkboxes)")
    DROPDOWN = "dropdown", _("One choice (drop-down list)")
    SINGLELINE = "singleline", _("Short text")
    MULTILINE = "multiline", _("Long text")


class SurveyQuestionBase(AbstractFormField):
    """A question of a survey: texts per language, structure shared by every language.

    Its stored name (``clean_name``, the key of the answer in ``form_data``)
    comes from the default language's label when the question is first saved,
    whichever language the trainer was editing in, and never changes. Choices
    are stored by their default-language text, so an answer given in Spanish
    is stored under the same key and value as one given in English.
    """

    field_type = models.CharField(
        verbose_name=_("question type"),
        max_length=16,
        choices=FieldType.choices,
        default=FieldType.RATING,
    )
    field_type.required_on_save = True

    panels = [
        FieldPanel("label"),
        FieldPanel("help_text"),
        FieldPanel("required"),
        FieldPanel("field_type", classname="formbuilder-type", required_on_save=True),
        FieldPanel("choices", classname="formbuilder-choices"),
    ]

    class Meta(AbstractFormField.Meta):
        abstract = True

    def get_field_clean_name(self):
        label = getattr(self, languages.default_field("label"), None) or self.label
        return get_field_clean_name(label)

    def clean(self):
        super().clean()
        if self.get_field_clean_name() == USED_ON_JOB_FIELD:
            raise ValidationError({"label": _("This name is kept for the built-in question.")})
        needs_choices = self.field_type in (
            FieldType.RADIO,
            FieldType.CHECKBOXES,
            FieldType.DROPDOWN,
        )
        default = choice_lines(getattr(self, languages.default_field("choices"), "") or "")
        if needs_choices and len(default) < 2:
            raise ValidationError({"choices": _("Give at least two choices, one per line.")})
        for code in languages.others():
            translated = choice_lines(
                getattr(self, build_localized_fieldname("choices", code), "") or ""
            )
            if translated and len(translated) != len(default):
                raise ValidationError(
                    {
                        "choices": _(
                            "Each language must list the same number of choices, in the "
                            "same order (%(language)s has %(count)s, the default %(default)s)."
                        )
                        % {
                            "language": languages.name_in_sentence(code),
                            "count": len(translated),
                            "default": len(default),
                        }
                    }
                )


class SurveyPageBase(ServedPageMixin, TranslatedPageMixin, AbstractForm):
    """What both survey pages share: an introduction, a thank-you text, the form builder."""

    intro = models.TextField(_("introduction"), blank=True)
    thank_you_text = models.TextField(
        _("thank-you text"), blank=True, help_text=_("Shown after the trainee answers.")
    )

    parent_page_types = ["courses.CoursePage"]
    subpage_types: list[str] = []
    form_builder = SurveyFormBuilder
    #: ``SurveyResponse.Kind`` of the answers to this page.
    kind = ""

    class Meta:
        abstract = True

    def get_submission_class(self):
        return SurveyResponse

    @classmethod
    def can_create_at(cls, parent):
        # At most one of each kind per course.
        return super().can_create_at(parent) and not cls.objects.child_of(parent).exists()

    def get_form_class(self):
        builder = self.form_builder(self.get_form_fields(), built_in=self.built_in_fields())
        return builder.get_form_class()

    def built_in_fields(self) -> list[str]:
        return []

    def serve(self, request, *args, **kwargs):
        from .views import survey_page_serve

        return survey_page_serve(request, self)

    def serve_preview(self, request, mode_name):
        from .views import survey_page_preview

        return survey_page_preview(request, self, mode_name)


class ReactionSurveyPage(SurveyPageBase):
    """Level 1: a short survey (5 to 8 questions) offered after completing the course."""

    content_panels = AbstractForm.content_panels + [
        FieldPanel("intro"),
        InlinePanel("form_fields", label=_("Question"), heading=_("Questions")),
        FieldPanel("thank_you_text"),
    ]
    template = "evaluation/reaction_survey_page.html"
    landing_page_template = "evaluation/survey_thanks.html"
    kind = "reaction"

    class Meta:
        verbose_name = _("reaction survey")


class FollowUpPage(SurveyPageBase):
    """Level 3: a questionnaire e-mailed N days after completion (link without password).

    It always starts with the built-in question "Since the course, have you
    used what you learned in your work?" (yes / partly / no), stored in its
    own column so that on-the-job use can be counted.
    """

    days_after_completion = models.PositiveSmallIntegerField(
        _("days after completion"),
        default=90,
        validators=[MinValueValidator(1), MaxValueValidator(3650)],
        help_text=_("The questionnaire is e-mailed this many days after the trainee completes."),
    )

    content_panels = AbstractForm.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel([FieldPanel("days_after_completion")], heading=_("Sending")),
        InlinePanel("form_fields", label=_("Question"), heading=_("Further questions")),
        FieldPanel("thank_you_text"),
    ]
    template = "evaluation/follow_up_page.html"
    landing_page_template = "evaluation/survey_thanks.html"
    kind = "follow_up"

    class Meta:
        verbose_name = _("follow-up questionnaire")

    def built_in_fields(self) -> list[str]:
        return [USED_ON_JOB_FIELD]


class ReactionQuestion(SurveyQuestionBase):
    page = ParentalKey(ReactionSurveyPage, on_delete=models.CASCADE, related_name="form_fields")

    class Meta(SurveyQuestionBase.Meta):
        verbose_name = _("reaction survey question")


class FollowUpQuestion(SurveyQuestionBase):
    page = ParentalKey(FollowUpPage, on_delete=models.CASCADE, related_name="form_fields")

    class Meta(SurveyQuestionBase.Meta):
        verbose_name = _("follow-up question")


class SurveyResponse(AbstractFormSubmission):
    """A trainee's answers to one survey: one per enrolment and kind.

    ``form_data`` holds every answer under the question's stored name (the same
    in every language). ``mean_rating`` is the mean of the rating questions
    answered (1 to 5; empty when none was answered) and ``used_on_job`` the
    follow-up's built-in question: both are columns so that reports add them up
    in SQL. Deleted with the enrolment (and so with the account).
    """

    class Kind(models.TextChoices):
        REACTION = "reaction", _("Reaction survey")
        FOLLOW_UP = "follow_up", _("Follow-up questionnaire")

    class UsedOnJob(models.TextChoices):
        YES = "yes", _("Yes")
        PARTLY = "partly", _("Partly")
        NO = "no", _("No")

    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    enrollment = models.ForeignKey(
        "learning.Enrollment",
        verbose_name=_("enrolment"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    language = models.CharField(_("language"), max_length=8, blank=True)
    mean_rating = models.DecimalField(
        _("mean rating"), max_digits=3, decimal_places=2, null=True, blank=True
    )
    used_on_job = models.CharField(
        _("used on the job"), max_length=8, choices=UsedOnJob.choices, blank=True
    )

    class Meta:
        verbose_name = _("survey answer")
        verbose_name_plural = _("survey answers")
        constraints = [
            models.UniqueConstraint(
                fields=["enrollment", "kind"], name="evaluation_one_response_per_kind"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.pk}"

    def get_data(self):
        data = super().get_data()
        if self.used_on_job:
            data[USED_ON_JOB_FIELD] = self.get_used_on_job_display()
        return data


def new_token() -> str:
    """192 random bits, URL-safe: the follow-up link's only credential."""
    return secrets.token_urlsafe(24)


class FollowUp(models.Model):
    """The follow-up questionnaire owed to one completed enrolment, and its e-mails.

    Created on completion when the course has a live follow-up page; e-mailed
    once ``due_at`` has passed (``sent_at``), reminded once (``reminded_at``),
    answered through the link carrying ``token`` (``response``).
    """

    enrollment = models.OneToOneField(
        "learning.Enrollment",
        verbose_name=_("enrolment"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    page = models.ForeignKey(
        FollowUpPage, verbose_name=_("questionnaire"), on_delete=models.CASCADE, related_name="+"
    )
    token = models.CharField(_("link token"), max_length=64, unique=True, default=new_token)
    due_at = models.DateTimeField(_("due at"), db_index=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True, db_index=True)
    reminded_at = models.DateTimeField(_("reminded at"), null=True, blank=True)
    response = models.OneToOneField(
        SurveyResponse,
        verbose_name=_("answer"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="follow_up",
    )

    class Meta:
        verbose_name = _("follow-up")
        verbose_name_plural = _("follow-ups")

    def __str__(self) -> str:
        return f"follow-up {self.pk}"
