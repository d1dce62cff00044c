"""Reviews show a submitted attempt as it was scored, whatever trainers changed since."""

import re

import pytest

from assessments.models import Choice, Question
from learning import attempts as services
from learning.models import Answer, Attempt
from tests.assessments import helpers

pytestmark = pytest.mark.django_db

LANGUAGES = [("en", "/en/"), ("es", "/es/")]


@pytest.fixture
def course():
    from tests import factories

    return factories.course(lessons=1)


@pytest.fixture
def exam(course):
    return helpers.quiz(course)


def review_url(quiz, attempt, language):
    from django.utils import translation

    with translation.override(language):
        return f"{quiz.get_url()}attempt/{attempt.pk}/review/"


def visible(html: str) -> str:
    """The review's answers section as text, tags dropped and spaces collapsed."""
    section = html.split('id="answers-heading"', 1)[1]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", section))


def submitted(exam, answers_for=helpers.correct_answers, language="en"):
    trainee, _ = helpers.enrolled(exam.course())
    attempt = services.attempt_start(user=trainee, quiz=exam, language=language)
    services.attempt_submit(attempt=attempt, answers=answers_for(attempt))
    attempt.refresh_from_db()
    return trainee, attempt


def first_question(exam) -> Question:
    return Question.objects.filter(quiz=exam).order_by("sort_order", "pk").first()


# Edits after scoring -----------------------------------------------------------


@pytest.mark.parametrize(("language", "old", "new"), [
    ("en", "Single question 1?", "Rewritten question?"),
    ("es", "¿Pregunta simple 1?", "¿Pregunta reescrita?"),
])  # fmt: skip
def test_editing_a_question_text_does_not_rewrite_the_review(client, exam, language, old, new):
    trainee, attempt = submitted(exam)
    Question.objects.filter(pk=first_question(exam).pk).update(
        text_en="Rewritten question?", text_es="¿Pregunta reescrita?",
        feedback_en="New feedback", feedback_es="Nueva retroalimentación",
    )  # fmt: skip
    client.force_login(trainee)
    page = visible(client.get(review_url(exam, attempt, language)).content.decode())
    assert old in page
    assert new not in page
    assert "New feedback" not in page and "Nueva retroalimentación" not in page


@pytest.mark.parametrize(("language", "old"), [("en", "Right 1"), ("es", "Correcta 1")])
def test_editing_a_choice_does_not_rewrite_the_review(client, exam, language, old):
    trainee, attempt = submitted(exam)
    right = Choice.objects.get(text_en="Right 1")
    Choice.objects.filter(pk=right.pk).update(text_en="Edited", text_es="Editada", fraction=0)
    Choice.objects.filter(text_en="Wrong 1a").update(fraction=100)
    client.force_login(trainee)
    page = visible(client.get(review_url(exam, attempt, language)).content.decode())
    answer = "Your answer" if language == "en" else "Su respuesta"
    key = "Correct answer" if language == "en" else "Respuesta correcta"
    assert f"{old} {answer} {key}" in page
    assert "Edited" not in page and "Editada" not in page


@pytest.mark.parametrize(("language", "old"), [("en", "Right 1"), ("es", "Correcta 1")])
def test_deleting_the_chosen_choice_keeps_your_answer_in_the_review(client, exam, language, old):
    trainee, attempt = submitted(exam)
    Choice.objects.filter(text_en="Right 1").delete()
    client.force_login(trainee)
    page = visible(client.get(review_url(exam, attempt, language)).content.decode())
    answer = "Your answer" if language == "en" else "Su respuesta"
    assert f"{old} {answer}" in page


@pytest.mark.parametrize(
    ("language", "old"), [("en", "Single question 1?"), ("es", "¿Pregunta simple 1?")]
)
def test_deleting_a_question_keeps_it_in_the_review(client, exam, language, old):
    trainee, attempt = submitted(exam)
    first_question(exam).delete()
    client.force_login(trainee)
    response = client.get(review_url(exam, attempt, language))
    page = visible(response.content.decode())
    assert response.status_code == 200
    assert old in page
    assert page.count("Right 1" if language == "en" else "Correcta 1") == 1


