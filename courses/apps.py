from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoursesConfig(AppConfig):
    name = "courses"
    verbose_name = _("Courses")

    def ready(self):
        # Publishing, moving and deleting pages bump the content version
        # (core.apps), which the path cache and the catalogue URL are keyed by.
        install_cached_route()
        install_course_route()
        connect_topic_changes()


def connect_topic_changes():
    """Renaming or deleting a topic changes every course page that shows it.

    Course summaries are kept (fragments, anonymous pages) under the content
    version; a topic is a snippet, not a page, so core.apps does not see it.
    """
    from django.db.models.signals import post_delete, post_save

    from core.content_version import bump

    from .models import Topic

    post_save.connect(bump, sender=Topic, dispatch_uid="content-version-topic-save")
    post_delete.connect(bump, sender=Topic, dispatch_uid="content-version-topic-delete")


def install_cached_route():
    """Wraps the home page's routing with the path cache.

    wagtail-modeltranslation assigns its own ``route`` to every translated page
    class when it registers them (before this app is ready), so the wrapper is
    installed here, around that ``route``, rather than as a method.
    """
    from .models import HomePage
    from .routing import cached_route

    translated_route = HomePage.route

    def route(self, request, path_components):
        return cached_route(
            self, request, path_components, lambda r, c: translated_route(self, r, c)
        )

    HomePage.route = route


def install_course_route():
    """A course that is not live hides its lessons and quizzes as well as itself.

    Wagtail unpublishes a page without its children unless asked to, and
    routes to a live child of a page that is not live; a trainee could then
    still read, complete and take the quizzes of a withdrawn course. Installed
    around modeltranslation's ``route`` for the same reason as above.
    """
    from django.http import Http404

    from .models import CoursePage

    translated_route = CoursePage.route

    def route(self, request, path_components):
        if not self.live:
            raise Http404
        return translated_route(self, request, path_components)

    CoursePage.route = route
