from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import urls


@hooks.register("register_admin_urls")
def register_vetting_urls():
    return [path("vetting/", include(urls, namespace="vetting"))]


class ManagersMenuItem(MenuItem):
    """Shown to program managers and administrators only."""

    def is_shown(self, request):
        return request.user.is_program_manager


@hooks.register("register_admin_menu_item")
def register_vetting_menu_item():
    return ManagersMenuItem(_("Vetting"), reverse("vetting:queue"), icon_name="key", order=450)
