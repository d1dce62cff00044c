"""The learner parts of course and lesson pages, and My learning.

Course and lesson pages (``courses``) call these through ``core.page_hooks``
(registered in ``wagtail_hooks.py``): enrolling, marking a lesson complete,
and the trainee's enrolment, outline and navigation shown on the pages.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _

from assessments.api import QuizPage, course_quizzes
from core import personal_pages
from courses.api import redirect_to_login
from vetting.api import Gate, course_state, waiting_courses

from . import my_learning, queries
from .services import NotEnrolledError, enrollment_request, module_complete


def course_context(request, course) -> dict:
    """The trainee's enrolment and the course outline with their progress.

    Not enrolled in a course that requires vetting: whether a request waits
    (``vetting_state``, a ``vetting.api.Gate``), shown instead of the button.
    """
    enrollment = queries.enrollment_for(request.user, course)
    outline = queries.course_outline(course, enrollment=enrollment, request=request)
    vetting_state = None
    if enrollment is None and request.user.is_authenticated:
        vetting_state = course_state(request.user, course)
    return {"enrollment": enrollment, "outline": outline, "vetting_state": vetting_state}


def lesson_context(request, lesson, enrollment) -> dict:
    return queries.lesson_navigation(lesson, enrollment=enrollment, request=request)


def course_enrol(request, course):
    if request.method != "POST":
        return redirect(course.get_url(request))
    if not request.user.is_authenticated:
        return redirect_to_login(request, course.get_url(request))
    result = enrollment_request(user=request.user, course=course)
    created = result.created
    if result.gate is Gate.NOT_APPROVED:
        messages.warning(request, result.gate.message)
    elif result.gate is not Gate.OPEN:
        messages.info(request, result.gate.message)
    elif created and course_quizzes(course).filter(kind=QuizPage.Kind.PRETEST).exists():
        messages.success(request, _("You are enrolled. Start with the pre-test."))
    elif created:
        messages.success(request, _("You are enrolled. Start with the first lesson."))
    else:
        messages.info(request, _("You are already enrolled in this course."))
    return redirect(course.get_url(request))


def lesson_complete(request, lesson):
    if request.method != "POST":
        return redirect(lesson.get_url(request))
    if not request.user.is_authenticated:
        return redirect_to_login(request, lesson.get_url(request))
    try:
        result = module_complete(user=request.user, module=lesson)
    except NotEnrolledError:
        messages.error(
            request,
            _("You are not enrolled in this course, so this lesson was not marked complete."),
        )
        return redirect(lesson.course().get_url(request))
    if result.course_completed:
        messages.success(request, _("Well done: you have completed the course."))
    else:
        messages.success(request, _("Lesson marked complete."))
    next_url = request.POST.get("next") or ""
    if next_url and url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(next_url)
    return redirect(lesson.get_url(request))


@login_required
def my_learning_view(request):
    """The trainee's dashboard: enrolments, progress, where to continue, and the
    enrolment requests that wait for vetting.

    Their certificates are drawn by the certificates app's template tag.
    """
    rows = my_learning.my_learning_rows(request.user, request)
    # Courses asked for that wait for vetting (or could not be approved).
    waiting = waiting_courses(request.user)
    context = {"rows": rows, "waiting": waiting}
    # An attempt offered to continue is offered only until its time limit ends, and
    # a wait between attempts is shown only until it ends.
    for row in rows:
        personal_pages.true_until(request, row["next_exam_deadline"])
        personal_pages.true_until(request, row["next_exam_wait_until"])
    return personal_pages.keep(render(request, "learning/my_learning.html", context))
