"""The site's languages (``settings.LANGUAGES``) in report rows and columns.

Reports never name a language: a translated field becomes one value or
column per language of the settings (modeltranslation's field names), so a
third language is a settings change.
"""

from modeltranslation.utils import build_localized_fieldname, resolution_order
from modeltranslation.utils import get_language as content_language

from core.languages import codes as language_codes
from core.languages import localized as localized_fields

__all__ = ["language_codes", "localized_fields"]


def localized_values(source, field: str) -> dict[str, object]:
    """``{code: value}`` of the translated ``field`` of ``source`` (an object or a dict)."""
    values = {}
    for code in language_codes():
        name = build_localized_fieldname(field, code)
        values[code] = source.get(name) if isinstance(source, dict) else getattr(source, name)
    return values


def set_localized(row, field: str, values: dict[str, object]) -> None:
    """Sets ``field_<code>`` on ``row`` for each language (what the export columns read)."""
    for code in language_codes():
        setattr(row, build_localized_fieldname(field, code), values.get(code, ""))


def in_current_language(values: dict[str, object]):
    """The value in the language shown, else in its fallbacks (modeltranslation's)."""
    order = resolution_order(content_language())
    value = values.get(order[0])
    for code in order[1:]:
        value = value or values.get(code)
    return value
