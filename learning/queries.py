"""Read side of learners' records: enrolments, outlines, progress, attempts, scores.

Every function issues a fixed number of queries whatever the number of
lessons, enrolments, attempts or questions; progress is aggregated in SQL.

**The final-exam score** of an enrolment is defined here once, and used by
certificates, reports and every page: the best score of its submitted
final-exam attempts (``final_exam_best``, ``final_exam_score`` and, for
aggregate queries, ``final_exam_score_subquery``).
"""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import (
    Count,
    DecimalField,
    Exists,
    Max,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
)

from assessments.api import Question, QuizPage, course_quizzes, review
from courses.api import ModulePage, course_lessons

from .models import Answer, Attempt, Enrollment, ModuleCompletion

SUBMITTED = Attempt.Status.SUBMITTED
SCORE_FIELD = DecimalField(max_digits=6, decimal_places=2)


def enrolled_course_ids(user) -> set[int]:
    if not user.is_authenticated:
        return set()
    return set(Enrollment.objects.filter(user=user).values_list("course_id", flat=True))


def enrollment_for(user, course, *, lesson=None) -> Enrollment | None:
    """The user's enrolment in ``course``; with ``lesson``, annotated with
    ``lesson_completed`` in the same query (the lesson page's one look-up)."""
    if not user.is_authenticated:
        return None
    enrollments = Enrollment.objects.filter(user=user, course=course)
    if lesson is not None:
        enrollments = enrollments.annotate(
            lesson_completed=Exists(
                ModuleCompletion.objects.filter(enrollment=OuterRef("pk"), module=lesson)
            )
        )
    enrollment = enrollments.first()
    if enrollment is not None:
        enrollment.user = user  # the same person: no second look-up
    return enrollment


@dataclass
class OutlineItem:
    page: object
    url: str
    kind: str  # "lesson" or "quiz"
    completed: bool
    # Quizzes only: pretest | lesson_check | final_exam, and the trainee's results.
    quiz_kind: str = ""
    attempts: int = 0
    best_percent: object = None
    passed: bool = False
    in_progress: bool = False


def _course_structure(course, request) -> tuple[list, list, dict]:
    """The course's live lessons and quizzes and their URLs in the active language:
    the same for every trainee, kept per process under the content version."""
    from django.utils.translation import get_language

    from core import content_version

    def build():
        lessons = list(course_lessons(course))
        quizzes = list(course_quizzes(course))
        urls = {page.pk: page.get_url(request) for page in [*lessons, *quizzes]}
        return lessons, quizzes, urls

    return content_version.remember(("course-structure", course.pk, get_language()), build)


def course_outline(course, *, enrollment: Enrollment | None, request=None) -> dict:
    """Lessons and quizzes of a course in tree order, with the trainee's progress.

    Two queries (completions, quiz results) whatever the number of lessons,
    quizzes or attempts. A quiz counts as done when passed (a pre-test: when
    taken once).
    """
    lessons, quizzes, urls = _course_structure(course, request)
    done = set()
    statuses = {}
    if enrollment is not None:
        done = set(
            ModuleCompletion.objects.filter(enrollment=enrollment).values_list(
                "module_id", flat=True
            )
        )
        statuses = quiz_statuses(enrollment.user, [q.pk for q in quizzes])
    items = [
        OutlineItem(page=p, url=urls[p.pk], kind="lesson", completed=p.pk in done) for p in lessons
    ]
    for quiz in quizzes:
        status = statuses.get(quiz.pk)
        item = OutlineItem(
            page=quiz, url=urls[quiz.pk], kind="quiz", completed=False, quiz_kind=quiz.kind
        )
        if status is not None:
            item.attempts = status.attempts
            item.best_percent = status.best_percent
            item.passed = status.passed
            item.in_progress = status.in_progress
            item.completed = status.passed or (
                quiz.kind == "pretest" and status.best_percent is not None
            )
        items.append(item)
    items.sort(key=lambda i: i.page.path)
    required = [i for i in items if i.kind == "lesson" and i.page.required]
    completed_required = sum(1 for i in required if i.completed)
    exams = [i for i in items if i.quiz_kind == "final_exam"]
    # Lesson checks are practice: never the suggested next step. Before any
    # lesson is done, an untaken pre-test comes first wherever it sits.
    next_item = next((i for i in items if not i.completed and i.quiz_kind != "lesson_check"), None)
    pretest = next((i for i in items if i.quiz_kind == "pretest" and not i.completed), None)
    if pretest is not None and not any(i.completed for i in items if i.kind == "lesson"):
        next_item = pretest
    return {
        "items": items,
        "total": len(required),
        "completed": completed_required,
        "percent": percent(completed_required, len(required)),
        "next": next_item,
        "exams": exams,
        "exams_passed": bool(exams) and all(i.passed for i in exams),
    }


def remaining_required_lessons(course, enrollment: Enrollment | None) -> QuerySet[ModulePage]:
    """Live required lessons of ``course`` the enrolment has not completed, in course order.

    One query. Without an enrolment every required lesson remains.
    """
    lessons = course_lessons(course).filter(required=True)
    if enrollment is None:
        return lessons
    done = ModuleCompletion.objects.filter(enrollment=enrollment, module=OuterRef("pk"))
    return lessons.filter(~Exists(done))


def percent(done: int, total: int) -> int:
    if not total:
        return 0
    return min(100, round(100 * done / total))


