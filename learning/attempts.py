"""Quiz attempts: start, save answers, submit, close overdue attempts.

Writes run in one transaction each: ``f = transaction.atomic(f)`` after a
function rather than ``@transaction.atomic`` above it, because mutation testing
(``make mutate``, docs/testing.md) only reaches undecorated functions.
"""

import random
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from assessments.api import QUESTION_ORDER, Question, QuestionKey, QuizPage, score_attempt

from .models import Answer, Attempt, Enrollment
from .queries import remaining_required_lessons, unanswered_numbers
from .services import enrollment_update_completion

#: Answers arriving this long after the deadline still count (network latency).
DEADLINE_GRACE = timedelta(seconds=30)


class AttemptError(Exception):
    """A request the trainee cannot make; ``message`` is shown to them."""

    message = _("This request could not be processed.")

    def __init__(self, message=None):
        if message is not None:
            self.message = message
        super().__init__(str(self.message))


class NotEnrolledError(AttemptError):
    message = _("Enrol in the course to take this quiz.")


class NoAttemptsLeftError(AttemptError):
    message = _("You have used all the attempts allowed for this quiz.")


class MustWaitError(AttemptError):
    def __init__(self, until):
        self.until = until
        super().__init__(_("You can start a new attempt later (after the waiting time)."))


class QuizEmptyError(AttemptError):
    message = _("This quiz has no questions yet.")


class LessonsIncompleteError(AttemptError):
    message = _(
        "This quiz opens once you have completed every required lesson of the course. "
        "The quiz page lists the lessons that remain."
    )


class AttemptClosedError(AttemptError):
    message = _("This attempt is closed; your answers were not changed.")


class InvalidAnswerError(AttemptError):
    message = _("That answer is not valid for this attempt; nothing was saved.")


@dataclass(frozen=True)
class SaveResult:
    attempt: Attempt
    saved: int
    expired: bool


@dataclass(frozen=True)
class AttemptResult:
    attempt: Attempt
    scored_now: bool  # False when this submit found the attempt already closed
    expired: bool
    # Numbers of the questions still unanswered when a submit not yet
    # confirmed only saved the answers (nothing scored); empty otherwise.
    unanswered: tuple[int, ...] = ()


def wait_ends(quiz: QuizPage, *, last_submitted, last_started):
    """When the quiz's wait between attempts ends: counted from the previous
    attempts' last submission, else their last start (an attempt never closed);
    None when the quiz has no wait or there was no attempt. The attempt start and
    My learning both ask this."""
    last_end = last_submitted or last_started
    if not quiz.wait_minutes or last_end is None:
        return None
    return last_end + timedelta(minutes=quiz.wait_minutes)


def attempts_counted(quiz: QuizPage, *, user, enrollment: Enrollment | None):
    """Attempts that count towards the limit (only since a renewal, if any)."""
    attempts = Attempt.objects.filter(user=user, quiz=quiz)
    if enrollment is not None and enrollment.renewal_started_at is not None:
        attempts = attempts.filter(started_at__gte=enrollment.renewal_started_at)
    return attempts


def snapshot_texts(question: Question, choices: list) -> dict:
    """The question's texts in every site language, as the trainee's review will show them.

    Frozen with the key so that a trainer editing or deleting the question or
    a choice later never rewrites what an old attempt was scored against.
    Empty strings are kept: the review falls back to the default language.
    """

    def text(obj, name: str, language: str) -> str:
        return getattr(obj, build_localized_fieldname(name, language), None) or ""

    return {
        language: {
            "text": text(question, "text", language),
            "feedback": text(question, "feedback", language),
            "choices": [
                {"text": text(c, "text", language), "feedback": text(c, "feedback", language)}
                for c in choices
            ],
        }
        for language, _name in settings.LANGUAGES
    }


def attempt_deadline(*, time_limit_minutes: int | None, started_at):
    """When an attempt started at ``started_at`` must be submitted; None without a limit."""
    if not time_limit_minutes:
        return None
    return started_at + timedelta(minutes=time_limit_minutes)


