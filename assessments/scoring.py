"""Scoring: one pure function over plain data (no database, no language).

``score_attempt`` is the only place an attempt's result is computed. It takes
the answer key frozen in the attempt's snapshot and the trainee's selections,
so the same answers give the same score in any language and whatever the quiz
became after the attempt started.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

TWO_PLACES = Decimal("0.01")


@dataclass(frozen=True)
class QuestionKey:
    """What one question is judged by."""

    id: int
    kind: str  # "single" | "multiple" | "truefalse"
    points: Decimal
    choice_ids: tuple[int, ...]
    correct_ids: frozenset[int]
    partial_credit: bool = False

    @classmethod
    def from_snapshot(cls, data: dict) -> "QuestionKey":
        return cls(
            id=int(data["id"]),
            kind=data["kind"],
            points=Decimal(str(data["points"])),
            choice_ids=tuple(int(c) for c in data["choices"]),
            correct_ids=frozenset(int(c) for c in data["correct"]),
            partial_credit=bool(data.get("partial_credit")),
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
    return value.quantize(TWO_PLACES, rounding=ROUND_HALF_UP)


def score_question(key: QuestionKey, selected: Iterable[int]) -> Decimal:
    """Points earned on one question. Ids that are not choices of it are ignored."""
    chosen = {c for c in selected if c in key.choice_ids}
    if not chosen or not key.correct_ids:
        return Decimal("0.00")
    if key.kind in ("single", "truefalse"):
        # One choice allowed: more than one selected can never be right.
        return quantize(key.points) if chosen == set(key.correct_ids) else Decimal("0.00")
    if not key.partial_credit:
        return quantize(key.points) if chosen == set(key.correct_ids) else Decimal("0.00")
    wrong_ids = set(key.choice_ids) - key.correct_ids
    right = len(chosen & key.correct_ids)
    wrong = len(chosen - key.correct_ids)
    fraction = Decimal(right) / Decimal(len(key.correct_ids))
    if wrong_ids:
        # Each wrong choice cancels an equal share, so ticking everything earns nothing.
        fraction -= Decimal(wrong) / Decimal(len(wrong_ids))
    fraction = max(Decimal(0), min(Decimal(1), fraction))
    return quantize(key.points * fraction)


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
