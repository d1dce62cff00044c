"""Quizzes in the course outline, the completion rule, and the queries other apps use."""

from decimal import Decimal

import pytest

from courses.models import ModulePage
from learning import attempts as services
from learning import queries
from learning.services import completion_requirements_met, enrollment_update_completion
from tests import factories
from tests.assessments import helpers

pytestmark = pytest.mark.django_db


def test_rule_needs_lessons_and_exams():
    assert completion_requirements_met(required_lessons={1}, completed_lessons={1})
    assert not completion_requirements_met(
        required_lessons={1}, completed_lessons={1}, required_exams={9}, passed_exams=set()
    )
    assert completion_requirements_met(
        required_lessons={1}, completed_lessons={1}, required_exams={9}, passed_exams={9}
    )
    assert not completion_requirements_met(
        required_lessons={1, 2}, completed_lessons={1}, required_exams={9}, passed_exams={9}
    )
    assert not completion_requirements_met(required_lessons=set(), completed_lessons=set())


def complete_all_lessons(enrollment):
    from learning.models import ModuleCompletion

    for lesson in ModulePage.objects.child_of(enrollment.course):
        ModuleCompletion.objects.create(enrollment=enrollment, module=lesson)


def pass_exam(trainee, quiz, right=True):
    attempt = services.attempt_start(user=trainee, quiz=quiz, language="en")
    answers = helpers.correct_answers(attempt) if right else helpers.wrong_answers(attempt)
    return services.attempt_submit(attempt=attempt, answers=answers).attempt


def test_course_without_final_exam_completes_on_lessons_alone():
    course = factories.course(lessons=2)
    helpers.quiz(course, kind="pretest")
    trainee, enrollment = helpers.enrolled(course)
    complete_all_lessons(enrollment)
    assert enrollment_update_completion(enrollment=enrollment) is True


def test_course_with_final_exam_needs_it_passed():
    course = factories.course(lessons=2)
    exam = helpers.quiz(course)
    trainee, enrollment = helpers.enrolled(course)
    complete_all_lessons(enrollment)
    assert enrollment_update_completion(enrollment=enrollment) is False
    pass_exam(trainee, exam, right=False)
    enrollment.refresh_from_db()
    assert enrollment.completed_at is None
    pass_exam(trainee, exam)
    enrollment.refresh_from_db()
    assert enrollment.completed_at is not None


def test_unpublished_final_exam_is_not_required():
    course = factories.course(lessons=1)
    exam = helpers.quiz(course)
    exam.unpublish()
    trainee, enrollment = helpers.enrolled(course)
    complete_all_lessons(enrollment)
    assert enrollment_update_completion(enrollment=enrollment) is True


def test_final_exam_queries_for_certificates_and_reports():
    course = factories.course(lessons=1)
    exam = helpers.quiz(course)
    pretest = helpers.quiz(course, kind="pretest")
    trainee, enrollment = helpers.enrolled(course)
    assert queries.final_exam_passed(enrollment) is False
    assert queries.final_exam_best(enrollment) is None
    assert queries.final_exam_score(enrollment) is None
    pass_exam(trainee, exam, right=False)
    best = pass_exam(trainee, exam)
    pass_exam(trainee, pretest, right=False)
    assert queries.final_exam_passed(enrollment) is True
    assert queries.final_exam_best(enrollment) == best
    assert queries.final_exam_best(enrollment).score_percent == Decimal("100.00")
    assert queries.final_exam_score(enrollment) == Decimal("100.00")
    assert queries.pretest_best(enrollment).score_percent == Decimal("0.00")


def test_course_page_lists_quizzes_with_results_in_spanish(client):
    course = factories.course(lessons=2)
    pretest = helpers.quiz(course, kind="pretest")
    helpers.quiz(course)
    trainee, _ = helpers.enrolled(course)
    pass_exam(trainee, pretest)
    client.force_login(trainee)
    from django.utils import translation

    with translation.override("es"):
        url = course.get_url()
    page = client.get(url).content.decode()
    assert "Lecciones y cuestionarios" in page
    assert "Evaluación diagnóstica" in page and "Examen final" in page
    assert "mejor calificación 100 %" in page
    assert "Para completar el curso, termine todas las lecciones y apruebe el examen final." in page


def test_course_page_shows_the_final_exam_passed():
    course = factories.course(lessons=1)
    exam = helpers.quiz(course)
    trainee, enrollment = helpers.enrolled(course)
    pass_exam(trainee, exam)
    from django.test import Client

    client = Client()
    client.force_login(trainee)
    page = client.get(course.get_url()).content.decode()
    assert "Final exam passed" in page
