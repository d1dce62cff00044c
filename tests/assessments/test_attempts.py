"""Taking a quiz: start, save, resume, submit, review, and every unhappy path."""

import re
from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from assessments.models import Choice, Question
from learning import attempts as services
from learning.models import Answer, Attempt, Enrollment
from learning.signals import enrollment_completed
from tests import factories
from tests.assessments import helpers

pytestmark = pytest.mark.django_db


@pytest.fixture
def course():
    return factories.course(lessons=1)


@pytest.fixture
def exam(course):
    return helpers.quiz(course)


def start(client, quiz, language="en"):
    url = quiz.get_url() if language == "en" else es_url(quiz)
    response = client.post(url + "start/")
    assert response.status_code == 302, response
    return Attempt.objects.filter(quiz=quiz).latest("pk"), response["Location"]


def es_url(quiz):
    from django.utils import translation

    with translation.override("es"):
        return quiz.get_url()


def attempt_url(quiz, attempt, suffix=""):
    return f"{quiz.get_url()}attempt/{attempt.pk}/{suffix}"


def without_tokens(html: str) -> str:
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)


# Starting ---------------------------------------------------------------------


def test_enrolled_trainee_starts_an_attempt_with_a_snapshot(client, exam):
    trainee, enrollment = helpers.enrolled(exam.course())
    client.force_login(trainee)
    attempt, location = start(client, exam)
    assert location.endswith(f"/attempt/{attempt.pk}/")
    assert attempt.number == 1
    assert attempt.enrollment == enrollment
    assert attempt.language == "en"
    assert attempt.snapshot["pass_mark"] == 70
    assert len(attempt.snapshot["questions"]) == 3
    first = attempt.snapshot["questions"][0]
    assert first["correct"] == [Choice.objects.get(text_en="Right 1").pk]


def test_trainee_not_enrolled_cannot_start_and_is_told_in_spanish(client, exam):
    trainee = factories.trainee()
    client.force_login(trainee)
    response = client.post(es_url(exam) + "start/", follow=True)
    assert "Inscríbase en el curso para presentar este cuestionario." in response.content.decode()
    assert Attempt.objects.count() == 0


def test_starting_again_resumes_the_open_attempt(client, exam):
    trainee, _ = helpers.enrolled(exam.course())
    client.force_login(trainee)
    first, _ = start(client, exam)
    second, _ = start(client, exam)
    assert first.pk == second.pk
    assert Attempt.objects.count() == 1


def test_attempt_limit_is_enforced(exam):
    exam.max_attempts = 1
    exam.save()
    trainee, _ = helpers.enrolled(exam.course())
    attempt = services.attempt_start(user=trainee, quiz=exam, language="en")
    services.attempt_submit(attempt=attempt, answers={})
    with pytest.raises(services.NoAttemptsLeftError):
        services.attempt_start(user=trainee, quiz=exam, language="en")


def test_attempt_limit_counts_only_attempts_since_the_renewal(exam):
    exam.max_attempts = 1
    exam.save()
    trainee, enrollment = helpers.enrolled(exam.course())
    old = services.attempt_start(user=trainee, quiz=exam, language="en")
    services.attempt_submit(attempt=old, answers={})
    Attempt.objects.filter(pk=old.pk).update(started_at=timezone.now() - timedelta(days=400))
    Enrollment.objects.filter(pk=enrollment.pk).update(renewal_started_at=timezone.now())
    renewed = services.attempt_start(user=trainee, quiz=exam, language="en")
    assert renewed.number == 2


def test_wait_between_attempts_is_enforced(exam):
    exam.wait_minutes = 60
    exam.save()
    trainee, _ = helpers.enrolled(exam.course())
    attempt = services.attempt_start(user=trainee, quiz=exam, language="en")
    services.attempt_submit(attempt=attempt, answers={})
    with pytest.raises(services.MustWaitError):
        services.attempt_start(user=trainee, quiz=exam, language="en")


def test_draw_count_and_shuffle_draw_a_subset_in_a_random_order(course):
    quiz = helpers.quiz(
        course,
        questions=[helpers.single(n) for n in range(1, 9)],
        draw_count=4,
        shuffle_questions=True,
        shuffle_choices=True,
    )
    trainee, _ = helpers.enrolled(course)
    import random

    attempt = services.attempt_start(user=trainee, quiz=quiz, language="en", rng=random.Random(3))
    ids = attempt.question_ids()
    assert len(ids) == 4
    pool = set(Question.objects.filter(quiz=quiz).values_list("pk", flat=True))
    assert set(ids) <= pool


# Saving, paging and resuming ----------------------------------------------------


