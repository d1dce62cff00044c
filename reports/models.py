"""Reports own no data; this model only carries the permission to read them."""

from django.db import models
from django.utils.translation import gettext_lazy as _

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
