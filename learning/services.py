"""Write side of learning records: enrolment, lesson completion, course completion.

Writes run in one transaction each: ``f = transaction.atomic(f)`` after a
function rather than ``@transaction.atomic`` above it, because mutation testing
(``make mutate``, docs/testing.md) only reaches undecorated functions.
"""

import copy
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone

from assessments.api import QuizPage
from courses.api import CoursePage, ModulePage
from vetting.api import Gate, enrolment_gate

from .models import Attempt, Enrollment, ModuleCompletion
from .queries import final_exam_best
from .signals import enrollment_completed


class NotEnrolledError(Exception):
    """The trainee is not enrolled in the course this lesson belongs to."""


@dataclass(frozen=True)
class ModuleCompleteResult:
    completion: ModuleCompletion
    created: bool
    course_completed: bool


def enrollment_create(*, user, course: CoursePage) -> tuple[Enrollment, bool]:
    """Enrols ``user`` in ``course``; enrolling twice changes nothing."""
    try:
        with transaction.atomic():
            enrollment, created = Enrollment.objects.get_or_create(user=user, course=course)
    except IntegrityError:
        # A concurrent request enrolled the same trainee first.
        return Enrollment.objects.get(user=user, course=course), False
    return enrollment, created


enrollment_create = transaction.atomic(enrollment_create)


@dataclass(frozen=True)
class EnrollmentRequestResult:
    enrollment: Enrollment | None
    created: bool
    #: ``Gate.OPEN`` when enrolled (now or before); otherwise why the request waits.
    gate: Gate


def enrollment_request(*, user, course: CoursePage, today=None) -> EnrollmentRequestResult:
    """A trainee asks to enrol: enrolled at once, or the request waits for vetting.

    The path of the course page's *Enrol* button. An existing enrolment stays
    (an expired clearance never takes a course away); otherwise the one gate,
    ``vetting.api.enrolment_gate``, decides. ``enrollment_create`` itself has
    no gate: it is what the gate opens onto (a clearance enrols the waiting
    requests through it) and what the demo and administrators' tools use.
    """
    if course.requires_vetting:
        existing = Enrollment.objects.filter(user=user, course=course).first()
        if existing is not None:
            return EnrollmentRequestResult(existing, False, Gate.OPEN)
        gate = enrolment_gate(trainee=user, course=course, today=today)
        if gate is not Gate.OPEN:
            return EnrollmentRequestResult(None, False, gate)
    enrollment, created = enrollment_create(user=user, course=course)
    return EnrollmentRequestResult(enrollment, created, Gate.OPEN)


enrollment_request = transaction.atomic(enrollment_request)


def enrollments_on_vetting_cleared(sender, trainee, course_ids, **kwargs):
    """vetting's ``vetting_cleared`` -> the trainee's waiting requests become enrolments."""
    for course in CoursePage.objects.filter(pk__in=course_ids):
        enrollment_create(user=trainee, course=course)


def module_complete(*, user, module: ModulePage) -> ModuleCompleteResult:
    """Marks a lesson complete for an enrolled trainee (idempotent)."""
    course_id = module.get_parent().pk
    enrollment = (
        Enrollment.objects.select_for_update().filter(user=user, course_id=course_id).first()
    )
    if enrollment is None:
        raise NotEnrolledError
    completion, created = ModuleCompletion.objects.get_or_create(
        enrollment=enrollment, module=module
    )
    enrollment.last_activity_at = timezone.now()
    enrollment.save(update_fields=["last_activity_at"])
    just_completed = enrollment_update_completion(enrollment=enrollment)
    return ModuleCompleteResult(
        completion=completion, created=created, course_completed=just_completed
    )


module_complete = transaction.atomic(module_complete)


