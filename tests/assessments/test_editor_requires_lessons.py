"""In the editor a new quiz's "open only after the lessons" box follows its kind unless changed."""

import pytest

from assessments.models import QuizPage
from tests import factories
from tests.assessments.test_editor import question, quiz_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def add_url(client):
    course = factories.course(lessons=1)
    client.force_login(factories.trainer())
    return f"/admin/pages/add/assessments/quizpage/{course.pk}/"


def form(kind, *, ticked):
    data = quiz_form(question("single", [100, 0]))
    data["kind"] = kind
    if ticked:
        data["requires_lessons"] = "on"
    return data


@pytest.mark.parametrize(
    ("kind", "ticked", "saved"),
    [
        ("final_exam", True, True),  # the box as it came
        ("pretest", True, False),  # the box as it came, on a pre-test
        ("lesson_check", True, False),
        ("final_exam", False, False),  # unticked on purpose
    ],
)
def test_a_new_quiz(client, add_url, kind, ticked, saved):
    response = client.get(add_url)
    assert 'name="requires_lessons"' in response.content.decode()
    response = client.post(add_url, form(kind, ticked=ticked))
    assert response.status_code == 302, response.content.decode()[-2000:]
    assert QuizPage.objects.get(slug_en="exam").requires_lessons is saved


def test_an_existing_pretest_can_be_made_to_wait(client, add_url):
    client.post(add_url, form("pretest", ticked=True))
    quiz = QuizPage.objects.get(slug_en="exam")
    assert quiz.requires_lessons is False
    edit = f"/admin/pages/{quiz.pk}/edit/"
    data = form("pretest", ticked=True)
    data["questions-0-id"] = str(quiz.questions.get().pk)
    response = client.post(edit, data)
    assert response.status_code == 302, response.content.decode()[-2000:]
    quiz.refresh_from_db()
    assert quiz.requires_lessons is True
