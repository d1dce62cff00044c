"""Every Spanish catalogue of the project is complete: no empty and no fuzzy entry."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SKIP = {".venv", "var", "mutants", "node_modules"}


def catalogues() -> list[Path]:
    return sorted(
        p for p in ROOT.rglob("locale/es/LC_MESSAGES/django.po") if not SKIP & set(p.parts)
    )


def problems(text: str) -> list[str]:
    """Entries (by msgid) that are fuzzy or have an empty translation."""
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
        msgid = fields.get("msgid", "")
        if msgid == "":
            continue  # the header
        fuzzy = any(line.startswith("#,") and "fuzzy" in line for line in lines)
        translations = [v for k, v in fields.items() if k.startswith("msgstr")]
        if fuzzy or not translations or not all(translations):
            found.append(msgid)
    return found


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
