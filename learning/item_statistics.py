"""Item statistics of a quiz: how each question performed, from the scored answers.

Computed from learners' records, so they live with them; the trainers' admin
page that shows them is registered by this app (``wagtail_hooks.py``).
"""

import math
from dataclasses import dataclass, field

from django.db.models import Avg, Count, Q, StdDev

from assessments.api import QUESTION_ORDER, Question, QuizPage
from core import languages as site_languages

from .models import Answer, Attempt

SUBMITTED = Attempt.Status.SUBMITTED


# Item statistics -----------------------------------------------------------

#: A language's % correct differing from the default language's by this many points is flagged...
LANGUAGE_GAP_POINTS = 20
#: ...when each language has at least this many scored answers.
LANGUAGE_MIN_ANSWERS = 10


@dataclass
class ItemGroupStats:
    answers: int = 0
    correct: int = 0
    mean_right: float | None = None
    mean_wrong: float | None = None
    stdev: float | None = None

    @property
    def percent_correct(self) -> float | None:
        return round(100 * self.correct / self.answers, 1) if self.answers else None

    @property
    def discrimination(self) -> float | None:
        """Point-biserial correlation between this item and the attempt score."""
        if not self.answers or not self.stdev or self.mean_right is None:
            return None
        if self.mean_wrong is None:
            return None
        p = self.correct / self.answers
        return round((self.mean_right - self.mean_wrong) / self.stdev * math.sqrt(p * (1 - p)), 2)


@dataclass
class ItemStats:
    question: Question
    all: ItemGroupStats
    by_language: dict[str, ItemGroupStats] = field(default_factory=dict)

    def gap(self, language: str) -> float | None:
        """Points between the % correct in ``language`` and in the default language."""
        main, other = self.by_language.get(site_languages.default()), self.by_language.get(language)
        if not main or not other or main.percent_correct is None or other.percent_correct is None:
            return None
        return round(abs(main.percent_correct - other.percent_correct), 1)

    def flagged_in(self, language: str) -> bool:
        """Whether ``language`` is far from the default one, with enough answers in each."""
        gap = self.gap(language)
        main, other = self.by_language.get(site_languages.default()), self.by_language.get(language)
        return (
            gap is not None
            and gap >= LANGUAGE_GAP_POINTS
            and main.answers >= LANGUAGE_MIN_ANSWERS
            and other.answers >= LANGUAGE_MIN_ANSWERS
        )

    @property
    def language_gap(self) -> float | None:
        """The largest gap to the default language: among flagged languages if any."""
        flagged = [self.gap(code) for code in site_languages.others() if self.flagged_in(code)]
        gaps = flagged or [self.gap(code) for code in site_languages.others()]
        gaps = [gap for gap in gaps if gap is not None]
        return max(gaps) if gaps else None

    @property
    def flagged(self) -> bool:
        return any(self.flagged_in(code) for code in site_languages.others())

    @property
    def languages(self) -> list[tuple[str, ItemGroupStats | None]]:
        """``(code, stats or None)`` for every language, the default first."""
        return [(code, self.by_language.get(code)) for code in site_languages.codes()]

    @property
    def translations(self) -> list[tuple[str, str]]:
        """``(code, question text)`` in every other language ("" where untranslated)."""
        return [
            (code, text or "")
            for code, text in site_languages.values(
                self.question, "text", site_languages.others()
            ).items()
        ]

    @property
    def default_text(self) -> str:
        return getattr(self.question, site_languages.default_field("text"), "") or ""


def item_statistics(quiz: QuizPage) -> dict:
    """Per question: % correct and discrimination, overall and per attempt language.

    Five queries whatever the number of attempts: questions, per-item
    aggregates (overall and per language), score spread (overall and per
    language). Discrimination is the point-biserial correlation with the
    attempt's score.
    """
    questions = list(Question.objects.filter(quiz=quiz).order_by(*QUESTION_ORDER))
    answers = Answer.objects.filter(attempt__quiz=quiz, attempt__status=SUBMITTED).order_by()
    aggregates = {
        "n": Count("pk"),
        "right": Count("pk", filter=Q(correct=True)),
        "mean_right": Avg("attempt__score_percent", filter=Q(correct=True)),
        "mean_wrong": Avg("attempt__score_percent", filter=Q(correct=False)),
    }
    overall = {r["question_id"]: r for r in answers.values("question_id").annotate(**aggregates)}
    per_language = list(answers.values("question_id", "attempt__language").annotate(**aggregates))
    attempts = Attempt.objects.filter(quiz=quiz, status=SUBMITTED).order_by()
    spread = attempts.aggregate(sd=StdDev("score_percent"), n=Count("pk"))
    spread_by_language = {
        r["language"]: r
        for r in attempts.values("language").annotate(sd=StdDev("score_percent"), n=Count("pk"))
    }

    def group(row, stdev) -> ItemGroupStats:
        return ItemGroupStats(
            answers=row["n"],
            correct=row["right"],
            mean_right=float(row["mean_right"]) if row["mean_right"] is not None else None,
            mean_wrong=float(row["mean_wrong"]) if row["mean_wrong"] is not None else None,
            stdev=float(stdev) if stdev else None,
        )

    items = {}
    for question in questions:
        row = overall.get(question.pk)
        items[question.pk] = ItemStats(
            question=question, all=group(row, spread["sd"]) if row else ItemGroupStats()
        )
    for row in per_language:
        item = items.get(row["question_id"])
        if item is not None:
            language = row["attempt__language"]
            stdev = spread_by_language.get(language, {}).get("sd")
            item.by_language[language] = group(row, stdev)
    return {
        "items": list(items.values()),
        "attempts": spread["n"],
        "attempts_by_language": {k: v["n"] for k, v in spread_by_language.items()},
        "gap_points": LANGUAGE_GAP_POINTS,
        "min_answers": LANGUAGE_MIN_ANSWERS,
    }
