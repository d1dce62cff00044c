"""Editor panels of a quiz: the trainer's tools (import, export, item statistics), the questions."""

from decimal import Decimal

from django.conf import settings
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.utils import build_localized_fieldname
from wagtail.admin.panels import InlinePanel, Panel

from core import languages

from .formats import plain_number


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


class QuestionsPanel(InlinePanel):
    """The quiz's questions, each saved one folded to a one-line summary until opened.

    A quiz of twenty questions otherwise fills tens of thousands of pixels. A
    question with an error opens by itself (Wagtail's collapsible panels), and
    so does a question just added.
    """

    class BoundPanel(InlinePanel.BoundPanel):
        template_name = "assessments/admin/questions_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            for child in self.children:
                child.summary = question_summary(child.form)
            return context


def question_summary(form) -> str:
    """One line naming a question: its type, points and the start of its text."""
    question = form.instance
    text = getattr(question, build_localized_fieldname("text", languages.current()), "") or ""
    text = text or question.text or ""
    kind = question.get_kind_display() if question.kind else ""
    points = plain_number(Decimal(question.points)) if question.points is not None else ""
    parts = [
        str(kind),
        ngettext("%(points)s point", "%(points)s points", 1 if points == "1" else 2)
        % {"points": points}
        if points
        else "",
        Truncator(strip_tags(text)).chars(90),
    ]
    return " · ".join(part for part in parts if part)
