"""The scoring functions, without the database: Moodle fractions, old snapshots, rounding."""

import importlib
import itertools
import math
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

import pytest

from assessments.scoring import (
    FRACTION_PLACES,
    QuestionKey,
    earned_fraction,
    fractions_for,
    key_error,
    score_attempt,
    score_question,
)


def key(kind="single", points="1", fractions=None, partial=False, qid=10):
    """A key from {choice id: percent}; by default choice 1 is right, 2 and 3 wrong."""
    fractions = fractions or {1: 100, 2: 0, 3: 0}
    return QuestionKey(
        id=qid,
        kind=kind,
        points=Decimal(points),
        choice_ids=tuple(fractions),
        fractions={c: Decimal(str(f)) for c, f in fractions.items()},
        partial_credit=partial,
    )


HALVES = {1: 50, 2: 50, 3: -50, 4: -50}


# Single choice and true/false --------------------------------------------------


def test_single_choice_right_earns_full_points():
    assert score_question(key(points="2"), [1]) == Decimal("2.00")


def test_single_choice_wrong_earns_nothing():
    assert score_question(key(), [2]) == Decimal("0")


def test_single_choice_with_two_selected_earns_nothing():
    assert score_question(key(), [1, 2]) == Decimal("0")


def test_single_choice_half_right_answer_earns_half_the_points():
    q = key(points="3", fractions={1: 100, 2: 50, 3: 0})
    assert score_question(q, [2]) == Decimal("1.50")


def test_single_choice_with_several_full_grade_choices_accepts_each():
    q = key(points="2", fractions={1: 100, 2: 100, 3: 0})
    assert score_question(q, [1]) == Decimal("2.00")
    assert score_question(q, [2]) == Decimal("2.00")
    assert score_question(q, [1, 2]) == Decimal("0")


def test_single_choice_negative_grade_never_goes_below_zero():
    q = key(points="2", fractions={1: 100, 2: -100})
    assert score_question(q, [2]) == Decimal("0.00")


def test_true_false_right_and_wrong():
    tf = key(kind="truefalse", fractions={5: 0, 6: 100})
    assert score_question(tf, [6]) == Decimal("1.00")
    assert score_question(tf, [5]) == Decimal("0")


def test_points_round_half_up_to_cents():
    # 1 point × 12.5 % = 0.125: half up gives 0.13 where rounding down (or
    # to even, Python's default) would give 0.12.
    q = key(points="1", fractions={1: "12.5", 2: 0})
    assert score_question(q, [1]) == Decimal("0.13")
    assert Decimal("0.125").quantize(Decimal("0.01"), rounding=ROUND_HALF_UP) == Decimal("0.13")


@pytest.mark.parametrize(
    ("points", "chosen", "expected"),
    [
        # One of two right choices (50 %), no wrong one: half the points.
        ("0.25", [1], "0.13"),  # 0.125 → 0.13 (down: 0.12)
        ("0.75", [1], "0.38"),  # 0.375 → 0.38 (down: 0.37)
        ("2.05", [2], "1.03"),  # 1.025 → 1.03 (down: 1.02)
        # Both right and one wrong (-50 %): 50 % of 0.05 = 0.025 → 0.03.
        ("0.05", [1, 2, 3], "0.03"),
        # Half a cent itself goes up: 50 % of 0.01 = 0.005 → 0.01, of 0.07 = 0.035 → 0.04.
        ("0.01", [1], "0.01"),
        ("0.07", [2], "0.04"),
    ],
)
def test_partial_credit_rounds_half_up_to_cents(points, chosen, expected):
    q = key(kind="multiple", points=points, fractions=HALVES, partial=True)
    assert score_question(q, chosen) == Decimal(expected)
    result = score_attempt([q], {q.id: chosen}, pass_mark=50)
    assert result.points == Decimal(expected)
    assert result.questions[0].points == Decimal(expected)


