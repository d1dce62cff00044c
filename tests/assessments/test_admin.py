"""Trainer tools in the Wagtail admin: editor, import, export, item statistics."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from assessments.models import Choice, Question
from learning.models import Attempt
from tests import factories
from tests.assessments import helpers
from tests.assessments.test_formats import GIFT_EN, GIFT_ES

pytestmark = pytest.mark.django_db


@pytest.fixture
def trainer_client(client):
    client.force_login(factories.trainer())
    return client


@pytest.fixture
def empty_quiz():
    return helpers.quiz(factories.course(lessons=1), questions=[])


def upload(name, text):
    return SimpleUploadedFile(name, text.encode("utf-8"), content_type="text/plain")


def test_quiz_editor_has_nested_question_and_choice_panels_in_both_languages(trainer_client):
    course = factories.course(lessons=1)
    quiz = helpers.quiz(course)
    page = trainer_client.get(reverse("wagtailadmin_pages:edit", args=[quiz.pk]))
    assert page.status_code == 200
    html = page.content.decode()
    for name in (
        "questions-0-text_en",
        "questions-0-text_es",
        "questions-0-feedback_es",
        "questions-0-choices-0-text_en",
        "questions-0-choices-0-text_es",
        "questions-0-choices-0-feedback_es",
        "questions-0-text_format",
        "questions-0-choices-0-fraction",
    ):
        assert f'name="{name}"' in html, name
    assert reverse("assessments_import", args=[quiz.pk]) in html


def test_trainer_can_add_a_quiz_under_a_course(trainer_client):
    from assessments.models import QuizPage
    from tests.assessments.test_editor import question, quiz_form

    course = factories.course(lessons=1)
    url = reverse("wagtailadmin_pages:add", args=["assessments", "quizpage", course.pk])
    form = trainer_client.get(url)
    assert form.status_code == 200
    html = form.content.decode()
    for name in ("title_en", "title_es", "kind", "pass_mark", "max_attempts",
                 "time_limit_minutes", "wait_minutes", "shuffle_questions", "review_mode",
                 "questions-TOTAL_FORMS"):  # fmt: skip
        assert f'name="{name}"' in html, name
    data = quiz_form(question("single", [100, 0]))
    data.update({"pass_mark": "80", "max_attempts": "3", "time_limit_minutes": "20"})
    response = trainer_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[-2000:]
    quiz = QuizPage.objects.child_of(course).get()
    assert (quiz.title_en, quiz.title_es, quiz.live) == ("Exam", "Examen", True)
    assert (quiz.pass_mark, quiz.max_attempts, quiz.time_limit_minutes) == (80, 3, 20)
    question_row = Question.objects.get(quiz=quiz)
    assert (question_row.text_en, question_row.text_es) == ("Which one?", "¿Cuál?")
    assert [c.fraction for c in question_row.choices.order_by("sort_order", "pk")] == [100, 0]


def test_gift_with_one_bad_line_imports_nothing_and_names_the_line(trainer_client, empty_quiz):
    bad = GIFT_EN.replace("  ~Crossing a border", "  Crossing a border")
    url = reverse("assessments_import", args=[empty_quiz.pk])
    response = trainer_client.post(
        url,
        {
            "format": "gift",
            "file": upload("en.gift", bad),
            "file_es": upload("es.gift", GIFT_ES),
            "action": "import",
        },
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Nothing was imported" in html
    assert "Line 4" in html
    assert 'value="import"' not in html  # no confirm button while a line is bad
    assert Question.objects.filter(quiz=empty_quiz).count() == 0


def test_fixed_gift_pair_previews_then_imports_every_question_in_both_languages(
    trainer_client, empty_quiz
):
    url = reverse("assessments_import", args=[empty_quiz.pk])
    preview = trainer_client.post(
        url,
        {
            "format": "gift",
            "file": upload("en.gift", GIFT_EN),
            "file_es": upload("es.gift", GIFT_ES),
            "action": "preview",
        },
    )
    html = preview.content.decode()
    assert "4 questions will be imported" in html
    assert "¿Qué elemento define la trata?" in html
    assert Question.objects.filter(quiz=empty_quiz).count() == 0
    confirm = trainer_client.post(
        url,
        {"format": "gift", "content": GIFT_EN, "content_es": GIFT_ES, "action": "import"},
    )
    assert confirm.status_code == 302
    questions = list(Question.objects.filter(quiz=empty_quiz).order_by("sort_order", "pk"))
    assert len(questions) == 4
    # "{=Fraud =Theft ~Walking}" is a single choice with two full answers, as in Moodle.
    assert [q.kind for q in questions] == ["single", "multiple", "truefalse", "single"]
    first = questions[0]
    assert first.text_en == "Which element defines trafficking?"
    assert first.text_es == "¿Qué elemento define la trata?"
    assert first.feedback_es == "La trata exige explotación."
    choices = list(first.choices.order_by("sort_order", "pk"))
    assert [(c.text_en, c.text_es, c.is_correct) for c in choices][0] == (
        "A purpose of exploitation",
        "Un fin de explotación",
        True,
    )
    assert questions[1].points == 2 and questions[1].partial_credit is True
    assert [c.fraction for c in questions[1].choices.order_by("sort_order", "pk")] == [50, 50, -100]
    assert Choice.objects.filter(question__quiz=empty_quiz, text_es="").count() == 0


def test_import_appends_to_existing_questions(trainer_client):
    quiz = helpers.quiz(factories.course(lessons=1))
    url = reverse("assessments_import", args=[quiz.pk])
    trainer_client.post(url, {"format": "gift", "content": GIFT_EN, "action": "import"})
    assert Question.objects.filter(quiz=quiz).count() == 3 + 4


def test_csv_import_with_both_languages(trainer_client, empty_quiz):
    from tests.assessments.test_formats import CSV_OK

    url = reverse("assessments_import", args=[empty_quiz.pk])
    trainer_client.post(url, {"format": "csv", "file": upload("q.csv", CSV_OK), "action": "import"})
    questions = Question.objects.filter(quiz=empty_quiz)
    assert questions.count() == 3
    assert questions.filter(text_es="¿Qué es?").exists()


def test_export_csv_and_gift_round_trip(trainer_client):
    from tests.assessments.test_import_export_admin import keyed_questions

    quiz = helpers.quiz(factories.course(lessons=1), questions=keyed_questions())
    url = reverse("assessments_export", args=[quiz.pk])
    csv_text = trainer_client.get(url + "?format=csv").content.decode()
    assert "¿Pregunta simple 1?" in csv_text and "Single question 1?" in csv_text
    gift_es = trainer_client.get(url + "?format=gift&lang=es")
    assert gift_es["Content-Disposition"].endswith('-es.gift.txt"')
    assert "Afirmación 3" in gift_es.content.decode()
    target = helpers.quiz(factories.course(lessons=1), questions=[])
    trainer_client.post(
        reverse("assessments_import", args=[target.pk]),
        {"format": "csv", "content": csv_text, "action": "import"},
    )
    assert sorted(Question.objects.filter(quiz=target).values_list("text_es", flat=True)) == sorted(
        Question.objects.filter(quiz=quiz).values_list("text_es", flat=True)
    )


def test_trainee_cannot_use_the_quiz_tools(client, empty_quiz):
    client.force_login(factories.trainee())
    for name in ("assessments_import", "assessments_export", "assessments_stats"):
        response = client.get(reverse(name, args=[empty_quiz.pk]))
        assert response.status_code in (302, 403)


def test_item_statistics_flags_a_language_gap(trainer_client):
    from tests.assessments.test_stats import seed_gap

    quiz = seed_gap()
    response = trainer_client.get(reverse("assessments_stats", args=[quiz.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Check translation" in html
    assert Attempt.objects.filter(quiz=quiz).count() == 24


def test_import_form_and_statistics_pages_render_for_a_trainer(trainer_client, empty_quiz):
    page = trainer_client.get(reverse("assessments_import", args=[empty_quiz.pk]))
    assert page.status_code == 200 and 'name="file_es"' in page.content.decode()
    stats = trainer_client.get(reverse("assessments_stats", args=[empty_quiz.pk]))
    assert "This quiz has no questions yet." in stats.content.decode()


def test_statistics_page_query_count_constant(trainer_client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.assessments.test_stats import seed_gap

    counts = []
    for quiz in (seed_gap(per_language=1), seed_gap(per_language=8)):
        url = reverse("assessments_stats", args=[quiz.pk])
        trainer_client.get(url)
        with CaptureQueriesContext(connection) as ctx:
            assert trainer_client.get(url).status_code == 200
        counts.append(len(ctx.captured_queries))
    assert counts[0] == counts[1]
