"""Learners' records: enrolments, lesson completions, quiz attempts and answers.

The content apps (``courses``, ``assessments``) hold what is taught; this app
holds what each trainee did with it, like Kolibri's logger beside its content.
Index names are those the rows had before they moved here, so existing
databases keep their indexes (see migrations/0001_initial.py).
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Enrollment(models.Model):
    """A trainee taking a course. One per trainee and course."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("trainee"),
        on_delete=models.CASCADE,
        related_name="enrollments",
    )
    course = models.ForeignKey(
        "courses.CoursePage",
        verbose_name=_("course"),
        on_delete=models.CASCADE,
        related_name="enrollments",
    )
    enrolled_at = models.DateTimeField(_("enrolled at"), default=timezone.now)
    last_activity_at = models.DateTimeField(_("last activity"), default=timezone.now)
    completed_at = models.DateTimeField(_("completed at"), null=True, blank=True)
    # Set when an expired certificate is being renewed: the final exam's
    # attempt limit then counts only attempts started after this moment.
    renewal_started_at = models.DateTimeField(_("renewal started at"), null=True, blank=True)

    class Meta:
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        constraints = [models.UniqueConstraint(fields=["user", "course"], name="enrollment_unique")]
        indexes = [
            models.Index(fields=["course", "completed_at"], name="courses_enr_course__a52239_idx")
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.course}"


class ModuleCompletion(models.Model):
    """A lesson a trainee marked complete."""

    enrollment = models.ForeignKey(
        Enrollment,
        verbose_name=_("enrolment"),
        on_delete=models.CASCADE,
        related_name="completions",
    )
    module = models.ForeignKey(
        "courses.ModulePage",
        verbose_name=_("lesson"),
        on_delete=models.CASCADE,
        related_name="completions",
    )
    completed_at = models.DateTimeField(_("completed at"), default=timezone.now)

    class Meta:
        verbose_name = _("lesson completion")
        verbose_name_plural = _("lesson completions")
        constraints = [
            models.UniqueConstraint(
                fields=["enrollment", "module"], name="module_completion_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.enrollment} – {self.module}"


class Attempt(models.Model):
    """One try at a quiz by a trainee, judged by what ``snapshot`` froze at start.

    ``snapshot`` = {"kind", "pass_mark", "deadline", "time_limit_minutes",
    "questions": [{"id", "kind", "points", "partial_credit", "choices": [ids in
    display order], "fractions": [percent strings, same order], "correct": [ids
    with fraction > 0], "text_format", "texts": {language: {"text", "feedback",
    "choices": [{"text", "feedback"}, same order]}}}]}. It holds the answer key
    and the texts so that later edits of the quiz never change this attempt's
    result or its review; it never leaves the server. Attempts started before
    fractions and texts were frozen lack "fractions" and "texts" (see
    ``QuestionKey.from_snapshot`` and ``review.review_items``).
    """

    class Status(models.TextChoices):
        IN_PROGRESS = "in_progress", _("In progress")
        SUBMITTED = "submitted", _("Submitted")
        EXPIRED = "expired", _("Closed after the time limit (not scored)")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("trainee"),
        on_delete=models.CASCADE,
        related_name="attempts",
    )
    quiz = models.ForeignKey(
        "assessments.QuizPage",
        verbose_name=_("quiz"),
        on_delete=models.CASCADE,
        related_name="attempts",
    )
    enrollment = models.ForeignKey(
        Enrollment,
        verbose_name=_("enrolment"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="attempts",
    )
    number = models.PositiveIntegerField(_("attempt number"))
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.IN_PROGRESS
    )
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES)
    started_at = models.DateTimeField(_("started at"), default=timezone.now)
    deadline = models.DateTimeField(_("deadline"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    score_points = models.DecimalField(
        _("points"), max_digits=8, decimal_places=2, null=True, blank=True
    )
    max_points = models.DecimalField(
        _("maximum points"), max_digits=8, decimal_places=2, null=True, blank=True
    )
    score_percent = models.DecimalField(
        _("score (%)"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    passed = models.BooleanField(_("passed"), null=True, blank=True)
    snapshot = models.JSONField(_("snapshot"), default=dict)
    # Where the trainee was (0-based question position), so they resume there.
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("attempt")
        verbose_name_plural = _("attempts")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "quiz", "number"], name="attempt_number_unique"
            ),
            # At most one open attempt per trainee and quiz.
            models.UniqueConstraint(
                fields=["user", "quiz"],
                condition=models.Q(status="in_progress"),
                name="attempt_one_in_progress",
            ),
        ]
        indexes = [
            models.Index(fields=["quiz", "status"], name="assessments_quiz_id_0c688f_idx"),
            models.Index(fields=["enrollment", "quiz"], name="assessments_enrollm_8674e1_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.quiz} #{self.number}"

    def question_ids(self) -> list[int]:
        return [q["id"] for q in self.snapshot.get("questions", [])]

    def is_overdue(self, now=None) -> bool:
        return self.deadline is not None and (now or timezone.now()) > self.deadline


class Answer(models.Model):
    """The choices a trainee selected for one question of an attempt."""

    attempt = models.ForeignKey(
        Attempt, verbose_name=_("attempt"), on_delete=models.CASCADE, related_name="answers"
    )
    # No database constraint: a trainer may delete a question later, and the
    # attempts already scored against it must keep their answers.
    question = models.ForeignKey(
        "assessments.Question",
        verbose_name=_("question"),
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
    )
    selected_choice_ids = models.JSONField(_("selected choices"), default=list)
    saved_at = models.DateTimeField(_("saved at"), default=timezone.now)
    points_awarded = models.DecimalField(
        _("points awarded"), max_digits=6, decimal_places=2, null=True, blank=True
    )
    # Full marks on this question (set when scored); item statistics count it.
    correct = models.BooleanField(_("correct"), null=True, blank=True)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            models.UniqueConstraint(fields=["attempt", "question"], name="answer_unique")
        ]

    def __str__(self) -> str:
        return f"{self.attempt} – {self.question_id}"
