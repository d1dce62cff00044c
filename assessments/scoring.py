"""Scoring: pure functions over plain data (no database, no language).

``score_attempt`` is the only place an attempt's result is computed. It takes
the answer key frozen in the attempt's snapshot and the trainee's selections,
so the same answers give the same score in any language and whatever the quiz
became after the attempt started.

The key is Moodle's: every choice carries a *fraction*, the share of the
question's points it is worth, in percent from -100 to 100.
"""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext_lazy as _

TWO_PLACES = Decimal("0.01")
HUNDRED = Decimal(100)
ZERO = Decimal(0)
#: Fractions are stored with five decimals (``Choice.fraction``), as Moodle
#: stores them with seven: a third is 33.33333, and three thirds add up to
#: 99.99999. A sum this close to 100 % is full marks, or a trainee who ticks
#: every right choice of a three-way split would lose a cent.
FULL_MARKS_TOLERANCE = Decimal("0.0001")
#: Far below a cent, far above the last of ``Decimal``'s 28 digits.
NOISE_PLACES = Decimal("1e-15")
#: Precision of ``Choice.fraction`` (``decimal_places=5``).
FRACTION_PLACES = Decimal("0.00001")


def fractions_for(
    kind: str, partial_credit: bool, correct: Sequence[bool], *, places: Decimal | None = None
) -> list[Decimal]:
    """Fractions that reproduce the key used before fractions existed.

    The old key was ``is_correct`` plus the question's kind: single choice and
    true/false gave full points for the right choice; multiple choice shared
    the points equally among the right choices and, with partial credit, took
    an equal share away for each wrong one ticked. Migration 0003 gives stored
    choices these fractions (rounded to ``places``, the column's precision);
    ``QuestionKey.from_snapshot`` uses them unrounded for attempts started
    before fractions, so re-scoring such an attempt gives exactly its old
    result. ``partial_credit`` is accepted for clarity: all-or-nothing only
    looks at which fractions are positive, so the same shares serve both.
    """
    del partial_credit  # the shares are the same; only the scoring rule differs
    n_right = sum(1 for c in correct if c)
    n_wrong = len(correct) - n_right
    if kind != "multiple":
        return [HUNDRED if c else ZERO for c in correct]

    def share(n: int) -> Decimal:
        value = HUNDRED / n
        return value.quantize(places) if places is not None else value

    right = share(n_right) if n_right else ZERO
    wrong = -share(n_wrong) if n_wrong else ZERO
    return [right if c else wrong for c in correct]


@dataclass(frozen=True)
class QuestionKey:
    """What one question is judged by: its kind, points and each choice's fraction."""

    id: int
    kind: str  # "single" | "multiple" | "truefalse"
    points: Decimal
    choice_ids: tuple[int, ...]
    fractions: Mapping[int, Decimal]  # choice id → percent, -100..100
    partial_credit: bool = False

    @property
    def correct_ids(self) -> frozenset[int]:
        """Choices worth something (fraction > 0): the "right" ones."""
        return frozenset(c for c in self.choice_ids if self.fractions.get(c, ZERO) > 0)

    @classmethod
    def from_snapshot(cls, data: dict) -> "QuestionKey":
        """The key frozen in an attempt's snapshot.

        Snapshots taken before fractions existed hold only the ids of the right
        choices ("correct"); their fractions are derived with the old rule
        (``fractions_for``, unrounded) so those attempts score as they did.
        """
        choice_ids = tuple(int(c) for c in data["choices"])
        partial_credit = bool(data.get("partial_credit"))
        if data.get("fractions") is not None:
            values = [Decimal(str(f)) for f in data["fractions"]]
        else:
            correct = {int(c) for c in data.get("correct", ())}
            values = fractions_for(data["kind"], partial_credit, [c in correct for c in choice_ids])
        return cls(
            id=int(data["id"]),
            kind=data["kind"],
            points=Decimal(str(data["points"])),
            choice_ids=choice_ids,
            fractions=dict(zip(choice_ids, values, strict=True)),
            partial_credit=partial_credit,
        )


