from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Agency, PartnerCountry


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
