"""My learning: the trainee's enrolments, their progress and next step (read side)."""

from collections import Counter

from django.db.models import Case, DateTimeField, F, Value, When
from django.utils import timezone

from assessments.api import QuizPage

from .attempts import wait_ends
from .models import Attempt, Enrollment, ModuleCompletion
from .queries import SUBMITTED, _course_structure, percent


def my_learning_rows(user, request=None) -> list[dict]:
    """The trainee's enrolments with progress and their next step, newest activity first.

    Two queries whatever the number of enrolments: the enrolments with their
    courses, and what the trainee has done in them (lessons completed and
    quiz attempts with their state, in one statement; page ids, so the two
    never collide); the courses' lessons come from the per-process course
    structure (``_course_structure``). Progress counts live required lessons.
    The next step is the first live lesson not done, or, once every required
    lesson is done and the course is not complete, the first live final exam
    not passed: with whether an attempt of it is open, or every attempt it
    allows is used (counted as the quiz page counts them, open and expired
    ones included; renewals concern completed enrolments only, which have no
    next step), and, for an open attempt, when its time limit ends
    (``next_exam_deadline``: from then on the step is no longer to continue it),
    or, while the exam's wait between attempts runs, when it ends
    (``next_exam_wait_until``, counted as the attempt start counts it: from the
    last submitted attempt, else the last started; not shown while an attempt
    past its time limit waits to be closed, which starts the wait).
    """
    now = timezone.now()
    enrollments = list(
        Enrollment.objects.filter(user=user)
        .select_related("course")
        .order_by(F("completed_at").desc(nulls_first=True), "-last_activity_at")
    )
    done: dict[int, set] = {e.pk: set() for e in enrollments}
    started: dict[int, dict] = {e.pk: {} for e in enrollments}  # open attempts' deadlines
    tries: dict[int, Counter] = {e.pk: Counter() for e in enrollments}  # attempts per quiz
    # Per quiz, the last submission and the last start of its closed attempts.
    last_submitted: dict[int, dict] = {e.pk: {} for e in enrollments}
    last_started: dict[int, dict] = {e.pk: {} for e in enrollments}
    # Quizzes with an attempt past its time limit but not closed yet: its wait
    # will count from when it is closed (the next visit to the exam), not known yet.
    unclosed: dict[int, set] = {e.pk: set() for e in enrollments}
    if enrollments:
        lessons_done = (
            ModuleCompletion.objects.filter(enrollment_id__in=list(done))
            .annotate(
                state=Value("lesson"),
                ends=Value(None, output_field=DateTimeField()),
                began=Value(None, output_field=DateTimeField()),
            )
            .values_list("enrollment_id", "module_id", "state", "ends", "began")
        )
        quizzes = (
            Attempt.objects.filter(enrollment_id__in=list(done))
            .annotate(
                state=Case(
                    # Past its time limit: closed when next opened, so already a try.
                    When(
                        status=Attempt.Status.IN_PROGRESS, deadline__lt=now, then=Value("overdue")
                    ),
                    When(status=Attempt.Status.IN_PROGRESS, then=Value("open")),
                    When(status=SUBMITTED, passed=True, then=Value("passed")),
                    default=Value("tried"),
                ),
                # An open attempt's time limit; a closed one's submission.
                ends=Case(
                    When(status=Attempt.Status.IN_PROGRESS, then=F("deadline")),
                    default=F("submitted_at"),
                ),
                began=F("started_at"),
            )
            .values_list("enrollment_id", "quiz_id", "state", "ends", "began")
        )
        done_and_tried = lessons_done.union(quizzes, all=True)
        for enrollment_id, page_id, state, ends, began in done_and_tried:
            if state in ("lesson", "passed"):
                done[enrollment_id].add(page_id)
            if state == "open":
                started[enrollment_id][page_id] = ends
            if state != "lesson":
                tries[enrollment_id][page_id] += 1
            if state == "overdue":
                unclosed[enrollment_id].add(page_id)
            if state in ("tried", "passed"):
                for latest, moment in ((last_submitted, ends), (last_started, began)):
                    known = latest[enrollment_id].get(page_id)
                    if moment is not None and (known is None or moment > known):
                        latest[enrollment_id][page_id] = moment
    rows = []
    for enrollment in enrollments:
        enrollment.user = user
        lessons, quizzes, urls = _course_structure(enrollment.course, request)
        finished = done[enrollment.pk]
        required = [lesson for lesson in lessons if lesson.required]
        enrollment.lesson_total = len(required)
        enrollment.lesson_done = sum(1 for lesson in required if lesson.pk in finished)
        next_lesson = next((lesson for lesson in lessons if lesson.pk not in finished), None)
        next_exam = None
        if enrollment.completed_at is None and enrollment.lesson_done == enrollment.lesson_total:
            next_exam = next(
                (
                    quiz
                    for quiz in quizzes
                    if quiz.kind == QuizPage.Kind.FINAL_EXAM and quiz.pk not in finished
                ),
                None,
            )
        used_up = (
            next_exam is not None
            and next_exam.pk not in started[enrollment.pk]
            and bool(next_exam.max_attempts)
            and tries[enrollment.pk][next_exam.pk] >= next_exam.max_attempts
        )
        wait_until = None
        if (
            next_exam is not None
            and not used_up
            and next_exam.pk not in started[enrollment.pk]
            and next_exam.pk not in unclosed[enrollment.pk]
        ):
            wait_until = wait_ends(
                next_exam,
                last_submitted=last_submitted[enrollment.pk].get(next_exam.pk),
                last_started=last_started[enrollment.pk].get(next_exam.pk),
            )
            if wait_until is not None and wait_until <= now:
                wait_until = None
        rows.append(
            {
                "enrollment": enrollment,
                "course": enrollment.course,
                "course_url": enrollment.course.get_url(request),
                "percent": percent(enrollment.lesson_done, enrollment.lesson_total),
                "next_url": urls[next_lesson.pk] if next_lesson else None,
                "next_lesson": next_lesson,
                "next_exam": next_exam,
                "next_exam_url": urls[next_exam.pk] if next_exam else None,
                "next_exam_open": next_exam is not None and next_exam.pk in started[enrollment.pk],
                "next_exam_deadline": started[enrollment.pk].get(next_exam.pk)
                if next_exam is not None
                else None,
                "next_exam_used_up": used_up,
                "next_exam_wait_until": wait_until,
            }
        )
    return rows
