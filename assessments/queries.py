"""Read side of assessments: results for completion, certificates, reports and pages.

Every function issues a fixed number of queries whatever the number of
attempts or questions.
"""

import math
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Avg, Count, Max, Q, QuerySet, StdDev

from . import review
from .models import Answer, Attempt, Question, QuizPage

SUBMITTED = Attempt.Status.SUBMITTED


def course_quizzes(course) -> QuerySet[QuizPage]:
    """Live quizzes of a course in tree order."""
    return QuizPage.objects.live().child_of(course).order_by("path")


def final_exam_attempts(enrollment) -> QuerySet[Attempt]:
    """Scored final-exam attempts of the enrolment's trainee in its course."""
    return Attempt.objects.filter(
        user_id=enrollment.user_id,
        quiz__in=course_quizzes(enrollment.course).filter(kind=QuizPage.Kind.FINAL_EXAM),
        status=SUBMITTED,
    )


def final_exam_passed(enrollment) -> bool:
    """True when every live final exam of the enrolment's course has a passed attempt.

    A course without a final exam counts as passed (completion is lessons only).
    """
    exam_ids = set(
        course_quizzes(enrollment.course)
        .filter(kind=QuizPage.Kind.FINAL_EXAM)
        .values_list("pk", flat=True)
    )
    if not exam_ids:
        return True
    passed = set(
        final_exam_attempts(enrollment).filter(passed=True).values_list("quiz_id", flat=True)
    )
    return exam_ids <= passed


def final_exam_best(enrollment, *, since=None) -> Attempt | None:
    """Best passed final-exam attempt (highest score, then earliest); None if none.

    Its ``score_percent`` is the score a certificate shows. ``since`` limits it
    to attempts started after a moment (e.g. ``enrollment.renewal_started_at``).
    """
    attempts = final_exam_attempts(enrollment).filter(passed=True)
    if since is not None:
        attempts = attempts.filter(started_at__gte=since)
    return attempts.order_by("-score_percent", "submitted_at").first()


def final_exam_score(enrollment) -> Decimal | None:
    """Best final-exam score (passed or not), or None when never submitted."""
    return final_exam_attempts(enrollment).aggregate(best=Max("score_percent"))["best"]


def pretest_best(enrollment) -> Attempt | None:
    """Best scored pre-test attempt of the enrolment's trainee, or None."""
    return (
        Attempt.objects.filter(
            user_id=enrollment.user_id,
            quiz__in=course_quizzes(enrollment.course).filter(kind=QuizPage.Kind.PRETEST),
            status=SUBMITTED,
        )
        .order_by("-score_percent", "submitted_at")
        .first()
    )


@dataclass
class QuizStatus:
    attempts: int = 0
    best_percent: Decimal | None = None
    passed: bool = False
    in_progress: bool = False


def quiz_statuses(user, quiz_ids) -> dict[int, QuizStatus]:
    """Per quiz: attempts, best score, passed, an open attempt (one query)."""
    quiz_ids = list(quiz_ids)
    if not user.is_authenticated or not quiz_ids:
        return {}
    rows = (
        Attempt.objects.filter(user=user, quiz_id__in=quiz_ids)
        .values("quiz_id")
        .annotate(
            n=Count("pk"),
            best=Max("score_percent", filter=Q(status=SUBMITTED)),
            n_passed=Count("pk", filter=Q(status=SUBMITTED, passed=True)),
            n_open=Count("pk", filter=Q(status=Attempt.Status.IN_PROGRESS)),
        )
        .order_by()
    )
    return {
        r["quiz_id"]: QuizStatus(
            attempts=r["n"],
            best_percent=r["best"],
            passed=r["n_passed"] > 0,
            in_progress=r["n_open"] > 0,
        )
        for r in rows
    }


def attempt_history(user, quiz) -> QuerySet[Attempt]:
    """The trainee's attempts at a quiz, newest first (without the snapshot)."""
    return Attempt.objects.filter(user=user, quiz=quiz).defer("snapshot").order_by("-number")


def attempt_for(user, quiz, attempt_id) -> Attempt | None:
    """The attempt if it belongs to this trainee and quiz, else None."""
    if not user.is_authenticated:
        return None
    return Attempt.objects.filter(pk=attempt_id, user=user, quiz=quiz).first()


def attempt_questions(attempt: Attempt) -> list[dict]:
    """The attempt's questions in its order, each with its choices in its order.

    Two queries. Returns dicts {"question", "choices", "number"}; missing
    (deleted) questions and choices are skipped.
    """
    snapshot = attempt.snapshot.get("questions", [])
    ids = [q["id"] for q in snapshot]
    questions = {q.pk: q for q in Question.objects.filter(pk__in=ids).prefetch_related("choices")}
    items = []
    for number, data in enumerate(snapshot, start=1):
        question = questions.get(data["id"])
        if question is None:
            continue
        choices = {c.pk: c for c in question.choices.all()}
        items.append(
            {
                "question": question,
                "choices": [choices[c] for c in data["choices"] if c in choices],
                "number": number,
                "key": data,
            }
        )
    return items


