"""The permission to read the reports, and the figures they add up ahead of time."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

REPORTS_PERMISSION_CODENAME = "view_program_reports"
REPORTS_PERMISSION = f"reports.{REPORTS_PERMISSION_CODENAME}"


class ProgramReports(models.Model):
    """Holder of the ``view_program_reports`` permission (no table)."""

    class Meta:
        managed = False
        default_permissions = ()
        permissions = [(REPORTS_PERMISSION_CODENAME, _("Can view program reports"))]
        verbose_name = _("program reports")

    def __str__(self) -> str:
        return str(self._meta.verbose_name)


class SummaryGroup(models.Model):
    """Where a summary row's trainees belong: partner country, agency, preferred language."""

    country = models.ForeignKey(
        "accounts.PartnerCountry",
        verbose_name=_("country"),
        on_delete=models.CASCADE,
        null=True,
        related_name="+",
    )
    agency = models.ForeignKey(
        "accounts.Agency",
        verbose_name=_("agency"),
        on_delete=models.CASCADE,
        null=True,
        related_name="+",
    )
    language = models.CharField(_("language"), max_length=5, blank=True)

    class Meta:
        abstract = True


class FigureSummary(SummaryGroup):
    """The group reports' figures, added up ahead of time for large programmes.

    One row per partner country, agency, preferred language and course, and
    one per country, agency and language for all courses (no course). Each
    trainee counts in one country, agency and language, so rows add up
    across them (registered, enrolled and active too); they do not add up
    across courses (a trainee in two courses is one enrolled trainee of all
    courses). Final-exam scores are kept as a sum and a number so that
    averages can be combined. Written only by ``report_summary_refresh``;
    every row of a refresh has its ``computed_at``.
    """

    computed_at = models.DateTimeField(_("computed at"), db_index=True)
    course = models.ForeignKey(
        "courses.CoursePage",
        verbose_name=_("course"),
        on_delete=models.CASCADE,
        null=True,
        related_name="+",
    )
    registered = models.PositiveIntegerField(_("registered"), default=0)
    enrolled = models.PositiveIntegerField(_("enrolled"), default=0)
    active = models.PositiveIntegerField(pgettext_lazy("report figure", "active"), default=0)
    enrolments = models.PositiveIntegerField(_("enrolments"), default=0)
    completions = models.PositiveIntegerField(_("completions"), default=0)
    score_sum = models.DecimalField(_("sum of scores"), max_digits=16, decimal_places=2, default=0)
    scored = models.PositiveIntegerField(_("scores"), default=0)
    valid_certificates = models.PositiveIntegerField(_("valid certificates"), default=0)
    last_activity = models.DateTimeField(_("last activity"), null=True)

    class Meta:
        verbose_name = _("figure summary")
        verbose_name_plural = _("figure summaries")

    def __str__(self) -> str:
        return f"{self.country_id}/{self.agency_id}/{self.language}/{self.course_id}"


class MonthSummary(SummaryGroup):
    """Completions per month, added up ahead of time with ``FigureSummary``.

    One row per partner country, agency, preferred language, course and
    month of completion (in the site's time zone); rows add up across all
    of them.
    """

    computed_at = models.DateTimeField(_("computed at"))
    course = models.ForeignKey(
        "courses.CoursePage",
        verbose_name=_("course"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    month = models.DateField(_("month"))
    completions = models.PositiveIntegerField(_("completions"), default=0)

    class Meta:
        verbose_name = _("month summary")
        verbose_name_plural = _("month summaries")

    def __str__(self) -> str:
        return f"{self.country_id}/{self.agency_id}/{self.language}/{self.course_id}/{self.month}"
