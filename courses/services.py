"""Writes to course content outside the page editor: the standard topics."""

from django.db import transaction
from modeltranslation.utils import build_localized_fieldname

from .models import Topic

#: The topics funders track (code, then the name per language). The data
#: migration 0005 keeps its own copy; the demo and tests that empty the
#: database recreate them from here.
STANDARD_TOPICS: tuple[tuple[str, dict[str, str]], ...] = (
    ("human-rights", {"en": "Human rights", "es": "Derechos humanos"}),
    ("gender", {"en": "Gender", "es": "Género"}),
    ("anti-corruption", {"en": "Anti-corruption", "es": "Anticorrupción"}),
    ("victim-assistance", {"en": "Victim assistance", "es": "Atención a víctimas"}),
    ("trafficking-in-persons", {"en": "Trafficking in persons", "es": "Trata de personas"}),
    ("migrant-smuggling", {"en": "Migrant smuggling", "es": "Tráfico ilícito de migrantes"}),
    ("forensics", {"en": "Forensic science", "es": "Ciencias forenses"}),
    ("rule-of-law", {"en": "Rule of law", "es": "Estado de derecho"}),
)


@transaction.atomic
def topics_create_standard() -> dict[str, Topic]:
    """Creates the standard topics that are missing (by code); existing ones are left as
    administrators edited them. Returns every standard topic by code."""
    topics = {}
    for code, names in STANDARD_TOPICS:
        defaults = {
            build_localized_fieldname("name", language): name for language, name in names.items()
        }
        topics[code], _created = Topic.objects.get_or_create(code=code, defaults=defaults)
    return topics
