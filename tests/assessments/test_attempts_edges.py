"""Attempt services at their edges: the wait between attempts says until when."""

from datetime import timedelta

import pytest

from learning import attempts as services
from tests import factories
from tests.assessments import helpers

pytestmark = pytest.mark.django_db


@pytest.fixture
def exam():
    return helpers.quiz(factories.course(lessons=1), wait_minutes=90)


def test_the_wait_runs_from_the_end_of_the_previous_attempt(exam):
    trainee, _enrollment = helpers.enrolled(exam.get_parent().specific)
    attempt = services.attempt_start(user=trainee, quiz=exam, language="en")
    result = services.attempt_submit(attempt=attempt, answers={})
    with pytest.raises(services.MustWaitError) as refused:
        services.attempt_start(user=trainee, quiz=exam, language="en")
    assert refused.value.until == result.attempt.submitted_at + timedelta(minutes=90)
