"""Submitting an exam: one short transaction, the same queries whatever the questions.

During a synchronised final exam hundreds of trainees submit at once, so the
submit request is measured in queries here (and in time by the exam burst of
bench/). Each test also checks what was stored, so a cheaper path cannot
drop an answer or a score unnoticed.
"""

from decimal import Decimal

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext

import certificates.pdf
import core.pdf
from certificates.models import Certificate
from courses.models import ModulePage
from learning import attempts as services
from learning.models import Answer, Attempt, ModuleCompletion
from tests import factories
from tests.assessments import helpers

pytestmark = pytest.mark.django_db

#: Queries of the whole request for a passed final exam that does not complete
#: the course (lessons still to do); 33 before the submit became one
#: transaction, 21 before the course's requirements were kept per process, 14
#: before the completion rule took the enrolment the submit had locked.
#: The client's session, user and Wagtail's routing are cached here; the view
#: reads the attempt (1); in the transaction the two row locks (the enrolment
#: with its holder, country and agency), the stored answers, one write of
#: every answer with its score, the attempt and the enrolment (6); the
#: completion rule: the lessons done and final exams passed in one query (1);
#: the course and its required lessons and final exams, only the first time in
#: this process under this content version (3); and one savepoint pair (2;
#: outside a test it is BEGIN and COMMIT).
SUBMIT_QUERIES = 13
#: The course's requirements, read once per process and content version (3),
#: and its follow-up questionnaire (evaluation, 1), remembered the same way.
REQUIREMENT_QUERIES = 4
#: Completing the course adds the completion time, the attempt whose score
#: counts, then the certificate: the valid one (none), its row within a
#: savepoint, the audit line (7); 34 before, 22 with savepoints around each
#: service; and the course's follow-up questionnaire (evaluation), looked up
#: once per course and then remembered until the next publish (22, 21 since
#: the completion rule takes the submit's locked enrolment). A course with a
#: follow-up questionnaire adds its one insert.
COMPLETING_SUBMIT_QUERIES = 21


def exam_of(questions: int, *, lessons: int = 1):
    course = factories.course(lessons=lessons)
    return helpers.quiz(course, questions=[helpers.single(n) for n in range(questions)])


def mixed_answers(attempt, *, wrong_every: int) -> dict[int, list[int]]:
    """The right choice, except a wrong one for every ``wrong_every``-th question."""
    right, wrong = helpers.correct_answers(attempt), helpers.wrong_answers(attempt)
    return {
        qid: (wrong[qid] if n % wrong_every == 0 else right[qid])
        for n, qid in enumerate(attempt.question_ids(), start=1)
    }


def submit_counted(client, exam, answers_of, **extra):
    """Starts an attempt for a new trainee and submits it; returns (attempt, answers, queries)."""
    trainee, enrollment = helpers.enrolled(exam.course(), language="en")
    client.force_login(trainee)
    client.get(exam.get_url())  # warm caches (site root, content types)
    ContentType.objects.get_for_model(Certificate)  # the audit line's, kept per process
    attempt = services.attempt_start(user=trainee, quiz=exam, language="en")
    answers = answers_of(attempt)
    with CaptureQueriesContext(connection) as ctx:
        response = client.post(
            helpers.attempt_url(exam, attempt, "submit/"), helpers.post_data(answers, **extra)
        )
    assert response.status_code == 302
    assert response["Location"].endswith(f"attempt/{attempt.pk}/review/")
    attempt.refresh_from_db()
    return attempt, answers, ctx


def test_a_20_question_submit_stores_every_answer_and_the_score_in_few_queries(client):
    exam = exam_of(20)
    attempt, answers, ctx = submit_counted(client, exam, lambda a: mixed_answers(a, wrong_every=4))
    assert len(ctx.captured_queries) <= SUBMIT_QUERIES, "\n".join(
        q["sql"][:120] for q in ctx.captured_queries
    )
    stored = {a.question_id: a for a in Answer.objects.filter(attempt=attempt)}
    assert {qid: a.selected_choice_ids for qid, a in stored.items()} == answers
    assert sum(1 for a in stored.values() if a.correct) == 15
    assert all(a.points_awarded == (1 if a.correct else 0) for a in stored.values())
    assert attempt.status == Attempt.Status.SUBMITTED
    assert (attempt.score_points, attempt.max_points) == (Decimal("15.00"), Decimal("20.00"))
    assert attempt.score_percent == Decimal("75.00") and attempt.passed is True
    assert attempt.enrollment.last_activity_at == attempt.submitted_at


def test_a_submit_takes_the_same_queries_with_1_or_20_questions(client):
    counts = []
    for questions in (1, 20):
        attempt, _answers, ctx = submit_counted(client, exam_of(questions), helpers.correct_answers)
        assert attempt.passed is True
        counts.append(len(ctx.captured_queries))
    assert counts[0] == counts[1]


