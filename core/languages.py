"""The site's languages, read from ``settings.LANGUAGES`` each time they are asked for.

``settings.LANGUAGES`` is the one list; ``settings.LANGUAGE_CODE`` is the
default language, which every untranslated field falls back to. Code that
needs "every language" or "the field of each language" asks here instead of
spelling out ``_en`` / ``_es``, so that a programme adding a language changes
settings only.
"""

from django.conf import settings
from django.conf.locale import LANG_INFO
from django.utils.translation import get_language, get_language_info, pgettext, pgettext_lazy
from modeltranslation.utils import build_localized_fieldname

# The names of the site's languages under this context, for makemessages (the
# code looks them up by the name settings give; add a line for a new language).
LANGUAGE_NAMES_FOR_CATALOGUE = (
    pgettext_lazy("language in a sentence", "English"),
    pgettext_lazy("language in a sentence", "Spanish"),
)


def codes() -> list[str]:
    """Every language code, in the order of ``settings.LANGUAGES`` (the default first)."""
    return [code for code, _name in settings.LANGUAGES]


def default() -> str:
    """The default language: what untranslated fields fall back to."""
    return settings.LANGUAGE_CODE


def others() -> list[str]:
    """Every language but the default one."""
    return [code for code in codes() if code != default()]


def localized(field: str, languages=None) -> list[str]:
    """The per-language names of ``field`` (``title`` → ``title_en``, ``title_es``)."""
    return [build_localized_fieldname(field, code) for code in languages or codes()]


def values(obj, field: str, languages=None) -> dict[str, object]:
    """``{code: obj.<field>_<code>}`` for every language (None where ``obj`` has no such field)."""
    return {
        code: getattr(obj, build_localized_fieldname(field, code), None)
        for code in languages or codes()
    }


def native_name(code: str) -> str:
    """The language's own name, capitalised as a label (``English``, ``Español``)."""
    name = LANG_INFO.get(code, {}).get("name_local") or code
    return name[:1].upper() + name[1:]


def choices() -> list[tuple[str, str]]:
    """``(code, native name)`` for every language, e.g. for a preferred-language field."""
    return [(code, native_name(code)) for code in codes()]


def current() -> str:
    """The active language if the site has it (``es-mx`` counts as ``es``), else the default."""
    active = get_language() or ""
    for code in (active, active.split("-")[0]):
        if code in codes():
            return code
    return default()


def field_values(field: str, texts: dict[str, str]) -> dict[str, str]:
    """``{<field>_<code>: text}`` for the languages of ``texts`` that the site has.

    For creating rows from bilingual sample data: a language the site does not
    have is dropped, one the data lacks is left empty (it falls back to the default).
    """
    return {
        build_localized_fieldname(field, code): text
        for code, text in texts.items()
        if code in codes()
    }


def default_field(field: str) -> str:
    """The default language's name of ``field`` (``title`` → ``title_en``)."""
    return build_localized_fieldname(field, default())


def name_in_sentence(code: str) -> str:
    """The language's name in the active language, as written inside a sentence.

    "Spanish" in English, "español" in "Archivo en español". Looked up under its
    own context ("language in a sentence"); a language without an entry there is
    named as Django's catalogue names it ("Portuguese", "Portugués").
    """
    name = get_language_info(code)["name"]
    label = pgettext("language in a sentence", name)
    if label == name:
        label = str(get_language_info(code)["name_translated"])
    return label
