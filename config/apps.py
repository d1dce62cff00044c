from django.apps import AppConfig


class ConfigConfig(AppConfig):
    """The project's own configuration as an app, so that its system checks load."""

    name = "config"
    verbose_name = "Configuration"

    def ready(self):
        from . import checks  # noqa: F401 - registers the deployment checks
