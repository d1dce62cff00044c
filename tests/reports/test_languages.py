"""Translated columns follow settings.LANGUAGES: none of the reports names a language."""

from django.test import override_settings
from django.utils import translation

from reports.formatting import HEADINGS, localized_headings
from reports.languages import localized_fields, localized_values

THREE = [("en", "English"), ("es", "Spanish"), ("fr", "French")]


def test_a_third_language_in_the_settings_is_a_third_column():
    with override_settings(LANGUAGES=THREE):
        assert localized_fields("course__title") == [
            "course__title_en",
            "course__title_es",
            "course__title_fr",
        ]
        headings = localized_headings("title", HEADINGS["course"])
        assert list(headings) == ["title_en", "title_es", "title_fr"]
        with translation.override("en"):
            assert [str(h) for h in headings.values()] == [
                "Course (English)",
                "Course (Spanish)",
                "Course (French)",
            ]
        values = localized_values({"name_en": "A", "name_es": "B", "name_fr": "C"}, "name")
        assert values == {"en": "A", "es": "B", "fr": "C"}


def test_spanish_headings_name_the_languages_in_lower_case():
    with translation.override("es"):
        headings = localized_headings("name", HEADINGS["country"])
        assert [str(h) for h in headings.values()] == ["País (inglés)", "País (español)"]
