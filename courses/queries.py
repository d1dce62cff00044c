"""Read side of course content: the catalogue and a course's lessons. No writes here.

Every function issues a fixed number of queries whatever the number of
lessons or enrolments; progress is aggregated in SQL.
"""

from django.db.models import (
    Count,
    IntegerField,
    OuterRef,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce

from .models import CoursePage, ModulePage


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


def course_lessons(course) -> QuerySet[ModulePage]:
    """Live lessons of ``course`` in their tree order."""
    return ModulePage.objects.live().child_of(course).order_by("path")