def test_paging_without_javascript_saves_answers_and_resumes_where_left(client, exam):
    trainee, _ = helpers.enrolled(exam.course())
    client.force_login(trainee)
    attempt, location = start(client, exam)
    first_id = attempt.question_ids()[0]
    right = helpers.correct_answers(attempt)[first_id]
    response = client.post(
        attempt_url(exam, attempt, "save/"), helpers.post_data({first_id: right}, goto="1")
    )
    assert response.status_code == 302
    assert response["Location"].endswith("?q=2")
    assert Answer.objects.get(attempt=attempt, question_id=first_id).selected_choice_ids == right
    # Coming back later (no ?q=) opens the question where the trainee was.
    page = client.get(attempt_url(exam, attempt)).content.decode()
    assert "Question 2 of 3" in page
    first_page = client.get(attempt_url(exam, attempt) + "?q=1").content.decode()
    assert f'value="{right[0]}" checked' in first_page


def test_all_questions_on_one_page(client, exam):
    trainee, _ = helpers.enrolled(exam.course())
    client.force_login(trainee)
    attempt, _ = start(client, exam)
    page = client.get(attempt_url(exam, attempt) + "?all=1").content.decode()
    assert page.count('name="shown"') == 3
    response = client.post(
        attempt_url(exam, attempt, "save/"),
        helpers.post_data(helpers.correct_answers(attempt), view="all", goto="0"),
    )
    assert response["Location"].endswith("?all=1")
    assert Answer.objects.filter(attempt=attempt).count() == 3


def test_clearing_a_multiple_choice_question_is_saved(client, exam):
    trainee, _ = helpers.enrolled(exam.course())
    client.force_login(trainee)
    attempt, _ = start(client, exam)
    multi = next(q for q in attempt.snapshot["questions"] if q["kind"] == "multiple")
    client.post(
        attempt_url(exam, attempt, "save/"), helpers.post_data({multi["id"]: multi["correct"]})
    )
    client.post(attempt_url(exam, attempt, "save/"), helpers.post_data({multi["id"]: []}))
    assert Answer.objects.get(attempt=attempt, question_id=multi["id"]).selected_choice_ids == []


def test_autosave_endpoint_answers_json(client, exam):
    trainee, _ = helpers.enrolled(exam.course())
    client.force_login(trainee)
    attempt, _ = start(client, exam)
    response = client.post(
        attempt_url(exam, attempt, "save/"),
        helpers.post_data(helpers.correct_answers(attempt)),
        HTTP_ACCEPT="application/json",
    )
    assert response.status_code == 200
    assert response.json()["ok"] is True
    assert Answer.objects.filter(attempt=attempt).count() == 3


def test_autosave_needs_the_csrf_token(exam):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    trainee, _ = helpers.enrolled(exam.course())
    client.force_login(trainee)
    attempt = services.attempt_start(user=trainee, quiz=exam, language="en")
    response = client.post(
        attempt_url(exam, attempt, "save/"),
        helpers.post_data(helpers.correct_answers(attempt)),
        HTTP_ACCEPT="application/json",
    )
    assert response.status_code == 403
    assert Answer.objects.count() == 0


def test_attempt_page_loads_the_autosave_script_without_inline_script(client, exam):
    trainee, _ = helpers.enrolled(exam.course())
    client.force_login(trainee)
    attempt, _ = start(client, exam)
    page = client.get(attempt_url(exam, attempt)).content.decode()
    assert "js/assessments.js" in page
    assert re.search(r"<script(?![^>]*\bsrc=)[^>]*>", page) is None


# The answer key never reaches the browser ------------------------------------------


def test_open_attempt_pages_do_not_depend_on_the_answer_key(client, exam):
    trainee, _ = helpers.enrolled(exam.course())
    client.force_login(trainee)
    attempt, _ = start(client, exam)
    urls = [
        attempt_url(exam, attempt) + "?q=1",
        attempt_url(exam, attempt) + "?q=2",
        attempt_url(exam, attempt) + "?q=3",
        attempt_url(exam, attempt) + "?all=1",
        exam.get_url(),
    ]
    before = [without_tokens(client.get(url).content.decode()) for url in urls]
    json_before = client.post(
        attempt_url(exam, attempt, "save/"), helpers.post_data({}), HTTP_ACCEPT="application/json"
    ).json()
    # Flip the whole key in the database.
    for choice in Choice.objects.filter(question__quiz=exam):
        choice.fraction = 100 if choice.fraction <= 0 else 0
        choice.save()
    after = [without_tokens(client.get(url).content.decode()) for url in urls]
    json_after = client.post(
        attempt_url(exam, attempt, "save/"), helpers.post_data({}), HTTP_ACCEPT="application/json"
    ).json()
    assert before == after
    assert json_before.keys() == json_after.keys() and json_after["ok"] is True


