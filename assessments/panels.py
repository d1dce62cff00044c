"""Editor panel with the trainer's quiz tools (import, export, item statistics)."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel

from core import languages


def gift_export_links() -> list[dict]:
    """One "Export GIFT (language)" link per language of settings.LANGUAGES."""
    names = dict(settings.LANGUAGES)
    return [
        {"code": code, "label": _("Export GIFT (%(language)s)") % {"language": names[code]}}
        for code in languages.codes()
    ]


class QuizToolsPanel(Panel):
    """Links to import/export questions and to item statistics (saved quizzes only)."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "assessments/admin/quiz_tools_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["quiz_id"] = getattr(self.instance, "pk", None)
            context["gift_exports"] = gift_export_links()
            return context

    @property
    def clean_name(self):
        return super().clean_name or "quiz_tools"
