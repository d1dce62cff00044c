from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "reports"
    verbose_name = _("Reports")

    def ready(self):
        # Program managers get the reports permission from roles_setup, which
        # reads this list when it runs (accounts does not import reports).
        from accounts.api import EXTRA_GROUP_PERMISSIONS, PROGRAM_MANAGERS_GROUP

        from .models import REPORTS_PERMISSION_CODENAME

        wanted = ("reports", REPORTS_PERMISSION_CODENAME)
        permissions = EXTRA_GROUP_PERMISSIONS.setdefault(PROGRAM_MANAGERS_GROUP, [])
        if wanted not in permissions:
            permissions.append(wanted)
