"""Every Spanish catalogue of the project is complete: no empty and no fuzzy entry."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SKIP = {".venv", "var", "mutants", "node_modules"}


def catalogues() -> list[Path]:
    return sorted(
        p for p in ROOT.rglob("locale/es/LC_MESSAGES/django.po") if not SKIP & set(p.parts)
    )


def entries(text: str) -> list[dict]:
    """The catalogue's entries but the header: their fields (``msgctxt``, ``msgid``,
    ``msgid_plural``, ``msgstr``/``msgstr[n]``) and ``fuzzy``."""
    found = []
    for block in re.split(r"\n\s*\n", text):
        lines = [line for line in block.strip().splitlines() if not line.startswith("#~")]
        if not any(line.startswith("msgid ") for line in lines):
            continue
        fields: dict[str, str] = {}
        current = None
        for line in lines:
            match = re.match(r'^(msgid|msgid_plural|msgstr(?:\[\d+\])?|msgctxt) "(.*)"$', line)
            if match:
                current = match.group(1)
                fields[current] = match.group(2)
            elif line.startswith('"') and current:
                fields[current] += line.strip('"')
        if fields.get("msgid", "") == "":
            continue  # the header
        fields["fuzzy"] = any(line.startswith("#,") and "fuzzy" in line for line in lines)
        found.append(fields)
    return found


def translations(entry: dict) -> list[str]:
    return [v for k, v in sorted(entry.items()) if k.startswith("msgstr")]


def problems(text: str) -> list[str]:
    """Entries (by msgid) that are fuzzy or have an empty translation."""
    return [
        entry["msgid"]
        for entry in entries(text)
        if entry["fuzzy"] or not translations(entry) or not all(translations(entry))
    ]


def test_the_checker_finds_empty_and_fuzzy_entries():
    text = (
        'msgid ""\nmsgstr ""\n"Language: es\\n"\n\n'
        'msgid "Done"\nmsgstr "Hecho"\n\n'
        'msgid "Empty"\nmsgstr ""\n\n'
        '#, fuzzy, python-format\nmsgid "Fuzzy %(n)s"\nmsgstr "Borroso %(n)s"\n\n'
        'msgid "%(n)s item"\nmsgid_plural "%(n)s items"\nmsgstr[0] "%(n)s elemento"\n'
        'msgstr[1] ""\n\n'
        '#~ msgid "Old"\n#~ msgstr ""\n'
    )
    assert problems(text) == ["Empty", "Fuzzy %(n)s", "%(n)s item"]


def test_every_spanish_catalogue_is_complete():
    found = catalogues()
    assert len(found) >= 7
    incomplete = {str(p.relative_to(ROOT)): problems(p.read_text()) for p in found}
    assert {path: entries for path, entries in incomplete.items() if entries} == {}


def test_a_message_has_one_translation_across_the_catalogues():
    """Django merges every app's catalogue, the first app listed winning: the same
    message (and context) translated two ways in two apps shows one of them in
    both places. A message that means two things takes a context instead."""
    seen: dict[tuple, dict] = {}
    for path in catalogues():
        app = str(path.relative_to(ROOT).parent.parent.parent.parent)
        for entry in entries(path.read_text()):
            key = (entry.get("msgctxt"), entry["msgid"], entry.get("msgid_plural"))
            seen.setdefault(key, {})[app] = tuple(translations(entry))
    twice = {key[1]: found for key, found in seen.items() if len(set(found.values())) > 1}
    assert twice == {}


def test_our_catalogues_do_not_retranslate_djangos_account_fields():
    """The apps' catalogues come before Django's and Wagtail's: a word of ours that
    means something else (a report's count of active trainees) has a context, so the
    account form in the admin still reads Django's words."""
    from django.contrib.auth import get_user_model
    from django.utils import translation

    with translation.override("es"):
        label = str(get_user_model()._meta.get_field("is_active").verbose_name)
    assert label == "activo"