def test_a_lesson_published_after_a_completion_is_required_of_the_next_trainee(client):
    """The course's requirements kept per process follow what is published."""
    exam = exam_of(2, lessons=1)
    course = exam.course()
    first_lesson = ModulePage.objects.child_of(course).get()

    def first_lesson_done_then_answer(attempt):
        ModuleCompletion.objects.create(enrollment=attempt.enrollment, module=first_lesson)
        return helpers.correct_answers(attempt)

    first, _answers, _ctx = submit_counted(client, exam, first_lesson_done_then_answer)
    first.enrollment.refresh_from_db()
    assert first.enrollment.completed_at is not None
    assert Certificate.objects.filter(enrollment=first.enrollment).count() == 1
    assert factories.lesson(course, 2).required  # published, required
    second, _answers, _ctx = submit_counted(client, exam, first_lesson_done_then_answer)
    assert second.passed is True
    second.enrollment.refresh_from_db()
    assert second.enrollment.completed_at is None
    assert not Certificate.objects.filter(enrollment=second.enrollment).exists()


def test_answers_saved_before_the_submit_keep_their_time_and_count(client):
    exam = exam_of(4)
    trainee, _ = helpers.enrolled(exam.course(), language="en")
    attempt = services.attempt_start(user=trainee, quiz=exam, language="en")
    right = helpers.correct_answers(attempt)
    first, second, *rest = attempt.question_ids()
    services.attempt_save_answers(attempt=attempt, answers={first: right[first]})
    saved_at = Answer.objects.get(attempt=attempt, question_id=first).saved_at
    client.force_login(trainee)
    # The last screen sends only its own questions; the earlier answer still counts.
    client.post(
        helpers.attempt_url(exam, attempt, "submit/"),
        helpers.post_data({qid: right[qid] for qid in (second, *rest)}),
    )
    attempt.refresh_from_db()
    assert attempt.status == Attempt.Status.SUBMITTED and attempt.score_percent == 100
    stored = {a.question_id: a for a in Answer.objects.filter(attempt=attempt)}
    assert stored[first].saved_at == saved_at
    assert stored[second].saved_at == attempt.submitted_at
    assert Answer.objects.filter(attempt=attempt).count() == 4


def test_a_submit_with_questions_unanswered_saves_and_asks_without_scoring(client):
    exam = exam_of(3)
    trainee, _ = helpers.enrolled(exam.course(), language="en")
    attempt = services.attempt_start(user=trainee, quiz=exam, language="en")
    first = attempt.question_ids()[0]
    client.force_login(trainee)
    response = client.post(
        helpers.attempt_url(exam, attempt, "submit/"),
        helpers.post_data({first: helpers.correct_answers(attempt)[first]}),
    )
    assert response["Location"].endswith("?confirm=1")
    attempt.refresh_from_db()
    assert attempt.status == Attempt.Status.IN_PROGRESS and attempt.score_percent is None
    assert list(Answer.objects.filter(attempt=attempt).values_list("question_id", flat=True)) == [
        first
    ]


def test_a_passed_final_exam_issues_the_certificate_and_mails_only_after_commit(
    client, monkeypatch, django_capture_on_commit_callbacks
):
    def no_pdf_here(*args, **kwargs):
        raise AssertionError("a PDF was rendered inside the submit request")

    monkeypatch.setattr(core.pdf, "render_pdf", no_pdf_here)
    monkeypatch.setattr(certificates.pdf, "certificate_pdf", no_pdf_here)
    exam = exam_of(20, lessons=2)

    def complete_lessons_then_answer(attempt):
        for lesson in ModulePage.objects.child_of(exam.course()):
            ModuleCompletion.objects.create(enrollment=attempt.enrollment, module=lesson)
        return mixed_answers(attempt, wrong_every=5)

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        attempt, _answers, ctx = submit_counted(client, exam, complete_lessons_then_answer)
        assert mail.outbox == []  # nothing sent while the transaction is open
    assert len(ctx.captured_queries) <= COMPLETING_SUBMIT_QUERIES, "\n".join(
        q["sql"][:120] for q in ctx.captured_queries
    )
    # The next trainee of the course: its requirements are not read again.
    first = len(ctx.captured_queries)
    with django_capture_on_commit_callbacks(execute=False):
        _attempt, _answers, again = submit_counted(client, exam, complete_lessons_then_answer)
    assert len(again.captured_queries) == first - REQUIREMENT_QUERIES
    assert attempt.score_percent == Decimal("80.00") and attempt.passed is True
    attempt.enrollment.refresh_from_db()
    assert attempt.enrollment.completed_at is not None
    certificate = Certificate.objects.get(enrollment=attempt.enrollment)
    assert certificate.score_percent == Decimal("80.00")
    assert certificate.holder_name == attempt.user.full_name
    # Besides the e-mail, only the signed-in user's cached row is forgotten
    # after commit (accounts/backends.py: sign-in saved the user).
    mails = [c for c in callbacks if "forget_user" not in c.__qualname__]
    assert len(mails) == 1 and "certificate" in mails[0].__qualname__
    mails[0]()  # the task backend's turn (immediate in tests)
    assert [m.to for m in mail.outbox] == [[attempt.user.email]]