def completion_requirements_met(
    *,
    required_lessons: set[int],
    completed_lessons: set[int],
    required_exams: set[int] = frozenset(),
    passed_exams: set[int] = frozenset(),
) -> bool:
    """Pure rule: every required lesson complete and every final exam passed.

    A course needs at least one requirement; a course without a final exam
    is complete on its lessons alone.
    """
    if not required_lessons and not required_exams:
        return False
    return required_lessons <= completed_lessons and required_exams <= passed_exams


def completion_requirements(course_id: int) -> tuple[CoursePage, frozenset, frozenset]:
    """The course, its live required lessons and its live final exams (page ids).

    The same for every trainee: kept per process under the content version
    (``core.content_version``), so completing a course reads only the
    trainee's own records. Callers get the course to copy, not to change.
    """
    from core import content_version

    def build():
        course = CoursePage.objects.get(pk=course_id)
        lessons = ModulePage.objects.live().child_of(course).filter(required=True)
        exams = QuizPage.objects.live().child_of(course).filter(kind=QuizPage.Kind.FINAL_EXAM)
        return (
            course,
            frozenset(lessons.values_list("pk", flat=True)),
            frozenset(exams.values_list("pk", flat=True)),
        )

    return content_version.remember(("completion-requirements", course_id), build)


def enrollment_update_completion(
    *, enrollment: Enrollment, final_attempt: Attempt | None = None, already_locked: bool = False
) -> bool:
    """Decides completion, the one place that does; True only when it completes now.

    The rule: every required live lesson complete and every live final exam
    of the course passed. The row is locked so that two concurrent requests
    cannot both complete it. ``final_attempt`` is a final-exam attempt just
    passed: on an enrolment already complete it completes it again (renewing
    an expired certificate). Either way ``signals.enrollment_completed`` is
    sent, inside this transaction.

    With ``already_locked``, the caller has already locked ``enrollment`` in this
    transaction and read it with its holder, country and agency (a final
    exam's submit does): it is used as it is, one statement fewer.
    """
    # Read with the lock: the holder with their country and agency (for the
    # certificate issued on completion), which would otherwise be three more
    # queries. The course and what it requires come from the process memo.
    if already_locked:
        locked = enrollment
    else:
        locked = (
            Enrollment.objects.select_for_update(of=("self",))
            .select_related("user__country", "user__agency")
            .get(pk=enrollment.pk)
        )
    course, required, required_exams = completion_requirements(locked.course_id)
    locked.course = copy.copy(course)
    if locked.completed_at is not None:
        enrollment.completed_at = locked.completed_at
        if final_attempt is not None and final_attempt.passed:
            enrollment_completed.send(
                sender=Enrollment, enrollment=locked, final_attempt=final_attempt
            )
        return False
    # Which requirements this trainee has met, in one query: the lessons done
    # and the final exams passed (page ids, so the two kinds never collide).
    met = []
    if required:
        met.append(
            ModuleCompletion.objects.filter(enrollment=locked, module_id__in=required).values_list(
                "module_id", flat=True
            )
        )
    if required_exams:
        met.append(
            Attempt.objects.filter(
                user_id=locked.user_id,
                quiz_id__in=required_exams,
                status=Attempt.Status.SUBMITTED,
                passed=True,
            ).values_list("quiz_id", flat=True)
        )
    done = set(met[0].union(*met[1:], all=True)) if met else set()
    completed, passed_exams = done & required, done & required_exams
    if not completion_requirements_met(
        required_lessons=required,
        completed_lessons=completed,
        required_exams=required_exams,
        passed_exams=passed_exams,
    ):
        return False
    locked.completed_at = timezone.now()
    locked.save(update_fields=["completed_at"])
    enrollment.completed_at = locked.completed_at
    enrollment_completed.send(
        sender=Enrollment,
        enrollment=locked,
        final_attempt=final_exam_best(locked) if required_exams else None,
    )
    return True


# No savepoint: it raises nothing of its own, and inside a submit or a lesson
# completion a failure rolls the caller back anyway (two statements fewer).
enrollment_update_completion = transaction.atomic(savepoint=False)(enrollment_update_completion)
