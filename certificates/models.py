"""Certificates: what was awarded, to whom, and the settings every certificate prints.

What happened to a certificate (issued, revoked...) is in the one audit log,
``accounts.AuditEvent``, as the certificate's ``events``.

A certificate snapshots, at issue, what it states (holder, country, agency,
course titles in every language, completion date, score, hours), so later
edits to a profile or a course never change a certificate already printed.
A correction is made by reissuing: a new code with a fresh snapshot that
supersedes the old one.
"""

import calendar
from datetime import datetime

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from core.languages import codes as language_codes
from core.languages import localized

from .codes import code_display


def private_storage():
    """Files only managers may fetch, through a view (never a public URL)."""
    from django.core.files.storage import storages

    return storages["private"]


def add_months(moment: datetime, months: int) -> datetime:
    """``moment`` plus whole calendar months (31 Jan + 1 month → 28/29 Feb)."""
    month_index = moment.month - 1 + months
    year = moment.year + month_index // 12
    month = month_index % 12 + 1
    day = min(moment.day, calendar.monthrange(year, month)[1])
    return moment.replace(year=year, month=month, day=day)


#: Each text a certificate snapshots in every language, and the field that keeps
#: it as ``{language code: text}``.
SNAPSHOT_TEXTS = {
    "country_name": "country_names",
    "agency_name": "agency_names",
    "course_title": "course_titles",
}


class CertificateQuerySet(models.QuerySet):
    def valid_now(self) -> "CertificateQuerySet":
        """Certificates that a verifier should accept right now."""
        now = timezone.now()
        return self.filter(Q(expires_at__isnull=True) | Q(expires_at__gt=now), status="valid")

    def current(self) -> "CertificateQuerySet":
        """Certificates not replaced by a newer one (valid, expired or revoked)."""
        return self.exclude(status=Certificate.Status.SUPERSEDED)


