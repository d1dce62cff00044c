from django.contrib.auth.views import redirect_to_login
from django.shortcuts import render
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import AdminOnlyMenuItem, MenuItem

from . import admin_views
from .documents import may_read_document


@hooks.register("register_admin_urls")
def register_missing_translation_url():
    return [
        path(
            "reports/missing-spanish/",
            admin_views.MissingTranslationReportView.as_view(),
            name="missing_translations",
        ),
        path(
            "reports/missing-spanish/results/",
            admin_views.MissingTranslationReportView.as_view(results_only=True),
            name="missing_translations_results",
        ),
    ]


class TrainerMenuItem(MenuItem):
    def is_shown(self, request):
        user = request.user
        return user.is_superuser or user.has_perm("wagtailadmin.access_admin")


@hooks.register("register_reports_menu_item")
def register_missing_translation_menu_item():
    return TrainerMenuItem(
        _("Missing Spanish"),
        reverse("missing_translations"),
        icon_name="site",
        order=700,
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
