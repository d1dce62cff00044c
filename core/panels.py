"""Editor panel telling trainers which fields (and parts, such as questions) lack a translation."""

from django.conf import settings
from wagtail.admin.panels import Panel

from . import languages as site_languages
from .translation_status import missing_everywhere_labels


class TranslationStatusPanel(Panel):
    """Lists, for each non-default language, the fields still empty in it."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "core/translation_status_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            default = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
            # Named as inside a sentence: "Missing in Spanish", "Falta en español".
            context["missing"] = [
                (
                    site_languages.name_in_sentence(code),
                    missing_everywhere_labels(self.instance, code, include_technical=True),
                )
                for code, _name in settings.LANGUAGES
                if code != default
            ]
            context["is_new"] = self.instance is None or self.instance.pk is None
            return context

    @property
    def clean_name(self):
        return super().clean_name or "translation_status"
