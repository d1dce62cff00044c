"""Questions as plain data, shared by the GIFT and CSV importers and exporters.

Pure functions, no database. ``gift.py`` and ``csv_format.py`` read files into
``ParsedQuestion`` objects and write them back; this module holds the data
classes and every check that keeps a question storable and scorable, so both
formats refuse the same things with the same messages:

- points fit ``Question.points`` (0 to 9999.99, at most 2 decimals);
- fractions (percent of the points a choice is worth, as in Moodle) lie in
  -100..100 with at most 5 decimals;
- a choice's text fits ``Choice.text`` (500 characters); no NUL character
  anywhere (PostgreSQL cannot store it);
- single choice has a 100 % answer; multiple choice with partial credit has
  positive fractions adding up to 100 % (Moodle refuses the same);
  multiple choice all-or-nothing has at least one right answer; true/false
  is one right and one wrong answer.

A value that breaks one of these is an error on its line: it is never rounded
or coerced into something else.
"""

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.utils.translation import gettext_lazy as _

KINDS = ("single", "multiple", "truefalse")
KIND_LABELS = {
    "single": _("single choice"),
    "multiple": _("multiple choice"),
    "truefalse": _("true/false"),
}
TEXT_FORMATS = ("plain", "html")
#: The texts of a true/false question's two answers where a file gives none.
#: A language missing here gets the default language's (``true_false_text``).
TRUE_FALSE_TEXT = {
    "en": ("True", "False"),
    "es": ("Verdadero", "Falso"),
}
HUNDRED = Decimal(100)
ZERO = Decimal(0)
MAX_POINTS = Decimal("9999.99")  # Question.points: max_digits=6, decimal_places=2
POINTS_PLACES = Decimal("0.01")
FRACTION_PLACES = Decimal("0.00001")  # Choice.fraction: decimal_places=5
CHOICE_MAX_LENGTH = 500  # Choice.text
# Plain decimal notation only: "1e9", "Infinity", "NaN" and non-ASCII digits
# are refused rather than read as something the trainer did not write.
POINTS_NUMBER = re.compile(r"[0-9]+(?:\.[0-9]+)?")
FRACTION_NUMBER = re.compile(r"[+-]?[0-9]+(?:\.[0-9]+)?")


@dataclass
class ParsedChoice:
    text: dict[str, str]
    fraction: Decimal  # percent of the question's points, -100..100
    feedback: dict[str, str] = field(default_factory=dict)
    line: int = 0

    @property
    def correct(self) -> bool:
        return self.fraction > 0


@dataclass
class ParsedQuestion:
    line: int
    kind: str
    text: dict[str, str]
    choices: list[ParsedChoice]
    feedback: dict[str, str] = field(default_factory=dict)
    points: Decimal = Decimal("1")
    partial_credit: bool = False
    text_format: str = "plain"
    title: str = ""
    #: Marked ``// untranslated`` in a paired GIFT file: its texts are not imported.
    untranslated: bool = False


@dataclass(frozen=True)
class LineError:
    line: int
    message: str


@dataclass
class ParseResult:
    questions: list[ParsedQuestion] = field(default_factory=list)
    errors: list[LineError] = field(default_factory=list)
    #: The language the file was read in ("" where unknown).
    language: str = ""

    @property
    def ok(self) -> bool:
        return not self.errors and bool(self.questions)


def true_false_text(language: str) -> tuple[str, str]:
    """The texts of True and False in ``language``, else in the default language."""
    return (
        TRUE_FALSE_TEXT.get(language)
        or TRUE_FALSE_TEXT.get(settings.LANGUAGE_CODE)
        or TRUE_FALSE_TEXT["en"]
    )


def parse_points(value: str) -> Decimal | None:
    """``value`` as points if ``Question.points`` can hold it exactly, else None."""
    value = (value or "").strip()
    if not POINTS_NUMBER.fullmatch(value):
        return None
    points = Decimal(value)
    if points > MAX_POINTS or points != points.quantize(POINTS_PLACES):
        return None
    return points


def parse_fraction(value: str) -> Decimal | None:
    """``value`` (percent) if ``Choice.fraction`` can hold it exactly, else None."""
    value = (value or "").strip()
    if not FRACTION_NUMBER.fullmatch(value):
        return None
    try:
        fraction = Decimal(value)
    except InvalidOperation:  # pragma: no cover - the pattern admits only plain numbers
        return None
    if not -HUNDRED <= fraction <= HUNDRED or fraction != fraction.quantize(FRACTION_PLACES):
        return None
    return fraction


def plain_number(value: Decimal) -> str:
    """``value`` without exponent or trailing zeros: 100, 33.33333, -50, 1.5."""
    text = f"{value.normalize():f}"
    return "0" if text in ("-0", "") else text


def derived_fractions(kind: str, correct: list[bool]) -> list[Decimal]:
    """Fractions for a key given only as right/wrong (migration 0003's rule).

    Single choice and true/false: 100 for a right answer, 0 for a wrong one.
    Multiple choice: the right answers share 100 %, the wrong ones share -100 %,
    which scores exactly as the platform did before fractions existed.
    """
    if kind != "multiple":
        return [HUNDRED if c else ZERO for c in correct]
    n_right = sum(correct)
    n_wrong = len(correct) - n_right
    right = (HUNDRED / n_right).quantize(FRACTION_PLACES) if n_right else ZERO
    wrong = -(HUNDRED / n_wrong).quantize(FRACTION_PLACES) if n_wrong else ZERO
    return [right if c else wrong for c in correct]


def choice_text_problem(text: str):
    """Why ``text`` cannot be a choice's text, or None."""
    if not text:
        return _("An answer has no text.")
    if len(text) > CHOICE_MAX_LENGTH:
        return _("An answer is %(length)s characters long; at most %(limit)s fit.") % {
            "length": len(text),
            "limit": CHOICE_MAX_LENGTH,
        }
    return None


NUL_MESSAGE = _("This line contains a NUL character, which cannot be stored.")
POINTS_MESSAGE = _("Points must be a number from 0 to 9999.99 with at most 2 decimals.")
FRACTION_MESSAGE = _(
    "A grade must be a percentage from -100 to 100 with at most 5 decimals, as in 50 or -33.33333."
)


def key_problems(question: ParsedQuestion) -> list[str]:
    """Why ``question``'s answer key cannot be scored, as messages (empty when fine)."""
    choices = question.choices
    fractions = [c.fraction for c in choices]
    if question.kind == "truefalse":
        if sorted(fractions) != [ZERO, HUNDRED]:
            return [
                str(
                    _("A true/false question needs one right (%(right)s) and one wrong answer.")
                    % {"right": "100 %"}
                )
            ]
        return []
    if len(choices) < 2:
        return [str(_("A question needs at least two answers."))]
    if question.kind == "single":
        if HUNDRED not in fractions:
            return [
                str(
                    _("A single-choice question needs an answer worth %(full)s.")
                    % {"full": "100 %"}
                )
            ]
        return []
    positives = sum((f for f in fractions if f > 0), ZERO)
    if positives == 0:
        return [str(_("No right answer: give at least one answer a positive grade."))]
    if question.partial_credit and positives.quantize(POINTS_PLACES) != HUNDRED:
        return [
            str(
                _(
                    "The positive grades add up to %(total)s; with partial credit they "
                    "must add up to %(full)s."
                )
                % {"total": f"{plain_number(positives)} %", "full": "100 %"}
            )
        ]
    return []
