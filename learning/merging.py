"""Learning records of two accounts of one person, moved onto the surviving account.

Runs on accounts' ``account_merging`` signal, inside the merge's transaction.
"""

from django.db.models import Count, Max
from django.utils import timezone

from .models import Attempt, Enrollment, ModuleCompletion
from .services import enrollment_update_completion
from .signals import enrollment_merging


def _kept_and_dropped(first: Enrollment, second: Enrollment, progress: dict[int, int]):
    """Of two enrolments in one course: the completed one, else the one with more
    lessons done; on a tie, ``first`` (the surviving account's)."""

    def rank(e):
        return (e.completed_at is not None, progress.get(e.pk, 0))

    return (second, first) if rank(second) > rank(first) else (first, second)


def _completions_fold(*, kept: Enrollment, dropped: Enrollment) -> None:
    """The dropped enrolment's lessons join the kept one; a lesson done in both keeps
    one row, dated the earlier of the two (the unique (enrolment, lesson) allows one)."""
    already = dict(
        ModuleCompletion.objects.filter(enrollment=kept).values_list("module_id", "completed_at")
    )
    for completion in ModuleCompletion.objects.filter(enrollment=dropped, module_id__in=already):
        if completion.completed_at < already[completion.module_id]:
            ModuleCompletion.objects.filter(enrollment=kept, module_id=completion.module_id).update(
                completed_at=completion.completed_at
            )
    ModuleCompletion.objects.filter(enrollment=dropped, module_id__in=already).delete()
    ModuleCompletion.objects.filter(enrollment=dropped).update(enrollment=kept)


def enrollments_merge(*, source, target) -> None:
    """Moves ``source``'s enrolments to ``target``; one per course where both have one.

    Where both accounts are enrolled in the same course, the completed
    enrolment is kept (else the one with more lessons done); the other's
    lesson completions and attempts join it, its certificates follow it
    (``enrollment_merging``), and it is deleted. The kept enrolment starts at
    the earlier start and shows the later activity.
    """
    mine = {
        e.course_id: e
        for e in Enrollment.objects.select_for_update().filter(user__in=[source, target])
        if e.user_id == target.pk
    }
    theirs = list(Enrollment.objects.filter(user=source, course_id__in=mine).order_by("course_id"))
    progress = dict(
        ModuleCompletion.objects.filter(enrollment__in=[*mine.values(), *theirs])
        .values("enrollment")
        .annotate(n=Count("pk"))
        .values_list("enrollment", "n")
    )
    for other in theirs:
        kept, dropped = _kept_and_dropped(mine[other.course_id], other, progress)
        _completions_fold(kept=kept, dropped=dropped)
        Attempt.objects.filter(enrollment=dropped).update(enrollment=kept)
        enrollment_merging.send(sender=Enrollment, source=dropped, target=kept)
        kept.enrolled_at = min(kept.enrolled_at, dropped.enrolled_at)
        kept.last_activity_at = max(kept.last_activity_at, dropped.last_activity_at)
        dropped.delete()
        kept.user_id = target.pk
        kept.save(update_fields=["user", "enrolled_at", "last_activity_at"])
    Enrollment.objects.filter(user=source).update(user=target)


def attempts_merge(*, source, target) -> None:
    """Moves ``source``'s quiz attempts to ``target``, numbered after target's own.

    Attempt numbers are unique per trainee and quiz, so the moved attempts
    continue each quiz's numbering in their own order. Only one attempt per
    quiz may be open: where both accounts have one, the older is closed as
    the platform closes any attempt left open (expired, not scored).
    """
    now = timezone.now()
    open_attempts: dict[int, list[Attempt]] = {}
    for attempt in Attempt.objects.select_for_update().filter(
        user__in=[source, target], status=Attempt.Status.IN_PROGRESS
    ):
        open_attempts.setdefault(attempt.quiz_id, []).append(attempt)
    for both in open_attempts.values():
        if len(both) == 2:
            older = min(both, key=lambda a: (a.started_at, a.pk))
            older.status = Attempt.Status.EXPIRED
            older.submitted_at = now
            older.save(update_fields=["status", "submitted_at"])
    last = dict(
        Attempt.objects.filter(user=target)
        .values("quiz")
        .annotate(n=Max("number"))
        .values_list("quiz", "n")
    )
    moved = list(
        Attempt.objects.select_for_update().filter(user=source).order_by("quiz_id", "number")
    )
    for attempt in moved:
        last[attempt.quiz_id] = last.get(attempt.quiz_id, 0) + 1
        attempt.user_id = target.pk
        attempt.number = last[attempt.quiz_id]
    Attempt.objects.bulk_update(moved, ["user", "number"])


def completions_recheck(*, target) -> None:
    """Applies the completion rule again to ``target``'s unfinished enrolments.

    Lessons done on one account and the final exam passed on the other meet
    the course's requirements only together: such an enrolment completes at
    the merge (dated then), and its certificate is issued as on any completion.
    """
    for enrollment in Enrollment.objects.filter(user=target, completed_at__isnull=True):
        enrollment_update_completion(enrollment=enrollment)


def learning_on_account_merging(sender, source, target, **kwargs):
    """accounts' ``account_merging`` -> enrolments, then attempts, move to ``target``;
    then the completion rule runs on what they hold together."""
    enrollments_merge(source=source, target=target)
    attempts_merge(source=source, target=target)
    completions_recheck(target=target)
