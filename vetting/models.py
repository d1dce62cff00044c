"""Vetting before training: a trainee's vetting records and their waiting enrolment requests.

Program managers of the trainee's country keep the records. The current
record of a trainee is their latest one; earlier ones are the history. A
request is a trainee's wish to enrol in a course that requires vetting,
waiting (``closed_at`` empty) until a clearance turns it into an enrolment.
"""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


def default_expiry(decision_date: datetime.date) -> datetime.date:
    """One year after the decision (29 February gives 28 February)."""
    try:
        return decision_date.replace(year=decision_date.year + 1)
    except ValueError:
        return decision_date.replace(year=decision_date.year + 1, day=28)


class VettingRecord(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("pending")
        CLEARED = "cleared", _("cleared")
        REFUSED = "refused", _("refused")

    trainee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("trainee"),
        on_delete=models.CASCADE,
        related_name="vetting_records",
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    decision_date = models.DateField(_("decision date"), null=True, blank=True)
    reference = models.CharField(_("reference number"), max_length=100, blank=True)
    expires_on = models.DateField(_("expiry"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["trainee", "-pk"]
        verbose_name = _("vetting record")
        verbose_name_plural = _("vetting records")

    def __str__(self) -> str:
        return f"vetting record {self.pk} of trainee {self.trainee_id}"

    def clears_on(self, today: datetime.date) -> bool:
        """Cleared and not expired on ``today`` (the expiry day itself still counts)."""
        return self.status == self.Status.CLEARED and (
            self.expires_on is None or self.expires_on >= today
        )

    def expired_on(self, today: datetime.date) -> bool:
        return (
            self.status == self.Status.CLEARED
            and self.expires_on is not None
            and self.expires_on < today
        )


class VettingRequest(models.Model):
    """A trainee asked to enrol in a course that requires vetting; waiting until cleared."""

    trainee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("trainee"),
        on_delete=models.CASCADE,
        related_name="vetting_requests",
    )
    course = models.ForeignKey(
        "courses.CoursePage",
        verbose_name=_("course"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    requested_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    #: When the request became an enrolment (empty while it waits).
    closed_at = models.DateTimeField(_("enrolled at"), null=True, blank=True)

    class Meta:
        ordering = ["requested_at", "pk"]
        verbose_name = _("enrolment request")
        verbose_name_plural = _("enrolment requests")
        constraints = [
            models.UniqueConstraint(
                fields=["trainee", "course"],
                condition=Q(closed_at__isnull=True),
                name="vetting_one_waiting_request_per_course",
            )
        ]

    def __str__(self) -> str:
        return f"request {self.pk} of trainee {self.trainee_id} for course {self.course_id}"
