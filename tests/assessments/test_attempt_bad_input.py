"""Taking a quiz: other trainees' attempts, foreign and malformed answers, wrong methods."""

import pytest

from assessments.models import Question
from learning import attempts as services
from learning.models import Answer, Attempt
from tests.assessments import helpers
from tests.assessments.helpers import es_url, start

pytestmark = pytest.mark.django_db


def test_another_trainees_attempt_is_a_404_with_a_message_in_their_language(client, exam):
    owner, _ = helpers.enrolled(exam.course())
    attempt = services.attempt_start(user=owner, quiz=exam, language="en")
    intruder, _ = helpers.enrolled(exam.course())
    client.force_login(intruder)
    base = f"{es_url(exam)}attempt/{attempt.pk}/"
    page = client.get(base)
    assert page.status_code == 404
    assert "Este intento no existe o no es suyo." in page.content.decode()
    assert client.get(base + "review/").status_code == 404
    data = helpers.post_data(helpers.correct_answers(attempt))
    assert client.post(base + "save/", data).status_code == 404
    assert client.post(base + "submit/", data).status_code == 404
    attempt.refresh_from_db()
    assert attempt.status == "in_progress" and Answer.objects.count() == 0


def test_a_choice_of_another_question_is_refused_and_nothing_is_stored(client, exam):
    trainee, _ = helpers.enrolled(exam.course())
    client.force_login(trainee)
    attempt, location = start(client, exam, "es")
    q1, q2 = attempt.snapshot["questions"][:2]
    data = helpers.post_data({q1["id"]: q1["correct"], q2["id"]: [q1["choices"][0]]})
    response = client.post(location + "save/", data, follow=True)
    assert response.status_code == 200
    assert "Una respuesta no corresponde a su pregunta" in response.content.decode()
    assert Answer.objects.count() == 0
    json = client.post(location + "save/", data, HTTP_ACCEPT="application/json")
    assert json.status_code == 400 and "no corresponde" in json.json()["error"]


def test_a_question_not_in_the_attempt_is_refused(client, course):
    quiz = helpers.quiz(course)
    other = helpers.quiz(course)
    trainee, _ = helpers.enrolled(course)
    client.force_login(trainee)
    attempt, location = start(client, quiz)
    foreign = Question.objects.filter(quiz=other).first()
    data = helpers.post_data({foreign.pk: [foreign.choices.first().pk]})
    response = client.post(location + "submit/", data, follow=True)
    assert "That question is not part of this attempt" in response.content.decode()
    attempt.refresh_from_db()
    assert attempt.status == "in_progress" and Answer.objects.count() == 0


def test_two_answers_to_a_single_choice_question_are_refused(client, exam):
    trainee, _ = helpers.enrolled(exam.course())
    client.force_login(trainee)
    attempt, location = start(client, exam)
    single = next(q for q in attempt.snapshot["questions"] if q["kind"] == "single")
    response = client.post(
        location + "save/", helpers.post_data({single["id"]: single["choices"][:2]}), follow=True
    )
    assert "Choose only one answer" in response.content.decode()
    assert Answer.objects.count() == 0


@pytest.mark.parametrize(
    "data",
    [
        {"shown": ["abc"]},
        {"shown": ["1"], "qxyz": ["1"]},
        {"shown": ["1"], "q1": ["not-a-number"]},
        {"shown": ["-5"]},
        {"shown": ["99999999999999999999999999"]},
    ],
)
def test_malformed_posts_get_a_clear_message_and_no_500(client, exam, data):
    trainee, _ = helpers.enrolled(exam.course())
    client.force_login(trainee)
    attempt, location = start(client, exam, "es")
    for suffix in ("save/", "submit/"):
        response = client.post(location + suffix, data, follow=True)
        assert response.status_code == 200
        assert "No se pudieron leer las respuestas enviadas" in response.content.decode()
    json = client.post(location + "save/", data, HTTP_ACCEPT="application/json")
    assert json.status_code == 400
    attempt.refresh_from_db()
    assert attempt.status == "in_progress" and Answer.objects.count() == 0


def test_malformed_page_move_is_refused_and_stores_nothing(client, exam):
    trainee, _ = helpers.enrolled(exam.course())
    client.force_login(trainee)
    attempt, location = start(client, exam)
    data = helpers.post_data(helpers.correct_answers(attempt), goto="soon")
    response = client.post(location + "save/", data, follow=True)
    assert "The answers sent could not be read" in response.content.decode()
    assert Answer.objects.count() == 0


def test_bad_question_number_in_the_url_shows_a_valid_page(client, exam):
    trainee, _ = helpers.enrolled(exam.course())
    client.force_login(trainee)
    attempt, location = start(client, exam)
    client.post(location + "save/", helpers.post_data({}, goto="1"))  # now on question 2
    texts = ["Single question 1?", "Multiple question 2?", "Statement 3"]
    # Not a number: where the trainee was; out of range: the nearest end.
    for query, number in (("?q=abc", 2), ("?q=-4", 1), ("?q=0", 1), ("?q=999", 3)):
        response = client.get(location + query)
        assert response.status_code == 200, query
        html = response.content.decode()
        assert f"Question {number} of 3" in html, query
        assert html.count('name="shown"') == 1
        assert texts[number - 1] in html
        assert [t for t in texts if t in html] == [texts[number - 1]]
    attempt.refresh_from_db()
    assert attempt.position == 1 and attempt.status == "in_progress"


def test_get_on_post_only_routes_redirects_and_changes_nothing(client, exam):
    trainee, _ = helpers.enrolled(exam.course())
    client.force_login(trainee)
    attempt, location = start(client, exam)
    answers = helpers.correct_answers(attempt)
    query = "?" + "&".join(f"q{qid}={c}" for qid, choices in answers.items() for c in choices)
    for url in (exam.get_url() + "start/", location + "save/", location + "submit/"):
        response = client.get(url + query)
        assert response.status_code == 302, url
        assert response["Location"] == exam.get_url(), url
    attempt.refresh_from_db()
    assert attempt.status == "in_progress" and attempt.score_percent is None
    assert attempt.submitted_at is None
    assert Attempt.objects.filter(quiz=exam).count() == 1
    assert Answer.objects.count() == 0
    # The quiz page still offers to continue the same attempt.
    assert f"/attempt/{attempt.pk}/" in client.get(exam.get_url()).content.decode()


def test_anonymous_visitors_are_sent_to_sign_in(client, exam):
    assert "/accounts/login/" in client.post(exam.get_url() + "start/")["Location"]
    assert "/accounts/login/" in client.get(exam.get_url() + "attempt/1/")["Location"]
