"""My learning's next step: the next lesson, then the final exam once every lesson is done."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from learning.models import Enrollment, ModuleCompletion
from tests import factories
from tests.assessments import helpers

pytestmark = pytest.mark.django_db

TAKE = {
    "en": (
        "Every lesson is done: pass the final exam to complete the course.",
        "Take the final exam",
    ),
    "es": (
        "Ya completó todas las lecciones: apruebe el examen final para completar el curso.",
        "Presentar el examen final",
    ),
}


def lessons_of(course):
    from courses.models import ModulePage

    return list(ModulePage.objects.child_of(course).order_by("path"))


@pytest.fixture
def studied(course_tree):
    """A trainee who has done every lesson of a course with a final exam, not yet passed."""
    exam = helpers.quiz(course_tree)
    trainee = factories.trainee()
    enrollment = Enrollment.objects.create(user=trainee, course=course_tree)
    for lesson in lessons_of(course_tree):
        ModuleCompletion.objects.create(enrollment=enrollment, module=lesson)
    return trainee, enrollment, exam


@pytest.mark.parametrize("language", ["en", "es"])
def test_every_lesson_done_points_to_the_final_exam(client, studied, language):
    trainee, _enrollment, exam = studied
    client.force_login(trainee)
    html = client.get(f"/{language}/my-learning/").content.decode()
    why, button = TAKE[language]
    url = exam.get_url() if language == "en" else helpers.es_url(exam)
    assert why in html
    # The card is the course's: the button names the step, not the exam's title again.
    assert f'href="{url}">{button}</a>' in html


def test_a_course_of_only_an_exam_offers_it_without_speaking_of_lessons(client):
    course = factories.course(lessons=0)
    exam = helpers.quiz(course)
    trainee = factories.trainee()
    Enrollment.objects.create(user=trainee, course=course)
    client.force_login(trainee)
    html = client.get("/en/my-learning/").content.decode()
    assert f'href="{exam.get_url()}">{TAKE["en"][1]}</a>' in html
    assert TAKE["en"][0] not in html


def test_a_lesson_left_is_the_next_step_not_the_exam(client, studied):
    trainee, enrollment, _exam = studied
    last = lessons_of(enrollment.course)[-1]
    ModuleCompletion.objects.filter(enrollment=enrollment, module=last).delete()
    client.force_login(trainee)
    html = client.get("/en/my-learning/").content.decode()
    assert TAKE["en"][1] not in html
    assert f"Continue: {last.title_en}" in html


def test_an_open_attempt_is_continued_a_failed_one_retaken_a_passed_one_completes(client, studied):
    trainee, enrollment, exam = studied
    client.force_login(trainee)
    attempt, _ = helpers.start(client, exam)
    html = client.get("/en/my-learning/").content.decode()
    assert f'href="{exam.get_url()}">Continue your attempt</a>' in html
    client.post(
        helpers.attempt_url(exam, attempt, "submit/"),
        helpers.post_data(helpers.wrong_answers(attempt), confirm="1"),
    )
    html = client.get("/en/my-learning/").content.decode()
    assert f'href="{exam.get_url()}">{TAKE["en"][1]}</a>' in html
    attempt, _ = helpers.start(client, exam)
    client.post(
        helpers.attempt_url(exam, attempt, "submit/"),
        helpers.post_data(helpers.correct_answers(attempt), confirm="1"),
    )
    enrollment.refresh_from_db()
    assert enrollment.completed_at is not None
    html = client.get("/en/my-learning/").content.decode()
    assert TAKE["en"][1] not in html and "Completed on" in html


@pytest.mark.usefixtures("without_personal_page_cache")
def test_the_next_step_costs_no_query_more(client, studied):
    """Lessons done and exams passed are read in one statement: still 4 queries
    (tests/courses/test_query_counts.py says which)."""
    trainee, _enrollment, _exam = studied
    client.force_login(trainee)
    client.get("/en/my-learning/")
    with CaptureQueriesContext(connection) as captured:
        assert TAKE["en"][1] in client.get("/en/my-learning/").content.decode()
    assert len(captured) == 4, [q["sql"][:80] for q in captured]


@pytest.mark.parametrize("language", ["en", "es"])
def test_every_attempt_used_says_so_instead_of_offering_the_exam(client, studied, language):
    from assessments.models import QuizPage

    trainee, _enrollment, exam = studied
    QuizPage.objects.filter(pk=exam.pk).update(max_attempts=2)
    exam.refresh_from_db()
    exam.save_revision().publish()  # the course structure is kept per publish
    client.force_login(trainee)
    for n in range(2):
        html = client.get(f"/{language}/my-learning/").content.decode()
        assert USED_UP[language] not in html, n
        attempt, _ = helpers.start(client, exam)
        client.post(
            helpers.attempt_url(exam, attempt, "submit/"),
            helpers.post_data(helpers.wrong_answers(attempt), confirm="1"),
        )
    html = client.get(f"/{language}/my-learning/").content.decode()
    assert USED_UP[language] in html
    assert TAKE[language][1] not in html


def test_an_attempt_past_its_time_limit_is_a_try_not_one_to_continue(client, studied):
    from datetime import timedelta

    from django.utils import timezone

    from learning.models import Attempt

    trainee, _enrollment, exam = studied
    client.force_login(trainee)
    attempt, _ = helpers.start(client, exam)
    Attempt.objects.filter(pk=attempt.pk).update(deadline=timezone.now() - timedelta(minutes=5))
    html = client.get("/en/my-learning/").content.decode()
    assert "Continue your attempt" not in html
    assert f'href="{exam.get_url()}">{TAKE["en"][1]}</a>' in html


USED_UP = {
    "en": "You have used every attempt the final exam allows. Contact your programme to continue.",
    "es": "Ha usado todos los intentos que permite el examen final. "
    "Comuníquese con su programa para continuar.",
}


def test_a_stored_my_learning_stops_offering_the_attempt_when_its_time_ends(
    client, studied, django_assert_num_queries
):
    """My learning is kept for the trainee until their records change; an open
    attempt's time limit ends without any change, so the kept page says to continue
    it only until then."""
    from datetime import timedelta
    from unittest import mock

    from django.utils import timezone

    from learning.models import Attempt

    trainee, _enrollment, exam = studied
    client.force_login(trainee)
    attempt, _ = helpers.start(client, exam)
    ends = timezone.now() + timedelta(minutes=10)
    Attempt.objects.filter(pk=attempt.pk).update(deadline=ends)  # no signal: nothing bumped
    continue_it = f'href="{exam.get_url()}">Continue your attempt</a>'
    assert continue_it in client.get("/en/my-learning/").content.decode()
    with django_assert_num_queries(0):  # kept: the view does not run
        assert continue_it in client.get("/en/my-learning/").content.decode()
    later = ends + timedelta(seconds=1)
    with mock.patch("django.utils.timezone.now", return_value=later):
        html = client.get("/en/my-learning/").content.decode()
    assert continue_it not in html
    assert f'href="{exam.get_url()}">{TAKE["en"][1]}</a>' in html


WAIT = {
    "en": "You can start your next attempt on {} (after the wait).",
    "es": "Podrá iniciar su próximo intento el {} (tras la espera).",
}


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_wait_between_attempts_is_shown_until_it_ends(client, studied, language):
    """After a failed try of an exam with a wait, My learning says when the next
    attempt can start (as the exam's start button would), and, kept or not, stops
    saying it once that moment has passed."""
    from datetime import timedelta
    from unittest import mock

    from django.utils import formats, timezone, translation

    from assessments.models import QuizPage
    from learning.models import Attempt

    trainee, _enrollment, exam = studied
    QuizPage.objects.filter(pk=exam.pk).update(wait_minutes=60)
    exam.refresh_from_db()
    exam.save_revision().publish()  # the course structure is kept per publish
    client.force_login(trainee)
    attempt, _ = helpers.start(client, exam)
    client.post(
        helpers.attempt_url(exam, attempt, "submit/"),
        helpers.post_data(helpers.wrong_answers(attempt), confirm="1"),
    )
    # Started half an hour before it was submitted: the wait counts from the submission.
    submitted = Attempt.objects.get(pk=attempt.pk).submitted_at
    Attempt.objects.filter(pk=attempt.pk).update(started_at=submitted - timedelta(minutes=30))
    ends = submitted + timedelta(minutes=60)
    with translation.override(language):
        shown = formats.date_format(timezone.localtime(ends), "DATETIME_FORMAT")
    for _visit in range(2):  # rendered, then kept
        html = client.get(f"/{language}/my-learning/").content.decode()
        assert WAIT[language].format(shown) in html
    assert TAKE[language][1] in html  # the exam stays one click away
    with mock.patch("django.utils.timezone.now", return_value=ends + timedelta(seconds=1)):
        html = client.get(f"/{language}/my-learning/").content.decode()
    assert WAIT[language].split("{}")[0] not in html
    assert TAKE[language][1] in html


def test_no_wait_is_shown_for_an_exam_without_one(client, studied):
    trainee, enrollment, exam = studied
    client.force_login(trainee)
    attempt, _ = helpers.start(client, exam)
    client.post(
        helpers.attempt_url(exam, attempt, "submit/"),
        helpers.post_data(helpers.wrong_answers(attempt), confirm="1"),
    )
    assert "after the wait" not in client.get("/en/my-learning/").content.decode()


def test_no_wait_is_shown_while_an_attempt_past_its_time_limit_waits_to_be_closed(client, studied):
    """The wait counts from when such an attempt is closed (the next visit to the
    exam), so no time is promised before then; once closed, it is shown."""
    from datetime import timedelta

    from django.utils import timezone

    from assessments.models import QuizPage
    from learning.models import Attempt

    trainee, _enrollment, exam = studied
    QuizPage.objects.filter(pk=exam.pk).update(wait_minutes=60)
    exam.refresh_from_db()
    exam.save_revision().publish()
    client.force_login(trainee)
    attempt, _ = helpers.start(client, exam)
    Attempt.objects.filter(pk=attempt.pk).update(deadline=timezone.now() - timedelta(minutes=5))
    html = client.get("/en/my-learning/").content.decode()
    assert "after the wait" not in html and f'href="{exam.get_url()}">{TAKE["en"][1]}</a>' in html
    client.get(exam.get_url())  # the exam page closes the overdue attempt
    closed = Attempt.objects.get(pk=attempt.pk)
    assert closed.status == Attempt.Status.EXPIRED
    assert "after the wait" in client.get("/en/my-learning/").content.decode()
