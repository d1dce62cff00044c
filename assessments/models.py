"""Quizzes (pre-test, lesson check, final exam), their questions, and attempts.

Structure and answer key (questions, choices, correctness, points, order) are
shared by both languages; only texts and feedback are translated (see
``translation.py``), so the score never depends on the language.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from modeltranslation.utils import build_localized_fieldname
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.admin.widgets import AdminAutoHeightTextInput
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Orderable, Page
from wagtail.search import index

from core import languages as site_languages
from core import page_hooks
from core.pages import ServedPageMixin
from core.panels import TranslationStatusPanel
from core.translation_status import TranslatedPageMixin

from .admin_forms import QuizPageForm
from .panels import QuestionsPanel, QuizToolsPanel
from .richtext import sanitize_html


class QuizPage(ServedPageMixin, TranslatedPageMixin, RoutablePageMixin, Page):
    """A quiz of a course: a pre-test, a lesson check or the final exam."""

    class Kind(models.TextChoices):
        PRETEST = "pretest", _("Pre-test (baseline, not needed for completion)")
        LESSON_CHECK = "lesson_check", _("Lesson check (practice)")
        FINAL_EXAM = "final_exam", _("Final exam (needed for completion)")

    class ReviewMode(models.TextChoices):
        SCORE = "score", _("Score only")
        FULL = "full", _("Score, answers, correct answers and feedback")
        # Until then: the score and which questions were wrong, without the key,
        # so that a next attempt is not a matter of copying the answers.
        AFTER_PASSING = (
            "after_pass",
            _(
                "Score and wrong questions; correct answers and feedback once passed "
                "or out of attempts"
            ),
        )

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.FINAL_EXAM)
    intro = models.TextField(_("introduction"), blank=True)
    pass_mark = models.PositiveSmallIntegerField(
        _("pass mark (%)"), default=70, validators=[MinValueValidator(0), MaxValueValidator(100)]
    )
    max_attempts = models.PositiveSmallIntegerField(
        _("maximum attempts"), default=0, help_text=_("0 means unlimited.")
    )
    time_limit_minutes = models.PositiveSmallIntegerField(
        _("time limit (minutes)"), null=True, blank=True, help_text=_("Empty means no limit.")
    )
    wait_minutes = models.PositiveIntegerField(
        _("wait between attempts (minutes)"), default=0, help_text=_("0 means no wait.")
    )
    shuffle_questions = models.BooleanField(_("shuffle questions"), default=False)
    shuffle_choices = models.BooleanField(_("shuffle choices"), default=False)
    draw_count = models.PositiveSmallIntegerField(
        _("questions drawn per attempt"),
        default=0,
        help_text=_("Draw this many questions at random from the pool; 0 means all."),
    )
    review_mode = models.CharField(
        _("after submitting, the trainee sees"),
        max_length=10,
        choices=ReviewMode.choices,
        default=ReviewMode.FULL,
    )
    requires_lessons = models.BooleanField(
        _("open only after the required lessons are complete"),
        default=True,
        help_text=_(
            "Trainees can start the quiz once every required lesson of the course is complete. "
            "New final exams start with this on; other new quizzes with it off."
        ),
    )

    content_panels = Page.content_panels + [
        TranslationStatusPanel(),
        QuizToolsPanel(),
        FieldPanel("kind"),
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("pass_mark"), FieldPanel("max_attempts")]),
                FieldRowPanel([FieldPanel("time_limit_minutes"), FieldPanel("wait_minutes")]),
                FieldRowPanel([FieldPanel("shuffle_questions"), FieldPanel("shuffle_choices")]),
                FieldRowPanel([FieldPanel("draw_count"), FieldPanel("review_mode")]),
                FieldPanel("requires_lessons"),
            ],
            heading=_("Settings"),
        ),
        QuestionsPanel("questions", heading=_("Questions"), label=_("Question")),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    base_form_class = QuizPageForm
    parent_page_types = ["courses.CoursePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("quiz")
        verbose_name_plural = _("quizzes")

    def __init__(self, *args, **kwargs):
        # A new quiz (built from keywords, not read from a row) follows its kind
        # unless told: final exams open after the lessons, other quizzes at once.
        if not args and "requires_lessons" not in kwargs:
            kwargs["requires_lessons"] = kwargs.get("kind", self.Kind.FINAL_EXAM) == (
                self.Kind.FINAL_EXAM
            )
        super().__init__(*args, **kwargs)

    def kind_label(self) -> str:
        """Short name of the kind for trainees (the choices explain it to trainers)."""
        return {
            self.Kind.PRETEST: _("Pre-test"),
            self.Kind.LESSON_CHECK: _("Lesson check"),
            self.Kind.FINAL_EXAM: _("Final exam"),
        }.get(self.kind, "")

    #: What the Missing <language> report prefetches before ``untranslated_parts``.
    untranslated_parts_prefetch = ("questions__choices",)

    def untranslated_labels(self) -> list[str]:
        """Page fields, plus the questions, still shown in English in this language."""
        labels = super().untranslated_labels()
        language = site_languages.current()
        if language == site_languages.default() or not self.pk:
            return labels
        missing = (
            Question.objects.filter(quiz=self).filter(untranslated_q(language)).exists()
            or Choice.objects.filter(question__quiz=self).filter(untranslated_q(language)).exists()
        )
        return labels + [str(_("questions"))] if missing else labels

    def untranslated_parts(self, language: str) -> list[str]:
        """ "question 4" per question whose texts, or its choices', are empty in ``language``.

        Read from the questions in memory: the editor's latest draft as well as a live page.
        """
        labels = []
        # Numbered in the order trainees and exports see them: position, then creation.
        questions = sorted(self.questions.all(), key=question_order_key)
        for number, question in enumerate(questions, start=1):
            if lacks_translation(question, language) or any(
                lacks_translation(choice, language) for choice in question.choices.all()
            ):
                labels.append(_("question %(number)s") % {"number": number})
        return labels

    @classmethod
    def untranslated_parts_q(cls, language: str) -> models.Q:
        """Quizzes with a question or choice whose text or feedback is empty in ``language``."""
        return untranslated_q(language, "questions__") | untranslated_q(
            language, "questions__choices__"
        )

    def course(self):
        from courses.api import CoursePage

        return CoursePage.objects.get(path=self.path[: -self.steplen])

    # Routes: each hands over to a quiz-taking view of ``learning`` (core.page_hooks).
    @path("")
    def quiz_home(self, request):
        return page_hooks.call("learning.quiz_home", request, self)

    @path("start/")
    def start(self, request):
        return page_hooks.call("learning.quiz_start", request, self)

    @path("attempt/<int:attempt_id>/")
    def attempt(self, request, attempt_id):
        return page_hooks.call("learning.attempt_take", request, self, attempt_id)

    @path("attempt/<int:attempt_id>/save/")
    def attempt_save(self, request, attempt_id):
        return page_hooks.call("learning.attempt_save", request, self, attempt_id)

    @path("attempt/<int:attempt_id>/submit/")
    def attempt_submit(self, request, attempt_id):
        return page_hooks.call("learning.attempt_submit", request, self, attempt_id)

    @path("attempt/<int:attempt_id>/review/")
    def attempt_review(self, request, attempt_id):
        return page_hooks.call("learning.attempt_review", request, self, attempt_id)


#: The texts a trainee reads of a question and of a choice.
READ_TEXTS = ("text", "feedback")


def lacks_translation(obj, language: str) -> bool:
    """Whether a text of ``obj`` is filled in the default language but empty in ``language``."""
    default = site_languages.default()
    return any(
        getattr(obj, build_localized_fieldname(name, default), None)
        and not getattr(obj, build_localized_fieldname(name, language), None)
        for name in READ_TEXTS
    )


def untranslated_q(language: str, prefix: str = "") -> models.Q:
    """``lacks_translation`` as a query on a question or choice (through ``prefix``)."""
    default = site_languages.default()
    condition = models.Q()
    for name in READ_TEXTS:
        source = prefix + build_localized_fieldname(name, default)
        target = prefix + build_localized_fieldname(name, language)
        # ``__gt`` rather than a negation, which would become a subquery across the join.
        filled = models.Q(**{f"{source}__gt": ""})
        empty = models.Q(**{target: ""}) | models.Q(**{f"{target}__isnull": True})
        condition |= filled & empty
    return condition


#: The order of a quiz's questions in every database query, as trainees, exports
#: and the editor number them: position (none counts as 0), then creation. The
#: same in SQLite and PostgreSQL, which otherwise put questions without a
#: position at opposite ends. In memory: ``question_order_key``.
QUESTION_ORDER = (Coalesce("sort_order", 0), "pk")


def question_order_key(question) -> tuple[int, int]:
    return (question.sort_order or 0, question.pk or 0)


class Question(ClusterableModel, Orderable):
    """One question of a quiz; its choices and points are shared by both languages."""

    class Kind(models.TextChoices):
        SINGLE = "single", _("Single choice")
        MULTIPLE = "multiple", _("Multiple choice")
        TRUEFALSE = "truefalse", _("True / false")

    class TextFormat(models.TextChoices):
        PLAIN = "plain", _("Plain text")
        HTML = "html", _("HTML (sanitised)")

    quiz = ParentalKey(QuizPage, on_delete=models.CASCADE, related_name="questions")
    kind = models.CharField(_("type"), max_length=10, choices=Kind.choices, default=Kind.SINGLE)
    text = models.TextField(_("question"))
    # Imported GIFT ``[html]``/``[markdown]`` questions keep their markup,
    # sanitised on the way in; everything else is plain text.
    text_format = models.CharField(
        _("text format"), max_length=10, choices=TextFormat.choices, default=TextFormat.PLAIN
    )
    feedback = models.TextField(
        _("feedback"), blank=True, help_text=_("Shown after submitting, whatever the answer.")
    )
    points = models.DecimalField(
        _("points"), max_digits=6, decimal_places=2, default=1, validators=[MinValueValidator(0)]
    )
    partial_credit = models.BooleanField(
        _("partial credit"),
        default=False,
        help_text=_(
            "Multiple choice only: each right choice earns a share of the points and each "
            "wrong choice takes a share away. Otherwise it is all or nothing."
        ),
    )

    panels = [
        FieldRowPanel(
            [
                FieldPanel("kind"),
                FieldPanel("points"),
                # Said here rather than on the field: the rule changed with grades.
                FieldPanel(
                    "partial_credit",
                    help_text=_(
                        "Multiple choice only: the trainee earns the sum of the grades of the "
                        "choices ticked (never below 0). Otherwise only ticking exactly the "
                        "choices graded above 0 earns the points."
                    ),
                ),
            ]
        ),
        FieldPanel("text_format"),
        FieldPanel("text", widget=AdminAutoHeightTextInput),
        FieldPanel("feedback", widget=AdminAutoHeightTextInput),
        InlinePanel("choices", heading=_("Choices"), label=_("Choice"), min_num=2),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def __str__(self) -> str:
        return self.text[:80]

    def save(self, *args, **kwargs):
        if self.text_format == self.TextFormat.HTML:
            # Never trust stored markup: only the allow-list of richtext.py is kept.
            for language, _name in settings.LANGUAGES:
                field = build_localized_fieldname("text", language)
                value = getattr(self, field, None)
                if value:
                    setattr(self, field, sanitize_html(value))
        super().save(*args, **kwargs)


class Choice(Orderable):
    """A possible answer to a question; ``fraction`` is the answer key."""

    question = ParentalKey(Question, on_delete=models.CASCADE, related_name="choices")
    text = models.CharField(_("choice"), max_length=500)
    feedback = models.TextField(_("feedback"), blank=True)
    # The answer key, as in Moodle: the share of the question's points this
    # choice is worth, in percent from -100 to 100 (100 = right, 0 = wrong;
    # partial-credit shares such as 50 and penalties such as -100).
    fraction = models.DecimalField(
        _("grade (%)"),
        max_digits=8,
        decimal_places=5,
        default=0,
        validators=[MinValueValidator(-100), MaxValueValidator(100)],
        help_text=_(
            "100 for a right answer, 0 for a wrong one. Multiple choice with partial credit: "
            "a share such as 50, or a negative value such as -100 to take points away."
        ),
    )
    # Kept in step with ``fraction`` (> 0) on saved rows only, for queries that
    # need right/wrong. Revisions and drafts may hold a stale value: never score
    # or review with it; read ``fraction``.
    is_correct = models.BooleanField(_("correct"), default=False)

    # Feedback is one line until the trainer types more (most choices have a few words).
    panels = [
        FieldPanel("text"),
        FieldPanel("fraction"),
        FieldPanel("feedback", widget=AdminAutoHeightTextInput),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("choice")
        verbose_name_plural = _("choices")

    def __str__(self) -> str:
        return self.text

    def save(self, *args, **kwargs):
        self.is_correct = self.fraction is not None and self.fraction > 0
        super().save(*args, **kwargs)
