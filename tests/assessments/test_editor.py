"""The quiz editor refuses grades that cannot be scored, as Moodle does, and says why."""

import pytest
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from assessments.models import Question, QuizPage
from tests import factories

pytestmark = pytest.mark.django_db


def choices(*grades):
    return inline_formset(
        [
            {"text_en": f"Choice {n}", "text_es": f"Opción {n}", "fraction": str(g)}
            for n, g in enumerate(grades)
        ],
        min=2,
    )


def question(kind, grades, *, partial=False, text="Which one?", text_format="plain"):
    data = {
        "kind": kind,
        "points": "1",
        "text_format": text_format,
        "text_en": text,
        "text_es": "¿Cuál?",
        "choices": choices(*grades),
    }
    if partial:
        data["partial_credit"] = "on"
    return data


def quiz_form(*questions):
    return nested_form_data(
        {
            "title_en": "Exam",
            "title_es": "Examen",
            "slug_en": "exam",
            "slug_es": "examen",
            "kind": "final_exam",
            "pass_mark": "70",
            "max_attempts": "0",
            "wait_minutes": "0",
            "draw_count": "0",
            "review_mode": "full",
            "questions": inline_formset(list(questions)),
            "action-publish": "publish",
        }
    )


@pytest.fixture
def add_url(client):
    course = factories.course(lessons=1)
    client.force_login(factories.trainer())
    return f"/admin/pages/add/assessments/quizpage/{course.pk}/"


def test_valid_grades_are_saved(client, add_url):
    response = client.post(
        add_url,
        quiz_form(
            question("single", [100, 50, 0]),
            question("multiple", ["33.33333", "33.33333", "33.33333", -100], partial=True),
            question("multiple", [100, 100, 0]),
        ),
    )
    assert response.status_code == 302, response.content.decode()[-3000:]
    quiz = QuizPage.objects.get(slug_en="exam")
    grades = [[str(c.fraction) for c in q.choices.all()] for q in quiz.questions.all()]
    assert grades[0] == ["100.00000", "50.00000", "0.00000"]
    assert [c.is_correct for c in quiz.questions.all()[0].choices.all()] == [True, True, False]


@pytest.mark.parametrize(
    ("q", "message"),
    [
        (question("single", [50, 0]), "Give at least one choice a grade of 100 %."),
        (question("truefalse", [0, 0]), "Give at least one choice a grade of 100 %."),
        (question("multiple", [0, -50, 0]), "Give at least one choice a grade above 0 %."),
        (
            question("multiple", [50, 30, -100], partial=True),
            "With partial credit, the positive grades must add up to 100 % (now 80 %).",
        ),
    ],
)
def test_grades_that_cannot_be_scored_are_refused_inline(client, add_url, q, message):
    response = client.post(add_url, quiz_form(question("single", [100, 0]), q))
    html = response.content.decode()
    assert response.status_code == 200
    assert message in html
    # Shown inside the second question's panel, not only at the top of the page.
    assert html.index(message) > html.index('id="inline_child_questions-1"')
    assert not QuizPage.objects.filter(slug_en="exam").exists()


def test_grades_are_refused_in_spanish(client, add_url):
    from wagtail.users.models import UserProfile

    trainer = factories.trainer()
    profile = UserProfile.get_for_user(trainer)
    profile.preferred_language = "es"
    profile.save()
    client.force_login(trainer)
    response = client.post(add_url, quiz_form(question("multiple", [50, 30, -100], partial=True)))
    html = response.content.decode()
    assert response.status_code == 200
    assert "las calificaciones positivas deben sumar 100 % (ahora 80 %)." in html


def test_html_question_text_is_sanitised_when_saved(client, add_url):
    text = '<p onclick="x()">Hi <script>alert(1)</script><strong>there</strong></p>'
    response = client.post(
        add_url, quiz_form(question("single", [100, 0], text=text, text_format="html"))
    )
    assert response.status_code == 302
    stored = Question.objects.get(quiz__slug_en="exam")
    assert stored.text_en == "<p>Hi <strong>there</strong></p>"
    revision = QuizPage.objects.get(slug_en="exam").latest_revision
    assert "<script" not in revision.content["questions"][0]["text_en"]
