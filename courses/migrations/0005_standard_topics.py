"""The topics funders track, in English and Spanish (idempotent; reversing leaves them).

A frozen copy of ``courses.services.STANDARD_TOPICS`` as it stood: later edits
to that list never rewrite what this migration did.
"""

from django.db import migrations

STANDARD_TOPICS = [
    ("human-rights", "Human rights", "Derechos humanos"),
    ("gender", "Gender", "Género"),
    ("anti-corruption", "Anti-corruption", "Anticorrupción"),
    ("victim-assistance", "Victim assistance", "Atención a víctimas"),
    ("trafficking-in-persons", "Trafficking in persons", "Trata de personas"),
    ("migrant-smuggling", "Migrant smuggling", "Tráfico ilícito de migrantes"),
    ("forensics", "Forensic science", "Ciencias forenses"),
    ("rule-of-law", "Rule of law", "Estado de derecho"),
]


def create_standard_topics(apps, schema_editor):
    Topic = apps.get_model("courses", "Topic")
    for code, english, spanish in STANDARD_TOPICS:
        # The untranslated column holds the default language, as modeltranslation keeps it.
        Topic.objects.get_or_create(
            code=code, defaults={"name": english, "name_en": english, "name_es": spanish}
        )


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0004_topics"),
    ]

    operations = [
        migrations.RunPython(create_standard_topics, migrations.RunPython.noop),
    ]
