from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import AdminOnlyMenuItem
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from core.spreadsheets import SafeSpreadsheetExportMixin

from .models import Agency, AuditEvent, PartnerCountry


class PartnerCountryViewSet(SnippetViewSet):
    model = PartnerCountry
    icon = "site"
    menu_label = _("Partner countries")
    list_display = ["name", "code"]
    search_fields = ["name"]


class AgencyViewSet(SnippetViewSet):
    model = Agency
    icon = "group"
    menu_label = _("Agencies")
    list_display = ["name", "country"]
    list_filter = ["country"]
    search_fields = ["name"]

    def get_queryset(self, request):
        return Agency.objects.select_related("country")


class PartnersGroup(SnippetViewSetGroup):
    items = (PartnerCountryViewSet, AgencyViewSet)
    menu_icon = "site"
    menu_label = _("Partners")
    menu_name = "partners"


register_snippet(PartnersGroup)


class AuditLogIndexView(SafeSpreadsheetExportMixin, IndexView):
    """The log's listing; its CSV/XLSX go through the platform's safe export layer."""


class AuditLogViewSet(ModelViewSet):
    """The audit log, read-only, for administrators (superusers hold every permission)."""

    model = AuditEvent
    index_view_class = AuditLogIndexView
    icon = "history"
    url_prefix = "audit-log"
    name = "audit_log"
    add_to_admin_menu = False
    # The target as its reader reads it; the export keeps the stored text.
    list_display = ["at", "actor_label", "action", "target_label", "country"]
    list_filter = ["action", "country"]
    list_export = ["at", "actor_label", "action", "target", "country"]
    search_fields = ["actor_label", "target"]
    search_backend_name = None  # plain database filtering; the log is not indexed
    copy_view_enabled = False
    # Log lines are not "uses" of an account, and have no edit page to link to
    # (a user's usage page answered 500 trying to build one).
    add_to_reference_index = False

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(
            **{
                "add_url_name": None,
                "edit_url_name": None,
                "delete_url_name": None,
                "history_url_name": None,
                "usage_url_name": None,
                **kwargs,
            }
        )

    def get_urlpatterns(self):
        # Nobody edits or deletes the log from the admin: only the listing.
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
        ]


audit_log_viewset = AuditLogViewSet()


@hooks.register("register_admin_viewset")
def register_audit_log_viewset():
    return audit_log_viewset


@hooks.register("register_reports_menu_item")
def register_audit_log_menu_item():
    return AdminOnlyMenuItem(
        _("Audit log"), audit_log_viewset.menu_url, icon_name="history", order=900
    )