@dataclass(frozen=True)
class QuestionScore:
    question_id: int
    points: Decimal
    max_points: Decimal

    @property
    def correct(self) -> bool:
        return self.points >= self.max_points


@dataclass(frozen=True)
class ScoreResult:
    points: Decimal
    max_points: Decimal
    percent: Decimal
    passed: bool
    questions: tuple[QuestionScore, ...]


def quantize(value: Decimal) -> Decimal:
    """Cents, half up (0.125 → 0.13), as a trainee rounding by hand would expect."""
    return value.quantize(TWO_PLACES, rounding=ROUND_HALF_UP)


def clamp_percent(value: Decimal) -> Decimal:
    """``value`` within 0..100 %, a sum within the tolerance of 100 % counting as 100."""
    if value >= HUNDRED - FULL_MARKS_TOLERANCE:
        return HUNDRED
    return max(ZERO, value)


def earned_fraction(key: QuestionKey, chosen: set[int]) -> Decimal:
    """Percent of the points earned for the chosen choices (ids of this question)."""
    if not chosen:
        return ZERO
    if key.kind in ("single", "truefalse"):
        # One choice allowed: more than one selected can never be right.
        if len(chosen) != 1:
            return ZERO
        return clamp_percent(key.fractions[next(iter(chosen))])
    if not key.partial_credit:
        # All or nothing: exactly the choices worth something.
        return HUNDRED if chosen == key.correct_ids else ZERO
    return clamp_percent(sum((key.fractions[c] for c in chosen), ZERO))


def score_question(key: QuestionKey, selected: Iterable[int]) -> Decimal:
    """Points earned on one question. Ids that are not choices of it are ignored.

    A third is 33.333…3 in ``Decimal``'s 28 digits, so three thirds less a
    half come out as 49.999…9 % instead of 50 %; on 0.25 points that would
    round to 0.12 instead of 0.13. Rounding the product to ``NOISE_PLACES``
    first removes that last-digit noise, so a half cent always rounds up.
    """
    chosen = {c for c in selected if c in key.fractions}
    earned = key.points * earned_fraction(key, chosen) / HUNDRED
    return quantize(earned.quantize(NOISE_PLACES))


def score_attempt(
    keys: Iterable[QuestionKey], answers: Mapping[int, Iterable[int]], *, pass_mark: int
) -> ScoreResult:
    """Scores an attempt: per-question points, total, percent and pass/fail.

    ``answers`` maps question id → selected choice ids; missing questions
    count as unanswered; answers to questions not in ``keys`` are ignored.
    """
    scores = []
    for key in keys:
        earned = score_question(key, answers.get(key.id, ()))
        scores.append(QuestionScore(key.id, earned, quantize(key.points)))
    total = sum((s.points for s in scores), Decimal("0.00"))
    maximum = sum((s.max_points for s in scores), Decimal("0.00"))
    percent = quantize(total * 100 / maximum) if maximum else Decimal("0.00")
    return ScoreResult(
        points=quantize(total),
        max_points=quantize(maximum),
        percent=percent,
        passed=bool(maximum) and percent >= Decimal(pass_mark),
        questions=tuple(scores),
    )


def key_error(kind: str, partial_credit: bool, fractions: Iterable[Decimal]) -> str | None:
    """Why a question's grades cannot be scored, as Moodle checks them; None if they can.

    Single choice and true/false need a choice worth 100 %; all-or-nothing
    multiple choice a choice worth something; partial credit grades whose
    positive shares make exactly 100 % (within the storage tolerance).
    """
    values = [Decimal(f) for f in fractions if f is not None]
    if kind in ("single", "truefalse"):
        if not any(v >= HUNDRED for v in values):
            return str(_("Give at least one choice a grade of 100 %."))
        return None
    positive = [v for v in values if v > 0]
    if not partial_credit:
        if not positive:
            return str(_("Give at least one choice a grade above 0 %."))
        return None
    total = sum(positive, ZERO)
    if abs(total - HUNDRED) > FULL_MARKS_TOLERANCE:
        return str(
            _("With partial credit, the positive grades must add up to 100 %% (now %(total)s %%).")
            % {"total": f"{total.normalize():f}"}
        )
    return None
