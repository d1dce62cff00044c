"""Item statistics of a quiz in the Wagtail admin (linked from the quiz's tools)."""

from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from assessments.api import QuizPermissionMixin

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
        return context
