"""The demo's data files under ``content/``: YAML keyed by language code, quizzes as GIFT.

Texts are ``{language code: text}`` mappings; a language left out stays empty
and the site falls back to the default language. Each quiz is a GIFT file per
language, ``quizzes/<name>.<language>.gift``, read as a trainer's upload is
read: the default language's file, then each other language's file paired
with it question by question (``assessments.gift_pairs``). A language without
its file stays untranslated.
"""

from functools import cache
from pathlib import Path

import yaml
from django.conf import settings
from modeltranslation.utils import build_localized_fieldname

from assessments.api import ParsedQuestion, ParseResult, merge_gift_pair, parse_gift

CONTENT = Path(__file__).resolve().parent / "content"
QUIZZES = CONTENT / "quizzes"
#: Fields that are NULL rather than empty when a language has no value.
NULLABLE = {"title", "slug"}


class DemoContentError(Exception):
    """A data file cannot be loaded; the message names the file and each bad line."""


def languages() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def default_language() -> str:
    return settings.MODELTRANSLATION_DEFAULT_LANGUAGE


def in_default(values: dict):
    """The default language's value of a ``{language: value}`` mapping."""
    return values[default_language()]


def set_translated(obj, field: str, values: dict) -> None:
    """Sets ``field`` in every language of ``settings.LANGUAGES`` from ``values``."""
    for code in languages():
        value = values.get(code)
        if value is None and field not in NULLABLE:
            value = ""
        setattr(obj, build_localized_fieldname(field, code), value)


def read_yaml(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@cache
def site() -> dict:
    """The home page and the course catalogue page."""
    return read_yaml(CONTENT / "site.yaml")


@cache
def people() -> dict:
    """Partner countries, agencies, and the names and job titles of synthetic trainees."""
    return read_yaml(CONTENT / "people.yaml")


@cache
def courses() -> tuple[dict, ...]:
    """Each course's data, in file-name order (the order of the catalogue)."""
    return tuple(read_yaml(path) for path in sorted((CONTENT / "courses").glob("*.yaml")))


def gift_path(name: str, language: str) -> Path:
    return QUIZZES / f"{name}.{language}.gift"


def parse_quiz(name: str) -> ParseResult:
    """The quiz ``name``'s questions in every language that has a GIFT file."""
    main, *others = languages()
    result = parse_gift(gift_path(name, main).read_text(encoding="utf-8"), main)
    for code in others:
        path = gift_path(name, code)
        if path.exists():
            paired = parse_gift(path.read_text(encoding="utf-8"), code)
            result = merge_gift_pair(result, paired)
    return result


def quiz_questions(name: str) -> list[ParsedQuestion]:
    """As ``parse_quiz``, refusing a quiz with any bad line."""
    result = parse_quiz(name)
    if not result.ok:
        lines = "; ".join(f"line {e.line}: {e.message}" for e in result.errors)
        raise DemoContentError(f"quizzes/{name}: {lines or 'no questions'}")
    return result.questions


def quiz_names() -> list[str]:
    """Every quiz a course file names, in course order."""
    names = []
    for course in courses():
        if course.get("pretest"):
            names.append(course["pretest"]["gift"])
        names.extend(lesson["check"]["gift"] for lesson in course["lessons"] if lesson.get("check"))
        if course.get("final_exam"):
            names.append(course["final_exam"]["gift"])
    return names
