"""Factories for quizzes and attempts used by the assessments tests."""

import itertools
import re
from datetime import timedelta
from decimal import Decimal

from django.utils import timezone, translation

from assessments.models import Choice, Question, QuizPage
from learning.models import Attempt, Enrollment
from tests import factories

_counter = itertools.count(1)


def choice(en, es, correct=False, feedback_en="", feedback_es="", *, fraction=None):
    """A choice worth 100 % when ``correct``, else 0 %, unless ``fraction`` says otherwise."""
    if fraction is None:
        fraction = 100 if correct else 0
    return Choice(
        text_en=en,
        text_es=es,
        fraction=Decimal(str(fraction)),
        feedback_en=feedback_en,
        feedback_es=feedback_es,
    )


def single(n=1, points=1):
    q = Question(
        kind="single",
        text_en=f"Single question {n}?",
        text_es=f"¿Pregunta simple {n}?",
        feedback_en=f"General feedback {n}",
        feedback_es=f"Retroalimentación general {n}",
        points=points,
    )
    q.choices = [
        choice(f"Right {n}", f"Correcta {n}", True, "Yes, right", "Sí, correcta"),
        choice(f"Wrong {n}a", f"Incorrecta {n}a", False, "No, wrong", "No, incorrecta"),
        choice(f"Wrong {n}b", f"Incorrecta {n}b"),
    ]
    return q


def multiple(n=1, points=2, partial_credit=True):
    q = Question(
        kind="multiple",
        text_en=f"Multiple question {n}?",
        text_es=f"¿Pregunta múltiple {n}?",
        points=points,
        partial_credit=partial_credit,
    )
    # Moodle grades: each right choice half the points, each wrong one half taken away.
    q.choices = [
        choice("Right A", "Correcta A", fraction=50),
        choice("Right B", "Correcta B", fraction=50),
        choice("Wrong C", "Incorrecta C", fraction=-50),
        choice("Wrong D", "Incorrecta D", fraction=-50),
    ]
    return q


def truefalse(n=1, answer=True):
    q = Question(kind="truefalse", text_en=f"Statement {n}", text_es=f"Afirmación {n}", points=1)
    q.choices = [choice("True", "Verdadero", answer), choice("False", "Falso", not answer)]
    return q


def quiz(course_page, *, kind="final_exam", questions=None, **extra) -> QuizPage:
    """A published quiz; it opens at once (``requires_lessons`` off) unless told otherwise.

    These tests take quizzes without studying the lessons first; the lesson
    gate has its own tests (tests/learning/test_quiz_flow_gate.py).
    """
    extra.setdefault("requires_lessons", False)
    n = next(_counter)
    page = QuizPage(
        title_en=f"Quiz {n}",
        title_es=f"Cuestionario {n}",
        slug_en=f"quiz-{n}",
        slug_es=f"cuestionario-{n}",
        intro_en="Answer the questions.",
        intro_es="Responda las preguntas.",
        kind=kind,
        **extra,
    )
    page.questions = questions if questions is not None else [single(1), multiple(2), truefalse(3)]
    with translation.override("en"):
        course_page.add_child(instance=page)
        page.save_revision().publish()
    page.refresh_from_db()
    return page


def enrolled(course_page, **kwargs):
    trainee = factories.trainee(**kwargs)
    enrollment = Enrollment.objects.create(user=trainee, course=course_page)
    return trainee, enrollment


def correct_answers(attempt) -> dict[int, list[int]]:
    return {q["id"]: list(q["correct"]) for q in attempt.snapshot["questions"]}


def wrong_answers(attempt) -> dict[int, list[int]]:
    out = {}
    for q in attempt.snapshot["questions"]:
        wrong = [c for c in q["choices"] if c not in q["correct"]]
        out[q["id"]] = wrong[:1]
    return out


def post_data(answers: dict[int, list[int]], **extra) -> dict:
    data = {"shown": [str(qid) for qid in answers]}
    for qid, choices in answers.items():
        if choices:
            data[f"q{qid}"] = [str(c) for c in choices]
    data.update(extra)
    return data


# Taking a quiz through the site.


def start(client, quiz, language="en"):
    url = quiz.get_url() if language == "en" else es_url(quiz)
    response = client.post(url + "start/")
    assert response.status_code == 302, response
    return Attempt.objects.filter(quiz=quiz).latest("pk"), response["Location"]


def es_url(quiz):
    with translation.override("es"):
        return quiz.get_url()


def attempt_url(quiz, attempt, suffix=""):
    return f"{quiz.get_url()}attempt/{attempt.pk}/{suffix}"


def without_tokens(html: str) -> str:
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)


def overdue(attempt):
    Attempt.objects.filter(pk=attempt.pk).update(deadline=timezone.now() - timedelta(minutes=5))
    attempt.refresh_from_db()
