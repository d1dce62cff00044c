"""Attempt saving, errors, and question import/export services at their edges."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone
from wagtail.models import PageLogEntry

from assessments import services as quiz_services
from assessments.gift import parse_gift
from learning import attempts as services
from learning.models import Attempt
from tests import factories
from tests.assessments import helpers

pytestmark = pytest.mark.django_db


def test_an_attempt_error_reads_as_its_message():
    assert str(services.AttemptError("Not now.")) == "Not now."
    assert str(services.AttemptError()) == "This request could not be processed."
    assert str(services.AttemptClosedError()) == str(services.AttemptClosedError.message)


@pytest.fixture
def timed():
    course = factories.course(lessons=1)
    quiz = helpers.quiz(course, time_limit_minutes=10)
    trainee, _enrollment = helpers.enrolled(course)
    return services.attempt_start(user=trainee, quiz=quiz, language="en")


def test_saving_an_overdue_attempt_closes_it_and_saves_nothing(timed):
    Attempt.objects.filter(pk=timed.pk).update(deadline=timezone.now() - timedelta(minutes=5))
    result = services.attempt_save_answers(
        attempt=timed, answers=helpers.correct_answers(timed), position=1
    )
    assert result.expired is True
    assert result.saved == 0
    assert result.attempt.pk == timed.pk
    assert result.attempt.status == Attempt.Status.EXPIRED
    timed.refresh_from_db()
    assert timed.status == Attempt.Status.EXPIRED
    assert timed.answers.count() == 0


def test_saving_counts_the_answers_and_keeps_the_position_within_the_questions(timed):
    answers = helpers.correct_answers(timed)
    assert len(answers) == 3
    result = services.attempt_save_answers(attempt=timed, answers=answers, position=99)
    assert result.saved == 3
    assert result.expired is False
    assert result.attempt.position == 2
    timed.refresh_from_db()
    assert timed.position == 2
    assert timed.answers.count() == 3

    services.attempt_save_answers(attempt=timed, answers={}, position=0)
    timed.refresh_from_db()
    assert timed.position == 0

    services.attempt_save_answers(attempt=timed, answers={}, position=-4)
    timed.refresh_from_db()
    assert timed.position == 0


def test_exported_choices_follow_their_position_not_their_creation():
    question = helpers.single(1)
    right, wrong_a, wrong_b = question.choices.all()
    right.sort_order, wrong_a.sort_order, wrong_b.sort_order = 1, 0, 2
    quiz = helpers.quiz(factories.course(lessons=1), questions=[question])
    [parsed] = quiz_services.quiz_as_parsed(quiz)
    assert [c.text["en"] for c in parsed.choices] == ["Wrong 1a", "Right 1", "Wrong 1b"]


def test_imported_questions_come_after_the_existing_ones_with_their_choices_in_order():
    quiz = helpers.quiz(factories.course(lessons=1))
    trainer = factories.trainer()
    parsed = parse_gift("Imported {~%0.5%a ~%99.5%b ~c ~%-50%d}").questions
    revision = quiz_services.quiz_import_questions(quiz=quiz, questions=parsed, user=trainer)

    quiz.refresh_from_db()
    draft = quiz.get_latest_revision_as_object()
    questions = sorted(draft.questions.all(), key=lambda q: q.sort_order)
    assert [q.sort_order for q in questions] == [0, 1, 2, 3]
    assert questions[3].text_en == "Imported"
    choices = list(questions[3].choices.all())
    assert [c.sort_order for c in choices] == [0, 1, 2, 3]
    assert [c.text_en for c in choices] == ["a", "b", "c", "d"]
    assert [c.fraction for c in choices] == [
        Decimal("0.5"),
        Decimal("99.5"),
        Decimal(0),
        Decimal(-50),
    ]
    assert [c.is_correct for c in choices] == [True, True, False, False]

    # A live quiz without other draft changes is published at once, by the importer.
    assert revision.user == trainer
    assert quiz.live_revision_id == revision.pk
    assert PageLogEntry.objects.filter(
        page=quiz, revision=revision, action="wagtail.edit", user=trainer
    ).exists()
    assert PageLogEntry.objects.filter(
        page=quiz, revision=revision, action="wagtail.publish", user=trainer
    ).exists()


def test_expiring_tells_whether_the_attempt_was_closed(timed):
    assert services.attempt_expire_if_overdue(attempt=timed) is False
    assert timed.status == Attempt.Status.IN_PROGRESS
    Attempt.objects.filter(pk=timed.pk).update(deadline=timezone.now() - timedelta(minutes=5))
    timed.refresh_from_db()
    assert services.attempt_expire_if_overdue(attempt=timed) is True
    assert timed.status == Attempt.Status.EXPIRED
    assert services.attempt_expire_if_overdue(attempt=timed) is False
