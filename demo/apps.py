from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo site: data files under ``content/`` loaded by ``manage.py seed_demo``."""

    name = "demo"
