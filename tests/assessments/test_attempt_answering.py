"""Taking a quiz: saving, paging and resuming; the answer key kept out of the page; languages."""

import re
from decimal import Decimal

import pytest

from assessments.models import Choice
from learning import attempts as services
from learning.models import Answer
from tests.assessments import helpers
from tests.assessments.helpers import attempt_url, es_url, start, without_tokens

pytestmark = pytest.mark.django_db


# Saving, paging and resuming ----------------------------------------------------


def test_paging_without_javascript_saves_answers_and_resumes_where_left(client, exam):
    trainee, _ = helpers.enrolled(exam.course())
    client.force_login(trainee)
    attempt, location = start(client, exam)
    first_id = attempt.question_ids()[0]
    right = helpers.correct_answers(attempt)[first_id]
    response = client.post(
        attempt_url(exam, attempt, "save/"), helpers.post_data({first_id: right}, goto="1")
    )
    assert response.status_code == 302
    assert response["Location"].endswith("?q=2")
    assert Answer.objects.get(attempt=attempt, question_id=first_id).selected_choice_ids == right
    # Coming back later (no ?q=) opens the question where the trainee was.
    page = client.get(attempt_url(exam, attempt)).content.decode()
    assert "Question 2 of 3" in page
    first_page = client.get(attempt_url(exam, attempt) + "?q=1").content.decode()
    assert f'value="{right[0]}" checked' in first_page


def test_all_questions_on_one_page(client, exam):
    trainee, _ = helpers.enrolled(exam.course())
    client.force_login(trainee)
    attempt, _ = start(client, exam)
    page = client.get(attempt_url(exam, attempt) + "?all=1").content.decode()
    assert page.count('name="shown"') == 3
    response = client.post(
        attempt_url(exam, attempt, "save/"),
        helpers.post_data(helpers.correct_answers(attempt), view="all", goto="0"),
    )
    assert response["Location"].endswith("?all=1")
    assert Answer.objects.filter(attempt=attempt).count() == 3


def test_clearing_a_multiple_choice_question_is_saved(client, exam):
    trainee, _ = helpers.enrolled(exam.course())
    client.force_login(trainee)
    attempt, _ = start(client, exam)
    multi = next(q for q in attempt.snapshot["questions"] if q["kind"] == "multiple")
    client.post(
        attempt_url(exam, attempt, "save/"), helpers.post_data({multi["id"]: multi["correct"]})
    )
    client.post(attempt_url(exam, attempt, "save/"), helpers.post_data({multi["id"]: []}))
    assert Answer.objects.get(attempt=attempt, question_id=multi["id"]).selected_choice_ids == []


def test_autosave_endpoint_answers_json(client, exam):
    trainee, _ = helpers.enrolled(exam.course())
    client.force_login(trainee)
    attempt, _ = start(client, exam)
    response = client.post(
        attempt_url(exam, attempt, "save/"),
        helpers.post_data(helpers.correct_answers(attempt)),
        HTTP_ACCEPT="application/json",
    )
    assert response.status_code == 200
    assert response.json()["ok"] is True
    assert Answer.objects.filter(attempt=attempt).count() == 3


def test_autosave_needs_the_csrf_token(exam):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    trainee, _ = helpers.enrolled(exam.course())
    client.force_login(trainee)
    attempt = services.attempt_start(user=trainee, quiz=exam, language="en")
    response = client.post(
        attempt_url(exam, attempt, "save/"),
        helpers.post_data(helpers.correct_answers(attempt)),
        HTTP_ACCEPT="application/json",
    )
    assert response.status_code == 403
    assert Answer.objects.count() == 0


def test_attempt_page_loads_the_autosave_script_without_inline_script(client, exam):
    trainee, _ = helpers.enrolled(exam.course())
    client.force_login(trainee)
    attempt, _ = start(client, exam)
    page = client.get(attempt_url(exam, attempt)).content.decode()
    assert "js/assessments.js" in page
    assert re.search(r"<script(?![^>]*\bsrc=)[^>]*>", page) is None


# The answer key never reaches the browser ------------------------------------------


def test_open_attempt_pages_do_not_depend_on_the_answer_key(client, exam):
    trainee, _ = helpers.enrolled(exam.course())
    client.force_login(trainee)
    attempt, _ = start(client, exam)
    urls = [
        attempt_url(exam, attempt) + "?q=1",
        attempt_url(exam, attempt) + "?q=2",
        attempt_url(exam, attempt) + "?q=3",
        attempt_url(exam, attempt) + "?all=1",
        exam.get_url(),
    ]
    before = [without_tokens(client.get(url).content.decode()) for url in urls]
    json_before = client.post(
        attempt_url(exam, attempt, "save/"), helpers.post_data({}), HTTP_ACCEPT="application/json"
    ).json()
    # Flip the whole key in the database.
    for choice in Choice.objects.filter(question__quiz=exam):
        choice.fraction = 100 if choice.fraction <= 0 else 0
        choice.save()
    after = [without_tokens(client.get(url).content.decode()) for url in urls]
    json_after = client.post(
        attempt_url(exam, attempt, "save/"), helpers.post_data({}), HTTP_ACCEPT="application/json"
    ).json()
    assert before == after
    assert json_before.keys() == json_after.keys() and json_after["ok"] is True


def test_later_edits_of_the_key_do_not_change_the_score_of_a_started_attempt(exam):
    trainee, _ = helpers.enrolled(exam.course())
    attempt = services.attempt_start(user=trainee, quiz=exam, language="en")
    Choice.objects.filter(question__quiz=exam).update(fraction=0, is_correct=False)
    result = services.attempt_submit(attempt=attempt, answers=helpers.correct_answers(attempt))
    assert result.attempt.score_percent == Decimal("100.00")


# Language switcher keeps the place -------------------------------------------------------


def test_language_switch_keeps_the_attempt_and_question(client, exam):
    trainee, _ = helpers.enrolled(exam.course())
    client.force_login(trainee)
    attempt, location = start(client, exam)
    page = client.get(location + "?q=2").content.decode()
    expected = f"{es_url(exam)}attempt/{attempt.pk}/?q=2"
    assert f'href="{expected}"' in page


def test_missing_spanish_question_falls_back_to_english_with_a_notice(client, course):
    question = helpers.single(1)
    question.text_es = ""
    quiz = helpers.quiz(course, questions=[question])
    trainee, _ = helpers.enrolled(course)
    client.force_login(trainee)
    attempt, location = start(client, quiz, "es")
    page = client.get(location).content.decode()
    assert "Single question 1?" in page
    assert "Parte de esta página aún no está traducida al español" in page
    translated = helpers.quiz(course)
    attempt, location = start(client, translated, "es")
    page = client.get(location).content.decode()
    assert "¿Pregunta simple 1?" in page
    assert "aún no está traducida" not in page
