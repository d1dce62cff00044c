"""A third language (Portuguese) added in settings only, on a course written in English and Spanish.

Runs under ``tests.settings_third_language`` (started by
``tests/test_third_language.py``): the database is built from the models, so
modeltranslation's ``*_pt`` columns exist, and every Portuguese text is empty.
The trainee reads in Portuguese and gets English wherever nothing is translated.
"""

import csv
import io

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from accounts.roles import roles_setup
from assessments.gift import parse_gift
from assessments.gift_pairs import merge_gift_pair
from assessments.models import QuizPage
from certificates.models import Certificate
from courses.models import ModulePage
from learning.models import Attempt, Enrollment, ModuleCompletion
from tests import factories
from tests.assessments import helpers
from tests.conftest import restore_wagtail_baseline

pytestmark = pytest.mark.django_db

NOTICE = "Part of this page is not yet translated into Português and is shown in English."


@pytest.fixture(autouse=True)
def wagtail_pages(db):
    # No migrations ran: put in place what Wagtail's migrations create.
    restore_wagtail_baseline()


@pytest.fixture
def course():
    course = factories.course(lessons=2)
    helpers.quiz(course, kind=QuizPage.Kind.FINAL_EXAM)
    return course


@pytest.fixture
def trainee():
    return factories.trainee("leitor@example.org", language="pt", full_name="Ana Conceição")


def lessons(course):
    return list(ModulePage.objects.child_of(course).order_by("path"))


def final_exam(course):
    return QuizPage.objects.child_of(course).get(kind=QuizPage.Kind.FINAL_EXAM)


def body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def pass_the_final_exam(client, course):
    """Start, answer every question right and submit, through the quiz page's URLs."""
    exam = final_exam(course)
    base = f"/pt/courses/{course.slug_en}/{exam.slug_en}"
    start = client.post(f"{base}/start/")
    assert start.status_code == 302, start
    attempt = Attempt.objects.get(quiz=exam)
    data = helpers.post_data(helpers.correct_answers(attempt))
    submitted = client.post(f"{base}/attempt/{attempt.pk}/submit/", data)
    assert submitted.status_code in (200, 302)
    attempt.refresh_from_db()
    return attempt


def test_the_settings_have_three_languages_and_the_columns_exist():
    assert [code for code, _name in settings.LANGUAGES] == ["en", "es", "pt"]
    assert settings.LANGUAGE_CODE == "en"
    ModulePage._meta.get_field("body_pt")
    Certificate._meta.get_field("language")