def test_attempt_percent_rounds_half_up_to_cents():
    # 1 point of 32 is 3.125 %: 3.13 %, where rounding down would give 3.12 %.
    keys = [key(qid=1, points="1"), key(qid=2, points="31")]
    result = score_attempt(keys, {1: [1]}, pass_mark=3)
    assert result.points == Decimal("1.00") and result.max_points == Decimal("32.00")
    assert result.percent == Decimal("3.13")
    # 5 points of 8 is 62.5 % exactly: nothing to round.
    five_of_eight = [key(qid=1, points="5"), key(qid=2, points="3")]
    assert score_attempt(five_of_eight, {1: [1]}, pass_mark=3).percent == Decimal("62.50")


# Multiple choice ---------------------------------------------------------------


def test_multiple_all_or_nothing_needs_exactly_the_choices_worth_something():
    q = key(kind="multiple", points="2", fractions=HALVES)
    assert score_question(q, [1, 2]) == Decimal("2.00")
    assert score_question(q, [1]) == Decimal("0")
    assert score_question(q, [1, 2, 3]) == Decimal("0")


def test_multiple_partial_credit_gives_each_choice_its_share():
    q = key(kind="multiple", points="2", fractions=HALVES, partial=True)
    assert score_question(q, [1]) == Decimal("1.00")
    assert score_question(q, [1, 2]) == Decimal("2.00")


def test_multiple_partial_credit_uneven_weights_are_kept():
    # GIFT ``~%70%`` / ``~%30%``: not 50/50.
    q = key(kind="multiple", points="10", fractions={1: 70, 2: 30, 3: -100}, partial=True)
    assert score_question(q, [1]) == Decimal("7.00")
    assert score_question(q, [2]) == Decimal("3.00")
    assert score_question(q, [1, 2]) == Decimal("10.00")


def test_multiple_partial_credit_wrong_choices_take_a_share_away_never_below_zero():
    q = key(kind="multiple", points="2", fractions=HALVES, partial=True)
    assert score_question(q, [1, 3]) == Decimal("0.00")
    assert score_question(q, [1, 2, 3]) == Decimal("1.00")
    assert score_question(q, [3, 4]) == Decimal("0.00")
    assert score_question(q, [1, 2, 3, 4]) == Decimal("0.00")


def test_multiple_partial_credit_never_goes_above_the_points():
    q = key(kind="multiple", points="2", fractions={1: 100, 2: 100}, partial=True)
    assert score_question(q, [1, 2]) == Decimal("2.00")


def test_three_stored_thirds_make_full_marks():
    thirds = {1: "33.33333", 2: "33.33333", 3: "33.33333", 4: -100}
    q = key(kind="multiple", points="1", fractions=thirds, partial=True)
    assert earned_fraction(q, {1, 2, 3}) == Decimal(100)
    assert score_question(q, [1, 2, 3]) == Decimal("1.00")
    assert score_attempt([q], {q.id: [1, 2, 3]}, pass_mark=100).questions[0].correct


def test_a_sum_further_than_the_tolerance_from_100_is_not_full_marks():
    rough = {1: "33.333", 2: "33.333", 3: "33.333"}
    q = key(kind="multiple", points="1000", fractions=rough, partial=True)
    assert earned_fraction(q, {1, 2, 3}) == Decimal("99.999")
    assert score_question(q, [1, 2, 3]) == Decimal("999.99")


def test_partial_credit_rounds_thirds_to_cents():
    thirds = {1: "33.33333", 2: "33.33333", 3: "33.33333", 4: -100}
    q = key(kind="multiple", points="1", fractions=thirds, partial=True)
    assert score_question(q, [1]) == Decimal("0.33")


# Edges -------------------------------------------------------------------------


def test_empty_answer_earns_nothing():
    assert score_question(key(), []) == Decimal("0")
    multi = key(kind="multiple", fractions=HALVES, partial=True)
    assert score_question(multi, []) == Decimal("0")


def test_unknown_choice_ids_are_ignored():
    assert score_question(key(), [999]) == Decimal("0")
    assert score_question(key(), [1, 999]) == Decimal("1.00")
    multi = key(kind="multiple", fractions=HALVES)
    assert score_question(multi, [1, 2, 999]) == Decimal("1.00")


def test_attempt_total_percent_and_pass_mark():
    keys = [key(qid=1, points="1"), key(qid=2, points="3", kind="multiple", fractions=HALVES)]
    result = score_attempt(keys, {1: [1], 2: [1]}, pass_mark=25)
    assert result.points == Decimal("1.00")
    assert result.max_points == Decimal("4.00")
    assert result.percent == Decimal("25.00")
    assert result.passed is True
    assert score_attempt(keys, {1: [1], 2: [1]}, pass_mark=26).passed is False


