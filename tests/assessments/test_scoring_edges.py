"""Scoring and answer-key rules at their boundaries (pure functions, no database)."""

from decimal import Decimal

import pytest

from assessments.formats import derived_fractions
from assessments.scoring import key_error

D = Decimal


@pytest.mark.parametrize("kind", ["single", "truefalse"])
def test_one_answer_kinds_need_a_choice_worth_full_marks(kind):
    assert key_error(kind, False, [D(100), D(0)]) is None
    # A positive grade below 100 % is not enough for one-answer questions.
    assert key_error(kind, False, [D(50), D(0)]) == "Give at least one choice a grade of 100 %."
    assert key_error(kind, False, [D(0), D(0)]) == "Give at least one choice a grade of 100 %."


def test_a_fraction_of_a_percent_is_a_right_answer_for_all_or_nothing():
    assert key_error("multiple", False, [D("0.5"), D(0)]) is None
    assert key_error("multiple", False, [D(0), D(-100)]) == (
        "Give at least one choice a grade above 0 %."
    )


def test_partial_credit_counts_shares_below_one_percent():
    assert key_error("multiple", True, [D("0.5"), D("99.5"), D(-100)]) is None


def test_partial_credit_without_a_positive_grade_says_the_total_is_zero():
    assert key_error("multiple", True, [D(0), D(-50)]) == (
        "With partial credit, the positive grades must add up to 100 % (now 0 %)."
    )


def test_partial_credit_total_exactly_at_the_tolerance_is_accepted():
    # Three thirds stored with four decimals: 99.9999, just within 0.0001 of 100.
    assert key_error("multiple", True, [D("33.3333")] * 3) is None
    assert key_error("multiple", True, [D("33.3333"), D("33.3333"), D("33.3332")]) == (
        "With partial credit, the positive grades must add up to 100 % (now 99.9998 %)."
    )


def test_empty_grades_are_ignored():
    assert key_error("single", False, [D(100), None]) is None


def test_multiple_choice_without_wrong_answers_shares_the_points():
    assert derived_fractions("multiple", [True, True]) == [D(50), D(50)]


def test_multiple_choice_without_right_answers_gives_nothing_to_win():
    assert derived_fractions("multiple", [False, False]) == [D(-50), D(-50)]


def test_wrong_answers_share_minus_one_hundred():
    assert derived_fractions("multiple", [True, False, False]) == [D(100), D(-50), D(-50)]
    assert derived_fractions("multiple", [True, False, False, False]) == [
        D(100),
        D("-33.33333"),
        D("-33.33333"),
        D("-33.33333"),
    ]


@pytest.mark.parametrize("kind", ["single", "truefalse"])
def test_one_answer_kinds_give_right_answers_all_the_points(kind):
    assert derived_fractions(kind, [False, True]) == [D(0), D(100)]