def build_snapshot(quiz: QuizPage, *, now, rng: random.Random) -> dict:
    """Draws and orders the questions and freezes everything the attempt is judged by."""
    questions = list(
        Question.objects.filter(quiz=quiz).order_by(*QUESTION_ORDER).prefetch_related("choices")
    )
    if quiz.draw_count and quiz.draw_count < len(questions):
        drawn = set(q.pk for q in rng.sample(questions, quiz.draw_count))
        questions = [q for q in questions if q.pk in drawn]
    if quiz.shuffle_questions:
        rng.shuffle(questions)
    items = []
    for question in questions:
        choices = sorted(question.choices.all(), key=lambda c: (c.sort_order or 0, c.pk))
        if quiz.shuffle_choices and question.kind != Question.Kind.TRUEFALSE:
            rng.shuffle(choices)
        items.append(
            {
                "id": question.pk,
                "kind": question.kind,
                "points": str(question.points),
                "partial_credit": question.partial_credit,
                "choices": [c.pk for c in choices],
                "fractions": [str(c.fraction) for c in choices],
                # Kept for readers that only need right/wrong (fraction > 0).
                "correct": [c.pk for c in choices if c.fraction > 0],
                "text_format": question.text_format,
                "texts": snapshot_texts(question, choices),
            }
        )
    deadline = attempt_deadline(time_limit_minutes=quiz.time_limit_minutes, started_at=now)
    return {
        "kind": quiz.kind,
        "pass_mark": quiz.pass_mark,
        "time_limit_minutes": quiz.time_limit_minutes,
        "deadline": deadline.isoformat() if deadline else None,
        "questions": items,
    }


def attempt_start(*, user, quiz: QuizPage, language: str, rng=None) -> Attempt:
    """Starts an attempt, or returns the trainee's open one (resume).

    A quiz that ``requires_lessons`` starts only once every required lesson
    of the course is complete (an open attempt still resumes).

    The enrolment row is locked, so concurrent starts are serialised and can
    never exceed ``max_attempts``.
    """
    course = quiz.get_parent()
    enrollment = (
        Enrollment.objects.select_for_update().filter(user=user, course_id=course.pk).first()
    )
    if enrollment is None:
        raise NotEnrolledError
    now = timezone.now()
    open_attempt = (
        Attempt.objects.select_for_update()
        .filter(user=user, quiz=quiz, status="in_progress")
        .first()
    )
    if open_attempt is not None:
        if not attempt_close_if_overdue(attempt=open_attempt, now=now):
            return open_attempt
    if quiz.requires_lessons and remaining_required_lessons(course, enrollment).exists():
        raise LessonsIncompleteError
    counted = attempts_counted(quiz, user=user, enrollment=enrollment)
    if quiz.max_attempts and counted.count() >= quiz.max_attempts:
        raise NoAttemptsLeftError
    if quiz.wait_minutes:
        last = counted.aggregate(submitted=Max("submitted_at"), started=Max("started_at"))
        ends = wait_ends(quiz, last_submitted=last["submitted"], last_started=last["started"])
        if ends is not None and now < ends:
            raise MustWaitError(ends)
    snapshot = build_snapshot(quiz, now=now, rng=rng or random.SystemRandom())
    if not snapshot["questions"]:
        raise QuizEmptyError
    number = (Attempt.objects.filter(user=user, quiz=quiz).aggregate(n=Max("number"))["n"] or 0) + 1
    enrollment.last_activity_at = now
    enrollment.save(update_fields=["last_activity_at"])
    return Attempt.objects.create(
        user=user,
        quiz=quiz,
        enrollment=enrollment,
        number=number,
        language=language,
        started_at=now,
        deadline=attempt_deadline(time_limit_minutes=quiz.time_limit_minutes, started_at=now),
        snapshot=snapshot,
    )


attempt_start = transaction.atomic(attempt_start)


def attempt_close_if_overdue(*, attempt: Attempt, now=None) -> bool:
    """Closes an open attempt whose deadline has passed (expired, not scored).

    Call inside a transaction with the attempt row locked. True if closed.
    """
    now = now or timezone.now()
    if attempt.status != Attempt.Status.IN_PROGRESS or attempt.deadline is None:
        return False
    if now <= attempt.deadline + DEADLINE_GRACE:
        return False
    attempt.status = Attempt.Status.EXPIRED
    attempt.submitted_at = now
    attempt.save(update_fields=["status", "submitted_at"])
    return True