def test_attempt_with_no_answers_scores_zero_and_fails():
    result = score_attempt([key(qid=1)], {}, pass_mark=0)
    assert result.percent == Decimal("0.00")
    assert result.questions[0].correct is False


def test_answers_to_questions_not_in_the_attempt_are_ignored():
    result = score_attempt([key(qid=1)], {1: [1], 77: [1, 2, 3]}, pass_mark=100)
    assert result.points == Decimal("1.00")
    assert result.passed is True


def test_quiz_without_points_never_passes():
    result = score_attempt([], {}, pass_mark=0)
    assert result.passed is False
    assert result.percent == Decimal("0.00")


# Snapshots ---------------------------------------------------------------------


def test_key_reads_fractions_from_snapshot_data():
    data = {
        "id": 3,
        "kind": "multiple",
        "points": "2.50",
        "partial_credit": True,
        "choices": [9, 8, 7],
        "fractions": ["-100.00000", "70.00000", "30.00000"],
        "correct": [8, 7],
    }
    parsed = QuestionKey.from_snapshot(data)
    assert parsed.points == Decimal("2.50")
    assert parsed.choice_ids == (9, 8, 7)
    assert parsed.fractions == {9: Decimal(-100), 8: Decimal(70), 7: Decimal(30)}
    assert parsed.correct_ids == frozenset({8, 7})
    assert score_question(parsed, [8]) == Decimal("1.75")


def old_score_question(data: dict, selected) -> Decimal:
    """Scoring as it was before fractions (copied from the previous release): the oracle."""
    points = Decimal(str(data["points"]))
    choice_ids = tuple(data["choices"])
    correct_ids = frozenset(data["correct"])
    chosen = {c for c in selected if c in choice_ids}
    cents = Decimal("0.01")
    if not chosen or not correct_ids:
        return Decimal("0.00")
    if data["kind"] in ("single", "truefalse") or not data["partial_credit"]:
        if chosen == set(correct_ids):
            return points.quantize(cents, rounding=ROUND_HALF_UP)
        return Decimal("0.00")
    wrong_ids = set(choice_ids) - correct_ids
    fraction = Decimal(len(chosen & correct_ids)) / Decimal(len(correct_ids))
    if wrong_ids:
        fraction -= Decimal(len(chosen - correct_ids)) / Decimal(len(wrong_ids))
    fraction = max(Decimal(0), min(Decimal(1), fraction))
    return (points * fraction).quantize(cents, rounding=ROUND_HALF_UP)


def old_snapshots():
    """Snapshot entries as attempts stored them before fractions: every shape up to 7 choices."""
    for kind, partial in (("single", False), ("truefalse", False)):
        for n in (2, 3, 4):
            yield {"kind": kind, "partial_credit": partial, "n": n, "correct": [0]}
    for partial in (False, True):
        for n_right in range(0, 6):
            for n_wrong in range(0, 4):
                if n_right + n_wrong >= 2:
                    yield {"kind": "multiple", "partial_credit": partial, "n": n_right + n_wrong,
                           "correct": list(range(n_right))}  # fmt: skip


def exact_cents(data: dict, selected) -> Decimal:
    """The old rule in exact rational arithmetic, rounded half up to cents."""
    chosen = set(selected) & set(data["choices"])
    right = set(data["correct"])
    wrong = set(data["choices"]) - right
    if not chosen or not right:
        share = Fraction(0)
    elif data["kind"] != "multiple" or not data["partial_credit"]:
        share = Fraction(1 if chosen == right else 0)
    else:
        share = Fraction(len(chosen & right), len(right))
        if wrong:
            share -= Fraction(len(chosen - right), len(wrong))
        share = max(Fraction(0), min(Fraction(1), share))
    cents = Fraction(Decimal(data["points"])) * share * 100
    return Decimal(math.floor(cents + Fraction(1, 2))) / 100