def test_portuguese_pages_fall_back_to_english_with_a_notice(client, course, trainee):
    Enrollment.objects.create(user=trainee, course=course)
    client.force_login(trainee)
    catalogue = client.get("/pt/courses/")
    assert catalogue.status_code == 200
    assert "Interviewing victims" in catalogue.content.decode()
    page = client.get(f"/pt/courses/{course.slug_en}/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "Interviewing victims" in html and "A course summary." in html
    lesson = lessons(course)[0]
    response = client.get(f"/pt/courses/{course.slug_en}/{lesson.slug_en}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "English body 1" in html
    assert NOTICE in html
    # Spanish and English are unchanged: no notice where the text exists.
    spanish = client.get(f"/es/cursos/{course.slug_es}/{lesson.slug_es}/").content.decode()
    assert "Cuerpo en español 1" in spanish and "aún no está traducida" not in spanish


def test_a_portuguese_trainee_enrols_completes_a_lesson_and_passes_the_final_exam(
    client, course, trainee
):
    client.force_login(trainee)
    assert client.post(f"/pt/courses/{course.slug_en}/enrol/").status_code == 302
    enrollment = Enrollment.objects.get(user=trainee, course=course)
    first = lessons(course)[0]
    response = client.post(f"/pt/courses/{course.slug_en}/{first.slug_en}/complete/")
    assert response.status_code == 302
    assert enrollment.completions.count() == 1
    # One lesson is left: passing the exam does not complete the course yet.
    attempt = pass_the_final_exam(client, course)
    assert attempt.language == "pt"
    assert attempt.passed

    # The snapshot froze the texts in every language: Portuguese is empty.
    texts = attempt.snapshot["questions"][0]["texts"]
    assert set(texts) == {"en", "es", "pt"}
    assert texts["en"]["text"] and texts["es"]["text"] and texts["pt"]["text"] == ""

    # The review in Portuguese shows the English texts.
    exam = final_exam(course)
    review = client.get(f"/pt/courses/{course.slug_en}/{exam.slug_en}/attempt/{attempt.pk}/review/")
    assert review.status_code == 200
    html = review.content.decode()
    assert "Single question 1?" in html
    assert "¿Pregunta simple 1?" not in html
    my_learning = client.get("/pt/my-learning/")
    assert my_learning.status_code == 200
    assert "Interviewing victims" in my_learning.content.decode()


def complete_the_course(client, course, trainee, capture_on_commit):
    client.force_login(trainee)
    client.post(f"/pt/courses/{course.slug_en}/enrol/")
    for lesson in lessons(course):
        client.post(f"/pt/courses/{course.slug_en}/{lesson.slug_en}/complete/")
    with capture_on_commit(execute=True):
        return pass_the_final_exam(client, course)


def test_completing_the_course_issues_a_certificate_in_portuguese(
    client, course, trainee, django_capture_on_commit_callbacks
):
    attempt = complete_the_course(client, course, trainee, django_capture_on_commit_callbacks)
    assert attempt.passed
    assert Enrollment.objects.get(user=trainee).completed_at is not None
    certificate = Certificate.objects.get(user=trainee)
    assert certificate.language == "pt"
    # The snapshot is keyed by language; Portuguese was untranslated, so it reads English.
    assert set(certificate.course_titles) == {"en", "es", "pt"}
    assert certificate.course_title_in("pt") == "Interviewing victims"
    assert certificate.display_code in client.get("/pt/my-learning/").content.decode()


@pytest.mark.parametrize("lang", ["pt", "both", ""])
def test_the_certificate_pdf_renders_for_a_portuguese_holder(
    client, course, trainee, django_capture_on_commit_callbacks, lang
):
    complete_the_course(client, course, trainee, django_capture_on_commit_callbacks)
    certificate = Certificate.objects.get(user=trainee)
    query = f"?lang={lang}" if lang else ""
    response = client.get(f"/pt/certificates/{certificate.display_code}/pdf/{query}")
    assert response.status_code == 200
    assert body(response).startswith(b"%PDF-")
    client.logout()
    verified = client.get(f"/pt/certificates/verify/{certificate.display_code}/")
    assert verified.status_code == 200 and "Ana Conceição" in verified.content.decode()


def test_a_managers_reports_have_a_portuguese_column(client, course, trainee):
    enrollment = Enrollment.objects.create(user=trainee, course=course)
    ModuleCompletion.objects.create(enrollment=enrollment, module=lessons(course)[0])
    roles_setup()
    manager = factories.manager("gerente@example.org")
    client.force_login(manager)
    with translation.override("en"):
        page = client.get("/admin/reports/program/courses/")
    assert page.status_code == 200
    assert "Interviewing victims" in page.content.decode()
    export = client.get("/admin/reports/program/courses/", {"export": "csv"})
    assert export.status_code == 200
    rows = list(csv.reader(io.StringIO(body(export).decode("utf-8-sig"))))
    assert rows[0][:3] == ["Course (English)", "Course (Spanish)", "Course (Portuguese)"]
    assert rows[1][:3] == ["Interviewing victims", "Entrevista a víctimas", ""]
    trainees = client.get("/admin/reports/program/all-trainees.csv")
    assert trainees.status_code == 200
    assert "leitor@example.org" in body(trainees).decode("utf-8-sig")


def test_the_missing_portuguese_report_lists_the_course(client, course):
    client.force_login(factories.trainer())
    spanish = client.get("/admin/reports/missing-spanish/")
    assert spanish.status_code == 200
    assert f"/admin/pages/{course.pk}/edit/" not in spanish.content.decode()
    portuguese = client.get("/admin/reports/missing-portuguese/")
    assert portuguese.status_code == 200
    html = portuguese.content.decode()
    assert "Pages missing Portuguese" in html
    assert f"/admin/pages/{course.pk}/edit/" in html
    export = client.get("/admin/reports/missing-portuguese/", {"export": "csv"})
    assert "Missing in Portuguese" in body(export).decode("utf-8-sig")


def test_item_statistics_have_a_portuguese_column(client, course, trainee):
    exam = final_exam(course)
    Enrollment.objects.create(user=trainee, course=course)
    client.force_login(trainee)
    pass_the_final_exam(client, course)
    client.force_login(factories.trainer())
    with translation.override("en"):
        response = client.get(reverse("assessments_stats", args=[exam.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "<th>% correct (Portuguese)</th>" in html
    assert "in Spanish or Portuguese and English differ" in html


def test_a_paired_gift_file_in_portuguese_is_named_in_the_messages():
    english = parse_gift("::A:: Question {=right ~wrong}\n")
    portuguese = parse_gift("::A:: Pergunta {~certo =errado}\n\n::B:: Outra {T}\n", "pt")
    with translation.override("en"):
        [error] = merge_gift_pair(english, portuguese).errors
        assert error.message == "Portuguese file: 2 questions, but the English file has 1."
        [error] = merge_gift_pair(english, parse_gift("::A:: P {~certo =errado}", "pt")).errors
    assert "(English line 1, Portuguese line 1)" in error.message
    assert "100 % in English, 0 % in Portuguese" in error.message
    merged = merge_gift_pair(english, parse_gift("::A:: Pergunta {=certo ~errado}", "pt"))
    assert merged.ok and merged.questions[0].text == {"en": "Question", "pt": "Pergunta"}