def lesson_navigation(lesson, *, enrollment: Enrollment | None, request=None) -> dict:
    """Previous/next pages (lessons and the quizzes between them), position and state.

    The quiz that follows a lesson (a lesson check, the final exam) is its
    "next" page, so a trainee studying in order never skips it. The lesson's
    place in its course is the same for every trainee: it is kept per language
    under the content version (core.content_version), so only the trainee's
    own state costs a query.
    """
    from django.utils.translation import get_language

    from core import content_version

    language = get_language()
    place = content_version.remember(
        ("lesson-place", lesson.pk, language), lambda: _lesson_place(lesson, request)
    )
    completed = getattr(enrollment, "lesson_completed", None)
    if completed is None:
        completed = (
            enrollment is not None
            and ModuleCompletion.objects.filter(enrollment=enrollment, module=lesson).exists()
        )
    return {**place, "completed": completed, "enrolled": enrollment is not None}


def _lesson_place(lesson, request) -> dict:
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Page

    lesson_type = ContentType.objects.get_for_model(ModulePage)
    siblings = list(
        Page.objects.live()
        .sibling_of(lesson, inclusive=True)
        .order_by("path")
        .only("pk", "path", "depth", "title", "url_path", "slug", "content_type")
    )
    index = next((i for i, p in enumerate(siblings) if p.pk == lesson.pk), 0)
    previous_page = siblings[index - 1] if index > 0 else None
    next_page = siblings[index + 1] if index + 1 < len(siblings) else None
    lesson_ids = [p.pk for p in siblings if p.content_type_id == lesson_type.pk]
    return {
        "previous_lesson": {"title": previous_page.title} if previous_page else None,
        "previous_url": previous_page.get_url(request) if previous_page else None,
        "next_lesson": {"title": next_page.title} if next_page else None,
        "next_url": next_page.get_url(request) if next_page else None,
        "position": lesson_ids.index(lesson.pk) + 1 if lesson.pk in lesson_ids else 1,
        "lesson_total": len(lesson_ids),
    }


def final_exam_attempts(enrollment) -> QuerySet[Attempt]:
    """Submitted (scored) final-exam attempts of the enrolment."""
    return Attempt.objects.filter(
        enrollment=enrollment, status=SUBMITTED, quiz__kind=QuizPage.Kind.FINAL_EXAM
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
    """The final-exam attempt whose score counts: the best submitted one (then the earliest).

    None when the enrolment has no submitted final-exam attempt. ``since``
    limits it to attempts started after a moment (e.g. a renewal's start).
    Read without its snapshot (the key and every question's texts, the bulk
    of the row): its score is what counts; the snapshot is read if used.
    """
    attempts = final_exam_attempts(enrollment).defer("snapshot")
    if since is not None:
        attempts = attempts.filter(started_at__gte=since)
    return attempts.order_by("-score_percent", "submitted_at", "pk").first()


def final_exam_score(enrollment) -> Decimal | None:
    """The enrolment's final-exam score (see the module docstring), or None."""
    best = final_exam_best(enrollment)
    return best.score_percent if best is not None else None


def final_exam_scores() -> QuerySet:
    """``final_exam_score`` of every enrolment that has one, in one grouped query.

    Rows of ``enrollment`` (its id) and ``best``; for reports that join many
    enrolments to their score at once rather than one subquery per enrolment.
    """
    return (
        Attempt.objects.filter(status=SUBMITTED, quiz__kind=QuizPage.Kind.FINAL_EXAM)
        .order_by()
        .values("enrollment")
        .annotate(best=Max("score_percent"))
    )


def final_exam_score_subquery(enrollment_ref: str = "pk"):
    """``final_exam_score`` as an SQL expression, for the enrolment at ``enrollment_ref``."""
    best = final_exam_scores().filter(enrollment=OuterRef(enrollment_ref)).values("best")
    return Subquery(best, output_field=SCORE_FIELD)


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


def attempt_for(user, quiz, attempt_id, *, snapshot: bool = True) -> Attempt | None:
    """The attempt if it belongs to this trainee and quiz, else None.

    ``snapshot=False`` leaves out the snapshot (the answer key and every
    question's texts, the bulk of the row) for a view that only hands the
    attempt to a service, which reads it again under its lock.
    """
    if not user.is_authenticated:
        return None
    attempts = Attempt.objects.filter(pk=attempt_id, user=user, quiz=quiz)
    if not snapshot:
        attempts = attempts.defer("snapshot")
    return attempts.first()


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


def attempt_answers(attempt: Attempt) -> dict[int, Answer]:
    return {a.question_id: a for a in Answer.objects.filter(attempt=attempt)}


def unanswered_numbers(attempt: Attempt, *, answered: set[int] | None = None) -> list[int]:
    """Numbers (1-based, in the attempt's order) of the questions with no answer saved.

    ``answered``: the ids of the questions with an answer, when the caller
    already knows them (else read, one query). Questions deleted since the
    start cannot be answered and are not listed (one more query, only when
    some question lacks an answer).
    """
    ids = attempt.question_ids()
    if answered is None:
        answered = {
            question_id
            for question_id, selected in Answer.objects.filter(
                attempt=attempt, question_id__in=ids
            ).values_list("question_id", "selected_choice_ids")
            if selected
        }
    missing = [question_id for question_id in ids if question_id not in answered]
    if not missing:
        return []
    existing = set(Question.objects.filter(pk__in=missing).values_list("pk", flat=True))
    return [
        number
        for number, question_id in enumerate(ids, start=1)
        if question_id in existing and question_id not in answered
    ]


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


def questions_to_revisit(attempt: Attempt, *, language: str) -> list[review.ReviewItem]:
    """The submitted attempt's questions not fully right (what a pre-test says to study)."""
    return [item for item in attempt_review(attempt, language=language) if not item.is_correct]
