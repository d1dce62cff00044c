"""The migration adding ``QuizPage.requires_lessons`` turns it on for final exams only."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from tests.learning.test_migrations import page

BEFORE = [("assessments", "0005_quizpage_review_mode_after_passing")]
AFTER = [("assessments", "0006_quizpage_requires_lessons")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_existing_final_exams_wait_for_the_lessons_and_other_quizzes_do_not():
    old = migrate(BEFORE)
    page(old, "courses", "CoursePage", path="00019001", title="Course", summary="S")
    kinds = {"Pre": "pretest", "Check": "lesson_check", "Exam": "final_exam", "Exam2": "final_exam"}
    ids = {}
    for number, (title, kind) in enumerate(kinds.items(), start=1):
        quiz = page(
            old, "assessments", "QuizPage", path=f"0001900100{number:02d}", title=title, kind=kind
        )
        question = old.get_model("assessments", "Question").objects.create(quiz=quiz, text="Q?")
        ids[title] = (quiz.pk, question.pk)

    new = migrate(AFTER)
    QuizPage = new.get_model("assessments", "QuizPage")
    values = dict(QuizPage.objects.values_list("title", "requires_lessons"))
    assert values == {"Pre": False, "Check": False, "Exam": True, "Exam2": True}
    # Nothing else moved: the same pages with their questions.
    Question = new.get_model("assessments", "Question")
    for title, (quiz_pk, question_pk) in ids.items():
        assert Question.objects.get(pk=question_pk).quiz_id == quiz_pk, title
        assert QuizPage.objects.get(pk=quiz_pk).kind == kinds[title]

    back = migrate(BEFORE)
    assert back.get_model("assessments", "QuizPage").objects.count() == 4
    migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
