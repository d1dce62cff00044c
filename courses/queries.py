"""Read side of courses: catalogue, outlines, progress. No writes here.

Every function issues a fixed number of queries whatever the number of
lessons or enrolments; progress is aggregated in SQL.
"""

from dataclasses import dataclass

from django.db.models import (
    Count,
    Exists,
    F,
    IntegerField,
    OuterRef,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce

from .models import CoursePage, Enrollment, ModuleCompletion, ModulePage


def catalogue(parent=None) -> QuerySet[CoursePage]:
    """Published courses, in tree order, with their number of live lessons."""
    courses = CoursePage.objects.live().public().select_related("image")
    if parent is not None:
        courses = courses.child_of(parent)
    return courses.annotate(lesson_count=lesson_count_subquery("path", "depth")).order_by("path")


def lesson_count_subquery(path_ref: str, depth_ref: str):
    """Number of live, required lessons directly under the course at ``path_ref``."""
    lessons = (
        ModulePage.objects.filter(
            live=True,
            required=True,
            path__startswith=OuterRef(path_ref),
            depth=OuterRef(depth_ref) + 1,
        )
        .order_by()
        .values("depth")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(lessons, output_field=IntegerField()), Value(0))


def enrolled_course_ids(user) -> set[int]:
    if not user.is_authenticated:
        return set()
    return set(Enrollment.objects.filter(user=user).values_list("course_id", flat=True))


def enrollment_for(user, course) -> Enrollment | None:
    if not user.is_authenticated:
        return None
    return Enrollment.objects.filter(user=user, course=course).first()


def course_lessons(course) -> QuerySet[ModulePage]:
    """Live lessons of ``course`` in their tree order."""
    return ModulePage.objects.live().child_of(course).order_by("path")


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


def course_outline(course, *, enrollment: Enrollment | None, request=None) -> dict:
    """Lessons and quizzes of a course in tree order, with the trainee's progress.

    Four queries whatever the number of lessons, quizzes or attempts. A quiz
    counts as done when passed (a pre-test: when taken once).
    """
    from assessments.queries import course_quizzes, quiz_statuses

    lessons = list(course_lessons(course))
    quizzes = list(course_quizzes(course))
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
        OutlineItem(page=p, url=p.get_url(request), kind="lesson", completed=p.pk in done)
        for p in lessons
    ]
    for quiz in quizzes:
        status = statuses.get(quiz.pk)
        item = OutlineItem(
            page=quiz, url=quiz.get_url(request), kind="quiz", completed=False, quiz_kind=quiz.kind
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
    # Lesson checks are practice: never the suggested next step.
    next_item = next((i for i in items if not i.completed and i.quiz_kind != "lesson_check"), None)
    return {
        "items": items,
        "total": len(required),
        "completed": completed_required,
        "percent": percent(completed_required, len(required)),
        "next": next_item,
        "exams": exams,
        "exams_passed": bool(exams) and all(i.passed for i in exams),
    }


def percent(done: int, total: int) -> int:
    if not total:
        return 0
    return min(100, round(100 * done / total))


def lesson_navigation(lesson, *, enrollment: Enrollment | None, request=None) -> dict:
    """Previous/next pages (lessons and the quizzes between them), position and state.

    The quiz that follows a lesson (a lesson check, the final exam) is its
    "next" page, so a trainee studying in order never skips it.
    """
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
    completed = (
        enrollment is not None
        and ModuleCompletion.objects.filter(enrollment=enrollment, module=lesson).exists()
    )
    return {
        "previous_lesson": previous_page,
        "previous_url": previous_page.get_url(request) if previous_page else None,
        "next_lesson": next_page,
        "next_url": next_page.get_url(request) if next_page else None,
        "position": lesson_ids.index(lesson.pk) + 1 if lesson.pk in lesson_ids else 1,
        "lesson_total": len(lesson_ids),
        "completed": completed,
        "enrolled": enrollment is not None,
    }


def my_learning(user) -> QuerySet[Enrollment]:
    """The trainee's enrolments with progress and the next lesson, in SQL.

    Annotates ``lesson_total``, ``lesson_done`` and ``next_lesson_id``.
    """
    done = (
        ModuleCompletion.objects.filter(
            enrollment=OuterRef("pk"), module__live=True, module__required=True
        )
        .order_by()
        .values("enrollment")
        .annotate(n=Count("pk"))
        .values("n")
    )
    completed_here = ModuleCompletion.objects.filter(
        enrollment=OuterRef(OuterRef("pk")), module=OuterRef("pk")
    )
    next_lesson = (
        ModulePage.objects.filter(
            live=True,
            path__startswith=OuterRef("course__path"),
            depth=OuterRef("course__depth") + 1,
        )
        .filter(~Exists(completed_here))
        .order_by("path")
        .values("pk")[:1]
    )
    return (
        Enrollment.objects.filter(user=user)
        .select_related("course")
        .annotate(
            lesson_total=lesson_count_subquery("course__path", "course__depth"),
            lesson_done=Coalesce(Subquery(done, output_field=IntegerField()), Value(0)),
            next_lesson_id=Subquery(next_lesson),
        )
        .order_by(F("completed_at").desc(nulls_first=True), "-last_activity_at")
    )


def lessons_by_id(ids) -> dict[int, ModulePage]:
    ids = [i for i in ids if i]
    if not ids:
        return {}
    return {p.pk: p for p in ModulePage.objects.filter(pk__in=ids)}