def test_review_falls_back_to_english_for_an_untranslated_text(client, course):
    question = helpers.single(1)
    question.text_es = ""
    question.choices.all()[0].text_es = ""
    quiz = helpers.quiz(course, questions=[question])
    trainee, attempt = submitted(quiz)
    client.force_login(trainee)
    page = visible(client.get(review_url(quiz, attempt, "es")).content.decode())
    assert "Single question 1?" in page
    assert "Right 1 Su respuesta" in page
    assert "Incorrecta 1a" in page


def test_review_shows_a_half_right_choice_as_partly_right(client, course):
    question = helpers.single(1)
    question.choices.all()[1].fraction = 50
    quiz = helpers.quiz(course, questions=[question])
    wrong_b = lambda attempt: {  # noqa: E731
        q["id"]: [q["choices"][1]] for q in attempt.snapshot["questions"]
    }
    trainee, attempt = submitted(quiz, answers_for=wrong_b)
    assert attempt.score_points == 0.5
    client.force_login(trainee)
    page = visible(client.get(review_url(quiz, attempt, "en")).content.decode())
    assert "Wrong 1a Your answer Partly right: 50 % of the points" in page
    assert "0.50 of 1 points" in page


# Attempts from before texts were frozen ----------------------------------------


def legacy(attempt: Attempt) -> Attempt:
    """The attempt's snapshot as stored before fractions and texts were frozen."""
    snapshot = attempt.snapshot
    for question in snapshot["questions"]:
        question.pop("fractions")
        question.pop("texts")
        question.pop("text_format")
    Attempt.objects.filter(pk=attempt.pk).update(snapshot=snapshot)
    return attempt


def test_old_attempt_review_survives_a_deleted_choice_and_question(client, exam):
    trainee, attempt = submitted(exam)
    legacy(attempt)
    Choice.objects.filter(text_en="Right 1").delete()
    Question.objects.filter(quiz=exam, kind="truefalse").delete()
    client.force_login(trainee)
    response = client.get(review_url(exam, attempt, "en"))
    page = visible(response.content.decode())
    assert response.status_code == 200
    assert "A choice removed after your attempt Your answer Correct answer" in page
    assert "This question was removed after your attempt." in page
    assert "Multiple question 2?" in page
    es = visible(client.get(review_url(exam, attempt, "es")).content.decode())
    assert "Una opción eliminada después de su intento Su respuesta" in es
    assert "Esta pregunta se eliminó después de su intento." in es


def test_old_attempt_without_fractions_rescores_to_its_old_result(exam):
    trainee, _ = helpers.enrolled(exam.course())
    attempt = services.attempt_start(user=trainee, quiz=exam, language="en")
    legacy(attempt)
    attempt.refresh_from_db()
    answers = helpers.correct_answers(attempt)
    multi = next(q for q in attempt.snapshot["questions"] if q["kind"] == "multiple")
    answers[multi["id"]] = [multi["correct"][0], multi["choices"][2]]  # right A + wrong C
    result = services.attempt_submit(attempt=attempt, answers=answers)
    # single 1 + multiple (1/2 - 1/2 of 2 points) 0 + true/false 1, as before fractions.
    assert result.attempt.score_points == 2
    assert Answer.objects.get(attempt=attempt, question_id=multi["id"]).points_awarded == 0


# What the trainee may see before submitting ------------------------------------