class Certificate(models.Model):
    """A certificate of completion of a course, verifiable from its code."""

    class Status(models.TextChoices):
        VALID = "valid", _("valid")
        REVOKED = "revoked", _("revoked")
        SUPERSEDED = "superseded", _("superseded")

    #: Shown to people; "expired" is derived from ``expires_at``.
    EFFECTIVE_STATUS_LABELS = {
        "valid": _("valid"),
        "expired": _("expired"),
        "revoked": _("revoked"),
        "superseded": _("superseded"),
    }

    code = models.CharField(_("code"), max_length=16, unique=True, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("holder"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="certificates",
    )
    enrollment = models.ForeignKey(
        "learning.Enrollment",
        verbose_name=_("enrolment"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="certificates",
    )
    # SET_NULL: deleting a course page must not delete (or block on) the
    # certificates; the snapshot keeps them verifiable.
    course = models.ForeignKey(
        "courses.CoursePage",
        verbose_name=_("course"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="certificates",
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.VALID
    )
    issued_at = models.DateTimeField(_("issued at"), default=timezone.now)
    expires_at = models.DateTimeField(_("expires at"), null=True, blank=True)
    completed_at = models.DateTimeField(_("completed at"))
    score_percent = models.DecimalField(
        _("score (%)"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    hours = models.DecimalField(_("hours"), max_digits=5, decimal_places=1, default=0)
    # Snapshot at issue: what the certificate says, whatever changes later.
    holder_name = models.CharField(_("holder name"), max_length=200)
    country_code = models.CharField(_("country code"), max_length=2, blank=True)
    # The texts in every language, keyed by language code: {"en": ..., "es": ...}.
    country_names = models.JSONField(_("country, per language"), default=dict, blank=True)
    agency_names = models.JSONField(_("agency, per language"), default=dict, blank=True)
    course_titles = models.JSONField(_("course, per language"), default=dict, blank=True)
    language = models.CharField(
        _("language"), max_length=2, choices=settings.LANGUAGES, default="es"
    )
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("revoked by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    revoke_reason = models.TextField(_("reason for revoking"), blank=True)
    supersedes = models.ForeignKey(
        "self",
        verbose_name=_("supersedes"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="superseded_by_set",
    )

    #: What happened to it: the lines of the one audit log
    #: (``accounts.AuditEvent``) about this certificate.
    events = GenericRelation("accounts.AuditEvent", related_query_name="certificate")

    objects = CertificateQuerySet.as_manager()

    class Meta:
        ordering = ["-issued_at", "-pk"]
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        constraints = [
            # At most one current certificate per enrolment: two concurrent
            # completions cannot both issue one.
            models.UniqueConstraint(
                fields=["enrollment"],
                condition=Q(status="valid"),
                name="certificate_one_valid_per_enrollment",
            )
        ]
        indexes = [
            models.Index(fields=["course", "status"]),
            models.Index(fields=["country_code", "status"]),
        ]

    def __str__(self) -> str:
        return f"{self.display_code} · {self.holder_name}"

    def get_absolute_url(self) -> str:
        return reverse("certificates:verify_detail", args=[self.display_code])

    @property
    def display_code(self) -> str:
        return code_display(self.code)

    @property
    def is_expired(self) -> bool:
        return self.expires_at is not None and self.expires_at <= timezone.now()

    @property
    def effective_status(self) -> str:
        """valid, expired, revoked or superseded: what a verifier is told."""
        if self.status == self.Status.VALID and self.is_expired:
            return "expired"
        return self.status

    @property
    def effective_status_label(self) -> str:
        return self.EFFECTIVE_STATUS_LABELS[self.effective_status]

    def snapshot_texts(self, name: str) -> dict[str, str]:
        """The snapshot text ``name`` (e.g. "course_title") as stored: ``{code: text}``."""
        return getattr(self, SNAPSHOT_TEXTS[name]) or {}

    def snapshot_in(self, name: str, language: str) -> str:
        """The snapshot text ``name`` in ``language``, else in the default language
        (a language missing from an older snapshot, or empty in it)."""
        texts = self.snapshot_texts(name)
        return texts.get(language) or texts.get(settings.LANGUAGE_CODE) or ""

    def snapshot_list(self, name: str) -> list[str]:
        """The snapshot text ``name`` in every language that has it, in settings order."""
        texts = self.snapshot_texts(name)
        return [text for text in (texts.get(code) for code in language_codes()) if text]

    def course_title_in(self, language: str) -> str:
        return self.snapshot_in("course_title", language)

    def country_name_in(self, language: str) -> str:
        return self.snapshot_in("country_name", language)

    def agency_name_in(self, language: str) -> str:
        return self.snapshot_in("agency_name", language)

    @property
    def all_course_titles(self) -> list[str]:
        """The course title in every language (the admin shows them all)."""
        return self.snapshot_list("course_title")

    @property
    def all_agency_names(self) -> list[str]:
        """The agency's name in every language, each different name once."""
        return list(dict.fromkeys(self.snapshot_list("agency_name")))

    @property
    def course_title(self) -> str:
        """The course title in the active language (snapshot)."""
        return self.course_title_in(translation.get_language() or settings.LANGUAGE_CODE)

    @property
    def country_name(self) -> str:
        return self.country_name_in(translation.get_language() or settings.LANGUAGE_CODE)

    def verification_path(self, language: str) -> str:
        with translation.override(language):
            return reverse("certificates:verify_detail", args=[self.display_code])


@register_setting(icon="doc-full")
class CertificateSettings(BaseSiteSetting):
    """What every certificate prints besides the holder's data: programme, signatories, logo.

    Empty fields fall back to sensible defaults (see ``certificates.pdf``).
    """

    programme_name = models.CharField(
        _("programme name"),
        max_length=200,
        blank=True,
        help_text=_("Printed at the top of every certificate."),
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    signatory_1_name = models.CharField(_("first signatory: name"), max_length=200, blank=True)
    signatory_1_title = models.CharField(_("first signatory: title"), max_length=200, blank=True)
    signatory_1_signature = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("first signatory: signature"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    signatory_2_name = models.CharField(_("second signatory: name"), max_length=200, blank=True)
    signatory_2_title = models.CharField(_("second signatory: title"), max_length=200, blank=True)
    signatory_2_signature = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("second signatory: signature"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        MultiFieldPanel(
            [*(FieldPanel(column) for column in localized("programme_name")), FieldPanel("logo")],
            heading=_("Programme"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("signatory_1_name"),
                *(FieldPanel(column) for column in localized("signatory_1_title")),
                FieldPanel("signatory_1_signature"),
            ],
            heading=_("First signatory"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("signatory_2_name"),
                *(FieldPanel(column) for column in localized("signatory_2_title")),
                FieldPanel("signatory_2_signature"),
            ],
            heading=_("Second signatory"),
        ),
    ]

    class Meta:
        verbose_name = _("certificate settings")


class CertificateZip(models.Model):
    """A bulk download prepared in the background (a task) for one manager."""

    class Status(models.TextChoices):
        PENDING = "pending", _("being prepared")
        DONE = "done", _("ready")
        FAILED = "failed", _("failed")

    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requested by"),
        on_delete=models.CASCADE,
        related_name="certificate_zips",
    )
    query = models.CharField(_("filters"), max_length=500, blank=True)
    language = models.CharField(_("language"), max_length=4, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    #: How many certificates the zip holds (known when the build starts), and how
    #: many of them are in it so far: the page shows "412 of 10,000" while it builds.
    count = models.PositiveIntegerField(_("certificates"), default=0)
    done = models.PositiveIntegerField(_("certificates added"), default=0)
    file = models.FileField(_("file"), storage=private_storage, upload_to="certificate-zips/")
    created_at = models.DateTimeField(_("requested at"), default=timezone.now)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("certificate zip")
        verbose_name_plural = _("certificate zips")

    def __str__(self) -> str:
        return f"{self.requested_by} {self.created_at:%Y-%m-%d %H:%M}"
