"""Fixtures for certificates: a course with a final exam (when the quiz app
is installed), a trainee who completes it, and scoped program managers."""

from datetime import timedelta

import pytest
from django.apps import apps
from django.utils import timezone

from accounts.roles import roles_setup
from certificates.models import Certificate
from courses.models import ModulePage
from learning.services import enrollment_create, module_complete
from tests import factories

HOLDER = "José Ángel Pérez Muñoz"


def course_with_exam(**extra):
    course = factories.course(lessons=2, **extra)
    final_exam(course)
    return course


def final_exam(course):
    """Adds a one-question final exam to ``course`` when the quiz app is installed."""
    if not apps.is_installed("assessments"):
        return None
    from assessments.models import Choice, Question, QuizPage

    quiz = factories.publish(
        course,
        QuizPage(
            title_en="Final exam",
            title_es="Examen final",
            slug_en="final-exam",
            slug_es="examen-final",
            kind=QuizPage.Kind.FINAL_EXAM,
            pass_mark=70,
        ),
    )
    question = Question.objects.create(
        quiz=quiz, text_en="Is the chain of custody recorded?", text_es="¿Se registra?"
    )
    Choice.objects.create(question=question, text_en="Yes", text_es="Sí", fraction=100)
    Choice.objects.create(question=question, text_en="No", text_es="No", fraction=0)
    return quiz


def complete_course(user, course):
    """The trainee's path to completion: every lesson, then a passing final exam."""
    enrollment, _created = enrollment_create(user=user, course=course)
    for lesson in ModulePage.objects.child_of(course).live().order_by("path"):
        module_complete(user=user, module=lesson)
    if apps.is_installed("assessments"):
        from assessments.models import QuizPage
        from learning.attempts import attempt_start, attempt_submit

        quiz = QuizPage.objects.child_of(course).filter(kind=QuizPage.Kind.FINAL_EXAM).first()
        if quiz is not None:
            attempt = attempt_start(user=user, quiz=quiz, language=user.preferred_language)
            right = {q["id"]: q["correct"] for q in attempt.snapshot["questions"]}
            attempt_submit(attempt=attempt, answers=right)
    enrollment.refresh_from_db()
    return enrollment


@pytest.fixture
def course(db):
    return course_with_exam()


@pytest.fixture
def gt_trainee(db):
    factories.country("GT", en="Guatemala", es="Guatemala")
    return factories.trainee("holder.gt@example.org", code="GT", full_name=HOLDER)


@pytest.fixture
def certificate(gt_trainee, course, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        complete_course(gt_trainee, course)
    return Certificate.objects.get(user=gt_trainee)


@pytest.fixture
def roles(db):
    return roles_setup()


@pytest.fixture
def manager_all(roles):
    return factories.manager("manager.all@example.org")


@pytest.fixture
def manager_hn(roles):
    return factories.manager("manager.hn@example.org", countries=[factories.country("HN")])


@pytest.fixture
def manager_gt(roles):
    guatemala = factories.country("GT", en="Guatemala", es="Guatemala")
    return factories.manager("manager.gt@example.org", countries=[guatemala])


def expire(certificate):
    """Moves a certificate's expiry into the past."""
    Certificate.objects.filter(pk=certificate.pk).update(
        expires_at=timezone.now() - timedelta(days=1)
    )
    certificate.refresh_from_db()
    return certificate
