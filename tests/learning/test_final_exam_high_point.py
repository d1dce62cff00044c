"""Passing the final exam: the course complete and the certificate, or what remains.

And the review mode that reveals the answer key only once passed or out of attempts.
"""

from datetime import timedelta

import pytest
from django.db import connection
from django.template import Context, Template
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from assessments.models import QuizPage
from certificates.models import Certificate
from certificates.services import certificate_revoke
from courses.models import ModulePage
from learning.services import module_complete
from tests import factories
from tests.assessments import helpers
from tests.assessments.helpers import start

pytestmark = pytest.mark.django_db


@pytest.fixture
def course():
    return factories.course(lessons=2, title="Chain of custody", title_es="Cadena de custodia")


@pytest.fixture
def exam(course):
    return helpers.quiz(course, review_mode=QuizPage.ReviewMode.AFTER_PASSING, max_attempts=3)


def lessons_of(course):
    return list(ModulePage.objects.child_of(course).live().order_by("path"))


def take(client, quiz, *, correctly: bool, language="en") -> str:
    """Starts and submits an attempt; returns the review page's HTML."""
    attempt, location = start(client, quiz, language)
    answers = helpers.correct_answers(attempt) if correctly else helpers.wrong_answers(attempt)
    response = client.post(location + "submit/", helpers.post_data(answers))
    assert response.status_code == 302
    return client.get(response["Location"]).content.decode()


def pdf_link(certificate, lang):
    return f"/certificates/{certificate.display_code}/pdf/?lang={lang}"


# The course complete ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "heading", "title"),
    [
        ("en", "Course complete", "Chain of custody"),
        ("es", "Curso completado", "Cadena de custodia"),
    ],
)
def test_passing_the_final_exam_that_completes_the_course_leads_to_the_certificate(
    client, course, exam, django_capture_on_commit_callbacks, language, heading, title
):
    trainee, _ = helpers.enrolled(course)
    for lesson in lessons_of(course):
        module_complete(user=trainee, module=lesson)
    client.force_login(trainee)
    with django_capture_on_commit_callbacks(execute=True):
        page = take(client, exam, correctly=True, language=language)
    certificate = Certificate.objects.get(user=trainee)
    assert f"<h1>{heading}</h1>" in page
    assert f'<p class="panel-course">{title}</p>' in page
    for lang in ("en", "es", "both"):
        assert f"/{language}{pdf_link(certificate, lang)}" in page
    assert f'href="{certificate.verification_path(language)}"' in page
    # The score is still there, and the key: the attempt passed.
    assert "100" in page and ("Correct answer" in page or "Respuesta correcta" in page)


def test_the_download_in_the_page_language_comes_first(client, course, exam):
    trainee, _ = helpers.enrolled(course)
    for lesson in lessons_of(course):
        module_complete(user=trainee, module=lesson)
    client.force_login(trainee)
    page = take(client, exam, correctly=True, language="es")
    downloads = page[page.index('class="certificate-downloads"') :]
    assert downloads.index("?lang=es") < downloads.index("?lang=en")
    assert downloads.index("?lang=es") < downloads.index("?lang=both")


def test_a_passed_exam_with_lessons_left_lists_them_with_links(client, course, exam):
    trainee, _ = helpers.enrolled(course)
    first, second = lessons_of(course)
    module_complete(user=trainee, module=first)
    client.force_login(trainee)
    page = take(client, exam, correctly=True)
    assert "One more step to complete the course" in page
    assert f'href="{second.get_url()}"' in page
    assert f'href="{first.get_url()}"' not in page.split("lessons-remaining")[1]
    assert "Course complete" not in page
    assert not Certificate.objects.filter(user=trainee).exists()


def test_a_failed_final_exam_says_nothing_of_completion(client, course, exam):
    trainee, _ = helpers.enrolled(course)
    for lesson in lessons_of(course):
        module_complete(user=trainee, module=lesson)
    client.force_login(trainee)
    page = take(client, exam, correctly=False)
    assert "Not passed." in page
    assert "Course complete" not in page and "One more step" not in page


def test_a_passed_lesson_check_says_nothing_of_completion(client, course):
    check = helpers.quiz(course, kind="lesson_check")
    trainee, _ = helpers.enrolled(course)
    client.force_login(trainee)
    page = take(client, check, correctly=True)
    assert "Passed." in page
    assert "Course complete" not in page and "One more step" not in page


def completed_review(client, course, exam):
    trainee, _ = helpers.enrolled(course)
    for lesson in lessons_of(course):
        module_complete(user=trainee, module=lesson)
    client.force_login(trainee)
    attempt, location = start(client, exam)
    client.post(location + "submit/", helpers.post_data(helpers.correct_answers(attempt)))
    return trainee, location + "review/"


def test_a_revoked_certificate_is_said_so_instead_of_links(client, course, exam):
    trainee, review = completed_review(client, course, exam)
    certificate = Certificate.objects.get(user=trainee)
    certificate_revoke(certificate=certificate, actor=factories.user(), reason="Error")
    page = client.get(review).content.decode()
    assert "Course complete" in page
    assert "was revoked on" in page
    assert "/pdf/" not in page


def test_without_a_certificate_the_page_says_what_happens_next(client, course, exam):
    trainee, review = completed_review(client, course, exam)
    Certificate.objects.filter(user=trainee).delete()
    page = client.get(review).content.decode()
    assert "Course complete" in page
    assert "has not been issued yet" in page and "Go to My learning" in page


def test_the_certificate_tag_costs_one_query(course, exam, client):
    trainee, _review = completed_review(client, course, exam)
    request = RequestFactory().get("/")
    request.user = trainee
    template = Template("{% load certificates_tags %}{% certificate_for_course course %}")
    with translation.override("en"), CaptureQueriesContext(connection) as queries:
        html = template.render(Context({"request": request, "course": course}))
    assert "Public verification page" in html
    assert len(queries.captured_queries) == 1