def attempt_expire_if_overdue(*, attempt: Attempt) -> bool:
    """Locks the attempt and closes it when overdue; used whenever it is touched."""
    if attempt.status != Attempt.Status.IN_PROGRESS or not attempt.is_overdue():
        return False
    locked = Attempt.objects.select_for_update().get(pk=attempt.pk)
    closed = attempt_close_if_overdue(attempt=locked)
    attempt.status, attempt.submitted_at = locked.status, locked.submitted_at
    return closed


attempt_expire_if_overdue = transaction.atomic(attempt_expire_if_overdue)


def validate_answers(attempt: Attempt, answers: dict[int, list[int]]) -> None:
    """Raises InvalidAnswerError unless every answer fits this attempt's snapshot."""
    by_id = {q["id"]: q for q in attempt.snapshot.get("questions", [])}
    for question_id, selected in answers.items():
        question = by_id.get(question_id)
        if question is None:
            raise InvalidAnswerError(
                _("That question is not part of this attempt; nothing was saved.")
            )
        if any(choice not in question["choices"] for choice in selected):
            raise InvalidAnswerError(
                _("An answer does not belong to its question; nothing was saved.")
            )
        if question["kind"] != "multiple" and len(selected) > 1:
            raise InvalidAnswerError(
                _("Choose only one answer for this question; nothing was saved.")
            )


def store_answers(attempt: Attempt, answers: dict[int, list[int]], now) -> int:
    """Creates or updates the Answer rows (two queries whatever the number)."""
    if not answers:
        return 0
    existing = {
        a.question_id: a for a in Answer.objects.filter(attempt=attempt, question_id__in=answers)
    }
    to_create, to_update = [], []
    for question_id, selected in answers.items():
        selected = sorted(set(selected))
        answer = existing.get(question_id)
        if answer is None:
            to_create.append(
                Answer(
                    attempt=attempt,
                    question_id=question_id,
                    selected_choice_ids=selected,
                    saved_at=now,
                )
            )
        elif answer.selected_choice_ids != selected:
            answer.selected_choice_ids = selected
            answer.saved_at = now
            to_update.append(answer)
    Answer.objects.bulk_create(to_create)
    Answer.objects.bulk_update(to_update, ["selected_choice_ids", "saved_at"])
    return len(to_create) + len(to_update)


def attempt_save_answers(
    *, attempt: Attempt, answers: dict[int, list[int]], position: int | None = None
) -> SaveResult:
    """Saves in-progress answers (all or nothing) and where the trainee is.

    An overdue attempt is closed instead and nothing is saved.
    """
    locked = Attempt.objects.select_for_update().get(pk=attempt.pk)
    now = timezone.now()
    if attempt_close_if_overdue(attempt=locked, now=now):
        return SaveResult(attempt=locked, saved=0, expired=True)
    if locked.status != Attempt.Status.IN_PROGRESS:
        raise AttemptClosedError
    validate_answers(locked, answers)
    saved = store_answers(locked, answers, now)
    if position is not None:
        locked.position = max(0, min(position, len(locked.question_ids()) - 1))
        locked.save(update_fields=["position"])
    return SaveResult(attempt=locked, saved=saved, expired=False)


attempt_save_answers = transaction.atomic(attempt_save_answers)


def answer_rows(attempt: Attempt, stored: dict, selections: dict[int, list[int]], now) -> list:
    """Unsaved Answer rows for ``selections``, written in one statement by ``answers_write``.

    A selection the trainee did not change keeps the time it was first saved.
    """
    rows = []
    for question_id, selected in selections.items():
        old = stored.get(question_id)
        unchanged = old is not None and old.selected_choice_ids == selected
        rows.append(
            Answer(
                attempt=attempt,
                question_id=question_id,
                selected_choice_ids=selected,
                saved_at=old.saved_at if unchanged else now,
            )
        )
    return rows


