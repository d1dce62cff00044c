"""Write side of vetting: the enrolment gate, a manager's decision, merged accounts.

Writes run in one transaction each: ``f = transaction.atomic(f)`` after a
function, as in the other apps' services (mutation testing reaches only
undecorated functions).
"""

import datetime

from django.db import transaction
from django.utils import timezone

from accounts.api import AuditEvent, User, audit_record
from core import personal_pages

from .models import VettingRecord, VettingRequest, default_expiry
from .queries import Gate, current_record, is_trainee
from .signals import vetting_cleared


class VettingError(ValueError):
    """A decision that cannot be recorded as given."""


def audit_target(trainee_pk: int) -> str:
    """The audit log's target of a vetting decision: ids only, never a name."""
    return f"vetting of trainee {trainee_pk}"


def enrolment_gate(*, trainee: User, course, today: datetime.date | None = None) -> Gate:
    """The one gate before an enrolment in ``course``: OPEN, or the request waits.

    ``learning`` calls it when a trainee enrols (``learning.services.enrollment_request``).
    A course that does not require vetting, and staff (never trainees), are
    OPEN. A trainee with an unexpired clearance is OPEN. Anyone else gets a
    waiting request for the course; without a current record, or when their
    clearance has expired, a new pending record puts them in their country's
    queue (the old records stay as history). A refusal stays the current
    record until a manager decides again.
    """
    if not course.requires_vetting or not is_trainee(trainee):
        return Gate.OPEN
    today = today or timezone.localdate()
    # One request at a time per trainee: two concurrent enrolments must not
    # open two pending records.
    User.objects.select_for_update().filter(pk=trainee.pk).exists()
    record = current_record(trainee)
    if record is not None and record.clears_on(today):
        return Gate.OPEN
    if record is None or record.expired_on(today):
        record = VettingRecord.objects.create(trainee=trainee)
    VettingRequest.objects.get_or_create(trainee=trainee, course=course, closed_at=None)
    if record.status == VettingRecord.Status.REFUSED:
        return Gate.NOT_APPROVED
    return Gate.AWAITING


enrolment_gate = transaction.atomic(enrolment_gate)


def vetting_decide(
    *,
    trainee: User,
    actor: User,
    status: str,
    decision_date: datetime.date,
    reference: str = "",
    expires_on: datetime.date | None = None,
    today: datetime.date | None = None,
) -> VettingRecord:
    """Records a manager's decision on ``trainee`` (the caller has checked the scope).

    A pending current record receives the decision; otherwise (a new decision
    after a refusal or a clearance) a new record is added, so the history
    stays. A clearance gets its expiry (one year after the decision unless
    given) and, when valid today, turns the waiting requests into enrolments
    (``signals.vetting_cleared``, received by ``learning``) and e-mails the
    trainee in their language once the transaction commits. A refusal of a
    trainee with waiting requests e-mails them that the requests could not be
    approved (never "refused"). Every decision goes to the audit trail.
    """
    if status not in (VettingRecord.Status.CLEARED, VettingRecord.Status.REFUSED):
        raise VettingError(f"not a decision: {status!r}")
    today = today or timezone.localdate()
    cleared = status == VettingRecord.Status.CLEARED
    if cleared:
        expires_on = expires_on or default_expiry(decision_date)
        if expires_on < decision_date:
            raise VettingError("a clearance cannot expire before it was decided")
    else:
        expires_on = None
    User.objects.select_for_update().filter(pk=trainee.pk).exists()
    record = current_record(trainee)
    if record is None or record.status != VettingRecord.Status.PENDING:
        record = VettingRecord(trainee=trainee)
    record.status = status
    record.decision_date = decision_date
    record.reference = reference.strip()
    record.expires_on = expires_on
    record.decided_at = timezone.now()
    record.decided_by = actor
    record.save()
    audit_record(
        actor=actor,
        action=AuditEvent.Action.VETTING_CLEARED if cleared else AuditEvent.Action.VETTING_REFUSED,
        target=audit_target(trainee.pk),
        country=trainee.country.code if trainee.country_id else None,
        subject=trainee,
        about=record,
        note=f"expires {expires_on.isoformat()}" if expires_on else "",
    )
    if cleared and record.clears_on(today):
        requests = VettingRequest.objects.filter(trainee=trainee, closed_at__isnull=True)
        course_ids = list(requests.values_list("course_id", flat=True))
        if course_ids:
            vetting_cleared.send(sender=VettingRecord, trainee=trainee, course_ids=course_ids)
            requests.update(closed_at=timezone.now())
            personal_pages.bump(trainee.pk)
        from .tasks import vetting_cleared_email_task

        transaction.on_commit(
            lambda: vetting_cleared_email_task.enqueue(trainee.pk, course_ids), robust=True
        )
    elif not cleared:
        # The waiting requests stay (the course pages say they could not be
        # approved); the trainee is told once, by e-mail, in the same words.
        waiting = VettingRequest.objects.filter(trainee=trainee, closed_at__isnull=True)
        course_ids = list(waiting.values_list("course_id", flat=True))
        if course_ids:
            from .tasks import vetting_not_approved_email_task

            transaction.on_commit(
                lambda: vetting_not_approved_email_task.enqueue(trainee.pk, course_ids),
                robust=True,
            )
    return record


vetting_decide = transaction.atomic(vetting_decide)


def vetting_on_account_merging(sender, source, target, **kwargs):
    """accounts' ``account_merging`` -> the records and requests of ``source`` go to ``target``.

    Records keep their order (the latest of the two people stays current);
    a request for a course ``target`` already waits for is dropped.
    """
    VettingRecord.objects.filter(trainee=source).update(trainee=target)
    waiting = VettingRequest.objects.filter(trainee=target, closed_at__isnull=True)
    VettingRequest.objects.filter(
        trainee=source, closed_at__isnull=True, course__in=waiting.values("course")
    ).delete()
    VettingRequest.objects.filter(trainee=source).update(trainee=target)
    personal_pages.bump(target.pk)
