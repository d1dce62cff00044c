"""The door to course content: the page types, the catalogue and a course's lessons.

Other apps import from here, never from this app's other modules
(tests/test_app_layers.py checks it).
"""

from .models import (
    CourseIndexPage,
    CoursePage,
    HomePage,
    ModulePage,
    redirect_to_login,
)
from .queries import catalogue, course_lessons, lesson_count_subquery

__all__ = [
    "CourseIndexPage",
    "CoursePage",
    "HomePage",
    "ModulePage",
    "catalogue",
    "course_lessons",
    "lesson_count_subquery",
    "redirect_to_login",
]
