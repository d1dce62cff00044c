from django.contrib.auth.views import redirect_to_login
from django.shortcuts import render
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import AdminOnlyMenuItem, MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import admin_views
from .documents import may_read_document
from .models import Topic


class TopicViewSet(SnippetViewSet):
    """Course topics, edited by administrators (superusers hold every snippet permission)."""

    model = Topic
    icon = "tag"
    menu_label = _("Course topics")
    menu_name = "course_topics"
    # Beside Users under Settings: site set-up that administrators keep, rarely changed.
    add_to_settings_menu = True
    list_display = ["name", "code"]
    # Filtered in the database (the name in the admin's language): topics made
    # by the data migration are in no search index.
    search_fields = ["name", "code"]
    search_backend_name = None


register_snippet(TopicViewSet)


@hooks.register("register_admin_urls")
def register_missing_translation_url():
    """One report per non-default language: ``reports/missing-spanish/``, ..."""
    urls = []
    for language in admin_views.report_languages():
        slug = admin_views.url_slug(language)
        urls += [
            path(
                f"reports/missing-{slug}/",
                admin_views.MissingTranslationReportView.as_view(language=language),
                name=admin_views.url_name(language),
            ),
            path(
                f"reports/missing-{slug}/results/",
                admin_views.MissingTranslationReportView.as_view(
                    language=language, results_only=True
                ),
                name=admin_views.url_name(language, results=True),
            ),
        ]
    return urls


class TrainerMenuItem(MenuItem):
    def is_shown(self, request):
        user = request.user
        return user.is_superuser or user.has_perm("wagtailadmin.access_admin")


@hooks.register("register_reports_menu_item")
def register_missing_translation_menu_item():
    # Wagtail takes one menu item per hook function: the first non-default
    # language's report here, the others' in ``add_missing_translation_menu_items``.
    return missing_translation_menu_item(admin_views.report_languages()[0], 0)


@hooks.register("construct_reports_menu")
def add_missing_translation_menu_items(request, menu_items):
    for position, language in enumerate(admin_views.report_languages()[1:], start=1):
        item = missing_translation_menu_item(language, position)
        if item.is_shown(request):
            menu_items.append(item)


def missing_translation_menu_item(language: str, position: int):
    return TrainerMenuItem(
        admin_views.lazy_menu_label(language),
        reverse(admin_views.url_name(language)),
        icon_name="site",
        order=700 + position,
    )


@hooks.register("before_serve_document")
def serve_course_document(document, request):
    """Lesson documents only for staff and the trainees of a course that uses them.

    Anonymous visitors are sent to sign in; other signed-in users get 403.
    (config/urls.py marks every document response ``Cache-Control: private``.)
    """
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not may_read_document(request.user, document):
        return render(request, "courses/document_forbidden.html", status=403)
    return None


__all__ = ["AdminOnlyMenuItem"]
