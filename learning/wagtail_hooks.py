"""What this app adds to other apps' pages and to the admin.

Course, lesson and quiz pages call their learner parts by name through
``core.page_hooks``; each name is registered here (see DESIGN: content apps
know nothing of learners' records).
"""

from django.urls import path
from wagtail import hooks

from . import admin_views, queries, quiz_views, views

PAGE_HOOKS = {
    "learning.enrolled_course_ids": queries.enrolled_course_ids,
    "learning.enrollment_for": queries.enrollment_for,
    "learning.course_context": views.course_context,
    "learning.course_enrol": views.course_enrol,
    "learning.lesson_context": views.lesson_context,
    "learning.lesson_complete": views.lesson_complete,
    "learning.quiz_home": quiz_views.quiz_home,
    "learning.quiz_start": quiz_views.quiz_start,
    "learning.attempt_take": quiz_views.attempt_take,
    "learning.attempt_save": quiz_views.attempt_save,
    "learning.attempt_submit": quiz_views.attempt_submit,
    "learning.attempt_review": quiz_views.attempt_review,
}

for name, function in PAGE_HOOKS.items():
    hooks.register(name, function)


@hooks.register("register_admin_urls")
def register_item_statistics_url():
    return [
        path(
            "quizzes/<int:quiz_id>/statistics/",
            admin_views.ItemStatisticsView.as_view(),
            name="assessments_stats",
        ),
    ]
