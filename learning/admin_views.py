"""Item statistics of a quiz in the Wagtail admin (linked from the quiz's tools)."""

from django.utils.text import get_text_list
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from assessments.api import QuizPermissionMixin
from core import languages as site_languages

from .item_statistics import item_statistics


class ItemStatisticsView(QuizPermissionMixin, WagtailAdminTemplateMixin, TemplateView):
    """Per question: % correct and discrimination, by language, with translation flags."""

    template_name = "learning/admin/item_statistics.html"
    page_title = _("Item statistics")
    header_icon = "table"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(item_statistics(self.quiz))
        context["quiz"] = self.quiz
        # "% correct (English)", "% correct (Spanish)", ...: one column per language.
        context["language_headings"] = [
            gettext("%% correct (%(language)s)")
            % {"language": site_languages.name_in_sentence(code)}
            for code in site_languages.codes()
        ]
        context["default_language"] = site_languages.name_in_sentence(site_languages.default())
        context["other_languages"] = get_text_list(
            [site_languages.name_in_sentence(code) for code in site_languages.others()],
            gettext("or"),
        )
        return context
