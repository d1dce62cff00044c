"""Submitting with unanswered questions asks first; nothing is scored until confirmed."""

import pytest

from learning.models import Answer, Attempt
from tests import factories
from tests.assessments import helpers
from tests.assessments.helpers import attempt_url, start

pytestmark = pytest.mark.django_db


@pytest.fixture
def exam():
    course = factories.course(lessons=1)
    questions = [helpers.single(n) for n in range(1, 6)]
    return helpers.quiz(course, questions=questions, max_attempts=3)


def shown(attempt) -> dict:
    """The form of the one-page view with nothing ticked."""
    return helpers.post_data({qid: [] for qid in attempt.question_ids()})


def test_submitting_nothing_of_five_asks_first_and_uses_no_attempt(client, exam):
    trainee, _ = helpers.enrolled(exam.course(), language="en")
    client.force_login(trainee)
    attempt, _ = start(client, exam)
    response = client.post(attempt_url(exam, attempt, "submit/"), shown(attempt))
    assert response.status_code == 302
    assert response["Location"].endswith(f"attempt/{attempt.pk}/?confirm=1")
    attempt.refresh_from_db()
    assert attempt.status == Attempt.Status.IN_PROGRESS
    assert attempt.score_percent is None and attempt.submitted_at is None
    assert not Answer.objects.filter(attempt=attempt).exclude(points_awarded=None).exists()
    page = client.get(exam.get_url()).content.decode()
    assert "Continue your attempt" in page
    # Starting again resumes the same attempt: the limit of 3 is untouched.
    again, _ = start(client, exam)
    assert again.pk == attempt.pk
    assert Attempt.objects.filter(user=trainee, quiz=exam).count() == 1


def test_the_confirmation_lists_the_unanswered_questions_with_links(client, exam):
    trainee, _ = helpers.enrolled(exam.course(), language="en")
    client.force_login(trainee)
    attempt, _ = start(client, exam)
    ids = attempt.question_ids()
    answers = {qid: [] for qid in ids}
    right = helpers.correct_answers(attempt)
    answers[ids[0]] = right[ids[0]]
    answers[ids[2]] = right[ids[2]]
    response = client.post(
        attempt_url(exam, attempt, "submit/"), helpers.post_data(answers), follow=True
    )
    html = response.content.decode()
    assert "3 questions are unanswered" in html
    for number in (2, 4, 5):
        assert f'href="?q={number}">Question {number} of 5<' in html
    for number in (1, 3):
        assert f'href="?q={number}"' not in html
    assert 'name="confirm" value="1"' in html
    assert f'href="{attempt_url(exam, attempt, "?q=2")}"' in html  # go back: the first gap
    # The answers given were saved on the way.
    assert Answer.objects.filter(attempt=attempt).exclude(selected_choice_ids=[]).count() == 2


def test_the_confirmation_in_spanish(client, exam):
    trainee, _ = helpers.enrolled(exam.course(), language="es")
    client.force_login(trainee)
    attempt, location = start(client, exam, "es")
    html = client.get(location + "?confirm=1").content.decode()
    assert "5 preguntas sin responder" in html
    assert "Enviar de todos modos" in html
    assert 'href="?q=1">Pregunta 1 de 5<' in html


def test_submit_anyway_scores_the_attempt(client, exam):
    trainee, _ = helpers.enrolled(exam.course(), language="en")
    client.force_login(trainee)
    attempt, _ = start(client, exam)
    client.post(attempt_url(exam, attempt, "submit/"), shown(attempt))
    response = client.post(attempt_url(exam, attempt, "submit/"), {"confirm": "1"})
    assert response["Location"].endswith(f"attempt/{attempt.pk}/review/")
    attempt.refresh_from_db()
    assert attempt.status == Attempt.Status.SUBMITTED
    assert attempt.score_percent == 0
    assert Answer.objects.filter(attempt=attempt, correct=False).count() == 5


def test_every_question_answered_submits_at_once(client, exam):
    trainee, _ = helpers.enrolled(exam.course(), language="en")
    client.force_login(trainee)
    attempt, _ = start(client, exam)
    response = client.post(
        attempt_url(exam, attempt, "submit/"), helpers.post_data(helpers.wrong_answers(attempt))
    )
    assert response["Location"].endswith(f"attempt/{attempt.pk}/review/")
    attempt.refresh_from_db()
    assert attempt.status == Attempt.Status.SUBMITTED


def test_answers_saved_earlier_count_as_answered(client, exam):
    """One question per page: the last page's submit sees the answers of the pages before."""
    trainee, _ = helpers.enrolled(exam.course(), language="en")
    client.force_login(trainee)
    attempt, _ = start(client, exam)
    right = helpers.correct_answers(attempt)
    ids = attempt.question_ids()
    for qid in ids[:-1]:
        client.post(attempt_url(exam, attempt, "save/"), helpers.post_data({qid: right[qid]}))
    last = ids[-1]
    response = client.post(
        attempt_url(exam, attempt, "submit/"), helpers.post_data({last: right[last]})
    )
    assert response["Location"].endswith("review/")


def test_the_confirmation_page_of_a_fully_answered_attempt_goes_back(client, exam):
    trainee, _ = helpers.enrolled(exam.course(), language="en")
    client.force_login(trainee)
    attempt, location = start(client, exam)
    client.post(
        attempt_url(exam, attempt, "save/"), helpers.post_data(helpers.correct_answers(attempt))
    )
    response = client.get(location + "?confirm=1")
    assert response.status_code == 302 and "?q=" in response["Location"]


def test_the_autosave_json_answer_is_unchanged(client, exam):
    trainee, _ = helpers.enrolled(exam.course(), language="en")
    client.force_login(trainee)
    attempt, _ = start(client, exam)
    qid = attempt.question_ids()[0]
    response = client.post(
        attempt_url(exam, attempt, "save/"),
        helpers.post_data({qid: helpers.correct_answers(attempt)[qid]}),
        HTTP_ACCEPT="application/json",
    )
    body = response.json()
    assert response.status_code == 200
    assert body["ok"] is True and body["saved"] == 1 and "Answers saved at" in body["message"]
    attempt.refresh_from_db()
    assert attempt.status == Attempt.Status.IN_PROGRESS


def test_submit_after_submission_still_shows_the_result(client, exam):
    trainee, _ = helpers.enrolled(exam.course(), language="en")
    client.force_login(trainee)
    attempt, _ = start(client, exam)
    client.post(attempt_url(exam, attempt, "submit/"), {"confirm": "1"})
    again = client.post(attempt_url(exam, attempt, "submit/"), shown(attempt), follow=True)
    assert "already been submitted" in again.content.decode()
