"""The test settings with a third language (Portuguese) beside English and Spanish.

A programme adds a language by adding it to ``LANGUAGES``; this module does
exactly that and recomputes what ``config.settings`` derives from the list when
it is imported. modeltranslation adds the ``*_pt`` columns at start-up, so the
test database is built from the models (``--nomigrations``), not by the
migrations. ``tests/test_third_language.py`` runs ``tests/third_language/``
under these settings in a process of its own.
"""

from django.conf.locale import LANG_INFO

from config.settings_test import *  # noqa: F403
from config.settings_test import LANGUAGES

LANGUAGES = [*LANGUAGES, ("pt", "Português")]
MODELTRANSLATION_LANGUAGES = tuple(code for code, _name in LANGUAGES)
WAGTAILADMIN_PERMITTED_LANGUAGES = [
    (code, LANG_INFO[code]["name_local"][:1].upper() + LANG_INFO[code]["name_local"][1:])
    for code, _name in LANGUAGES
]
# LANGUAGE_CODE, MODELTRANSLATION_DEFAULT_LANGUAGE and
# MODELTRANSLATION_FALLBACK_LANGUAGES stay English.
