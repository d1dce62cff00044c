from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import AdminOnlyMenuItem, MenuItem

from . import admin_views


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


__all__ = ["AdminOnlyMenuItem"]