# The review mode: the key once passed or out of attempts ----------------------------------------


def test_before_passing_the_review_shows_the_score_and_wrong_questions_without_the_key(
    client, course, exam
):
    trainee, _ = helpers.enrolled(course)
    client.force_login(trainee)
    page = take(client, exam, correctly=False)
    assert "Your score: 0%" in page
    assert "Single question 1?" in page and "Wrong" in page
    assert "You have 2 attempts left." in page
    for secret in ("Correct answer", "Right 1", "Yes, right", "General feedback 1", "Right A"):
        assert secret not in page


def test_before_passing_in_spanish_too(client, course, exam):
    trainee, _ = helpers.enrolled(course)
    client.force_login(trainee)
    page = take(client, exam, correctly=False, language="es")
    assert "¿Pregunta simple 1?" in page and "Incorrecta</span>" in page
    assert "Le quedan 2 intentos." in page
    assert "Respuesta correcta" not in page and "Correcta 1" not in page


def test_once_passed_the_review_shows_the_key(client, course, exam):
    trainee, _ = helpers.enrolled(course)
    client.force_login(trainee)
    page = take(client, exam, correctly=True)
    assert "Correct answer" in page and "General feedback 1" in page


def test_out_of_attempts_the_last_review_shows_the_key_and_earlier_ones_too(client, course):
    exam = helpers.quiz(course, review_mode=QuizPage.ReviewMode.AFTER_PASSING, max_attempts=2)
    trainee, _ = helpers.enrolled(course)
    client.force_login(trainee)
    first = take(client, exam, correctly=False)
    assert "Correct answer" not in page_answers(first)
    assert "You have 1 attempt left." in first
    last = take(client, exam, correctly=False)
    assert "Correct answer" in last and "General feedback 1" in last
    earliest = exam.attempts.order_by("number").first()
    again = client.get(helpers.attempt_url(exam, earliest, "review/")).content.decode()
    assert "Correct answer" in again


def test_with_unlimited_attempts_the_key_waits_for_a_pass(client, course):
    exam = helpers.quiz(course, review_mode=QuizPage.ReviewMode.AFTER_PASSING)
    trainee, _ = helpers.enrolled(course)
    client.force_login(trainee)
    for _attempt in range(3):
        page = take(client, exam, correctly=False)
        assert "Correct answer" not in page and "You have" not in page


def test_attempts_before_a_renewal_do_not_use_up_the_new_ones(client, course):
    exam = helpers.quiz(course, review_mode=QuizPage.ReviewMode.AFTER_PASSING, max_attempts=1)
    trainee, enrollment = helpers.enrolled(course)
    client.force_login(trainee)
    take(client, exam, correctly=False)
    enrollment.renewal_started_at = timezone.now() + timedelta(seconds=1)
    enrollment.save()
    attempt = exam.attempts.get()
    # The old attempt was the last one allowed then; after the renewal one is left.
    page = client.get(helpers.attempt_url(exam, attempt, "review/")).content.decode()
    assert "Correct answer" not in page and "You have 1 attempt left." in page


def page_answers(html: str) -> str:
    return html[html.index('id="answers-heading"') :]


# My learning: a new certificate first, with a word of congratulations ---------------------


def test_my_learning_lists_a_new_certificate_first_with_a_badge(client):
    trainee = factories.trainee("new@example.org")
    certified(trainee, "Old course", days_ago=30)
    certified(trainee, "New course", days_ago=2)
    client.force_login(trainee)
    page = client.get("/en/my-learning/").content.decode()
    section = page[page.index("certificates-heading") :]
    assert section.index("New course") < section.index("Old course")
    assert section.count('class="badge badge-new"') == 1
    assert "Congratulations on completing this course!" in section
    assert section.count("certificate-new") == 1
    assert section.index("certificate-new") < section.index("New course")
    es = client.get("/es/my-learning/").content.decode()
    assert "Nuevo</span>" in es and "¡Felicidades por completar este curso!" in es


def test_a_certificate_older_than_a_week_is_not_new(client):
    trainee = factories.trainee("old@example.org")
    certified(trainee, "Old course", days_ago=8)
    client.force_login(trainee)
    page = client.get("/en/my-learning/").content.decode()
    assert "Old course" in page and "badge-new" not in page


def test_an_expired_or_revoked_recent_certificate_is_not_new(client):
    trainee = factories.trainee("expired@example.org")
    expired = certified(trainee, "Expired course", days_ago=1)
    Certificate.objects.filter(pk=expired.pk).update(expires_at=timezone.now())
    revoked = certified(trainee, "Revoked course", days_ago=1)
    certificate_revoke(certificate=revoked, actor=factories.user(), reason="Error")
    client.force_login(trainee)
    page = client.get("/en/my-learning/").content.decode()
    assert "Expired course" in page and "Revoked course" in page
    assert "badge-new" not in page


def test_a_completed_enrolment_points_to_its_certificate(client, course, exam):
    trainee, _review = completed_review(client, course, exam)
    page = client.get("/en/my-learning/").content.decode()
    assert '<a href="#certificates-heading">See your certificate</a>' in page
    assert 'id="certificates-heading"' in page


def certified(trainee, title, *, days_ago):
    from certificates.codes import code_generate

    issued = timezone.now() - timedelta(days=days_ago)
    return Certificate.objects.create(
        code=code_generate(),
        user=trainee,
        issued_at=issued,
        completed_at=issued,
        holder_name="Holder",
        course_titles={"en": title, "es": title},
        language="en",
    )
