"""``seed_demo``: the demo site, courses, accounts and learning records (idempotent).

Running it twice changes nothing; every part only adds what is missing.
"""

from django.db import transaction
from django.test.utils import override_settings

from accounts.api import roles_setup

from . import data
from .accounts import seed_accounts, seed_countries
from .evaluation import seed_demo_answers, seed_demo_surveys
from .load import seed_course, seed_course_quizzes, seed_home
from .progress import seed_demo_progress
from .synthetic import seed_synthetic_trainees
from .vetting import seed_demo_vetting


@transaction.atomic
def seed_demo(*, trainees: int = 0) -> dict:
    """Creates (or leaves as they are) the demo site, courses and accounts."""
    countries = seed_countries()
    _home, index = seed_home()
    roles_setup(course_root=index)
    course_data = data.courses()
    courses = [seed_course(index, one) for one in course_data]
    quizzes = {
        course.pk: seed_course_quizzes(course, one)
        for course, one in zip(courses, course_data, strict=True)
    }
    for course, one in zip(courses, course_data, strict=True):
        seed_demo_surveys(course, one)
    users = seed_accounts(countries)
    seed_demo_progress(users, courses[0], quizzes[courses[0].pk])
    vetted = [course for course in courses if course.requires_vetting]
    for course in vetted:
        seed_demo_vetting(users, course)
    # Synthetic trainees have example.org addresses: their certificate e-mails
    # would only flood the console, so they are not sent. They take the courses
    # open to everyone (their enrolments are written directly, past the gate).
    open_courses = [course for course in courses if not course.requires_vetting]
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"):
        added = seed_synthetic_trainees(trainees, countries, open_courses, quizzes)
        for course in courses:
            seed_demo_answers(course)
    return {"courses": len(courses), "accounts": len(users), "synthetic_trainees_added": added}
