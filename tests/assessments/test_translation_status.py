"""A quiz's translation status covers its questions, choices and feedback."""

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from wagtail.users.models import UserProfile

from assessments.models import Choice, Question, QuizPage
from courses.admin_views import pages_missing_translation
from tests import factories
from tests.assessments import helpers

pytestmark = pytest.mark.django_db

REPORT = "/admin/reports/missing-spanish/"


def quiz_with_untranslated(course, *, field: str, on: str = "question"):
    """A quiz whose second question (or its first choice) lacks ``field`` in Spanish."""
    quiz = helpers.quiz(course)
    question = Question.objects.filter(quiz=quiz).order_by("sort_order", "pk")[1]
    if on == "question":
        Question.objects.filter(pk=question.pk).update(**{f"{field}_en": "x", f"{field}_es": ""})
    else:
        choice = Choice.objects.filter(question=question).order_by("sort_order", "pk")[0]
        Choice.objects.filter(pk=choice.pk).update(**{f"{field}_en": "x", f"{field}_es": None})
    return quiz


def test_a_fully_translated_quiz_is_not_reported():
    quiz = helpers.quiz(factories.course(lessons=0))
    assert quiz.pk not in pages_missing_translation("es")
    assert QuizPage.objects.get(pk=quiz.pk).untranslated_parts("es") == []


@pytest.mark.parametrize(
    ("field", "on"),
    [("text", "question"), ("feedback", "question"), ("text", "choice"), ("feedback", "choice")],
)
def test_a_question_or_choice_text_or_feedback_without_spanish_is_reported(field, on):
    quiz = quiz_with_untranslated(factories.course(lessons=0), field=field, on=on)
    assert pages_missing_translation("es") == [quiz.pk]
    assert QuizPage.objects.get(pk=quiz.pk).untranslated_parts("es") == ["question 2"]
    assert QuizPage.objects.get(pk=quiz.pk).untranslated_parts("en") == []


def test_the_editor_says_which_questions_lack_spanish_in_both_admin_languages(client):
    quiz = quiz_with_untranslated(factories.course(lessons=0), field="text")
    trainer = factories.trainer()
    client.force_login(trainer)
    html = client.get(f"/admin/pages/{quiz.pk}/edit/").content.decode()
    panel = html[html.index("data-translation-status") :][:600]
    assert "Missing in Spanish:" in panel and "question 2" in panel
    profile = UserProfile.get_for_user(trainer)
    profile.preferred_language = "es"
    profile.save()
    html = client.get(f"/admin/pages/{quiz.pk}/edit/").content.decode()
    panel = html[html.index("data-translation-status") :][:600]
    assert "pregunta 2" in panel
    assert "Falta en español:" in panel  # Spanish writes language names in lower case


def test_the_editor_reads_the_latest_draft():
    quiz = helpers.quiz(factories.course(lessons=0))
    draft = quiz.get_latest_revision_as_object()
    questions = list(draft.questions.all())
    questions[2].text_es = ""
    draft.questions = questions
    draft.save_revision()
    assert quiz.get_latest_revision_as_object().untranslated_parts("es") == ["question 3"]


def test_the_missing_spanish_report_lists_the_quiz_with_its_questions(client):
    course = factories.course(lessons=0)
    untranslated = quiz_with_untranslated(course, field="feedback", on="choice")
    translated = helpers.quiz(course)
    client.force_login(factories.trainer())
    html = client.get(REPORT).content.decode()
    assert f"/admin/pages/{untranslated.pk}/edit/" in html
    assert f"/admin/pages/{translated.pk}/edit/" not in html
    assert "question 2" in html


def test_the_report_reads_the_questions_in_a_fixed_number_of_queries(client):
    course = factories.course(lessons=0)
    client.force_login(factories.trainer())
    quiz_with_untranslated(course, field="text")
    client.get(REPORT)
    with CaptureQueriesContext(connection) as one:
        client.get(REPORT)
    for _ in range(3):
        quiz_with_untranslated(course, field="text")
    client.get(REPORT)  # publishing emptied the per-process page caches: warm again
    with CaptureQueriesContext(connection) as four:
        html = client.get(REPORT).content.decode()
    assert html.count("question 2") == 4
    assert len(four) == len(one)


def test_the_demo_chain_of_custody_exam_is_in_missing_spanish(client):
    from demo.seed import seed_demo

    with override_settings(DEBUG=True):
        seed_demo(trainees=0)
    exam = QuizPage.objects.get(slug_en="final-exam-chain-of-custody-for-physical-evidence")
    assert exam.untranslated_parts("es") == ["question 4", "question 5"]
    client.force_login(factories.trainer())
    html = client.get(REPORT).content.decode()
    assert f"/admin/pages/{exam.pk}/edit/" in html
    assert "question 4, question 5" in html
