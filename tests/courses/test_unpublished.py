"""Unpublished courses, lessons and quizzes: a 404 in both languages, and nothing stored.

Each test first shows the same request working on the live page, so the 404
comes from the page being unpublished and not from a wrong URL.
"""

import pytest
from django.utils import translation

from courses.models import ModulePage
from learning.models import Answer, Attempt, Enrollment, ModuleCompletion
from tests import factories
from tests.assessments import helpers

pytestmark = pytest.mark.django_db

NOT_FOUND = {"en": "Page not found", "es": "Página no encontrada"}


def url_in(page, language: str) -> str:
    with translation.override(language):
        return page.get_url()


def first_lesson(course) -> ModulePage:
    return ModulePage.objects.child_of(course).order_by("path").first()


@pytest.fixture
def trainee_client(client):
    trainee = factories.trainee()
    client.force_login(trainee)
    client.trainee = trainee
    return client


@pytest.mark.parametrize("language", ["en", "es"])
def test_enrolling_in_an_unpublished_course_is_a_404_and_stores_nothing(trainee_client, language):
    live = factories.course(lessons=1)
    ok = trainee_client.post(url_in(live, language) + "enrol/")
    assert ok.status_code == 302
    assert Enrollment.objects.filter(user=trainee_client.trainee, course=live).count() == 1

    course = factories.course(lessons=1)
    url = url_in(course, language) + "enrol/"
    course.unpublish()
    response = trainee_client.post(url)
    assert response.status_code == 404
    assert NOT_FOUND[language] in response.content.decode()
    assert not Enrollment.objects.filter(course=course).exists()


@pytest.mark.parametrize("language", ["en", "es"])
def test_completing_an_unpublished_lesson_is_a_404_and_stores_nothing(trainee_client, language):
    course = factories.course(lessons=2)
    enrollment = Enrollment.objects.create(user=trainee_client.trainee, course=course)
    first, second = ModulePage.objects.child_of(course).order_by("path")
    ok = trainee_client.post(url_in(first, language) + "complete/")
    assert ok.status_code == 302
    assert ModuleCompletion.objects.filter(enrollment=enrollment, module=first).count() == 1

    url = url_in(second, language) + "complete/"
    second.unpublish()
    response = trainee_client.post(url)
    assert response.status_code == 404
    assert NOT_FOUND[language] in response.content.decode()
    assert not ModuleCompletion.objects.filter(module=second).exists()
    enrollment.refresh_from_db()
    assert enrollment.completed_at is None


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_lesson_of_an_unpublished_course_cannot_be_completed(trainee_client, language):
    # Unpublishing the course alone leaves its lessons live in Wagtail's tree.
    course = factories.course(lessons=1)
    enrollment = Enrollment.objects.create(user=trainee_client.trainee, course=course)
    lesson = first_lesson(course)
    url = url_in(lesson, language) + "complete/"
    course.unpublish()
    lesson.refresh_from_db()
    assert lesson.live
    response = trainee_client.post(url)
    assert response.status_code == 404
    assert NOT_FOUND[language] in response.content.decode()
    assert not ModuleCompletion.objects.filter(enrollment=enrollment).exists()
    assert trainee_client.get(url_in(lesson, language)).status_code == 404


@pytest.mark.parametrize("language", ["en", "es"])
def test_starting_an_unpublished_quiz_is_a_404_and_stores_nothing(trainee_client, language):
    course = factories.course(lessons=1)
    enrollment = Enrollment.objects.create(user=trainee_client.trainee, course=course)
    live = helpers.quiz(course)
    ok = trainee_client.post(url_in(live, language) + "start/")
    assert ok.status_code == 302
    assert Attempt.objects.filter(quiz=live).count() == 1

    quiz = helpers.quiz(course)
    url = url_in(quiz, language) + "start/"
    quiz.unpublish()
    response = trainee_client.post(url)
    assert response.status_code == 404
    assert NOT_FOUND[language] in response.content.decode()
    assert not Attempt.objects.filter(quiz=quiz).exists()
    enrollment.refresh_from_db()
    assert enrollment.completed_at is None


def test_an_open_attempt_of_a_quiz_unpublished_since_cannot_be_submitted(trainee_client):
    course = factories.course(lessons=1)
    Enrollment.objects.create(user=trainee_client.trainee, course=course)
    quiz = helpers.quiz(course)
    trainee_client.post(quiz.get_url() + "start/")
    attempt = Attempt.objects.get(quiz=quiz)
    submit = f"{quiz.get_url()}attempt/{attempt.pk}/submit/"
    quiz.unpublish()
    response = trainee_client.post(submit, helpers.post_data(helpers.correct_answers(attempt)))
    assert response.status_code == 404
    attempt.refresh_from_db()
    assert attempt.status == "in_progress" and attempt.score_percent is None
    assert not Answer.objects.filter(attempt=attempt).exists()


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_quiz_of_an_unpublished_course_cannot_be_started(trainee_client, language):
    course = factories.course(lessons=1)
    Enrollment.objects.create(user=trainee_client.trainee, course=course)
    quiz = helpers.quiz(course)
    url = url_in(quiz, language) + "start/"
    course.unpublish()
    response = trainee_client.post(url)
    assert response.status_code == 404
    assert NOT_FOUND[language] in response.content.decode()
    assert not Attempt.objects.filter(quiz=quiz).exists()
