from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """Site-wide pieces: middleware, the language switch tag, the deployment system checks."""

    name = "core"
    verbose_name = _("Site")

    def ready(self):
        from . import checks  # noqa: F401 - registers the deployment checks
