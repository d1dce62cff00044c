"""The door to course content: the page types, the catalogue, a course's lessons, topics.

Other apps import from here, never from this app's other modules
(tests/test_app_layers.py checks it).
"""

from .models import (
    CourseIndexPage,
    CoursePage,
    HomePage,
    ModulePage,
    Topic,
    redirect_to_login,
)
from .queries import catalogue, course_lessons, lesson_count_subquery
from .services import topics_create_standard

__all__ = [
    "CourseIndexPage",
    "CoursePage",
    "HomePage",
    "ModulePage",
    "Topic",
    "catalogue",
    "course_lessons",
    "lesson_count_subquery",
    "redirect_to_login",
    "topics_create_standard",
]
