"""Course services at their edges: an enrolment made concurrently by another request."""

from unittest import mock

import pytest
from django.db import IntegrityError

from learning.models import Enrollment
from learning.services import enrollment_create
from tests import factories

pytestmark = pytest.mark.django_db


def test_an_enrolment_created_meanwhile_is_returned_as_not_new():
    course, other_course = factories.course(lessons=1), factories.course(lessons=1)
    trainee, other = factories.trainee(), factories.trainee()
    existing = Enrollment.objects.create(user=trainee, course=course)
    Enrollment.objects.create(user=other, course=course)
    Enrollment.objects.create(user=trainee, course=other_course)
    with mock.patch.object(
        Enrollment.objects, "get_or_create", side_effect=IntegrityError("duplicate key")
    ):
        enrollment, created = enrollment_create(user=trainee, course=course)
    assert (enrollment.pk, created) == (existing.pk, False)


def test_completing_a_lesson_uses_the_enrolment_of_that_trainee():
    from courses.models import ModulePage
    from learning.models import ModuleCompletion
    from learning.services import module_complete

    course = factories.course(lessons=2)
    first, second = factories.trainee(), factories.trainee()
    Enrollment.objects.create(user=first, course=course)
    own = Enrollment.objects.create(user=second, course=course)
    lesson = ModulePage.objects.child_of(course).first()
    result = module_complete(user=second, module=lesson)
    assert result.completion == ModuleCompletion.objects.get()
    assert result.completion.enrollment_id == own.pk
    assert result.created is True
    assert result.course_completed is False


def test_an_enrolment_completed_meanwhile_is_not_completed_again():
    from django.utils import timezone

    from learning.services import enrollment_update_completion

    course = factories.course(lessons=1)
    stale = Enrollment.objects.create(user=factories.trainee(), course=course)
    done_at = timezone.now()
    Enrollment.objects.filter(pk=stale.pk).update(completed_at=done_at)
    assert enrollment_update_completion(enrollment=stale) is False
    assert stale.completed_at == done_at


def test_only_the_trainees_own_passed_final_exam_completes_the_course():
    from courses.models import ModulePage
    from learning import attempts
    from learning.services import enrollment_update_completion, module_complete
    from tests.assessments import helpers

    course = factories.course(lessons=1)
    exam = helpers.quiz(course)
    trainee, enrollment = helpers.enrolled(course)
    other, _other_enrollment = helpers.enrolled(course)
    module_complete(user=trainee, module=ModulePage.objects.child_of(course).first())

    # Another trainee passes the final exam: not this trainee's completion.
    passed = attempts.attempt_start(user=other, quiz=exam, language="en")
    attempts.attempt_submit(attempt=passed, answers=helpers.correct_answers(passed))
    assert enrollment_update_completion(enrollment=enrollment) is False

    # This trainee fails it: still not complete.
    failed = attempts.attempt_start(user=trainee, quiz=exam, language="en")
    result = attempts.attempt_submit(attempt=failed, answers=helpers.wrong_answers(failed))
    assert result.attempt.passed is False
    assert enrollment_update_completion(enrollment=enrollment) is False
    enrollment.refresh_from_db()
    assert enrollment.completed_at is None