def test_later_edits_of_the_key_do_not_change_the_score_of_a_started_attempt(exam):
    trainee, _ = helpers.enrolled(exam.course())
    attempt = services.attempt_start(user=trainee, quiz=exam, language="en")
    Choice.objects.filter(question__quiz=exam).update(fraction=0, is_correct=False)
    result = services.attempt_submit(attempt=attempt, answers=helpers.correct_answers(attempt))
    assert result.attempt.score_percent == Decimal("100.00")


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


# Deadlines --------------------------------------------------------------------------


def overdue(attempt):
    Attempt.objects.filter(pk=attempt.pk).update(deadline=timezone.now() - timedelta(minutes=5))
    attempt.refresh_from_db()


def test_overdue_attempt_is_closed_unscored_when_next_opened(client, course):
    quiz = helpers.quiz(course, time_limit_minutes=10)
    trainee, _ = helpers.enrolled(course)
    client.force_login(trainee)
    attempt, location = start(client, quiz)
    assert attempt.deadline is not None
    overdue(attempt)
    response = client.get(location, follow=True)
    attempt.refresh_from_db()
    assert attempt.status == "expired" and attempt.score_percent is None
    assert "not scored" in response.content.decode()


def test_submit_after_the_deadline_is_recorded_not_scored_in_spanish(client, course):
    quiz = helpers.quiz(course, time_limit_minutes=10)
    trainee, _ = helpers.enrolled(course)
    client.force_login(trainee)
    attempt, location = start(client, quiz, "es")
    overdue(attempt)
    response = client.post(
        location + "submit/", helpers.post_data(helpers.correct_answers(attempt)), follow=True
    )
    assert response.status_code == 200
    assert "no se calificó" in response.content.decode()
    attempt.refresh_from_db()
    assert attempt.status == "expired" and attempt.passed is None
    assert Answer.objects.filter(attempt=attempt).count() == 0


def test_autosave_after_the_deadline_stores_nothing(client, course):
    quiz = helpers.quiz(course, time_limit_minutes=10)
    trainee, _ = helpers.enrolled(course)
    client.force_login(trainee)
    attempt, location = start(client, quiz)
    overdue(attempt)
    response = client.post(
        location + "save/",
        helpers.post_data(helpers.correct_answers(attempt)),
        HTTP_ACCEPT="application/json",
    )
    assert response.status_code == 409
    assert Answer.objects.count() == 0


def test_a_new_attempt_can_start_after_an_expired_one(course):
    quiz = helpers.quiz(course, time_limit_minutes=10)
    trainee, _ = helpers.enrolled(course)
    first = services.attempt_start(user=trainee, quiz=quiz, language="en")
    overdue(first)
    second = services.attempt_start(user=trainee, quiz=quiz, language="en")
    first.refresh_from_db()
    assert first.status == "expired" and second.number == 2


# Bad input ----------------------------------------------------------------------------


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


# Language switcher keeps the place -------------------------------------------------------


def test_language_switch_keeps_the_attempt_and_question(client, exam):
    trainee, _ = helpers.enrolled(exam.course())
    client.force_login(trainee)
    attempt, location = start(client, exam)
    page = client.get(location + "?q=2").content.decode()
    expected = f"{es_url(exam)}attempt/{attempt.pk}/?q=2"
    assert f'href="{expected}"' in page


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


def test_missing_spanish_question_falls_back_to_english_with_a_notice(client, course):
    question = helpers.single(1)
    question.text_es = ""
    quiz = helpers.quiz(course, questions=[question])
    trainee, _ = helpers.enrolled(course)
    client.force_login(trainee)
    attempt, location = start(client, quiz, "es")
    page = client.get(location).content.decode()
    assert "Single question 1?" in page
    assert "Parte de esta página aún no está traducida al español" in page
    translated = helpers.quiz(course)
    attempt, location = start(client, translated, "es")
    page = client.get(location).content.decode()
    assert "¿Pregunta simple 1?" in page
    assert "aún no está traducida" not in page


def test_review_links_to_the_next_part_of_the_course(client, course):
    check = helpers.quiz(course, kind="lesson_check")
    factories.lesson(course, 9)
    trainee, _ = helpers.enrolled(course)
    client.force_login(trainee)
    attempt, location = start(client, check)
    client.post(location + "submit/", helpers.post_data(helpers.correct_answers(attempt)))
    page = client.get(location + "review/").content.decode()
    assert "Next: Lesson 9" in page
