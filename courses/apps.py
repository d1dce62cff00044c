from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoursesConfig(AppConfig):
    name = "courses"
    verbose_name = _("Courses")

    def ready(self):
        from wagtail.signals import page_published, page_unpublished, post_page_move

        from .context_processors import forget_catalogue_url

        for signal in (page_published, page_unpublished, post_page_move):
            signal.connect(forget_catalogue_url)
