"""A final exam opens once the course's required lessons are complete (a per-quiz setting)."""

import pytest

from assessments.models import QuizPage
from learning import attempts as services
from learning.models import Attempt, Enrollment, ModuleCompletion
from learning.services import module_complete
from tests import factories
from tests.assessments import helpers

pytestmark = pytest.mark.django_db


@pytest.fixture
def course():
    course = factories.course(lessons=3)
    optional = factories.lesson(course, 4)
    optional.required = False
    optional.save_revision().publish()
    return course


@pytest.fixture
def exam(course):
    return helpers.quiz(course, requires_lessons=True)


def lessons(course):
    return list(factories.ModulePage.objects.child_of(course).order_by("path"))


def test_new_quizzes_follow_their_kind():
    assert QuizPage(kind=QuizPage.Kind.FINAL_EXAM).requires_lessons is True
    assert QuizPage().requires_lessons is True  # a new quiz is a final exam
    assert QuizPage(kind=QuizPage.Kind.PRETEST).requires_lessons is False
    assert QuizPage(kind=QuizPage.Kind.LESSON_CHECK).requires_lessons is False
    assert QuizPage(kind=QuizPage.Kind.PRETEST, requires_lessons=True).requires_lessons is True


def test_start_is_refused_until_the_required_lessons_are_complete(course, exam):
    trainee, enrollment = helpers.enrolled(course)
    first, second, third, optional = lessons(course)
    module_complete(user=trainee, module=first)
    module_complete(user=trainee, module=second)
    with pytest.raises(services.LessonsIncompleteError):
        services.attempt_start(user=trainee, quiz=exam, language="en")
    assert not Attempt.objects.exists()
    module_complete(user=trainee, module=third)  # the optional lesson is not needed
    attempt = services.attempt_start(user=trainee, quiz=exam, language="en")
    assert attempt.status == Attempt.Status.IN_PROGRESS


def test_the_setting_off_opens_at_once(course):
    exam = helpers.quiz(course, requires_lessons=False)
    trainee, _ = helpers.enrolled(course)
    assert services.attempt_start(user=trainee, quiz=exam, language="en").pk


def test_an_unpublished_lesson_is_not_required(course, exam):
    trainee, _ = helpers.enrolled(course)
    for lesson in lessons(course)[:2]:
        module_complete(user=trainee, module=lesson)
    lessons(course)[2].unpublish()
    assert services.attempt_start(user=trainee, quiz=exam, language="en").pk


def test_the_refusal_through_the_site_says_why_in_the_trainees_language(client, course, exam):
    trainee, _ = helpers.enrolled(course, language="es")
    client.force_login(trainee)
    response = client.post(helpers.es_url(exam) + "start/", follow=True)
    html = response.content.decode()
    assert "Este cuestionario se abre cuando haya completado" in html
    assert not Attempt.objects.exists()


def test_the_quiz_page_lists_the_remaining_lessons_instead_of_the_start_button(
    client, course, exam
):
    trainee, _ = helpers.enrolled(course, language="en")
    module_complete(user=trainee, module=lessons(course)[0])
    client.force_login(trainee)
    html = client.get(exam.get_url()).content.decode()
    assert "2 lessons remain" in html
    second, third = lessons(course)[1:3]
    assert f'<a href="{second.get_url()}">Lesson 2</a>' in html
    assert f'<a href="{third.get_url()}">Lesson 3</a>' in html
    assert "Lesson 1</a>" not in html.split("lessons-remaining")[1]
    assert "Lesson 4</a>" not in html.split("lessons-remaining")[1]  # optional
    assert "Start the quiz" not in html
    for lesson in (second, third):
        ModuleCompletion.objects.create(enrollment=trainee.enrollments.get(), module=lesson)
    html = client.get(exam.get_url()).content.decode()
    assert "lessons-remaining" not in html and "Start the quiz" in html


def test_the_list_in_spanish(client, course, exam):
    trainee, _ = helpers.enrolled(course, language="es")
    client.force_login(trainee)
    html = client.get(helpers.es_url(exam)).content.decode()
    assert "Quedan 3 lecciones" in html
    assert "Lección 1</a>" in html


def test_a_pretest_is_never_held_back(client, course):
    pretest = helpers.quiz(course, kind="pretest", requires_lessons=False)
    trainee, _ = helpers.enrolled(course, language="en")
    client.force_login(trainee)
    html = client.get(pretest.get_url()).content.decode()
    assert "lessons-remaining" not in html and "Start the quiz" in html


def test_an_open_attempt_still_resumes(course, exam):
    """An attempt started before the gate was switched on is not lost."""
    trainee, _ = helpers.enrolled(course)
    QuizPage.objects.filter(pk=exam.pk).update(requires_lessons=False)
    exam.refresh_from_db()
    attempt = services.attempt_start(user=trainee, quiz=exam, language="en")
    QuizPage.objects.filter(pk=exam.pk).update(requires_lessons=True)
    exam.refresh_from_db()
    assert services.attempt_start(user=trainee, quiz=exam, language="en").pk == attempt.pk


def test_staff_preview_shows_no_list(client, course, exam):
    trainer = factories.user("boss@example.org", is_staff=True, is_superuser=True)
    Enrollment.objects.create(user=trainer, course=course)
    client.force_login(trainer)
    response = client.get(f"/admin/pages/{exam.pk}/view_draft/")
    assert response.status_code == 200
    assert "lessons-remaining" not in response.content.decode()
