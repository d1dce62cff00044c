"""core.languages: every language-dependent name comes from settings.LANGUAGES."""

from django.conf import settings
from django.test import override_settings
from django.utils import translation

from core import languages

THREE = [("en", "English"), ("es", "Spanish"), ("pt", "Portuguese")]


def test_english_and_spanish_by_default_english_first():
    assert languages.codes() == ["en", "es"]
    assert languages.default() == "en"
    assert languages.others() == ["es"]


def test_localized_field_names_follow_the_language_order():
    assert languages.localized("title") == ["title_en", "title_es"]
    assert languages.localized("text", ["es"]) == ["text_es"]
    assert languages.default_field("slug") == "slug_en"


def test_values_reads_each_language_and_none_where_missing():
    class Row:
        title_en = "Evidence"
        title_es = "Pruebas"

    assert languages.values(Row(), "title") == {"en": "Evidence", "es": "Pruebas"}
    assert languages.values(Row(), "summary") == {"en": None, "es": None}


def test_choices_name_each_language_in_itself():
    assert languages.choices() == [("en", "English"), ("es", "Español")]
    assert languages.native_name("pt") == "Português"
    assert languages.native_name("xx") == "Xx"


def test_field_values_keeps_only_the_sites_languages():
    texts = {"en": "Lesson", "es": "Lección", "fr": "Leçon"}
    assert languages.field_values("title", texts) == {"title_en": "Lesson", "title_es": "Lección"}


def test_current_is_the_active_language_or_its_base_or_the_default():
    with translation.override("es"):
        assert languages.current() == "es"
    with translation.override("es-mx"):
        assert languages.current() == "es"
    with translation.override("de"):
        assert languages.current() == "en"
    with translation.override(None):
        assert languages.current() == "en"


@override_settings(LANGUAGES=THREE)
def test_a_third_language_is_read_from_settings_at_call_time():
    assert languages.codes() == ["en", "es", "pt"]
    assert languages.others() == ["es", "pt"]
    assert languages.localized("title") == ["title_en", "title_es", "title_pt"]
    assert languages.choices()[-1] == ("pt", "Português")
    assert languages.field_values("title", {"pt": "Lição"}) == {"title_pt": "Lição"}


@override_settings(LANGUAGES=[("es", "Spanish"), ("en", "English")], LANGUAGE_CODE="es")
def test_the_default_is_language_code_not_a_literal():
    assert languages.default() == "es"
    assert languages.others() == ["en"]
    assert languages.default_field("title") == "title_es"


def test_settings_derive_every_language_list_from_languages():
    codes = [code for code, _name in settings.LANGUAGES]
    assert list(settings.MODELTRANSLATION_LANGUAGES) == codes
    assert settings.MODELTRANSLATION_DEFAULT_LANGUAGE == settings.LANGUAGE_CODE == codes[0]
    # Every language falls back to the default one, however many there are.
    assert tuple(settings.MODELTRANSLATION_FALLBACK_LANGUAGES) == (settings.LANGUAGE_CODE,)
    assert settings.WAGTAILADMIN_PERMITTED_LANGUAGES == [("en", "English"), ("es", "Español")]
