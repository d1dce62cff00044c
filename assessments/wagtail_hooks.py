from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.menus.pages import PageMenuItem

from . import admin_views
from .models import QuizPage


@hooks.register("register_admin_urls")
def register_quiz_admin_urls():
    return [
        path(
            "quizzes/<int:quiz_id>/import/",
            admin_views.QuestionImportView.as_view(),
            name="assessments_import",
        ),
        path(
            "quizzes/<int:quiz_id>/export/",
            admin_views.QuestionExportView.as_view(),
            name="assessments_export",
        ),
    ]


class QuizToolButton(PageMenuItem):
    def is_shown(self, user):
        return self.page.permissions_for_user(user).can_edit()


def quiz_buttons(page):
    if page.specific_class is not QuizPage:
        return
    yield QuizToolButton(
        _("Import questions"),
        reverse("assessments_import", args=[page.pk]),
        icon_name="upload",
        priority=80,
        page=page,
    )
    yield QuizToolButton(
        _("Export questions (CSV)"),
        reverse("assessments_export", args=[page.pk]) + "?format=csv",
        icon_name="download",
        priority=81,
        page=page,
    )
    yield QuizToolButton(
        _("Item statistics"),
        reverse("assessments_stats", args=[page.pk]),
        icon_name="table",
        priority=82,
        page=page,
    )


@hooks.register("register_page_header_buttons")
def quiz_header_buttons(page, user, view_name, next_url=None):
    yield from quiz_buttons(page)


@hooks.register("register_page_listing_more_buttons")
def quiz_listing_buttons(page, user, next_url=None):
    yield from quiz_buttons(page)
