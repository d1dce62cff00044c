"""Read side of vetting: the current record, what a course page shows, the queue."""

import datetime
import enum

from django.db.models import (
    Case,
    Exists,
    IntegerField,
    Min,
    OuterRef,
    Prefetch,
    Q,
    Subquery,
    Value,
    When,
)
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.api import trainees, trainees_visible_to

from .models import VettingRecord, VettingRequest


class Gate(enum.Enum):
    """What happens to a trainee's enrolment in a course (``services.enrolment_gate``)."""

    #: The course needs no vetting, or the trainee holds an unexpired clearance.
    OPEN = "open"
    #: The request waits for a decision.
    AWAITING = "awaiting"
    #: The current record is a refusal. Never shown to the trainee as "refused".
    NOT_APPROVED = "not_approved"

    @property
    def message(self) -> str:
        """What the trainee reads (in the language of the page)."""
        return {
            Gate.OPEN: "",
            Gate.AWAITING: _(
                "Your enrolment request has been received. It awaits vetting by the "
                "programme; we will e-mail you as soon as you can start."
            ),
            Gate.NOT_APPROVED: _(
                "Your enrolment request could not be approved. Please contact the "
                "programme for more information."
            ),
        }[self]


def current_record(trainee, *, for_update: bool = False) -> VettingRecord | None:
    """The trainee's latest vetting record (None: never vetted)."""
    records = VettingRecord.objects.filter(trainee=trainee).order_by("-pk")
    if for_update:
        records = records.select_for_update()
    return records.first()


def is_trainee(user) -> bool:
    """Staff (trainers, managers, administrators) are never vetted (``accounts.trainees``)."""
    return trainees().filter(pk=user.pk).exists()


def course_state(user, course, *, today: datetime.date | None = None) -> Gate | None:
    """What a course page shows a signed-in trainee who is not enrolled (one query).

    None: the enrol button (the course needs no vetting, or nothing waits).
    """
    if not course.requires_vetting or not getattr(user, "is_authenticated", False):
        return None
    today = today or timezone.localdate()
    waiting = VettingRequest.objects.filter(trainee=user, course=course, closed_at__isnull=True)
    record = (
        VettingRecord.objects.filter(trainee=user)
        .annotate(waiting=Exists(waiting))
        .order_by("-pk")
        .first()
    )
    if record is None or not record.waiting:
        return None
    if record.status == VettingRecord.Status.REFUSED:
        return Gate.NOT_APPROVED
    if record.clears_on(today):
        return None  # cleared meanwhile: enrolling goes through
    return Gate.AWAITING


#: The queue's status filter: the record's status, and "expired" for an old clearance.
EXPIRED = "expired"


def queue(viewer, *, status: str = "", today: datetime.date | None = None):
    """The current record of every trainee the viewer may see, pending ones first.

    Each row carries its trainee (country, agency), ``waiting`` (the requests
    still waiting, with their courses) and ``first_requested``. A constant
    number of queries however many rows.
    """
    today = today or timezone.localdate()
    newer = VettingRecord.objects.filter(trainee=OuterRef("trainee"), pk__gt=OuterRef("pk"))
    rows = (
        VettingRecord.objects.filter(trainee__in=trainees_visible_to(viewer).values("pk"))
        .filter(~Exists(newer))
        .select_related("trainee__country", "trainee__agency")
        .annotate(
            first_requested=Min(
                "trainee__vetting_requests__requested_at",
                filter=Q(trainee__vetting_requests__closed_at__isnull=True),
            ),
            pending_first=Case(
                When(status=VettingRecord.Status.PENDING, then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            ),
        )
        .prefetch_related(
            Prefetch(
                "trainee__vetting_requests",
                queryset=VettingRequest.objects.filter(closed_at__isnull=True).select_related(
                    "course"
                ),
                to_attr="waiting",
            )
        )
        .order_by("pending_first", "first_requested", "pk")
    )
    cleared = VettingRecord.Status.CLEARED
    if status == EXPIRED:
        rows = rows.filter(status=cleared, expires_on__lt=today)
    elif status == cleared:
        rows = rows.filter(status=cleared).exclude(expires_on__lt=today)
    elif status:
        rows = rows.filter(status=status)
    return rows


def visible_trainee(viewer, pk: int):
    """A trainee the viewer may vet, with country and agency, or None."""
    return trainees_visible_to(viewer).select_related("country", "agency").filter(pk=pk).first()


def history(trainee):
    """Every record of the trainee, newest first."""
    return (
        VettingRecord.objects.filter(trainee=trainee).select_related("decided_by").order_by("-pk")
    )


def waiting_courses(user) -> list[dict]:
    """The courses ``user`` asked to enrol in that still wait for vetting (one query).

    Each: ``{"course": CoursePage, "requested_at": datetime, "gate": Gate}``,
    the gate saying what the trainee reads (awaiting, or could not be approved
    when the current record is a refusal). Staff and anonymous visitors: none.
    """
    if not getattr(user, "is_authenticated", False) or user.is_staff:
        return []
    latest = VettingRecord.objects.filter(trainee=OuterRef("trainee")).order_by("-pk")
    requests = (
        VettingRequest.objects.filter(trainee=user, closed_at__isnull=True)
        .select_related("course")
        .annotate(status=Subquery(latest.values("status")[:1]))
        .order_by("requested_at", "pk")
    )
    refused = VettingRecord.Status.REFUSED
    return [
        {
            "course": request.course,
            "requested_at": request.requested_at,
            "gate": Gate.NOT_APPROVED if request.status == refused else Gate.AWAITING,
        }
        for request in requests
    ]


def waiting_requests(trainee):
    return VettingRequest.objects.filter(trainee=trainee, closed_at__isnull=True).select_related(
        "course"
    )
