"""What a trainee's review of a submitted attempt shows: pure functions over its snapshot.

The snapshot froze each question's texts (every language), choices and
grades when the attempt started, so the review shows the attempt as it was
scored, whatever a trainer edited or deleted since. Attempts started before
texts were frozen fall back to the live rows; what was deleted since is
shown as removed rather than silently dropped.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from django.utils.translation import gettext as _

from .scoring import HUNDRED, QuestionKey


@dataclass(frozen=True)
class ReviewChoice:
    text: str
    feedback: str
    selected: bool
    correct: bool  # worth full marks (single choice) or a share (multiple choice)
    partial_percent: Decimal | None = None  # single choice worth part of the points
    removed: bool = False


@dataclass
class ReviewItem:
    number: int
    text: str
    text_format: str
    feedback: str
    points: Decimal | None
    max_points: Decimal
    is_correct: bool
    choices: list[ReviewChoice] = field(default_factory=list)
    removed: bool = False


def localized(texts: dict, language: str, name: str, position: int | None = None) -> str:
    """Text ``name`` (of the question, or of its choice at ``position``) in ``language``.

    Falls back to the default language when that language's text is empty,
    as the live pages do.
    """
    for code in (language, settings.MODELTRANSLATION_DEFAULT_LANGUAGE):
        entry = texts.get(code) or {}
        if position is not None:
            rows = entry.get("choices") or []
            entry = rows[position] if position < len(rows) else {}
        value = entry.get(name)
        if value:
            return value
    return ""


def choice_grade(key: QuestionKey, choice_id: int) -> tuple[bool, Decimal | None]:
    """(shown as a correct answer, partial percent for a part-right single choice)."""
    fraction = key.fractions.get(choice_id, Decimal(0))
    if key.kind == "multiple":
        return fraction > 0, None
    if fraction >= HUNDRED:
        return True, None
    return False, (fraction.normalize() if fraction > 0 else None)


def item_from_snapshot(number: int, data: dict, answer, language: str) -> ReviewItem:
    key = QuestionKey.from_snapshot(data)
    texts = data["texts"]
    selected = set(answer.selected_choice_ids) if answer else set()
    choices = []
    for position, choice_id in enumerate(key.choice_ids):
        correct, partial = choice_grade(key, choice_id)
        choices.append(
            ReviewChoice(
                text=localized(texts, language, "text", position),
                feedback=localized(texts, language, "feedback", position),
                selected=choice_id in selected,
                correct=correct,
                partial_percent=partial,
            )
        )
    return ReviewItem(
        number=number,
        text=localized(texts, language, "text"),
        text_format=data.get("text_format") or "plain",
        feedback=localized(texts, language, "feedback"),
        points=answer.points_awarded if answer else None,
        max_points=key.points,
        is_correct=bool(answer and answer.correct),
        choices=choices,
    )


def item_from_live_rows(number: int, data: dict, answer, question) -> ReviewItem:
    """An attempt from before texts were frozen: today's texts, deletions marked."""
    key = QuestionKey.from_snapshot(data)
    selected = set(answer.selected_choice_ids) if answer else set()
    item = ReviewItem(
        number=number,
        text=question.text if question else _("This question was removed after your attempt."),
        text_format=question.text_format if question else "plain",
        feedback=(question.feedback or "") if question else "",
        points=answer.points_awarded if answer else None,
        max_points=key.points,
        is_correct=bool(answer and answer.correct),
        removed=question is None,
    )
    if question is None:
        return item
    live = {c.pk: c for c in question.choices.all()}
    for choice_id in key.choice_ids:
        choice = live.get(choice_id)
        correct, partial = choice_grade(key, choice_id)
        item.choices.append(
            ReviewChoice(
                text=choice.text if choice else _("A choice removed after your attempt"),
                feedback=(choice.feedback or "") if choice else "",
                selected=choice_id in selected,
                correct=correct,
                partial_percent=partial,
                removed=choice is None,
            )
        )
    return item


def review_items(snapshot: dict, answers: dict, *, language: str, live: dict) -> list[ReviewItem]:
    """The review of every question of an attempt, in its order, in ``language``.

    ``answers``: question id → Answer; ``live``: question id → Question, needed
    only for snapshot entries without frozen texts.
    """
    items = []
    for number, data in enumerate(snapshot.get("questions", []), start=1):
        answer = answers.get(data["id"])
        if data.get("texts"):
            items.append(item_from_snapshot(number, data, answer, language))
        else:
            items.append(item_from_live_rows(number, data, answer, live.get(data["id"])))
    return items