def next_in_course(quiz: QuizPage):
    """The live lesson or quiz after this quiz in its course, or None (one query)."""
    from wagtail.models import Page

    return (
        Page.objects.live()
        .sibling_of(quiz, inclusive=False)
        .filter(path__gt=quiz.path)
        .order_by("path")
        .first()
    )


def attempt_answers(attempt: Attempt) -> dict[int, Answer]:
    return {a.question_id: a for a in Answer.objects.filter(attempt=attempt)}


def attempt_review(attempt: Attempt, *, language: str) -> list[review.ReviewItem]:
    """The submitted attempt's questions, answers, key and feedback as they were scored.

    One query for the answers; live questions are read (two more queries)
    only for attempts whose snapshot predates frozen texts.
    """
    snapshot = attempt.snapshot or {}
    legacy_ids = [q["id"] for q in snapshot.get("questions", []) if not q.get("texts")]
    live = {}
    if legacy_ids:
        live = {
            q.pk: q for q in Question.objects.filter(pk__in=legacy_ids).prefetch_related("choices")
        }
    return review.review_items(snapshot, attempt_answers(attempt), language=language, live=live)


# Item statistics -----------------------------------------------------------

#: Spanish and English % correct differing by this many points is flagged...
LANGUAGE_GAP_POINTS = 20
#: ...when each language has at least this many scored answers.
LANGUAGE_MIN_ANSWERS = 10


@dataclass
class ItemGroupStats:
    answers: int = 0
    correct: int = 0
    mean_right: float | None = None
    mean_wrong: float | None = None
    stdev: float | None = None

    @property
    def percent_correct(self) -> float | None:
        return round(100 * self.correct / self.answers, 1) if self.answers else None

    @property
    def discrimination(self) -> float | None:
        """Point-biserial correlation between this item and the attempt score."""
        if not self.answers or not self.stdev or self.mean_right is None:
            return None
        if self.mean_wrong is None:
            return None
        p = self.correct / self.answers
        return round((self.mean_right - self.mean_wrong) / self.stdev * math.sqrt(p * (1 - p)), 2)


@dataclass
class ItemStats:
    question: Question
    all: ItemGroupStats
    by_language: dict[str, ItemGroupStats] = field(default_factory=dict)

    @property
    def language_gap(self) -> float | None:
        en, es = self.by_language.get("en"), self.by_language.get("es")
        if not en or not es or en.percent_correct is None or es.percent_correct is None:
            return None
        return round(abs(en.percent_correct - es.percent_correct), 1)

    @property
    def flagged(self) -> bool:
        en, es = self.by_language.get("en"), self.by_language.get("es")
        return (
            self.language_gap is not None
            and self.language_gap >= LANGUAGE_GAP_POINTS
            and en.answers >= LANGUAGE_MIN_ANSWERS
            and es.answers >= LANGUAGE_MIN_ANSWERS
        )


def item_statistics(quiz: QuizPage) -> dict:
    """Per question: % correct and discrimination, overall and per attempt language.

    Five queries whatever the number of attempts: questions, per-item
    aggregates (overall and per language), score spread (overall and per
    language). Discrimination is the point-biserial correlation with the
    attempt's score.
    """
    questions = list(Question.objects.filter(quiz=quiz).order_by("sort_order", "pk"))
    answers = Answer.objects.filter(attempt__quiz=quiz, attempt__status=SUBMITTED).order_by()
    aggregates = {
        "n": Count("pk"),
        "right": Count("pk", filter=Q(correct=True)),
        "mean_right": Avg("attempt__score_percent", filter=Q(correct=True)),
        "mean_wrong": Avg("attempt__score_percent", filter=Q(correct=False)),
    }
    overall = {r["question_id"]: r for r in answers.values("question_id").annotate(**aggregates)}
    per_language = list(answers.values("question_id", "attempt__language").annotate(**aggregates))
    attempts = Attempt.objects.filter(quiz=quiz, status=SUBMITTED).order_by()
    spread = attempts.aggregate(sd=StdDev("score_percent"), n=Count("pk"))
    spread_by_language = {
        r["language"]: r
        for r in attempts.values("language").annotate(sd=StdDev("score_percent"), n=Count("pk"))
    }

    def group(row, stdev) -> ItemGroupStats:
        return ItemGroupStats(
            answers=row["n"],
            correct=row["right"],
            mean_right=float(row["mean_right"]) if row["mean_right"] is not None else None,
            mean_wrong=float(row["mean_wrong"]) if row["mean_wrong"] is not None else None,
            stdev=float(stdev) if stdev else None,
        )

    items = {}
    for question in questions:
        row = overall.get(question.pk)
        items[question.pk] = ItemStats(
            question=question, all=group(row, spread["sd"]) if row else ItemGroupStats()
        )
    for row in per_language:
        item = items.get(row["question_id"])
        if item is not None:
            language = row["attempt__language"]
            stdev = spread_by_language.get(language, {}).get("sd")
            item.by_language[language] = group(row, stdev)
    return {
        "items": list(items.values()),
        "attempts": spread["n"],
        "attempts_by_language": {k: v["n"] for k, v in spread_by_language.items()},
        "gap_points": LANGUAGE_GAP_POINTS,
        "min_answers": LANGUAGE_MIN_ANSWERS,
    }