def test_attempt_page_holds_no_grade_key_or_feedback(client, exam):
    trainee, _ = helpers.enrolled(exam.course())
    client.force_login(trainee)
    attempt = services.attempt_start(user=trainee, quiz=exam, language="en")
    base = f"{exam.get_url()}attempt/{attempt.pk}/"
    html = client.get(base + "?all=1").content.decode()
    assert "Single question 1?" in html and "Right A" in html
    for secret in ("100.00000", "-50.00000", "fraction", "data-key", "correct", "Yes, right",
                   "No, wrong", "General feedback 1"):  # fmt: skip
        assert secret not in html, secret
    right_ids = "|".join(str(c) for c in attempt.snapshot["questions"][0]["correct"])
    assert not re.search(rf'data-[a-z-]*="({right_ids})"', html)


# Question text formats ---------------------------------------------------------


def html_question():
    question = helpers.single(1)
    question.text_format = "html"
    question.text_en = "<p>Hi <script>x</script></p>"
    question.text_es = "<p>Hola <script>x</script></p>"
    return question


def test_html_question_text_is_a_paragraph_without_the_script(client, course):
    quiz = helpers.quiz(course, questions=[html_question()])
    stored = Question.objects.get(quiz=quiz)
    assert "<script" not in stored.text_en  # sanitised on save
    # A row written by another path is sanitised again when shown.
    Question.objects.filter(pk=stored.pk).update(text_en="<p>Hi <script>x</script></p>")
    trainee, _ = helpers.enrolled(course)
    client.force_login(trainee)
    attempt = services.attempt_start(user=trainee, quiz=quiz, language="en")
    html = client.get(f"{quiz.get_url()}attempt/{attempt.pk}/").content.decode()
    assert '<div class="question-text"><p>Hi </p></div>' in html
    assert "<script" not in html.split('class="question-text"')[1].split("</div>")[0]
    assert "&lt;p&gt;" not in html
    services.attempt_submit(attempt=attempt, answers=helpers.correct_answers(attempt))
    review = client.get(review_url(quiz, attempt, "en")).content.decode()
    assert '<div class="question-text"><p>Hi </p></div>' in review
    assert "&lt;p&gt;" not in review


def test_plain_question_text_is_escaped_with_line_breaks(client, course):
    question = helpers.single(1)
    question.text_en = "Is 1 < 2?\nThink <b>twice</b>."
    quiz = helpers.quiz(course, questions=[question])
    trainee, _ = helpers.enrolled(course)
    client.force_login(trainee)
    attempt = services.attempt_start(user=trainee, quiz=quiz, language="en")
    html = client.get(f"{quiz.get_url()}attempt/{attempt.pk}/").content.decode()
    assert "<p>Is 1 &lt; 2?<br>Think &lt;b&gt;twice&lt;/b&gt;.</p>" in html


def test_item_statistics_render_html_question_text(client, course):
    from django.urls import reverse

    from tests import factories

    quiz = helpers.quiz(course, questions=[html_question()])
    client.force_login(factories.trainer())
    html = client.get(reverse("assessments_stats", args=[quiz.pk])).content.decode()
    assert "<p>Hi </p>" in html and "<p>Hola </p>" in html
    assert "&lt;p&gt;" not in html and "<script" not in html.split("item-statistics")[1]


# Snapshot ----------------------------------------------------------------------


def test_snapshot_freezes_grades_and_texts_in_every_language(exam, settings):
    trainee, _ = helpers.enrolled(exam.course())
    attempt = services.attempt_start(user=trainee, quiz=exam, language="en")
    multi = next(q for q in attempt.snapshot["questions"] if q["kind"] == "multiple")
    assert multi["fractions"] == ["50.00000", "50.00000", "-50.00000", "-50.00000"]
    assert sorted(multi["texts"]) == sorted(code for code, _name in settings.LANGUAGES)
    assert multi["texts"]["es"]["text"] == "¿Pregunta múltiple 2?"
    assert [c["text"] for c in multi["texts"]["es"]["choices"]][:2] == ["Correcta A", "Correcta B"]
    single = attempt.snapshot["questions"][0]
    assert single["texts"]["en"]["choices"][0]["feedback"] == "Yes, right"
    assert single["texts"]["es"]["feedback"] == "Retroalimentación general 1"
    assert single["text_format"] == "plain"