@pytest.mark.parametrize("points", ["1", "0.06", "0.25", "1.50", "2", "7", "9999.99"])
def test_snapshots_without_fractions_score_as_before(points):
    """Attempts started before fractions re-score exactly as the old code scored them.

    Except at exact half cents where the old code's last-digit noise rounded
    down (0.06 × 1/12 = 0.005 gave 0.00): there the documented rule, half up,
    now holds (0.01).
    """
    ties = 0
    for shape in old_snapshots():
        ids = [100 + i for i in range(shape["n"])]
        data = {
            "id": 1,
            "kind": shape["kind"],
            "points": points,
            "partial_credit": shape["partial_credit"],
            "choices": ids,
            "correct": [ids[i] for i in shape["correct"]],
        }
        parsed = QuestionKey.from_snapshot(data)
        for size in range(0, len(ids) + 1):
            for selected in itertools.combinations(ids, size):
                new, old = score_question(parsed, selected), old_score_question(data, selected)
                assert new == exact_cents(data, selected), (shape, selected)
                if new != old:
                    ties += 1
                    assert new - old == Decimal("0.01"), (shape, selected)
    if points in ("1", "2", "7", "1.50"):
        assert ties == 0


def test_old_noise_tie_now_rounds_half_up():
    # 3 of 4 right, 2 of 3 wrong: 3/4 - 2/3 = 1/12 of 0.06 points = 0.005 exactly.
    ids = list(range(1, 8))
    data = {"id": 1, "kind": "multiple", "points": "0.06", "partial_credit": True,
            "choices": ids, "correct": [1, 2, 3, 4]}  # fmt: skip
    assert old_score_question(data, [1, 2, 3, 5, 6]) == Decimal("0.00")
    assert score_question(QuestionKey.from_snapshot(data), [1, 2, 3, 5, 6]) == Decimal("0.01")


def test_three_thirds_less_a_half_rounds_half_up_as_before():
    # 3 × 33.333…% - 50 % is 49.999…9 % in Decimal; on 0.25 points that is 0.125 → 0.13.
    ids = [1, 2, 3, 4, 5]
    data = {"id": 1, "kind": "multiple", "points": "0.25", "partial_credit": True,
            "choices": ids, "correct": [1, 2, 3]}  # fmt: skip
    assert old_score_question(data, [1, 2, 3, 4]) == Decimal("0.13")
    assert score_question(QuestionKey.from_snapshot(data), [1, 2, 3, 4]) == Decimal("0.13")


def test_migration_gives_stored_choices_the_rule_of_the_scoring_module():
    migration = importlib.import_module("assessments.migrations.0003_choice_fraction_from_key")
    for kind in ("single", "truefalse", "multiple"):
        for partial in (False, True):
            for correct in itertools.product([True, False], repeat=4):
                assert migration.fractions_for(kind, partial, list(correct)) == fractions_for(
                    kind, partial, list(correct), places=FRACTION_PLACES
                )


def test_old_rule_gives_thirds_and_penalties():
    assert fractions_for("multiple", True, [True, True, True, False], places=FRACTION_PLACES) == [
        Decimal("33.33333")
    ] * 3 + [Decimal("-100")]
    assert fractions_for("single", False, [False, True]) == [Decimal(0), Decimal(100)]


# Grades a trainer may save -----------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "partial", "grades", "ok"),
    [
        ("single", False, [100, 0, 0], True),
        ("single", False, [100, 50, -100], True),
        ("single", False, [50, 50], False),
        ("truefalse", False, [0, 0], False),
        ("multiple", False, [50, 50, 0], True),
        ("multiple", False, [0, 0, -100], False),
        ("multiple", True, ["33.33333", "33.33333", "33.33333", -100], True),
        ("multiple", True, [70, 30, -100], True),
        ("multiple", True, [50, 30, 0], False),
        ("multiple", True, [100, 50], False),
        ("multiple", True, ["33.333", "33.333", "33.333"], False),
    ],
)
def test_key_error_follows_moodle(kind, partial, grades, ok):
    message = key_error(kind, partial, [Decimal(str(g)) for g in grades])
    assert (message is None) is ok, message


def test_key_error_says_what_partial_grades_add_up_to():
    message = key_error("multiple", True, [Decimal(50), Decimal(30)])
    assert "must add up to 100 %" in message and "80 %" in message
