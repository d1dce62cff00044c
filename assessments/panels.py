"""Editor panel with the trainer's quiz tools (import, export, item statistics)."""

from wagtail.admin.panels import Panel


class QuizToolsPanel(Panel):
    """Links to import/export questions and to item statistics (saved quizzes only)."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "assessments/admin/quiz_tools_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["quiz_id"] = getattr(self.instance, "pk", None)
            return context

    @property
    def clean_name(self):
        return super().clean_name or "quiz_tools"
