"""Which translated fields of a page (or snippet) are still empty in a language.

Used twice: trainees see a notice when the page they read falls back to
English, and trainers see, per page and in a listing, what is left to
translate.

A page whose trainees also read texts kept outside its own fields (a quiz's
questions, choices and feedback) says so with two methods, so that this
module and the listing need not know its models:

- ``untranslated_parts(language)``: labels of those parts still empty in
  ``language`` ("question 4"), read from the page in memory (the editor
  passes its latest draft);
- the class method ``untranslated_parts_q(language)``: the same as a
  ``Q`` on the page's model, for the listing's one query per page type.
"""

from django.conf import settings
from modeltranslation.translator import NotRegistered, translator
from modeltranslation.utils import build_localized_fieldname

# Page fields managed by Wagtail itself; a missing translation of these is not
# something the trainee reads on the page.
TECHNICAL_FIELDS = {"slug", "url_path", "seo_title", "search_description"}


def translated_field_names(model) -> list[str]:
    """Names of the fields modeltranslation registered for ``model``."""
    try:
        options = translator.get_options_for_model(model)
    except NotRegistered:
        return []
    return sorted(options.get_field_names())


def is_empty(value) -> bool:
    if value is None:
        return True
    if hasattr(value, "raw_data"):  # StreamValue
        return len(value.raw_data) == 0
    if isinstance(value, str):
        return value.strip() in {"", "[]"}
    return False


def missing_translations(obj, language: str, *, include_technical: bool = False) -> list[str]:
    """Names of fields filled in the default language but empty in ``language``."""
    default = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
    if language == default:
        return []
    missing = []
    for name in translated_field_names(type(obj)):
        if not include_technical and name in TECHNICAL_FIELDS:
            continue
        source = getattr(obj, build_localized_fieldname(name, default), None)
        target = getattr(obj, build_localized_fieldname(name, language), None)
        if not is_empty(source) and is_empty(target):
            missing.append(name)
    return missing


def missing_translation_labels(obj, language: str, *, include_technical: bool = False):
    """Human labels (verbose names) of the fields ``missing_translations`` finds."""
    labels = []
    for name in missing_translations(obj, language, include_technical=include_technical):
        field = type(obj)._meta.get_field(name)
        labels.append(str(field.verbose_name))
    return labels


def missing_part_labels(obj, language: str) -> list[str]:
    """Labels of ``obj``'s parts (``untranslated_parts``) still empty in ``language``."""
    if language == settings.MODELTRANSLATION_DEFAULT_LANGUAGE:
        return []
    parts = getattr(obj, "untranslated_parts", None)
    return [str(label) for label in parts(language)] if parts else []


def missing_everywhere_labels(obj, language: str, *, include_technical: bool = False):
    """The fields ``missing_translation_labels`` finds, then ``missing_part_labels``'s parts."""
    return missing_translation_labels(
        obj, language, include_technical=include_technical
    ) + missing_part_labels(obj, language)


class TranslatedPageMixin:
    """Gives templates the list of fields shown in the default language as a fallback."""

    def untranslated_labels(self) -> list[str]:
        from . import languages

        return missing_translation_labels(self, languages.current())