def answers_write(rows: list, fields: list[str]) -> None:
    """Inserts new answers and updates stored ones in one statement (an upsert)."""
    Answer.objects.bulk_create(
        rows,
        update_conflicts=True,
        unique_fields=["attempt", "question"],
        update_fields=["selected_choice_ids", "saved_at", *fields],
    )


def attempt_submit(
    *, attempt: Attempt, answers: dict[int, list[int]] | None = None, confirmed: bool = True
) -> AttemptResult:
    """Saves the last answers, scores the attempt once, and completes the course if due.

    Locks the attempt row: a second (or concurrent) submit returns the stored
    result and changes nothing. A submit after the deadline closes the attempt
    as expired, unscored. A passed final exam hands over to
    ``services.enrollment_update_completion``, which decides completion.

    Without ``confirmed``, a submit that would leave questions unanswered only
    saves the answers and returns those questions' numbers (the trainee is
    asked first). Hundreds of trainees submit at once at the end of an exam,
    so this is one short transaction: the stored answers are read once, and
    every answer is written with its score in one statement.
    """
    enrollment = None
    if attempt.enrollment_id is not None:
        # Lock order is always enrolment, then attempt (as in attempt_start), so
        # a submit and a start of the same trainee never deadlock. The holder
        # with their country and agency come along, for the certificate a
        # passed final exam issues (``enrollment_update_completion(already_locked=)``).
        enrollment = (
            Enrollment.objects.select_for_update(of=("self",))
            .select_related("user__country", "user__agency")
            .filter(pk=attempt.enrollment_id)
            .first()
        )
    locked = Attempt.objects.select_for_update().get(pk=attempt.pk)
    now = timezone.now()
    if locked.status != Attempt.Status.IN_PROGRESS:
        return AttemptResult(
            attempt=locked, scored_now=False, expired=locked.status == Attempt.Status.EXPIRED
        )
    if attempt_close_if_overdue(attempt=locked, now=now):
        return AttemptResult(attempt=locked, scored_now=False, expired=True)
    answers = answers or {}
    validate_answers(locked, answers)
    stored = {a.question_id: a for a in Answer.objects.filter(attempt=locked)}
    selections = {qid: a.selected_choice_ids for qid, a in stored.items()}
    selections.update({qid: sorted(set(selected)) for qid, selected in answers.items()})
    if not confirmed:
        answered = {qid for qid, selected in selections.items() if selected}
        unanswered = unanswered_numbers(locked, answered=answered)
        if unanswered:
            changed = {
                qid: selections[qid]
                for qid in answers
                if qid not in stored or stored[qid].selected_choice_ids != selections[qid]
            }
            answers_write(answer_rows(locked, stored, changed, now), [])
            return AttemptResult(
                attempt=locked, scored_now=False, expired=False, unanswered=tuple(unanswered)
            )
    keys = [QuestionKey.from_snapshot(q) for q in locked.snapshot["questions"]]
    result = score_attempt(keys, selections, pass_mark=int(locked.snapshot["pass_mark"]))
    # Unanswered questions get a row too, so item statistics count them.
    scored = {q.question_id: selections.get(q.question_id, []) for q in result.questions}
    rows = answer_rows(locked, stored, scored, now)
    for row, question_score in zip(rows, result.questions, strict=True):
        row.points_awarded = question_score.points
        row.correct = question_score.correct
    answers_write(rows, ["points_awarded", "correct"])
    locked.status = Attempt.Status.SUBMITTED
    locked.submitted_at = now
    locked.score_points = result.points
    locked.max_points = result.max_points
    locked.score_percent = result.percent
    locked.passed = result.passed
    locked.save(
        update_fields=[
            "status",
            "submitted_at",
            "score_points",
            "max_points",
            "score_percent",
            "passed",
        ]
    )
    if enrollment is not None:
        locked.enrollment = enrollment
        enrollment.last_activity_at = now
        enrollment.save(update_fields=["last_activity_at"])
        if locked.snapshot.get("kind") == QuizPage.Kind.FINAL_EXAM and result.passed:
            enrollment_update_completion(
                enrollment=enrollment, final_attempt=locked, already_locked=True
            )
    return AttemptResult(attempt=locked, scored_now=True, expired=False)


attempt_submit = transaction.atomic(attempt_submit)
