"""Taking a quiz: submitting, the review, completion and the signal."""

from decimal import Decimal

import pytest

from learning import attempts as services
from learning.models import Answer, Attempt
from learning.signals import enrollment_completed
from tests import factories
from tests.assessments import helpers
from tests.assessments.helpers import attempt_url, start

pytestmark = pytest.mark.django_db


# Submitting -----------------------------------------------------------------------


def test_submit_scores_once_and_a_second_submit_changes_nothing(client, exam):
    trainee, _ = helpers.enrolled(exam.course())
    client.force_login(trainee)
    attempt, _ = start(client, exam)
    response = client.post(
        attempt_url(exam, attempt, "submit/"), helpers.post_data(helpers.correct_answers(attempt))
    )
    assert response["Location"].endswith(f"attempt/{attempt.pk}/review/")
    attempt.refresh_from_db()
    assert attempt.status == "submitted" and attempt.score_percent == Decimal("100.00")
    first_submitted_at = attempt.submitted_at
    again = client.post(
        attempt_url(exam, attempt, "submit/"),
        helpers.post_data(helpers.wrong_answers(attempt)),
        follow=True,
    )
    assert "already been submitted" in again.content.decode()
    attempt.refresh_from_db()
    assert attempt.score_percent == Decimal("100.00")
    assert attempt.submitted_at == first_submitted_at
    assert Attempt.objects.count() == 1


def test_unanswered_questions_are_stored_as_wrong_answers(exam):
    trainee, _ = helpers.enrolled(exam.course())
    attempt = services.attempt_start(user=trainee, quiz=exam, language="en")
    services.attempt_submit(attempt=attempt, answers={})
    assert Answer.objects.filter(attempt=attempt, correct=False).count() == 3


def test_same_answers_in_spanish_and_english_give_the_same_score(client, exam):
    course = exam.course()
    en_trainee, _ = helpers.enrolled(course, language="en")
    es_trainee, _ = helpers.enrolled(course, language="es")
    scores = []
    for trainee, language in ((en_trainee, "en"), (es_trainee, "es")):
        client.force_login(trainee)
        attempt, location = start(client, exam, language)
        assert location.startswith(f"/{language}/")
        answers = helpers.correct_answers(attempt)
        multi = next(q for q in attempt.snapshot["questions"] if q["kind"] == "multiple")
        answers[multi["id"]] = multi["correct"][:1]  # half of the partial credit
        client.post(location + "submit/", helpers.post_data(answers))
        attempt.refresh_from_db()
        assert attempt.language == language
        scores.append((attempt.score_points, attempt.score_percent, attempt.passed))
    assert scores[0] == scores[1] == (Decimal("3.00"), Decimal("75.00"), True)


def test_review_full_shows_answers_key_and_feedback_in_spanish(client, exam):
    trainee, _ = helpers.enrolled(exam.course())
    client.force_login(trainee)
    attempt, location = start(client, exam, "es")
    client.post(location + "submit/", helpers.post_data(helpers.wrong_answers(attempt)))
    page = client.get(location + "review/").content.decode()
    assert "Respuesta correcta" in page
    assert "Correcta 1" in page
    assert "No, incorrecta" in page
    assert "Retroalimentación general 1" in page


def test_review_score_only_hides_the_key(client, course):
    quiz = helpers.quiz(course, review_mode="score")
    trainee, _ = helpers.enrolled(course)
    client.force_login(trainee)
    attempt, location = start(client, quiz)
    client.post(location + "submit/", helpers.post_data(helpers.wrong_answers(attempt)))
    page = client.get(location + "review/").content.decode()
    assert "Your score: 0%" in page
    assert "Correct answer" not in page
    assert "Right 1" not in page


def test_history_lists_attempts_on_the_quiz_page(client, exam):
    trainee, _ = helpers.enrolled(exam.course())
    attempt = services.attempt_start(user=trainee, quiz=exam, language="en")
    services.attempt_submit(attempt=attempt, answers=helpers.correct_answers(attempt))
    client.force_login(trainee)
    page = client.get(exam.get_url()).content.decode()
    assert "Your attempts" in page and "100%" in page and "Passed" in page
    assert "Start a new attempt" in page


# Completion and the signal ------------------------------------------------------------------


def test_passing_the_final_exam_completes_the_course_after_the_lessons(exam):
    from courses.models import ModulePage
    from learning.services import module_complete

    course = exam.course()
    trainee, enrollment = helpers.enrolled(course)
    module_complete(user=trainee, module=ModulePage.objects.child_of(course).first())
    enrollment.refresh_from_db()
    assert enrollment.completed_at is None  # lessons done, exam not passed yet
    received = []

    def listener(sender, enrollment, final_attempt, **kwargs):
        enrollment.refresh_from_db()
        received.append((enrollment.completed_at is not None, final_attempt))

    enrollment_completed.connect(listener)
    try:
        attempt = services.attempt_start(user=trainee, quiz=exam, language="es")
        services.attempt_submit(attempt=attempt, answers=helpers.correct_answers(attempt))
    finally:
        enrollment_completed.disconnect(listener)
    enrollment.refresh_from_db()
    assert enrollment.completed_at is not None
    assert received == [(True, attempt)]


def test_a_failed_final_exam_does_not_complete_or_signal(exam):
    from courses.models import ModulePage
    from learning.services import module_complete

    course = exam.course()
    trainee, enrollment = helpers.enrolled(course)
    module_complete(user=trainee, module=ModulePage.objects.child_of(course).first())
    received = []
    enrollment_completed.connect(lambda **kw: received.append(kw), weak=False, dispatch_uid="t")
    try:
        attempt = services.attempt_start(user=trainee, quiz=exam, language="en")
        services.attempt_submit(attempt=attempt, answers=helpers.wrong_answers(attempt))
    finally:
        enrollment_completed.disconnect(dispatch_uid="t")
    enrollment.refresh_from_db()
    assert enrollment.completed_at is None and received == []


def test_passing_a_pretest_does_not_signal_or_count_for_completion(course):
    pretest = helpers.quiz(course, kind="pretest")
    trainee, enrollment = helpers.enrolled(course)
    received = []
    enrollment_completed.connect(lambda **kw: received.append(kw), weak=False, dispatch_uid="p")
    try:
        attempt = services.attempt_start(user=trainee, quiz=pretest, language="en")
        services.attempt_submit(attempt=attempt, answers=helpers.correct_answers(attempt))
    finally:
        enrollment_completed.disconnect(dispatch_uid="p")
    enrollment.refresh_from_db()
    assert received == [] and enrollment.completed_at is None


def test_review_links_to_the_next_part_of_the_course(client, course):
    check = helpers.quiz(course, kind="lesson_check")
    factories.lesson(course, 9)
    trainee, _ = helpers.enrolled(course)
    client.force_login(trainee)
    attempt, location = start(client, check)
    client.post(location + "submit/", helpers.post_data(helpers.correct_answers(attempt)))
    page = client.get(location + "review/").content.decode()
    assert "Next: Lesson 9" in page
