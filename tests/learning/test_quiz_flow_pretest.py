"""The pre-test is a baseline: a score and what to study, never pass or fail; it comes first."""

import pytest

from learning import attempts as services
from learning.services import module_complete
from tests import factories
from tests.assessments import helpers
from tests.assessments.helpers import attempt_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def course():
    return factories.course(lessons=2)


@pytest.fixture
def pretest(course):
    # Added after the lessons: first in the outline or not, it is the first step.
    return helpers.quiz(
        course, kind="pretest", questions=[helpers.single(1), helpers.single(2), helpers.single(3)]
    )


def taken(trainee, pretest, *, wrong: int):
    attempt = services.attempt_start(user=trainee, quiz=pretest, language="en")
    answers = helpers.correct_answers(attempt)
    wrong_ones = helpers.wrong_answers(attempt)
    for qid in attempt.question_ids()[:wrong]:
        answers[qid] = wrong_ones[qid]
    services.attempt_submit(attempt=attempt, answers=answers)
    attempt.refresh_from_db()
    return attempt


@pytest.mark.parametrize("review_mode", ["full", "score"])
def test_the_result_shows_the_score_and_what_to_study_never_pass_or_fail(
    client, course, pretest, review_mode
):
    pretest.review_mode = review_mode
    pretest.save_revision().publish()
    trainee, _ = helpers.enrolled(course, language="en")
    attempt = taken(trainee, pretest, wrong=2)
    client.force_login(trainee)
    html = client.get(attempt_url(pretest, attempt, "review/")).content.decode()
    assert "Your score: 33.33%" in html
    assert "What to study" in html
    study = html.split('id="study-heading"')[1].split("</section>")[0]
    first, second, third = attempt.question_ids()
    texts = {q["id"]: q["texts"]["en"]["text"] for q in attempt.snapshot["questions"]}
    assert texts[first] in study and texts[second] in study
    assert texts[third] not in study
    for word in ("Passed", "Not passed", "pass mark"):
        assert word not in html


def test_the_result_in_spanish_never_says_aprobado(client, course, pretest):
    trainee, _ = helpers.enrolled(course, language="es")
    attempt = taken(trainee, pretest, wrong=0)
    client.force_login(trainee)
    with_es = helpers.es_url(pretest) + f"attempt/{attempt.pk}/review/"
    html = client.get(with_es).content.decode()
    assert "Qué estudiar" in html
    assert "Aprobado" not in html and "No aprobado" not in html
    assert "aprobado" not in html.lower()


def test_a_final_exam_still_says_passed(client, course):
    exam = helpers.quiz(course)
    trainee, _ = helpers.enrolled(course, language="en")
    client.force_login(trainee)
    attempt = services.attempt_start(user=trainee, quiz=exam, language="en")
    services.attempt_submit(attempt=attempt, answers=helpers.correct_answers(attempt))
    html = client.get(attempt_url(exam, attempt, "review/")).content.decode()
    assert "Passed." in html and "What to study" not in html


def test_outline_and_quiz_page_say_taken_not_passed(client, course, pretest):
    trainee, _ = helpers.enrolled(course, language="es")
    taken(trainee, pretest, wrong=0)  # a full score: still "taken", not "passed"
    client.force_login(trainee)
    outline = client.get(helpers.es_url(pretest).rsplit("/", 2)[0] + "/").content.decode()
    item = outline.split(pretest.title_es)[1].split("</li>")[0]
    assert "Realizada" in item and "Aprobado" not in item
    page = client.get(helpers.es_url(pretest)).content.decode()
    history = page.split('id="history-heading"')[1]
    assert "Realizada" in history and "Aprobado" not in history
    assert "Nota mínima" not in page


def test_after_enrolling_the_first_action_is_the_pretest_saying_why(client, course, pretest):
    trainee = factories.trainee(language="en")
    client.force_login(trainee)
    response = client.post(course.get_url() + "enrol/", follow=True)
    html = response.content.decode()
    assert "Start with the pre-test." in html
    assert "Start with the pre-test: it shows what you already know" in html
    assert f'href="{pretest.get_url()}">Start: {pretest.title_en}' in html


def test_the_first_action_in_spanish(client, course, pretest):
    trainee, _ = helpers.enrolled(course, language="es")
    client.force_login(trainee)
    with_es = helpers.es_url(pretest).rsplit("/", 2)[0] + "/"
    html = client.get(with_es).content.decode()
    assert "Empiece por la evaluación diagnóstica" in html


def test_once_taken_the_first_lesson_comes_next(client, course, pretest):
    trainee, _ = helpers.enrolled(course, language="en")
    taken(trainee, pretest, wrong=1)
    client.force_login(trainee)
    html = client.get(course.get_url()).content.decode()
    assert "Start the first lesson: Lesson 1" in html
    assert "Start with the pre-test" not in html


def test_a_trainee_who_studied_first_is_not_sent_back(client, course, pretest):
    trainee, _ = helpers.enrolled(course, language="en")
    module_complete(user=trainee, module=factories.ModulePage.objects.child_of(course).first())
    client.force_login(trainee)
    html = client.get(course.get_url()).content.decode()
    assert "Start with the pre-test" not in html
    assert "Continue: Lesson 2" in html


def test_without_a_pretest_enrolling_says_start_with_the_first_lesson(client, course):
    trainee = factories.trainee(language="en")
    client.force_login(trainee)
    html = client.post(course.get_url() + "enrol/", follow=True).content.decode()
    assert "Start with the first lesson." in html
    assert "Start the first lesson: Lesson 1" in html
