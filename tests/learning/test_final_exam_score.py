"""One final-exam score: the certificate, the reports and the course page agree on it."""

from decimal import Decimal

import pytest

from certificates.models import Certificate
from courses.models import ModulePage
from learning import attempts, queries
from learning.services import module_complete
from reports.queries import with_scores
from tests import factories
from tests.assessments import helpers

pytestmark = pytest.mark.django_db


def take(trainee, exam, right: int):
    """Submits an attempt with the first ``right`` questions answered correctly."""
    attempt = attempts.attempt_start(user=trainee, quiz=exam, language="es")
    correct, wrong = helpers.correct_answers(attempt), helpers.wrong_answers(attempt)
    answers = {
        qid: (correct if n < right else wrong)[qid] for n, qid in enumerate(attempt.question_ids())
    }
    return attempts.attempt_submit(attempt=attempt, answers=answers).attempt


def test_certificate_report_and_page_show_the_same_final_exam_score():
    course = factories.course(lessons=1)
    exam = helpers.quiz(course, questions=[helpers.single(n) for n in range(1, 5)], pass_mark=50)
    trainee, enrollment = helpers.enrolled(course)
    scores = [take(trainee, exam, right).score_percent for right in (1, 4, 3)]
    assert scores == [Decimal("25.00"), Decimal("100.00"), Decimal("75.00")]
    assert not Certificate.objects.exists()  # the lesson is still to do

    module_complete(user=trainee, module=ModulePage.objects.child_of(course).get())

    certificate = Certificate.objects.get(enrollment=enrollment)
    report_row = with_scores(type(enrollment).objects.filter(pk=enrollment.pk)).get()
    outline = queries.course_outline(course, enrollment=enrollment)
    [exam_item] = [item for item in outline["items"] if item.kind == "quiz"]
    assert queries.final_exam_score(enrollment) == Decimal("100.00")
    assert certificate.score_percent == Decimal("100.00")
    assert report_row.final_score == Decimal("100.00")
    assert exam_item.best_percent == Decimal("100.00")
