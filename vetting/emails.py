"""The e-mail a trainee gets when cleared, in their preferred language."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from accounts.api import User
from core import page_hooks
from courses.api import CoursePage


def site_root_url() -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def vetting_cleared_email_send(*, trainee_id: int, course_ids: list[int]) -> bool:
    """Tells the trainee they may start: the courses they are now enrolled in, with links.

    Not to a deactivated account (it cannot sign in to follow the links).
    """
    return _send(trainee_id=trainee_id, course_ids=course_ids, template="cleared")


def vetting_not_approved_email_send(*, trainee_id: int, course_ids: list[int]) -> bool:
    """Tells the trainee their waiting requests could not be approved (never "refused")
    and to contact the programme."""
    return _send(trainee_id=trainee_id, course_ids=course_ids, template="not_approved")


def _send(*, trainee_id: int, course_ids: list[int], template: str) -> bool:
    trainee = User.objects.filter(pk=trainee_id, is_active=True).first()
    if trainee is None or not trainee.email:
        return False
    language = trainee.preferred_language or settings.LANGUAGE_CODE
    root = site_root_url()
    with translation.override(language):
        courses = [
            {"title": course.title, "url": root + course.get_url()}
            for course in CoursePage.objects.filter(pk__in=course_ids).order_by("path")
        ]
        context = {
            "programme": page_hooks.call("certificates.programme_name", language),
            "name": trainee.full_name,
            "courses": courses,
            "my_learning_url": root + reverse("my_learning"),
        }
        subject = render_to_string(f"vetting/email/{template}_subject.txt", context)
        body = render_to_string(f"vetting/email/{template}_body.txt", context)
    send_mail(" ".join(subject.split()), body, None, [trainee.email])
    return True
