"""CSV question import at its edges: what is read, and each refusal with its line (pure)."""

from decimal import Decimal

import pytest

from assessments.csv_format import parse_csv
from assessments.formats import ParsedChoice

D = Decimal
HEADER = (
    "kind,points,partial_credit,correct,grade,text_format,text_en,text_es,feedback_en,feedback_es\n"
)
FRACTION_MESSAGE = (
    "A grade must be a percentage from -100 to 100 with at most 5 decimals, as in 50 or -33.33333."
)
UNREADABLE = "This line is not valid CSV (check its quotes and line breaks)."


def errors(text, **kwargs):
    return [(e.line, e.message) for e in parse_csv(text, **kwargs).errors]


def only_question(text, **kwargs):
    result = parse_csv(text, **kwargs)
    assert result.errors == []
    [question] = result.questions
    return question


def test_true_false_without_choice_rows_gets_its_choices_in_each_language():
    question = only_question(HEADER + "truefalse,1,no,true,,plain,Statement,Afirmación,,\n")
    assert question.choices == [
        ParsedChoice({"en": "True", "es": "Verdadero"}, D(100), {}, line=2),
        ParsedChoice({"en": "False", "es": "Falso"}, D(0), {}, line=2),
    ]


def test_true_false_choices_in_a_language_without_labels_are_in_english():
    question = only_question(
        "kind,points,partial_credit,correct,text_en,text_fr,feedback_en,feedback_fr\n"
        "truefalse,1,no,false,Statement,Affirmation,,\n",
        languages=("en", "fr"),
    )
    assert [c.text for c in question.choices] == [
        {"en": "True", "fr": "True"},
        {"en": "False", "fr": "False"},
    ]
    assert [c.fraction for c in question.choices] == [D(0), D(100)]


def test_true_false_with_one_choice_row_is_refused_on_its_question_line():
    text = HEADER + "truefalse,1,no,true,,plain,S,A,,\nchoice,,,yes,,,True,Verdadero,,\n"
    assert errors(text) == [(2, "A true/false question takes no choice rows, or exactly two.")]


def test_true_false_choice_rows_without_a_right_one_report_the_key_problem():
    text = (
        HEADER + "truefalse,1,no,true,,plain,S,A,,\n"
        "choice,,,no,,,True,Verdadero,,\n"
        "choice,,,no,,,False,Falso,,\n"
    )
    assert errors(text) == [
        (2, "A true/false question needs one right (100 %) and one wrong answer.")
    ]


@pytest.mark.parametrize("correct", ["maybe", ""])
def test_true_false_needs_correct_true_or_false(correct):
    text = HEADER + f"truefalse,1,no,{correct},,plain,S,A,,\n"
    assert errors(text) == [(2, "A true/false question needs “correct” true or false.")]


def test_a_choice_row_before_any_question_is_refused():
    text = HEADER + "choice,,,yes,,,Orphan,Huérfana,,\n"
    assert errors(text) == [(2, "A choice row must follow a question row.")]


def test_empty_points_mean_one_and_spanish_texts_are_optional():
    question = only_question(
        HEADER + "single,,no,,,plain,Question,,,\nchoice,,,yes,,,Right,,,\nchoice,,,no,,,Wrong,,,\n"
    )
    assert question.points == D(1)
    assert question.text == {"en": "Question", "es": ""}
    assert [(c.text, c.line) for c in question.choices] == [
        ({"en": "Right", "es": ""}, 3),
        ({"en": "Wrong", "es": ""}, 4),
    ]


def test_bad_points_and_unknown_kinds_are_reported_with_their_messages():
    text = (
        HEADER + "single,abc,no,,,plain,Q,P,,\nchoice,,,yes,,,R,B,,\nchoice,,,no,,,W,M,,\n"
        "bogus,1,no,,,plain,Q2,P2,,\n"
    )
    assert errors(text) == [
        (2, "Points must be a number from 0 to 9999.99 with at most 2 decimals."),
        (5, "Unknown kind “bogus”: use single, multiple, truefalse or choice."),
    ]


def test_a_right_choice_may_be_worth_less_than_one_percent():
    question = only_question(
        HEADER + "multiple,1,yes,,,plain,Q,P,,\n"
        "choice,,,yes,0.5,,R,B,,\n"
        "choice,,,yes,99.5,,R2,B2,,\n"
        "choice,,,no,-100,,W,M,,\n"
    )
    assert [c.fraction for c in question.choices] == [D("0.5"), D("99.5"), D(-100)]


def test_bad_grade_and_too_long_choice_text_are_reported_on_their_lines():
    text = (
        HEADER + "single,1,no,,,plain,Q,P,,\n"
        "choice,,,yes,abc,,R,B,,\n"
        "choice,,,no,,,W,M,,\n"
        "choice,,,no,,," + "x" * 501 + ",M,,\n"
    )
    assert errors(text) == [
        (3, FRACTION_MESSAGE),
        (5, "An answer is 501 characters long; at most 500 fit."),
    ]


def test_cells_missing_at_the_end_of_a_row_read_as_empty():
    question = only_question(
        "kind,points,text_en,text_es,correct,partial_credit,feedback_en,feedback_es\n"
        "single,2,Q?,¿P?\n"
        "choice,,Right,Bien,yes\n"
        "choice,,Wrong,Mal,no\n"
    )
    assert question.partial_credit is False
    assert question.feedback == {"en": "", "es": ""}
    assert [(c.fraction, c.feedback) for c in question.choices] == [
        (D(100), {"en": "", "es": ""}),
        (D(0), {"en": "", "es": ""}),
    ]


def test_a_nul_in_a_cell_beyond_the_header_is_refused():
    text = (
        HEADER + "single,1,no,,,plain,Q,P,,\nchoice,,,yes,,,R,B,,,extra\x00\nchoice,,,no,,,W,M,,\n"
    )
    assert errors(text) == [(3, "This line contains a NUL character, which cannot be stored.")]


def test_a_line_break_inside_a_quoted_cell_is_kept_as_written():
    question = only_question(
        HEADER + 'single,1,no,,,plain,"Line one\r\nLine two",P,,\n'
        "choice,,,yes,,,R,B,,\n"
        "choice,,,no,,,W,M,,\n"
    )
    assert question.text["en"] == "Line one\r\nLine two"
    assert [c.line for c in question.choices] == [4, 5]


def test_a_line_python_cannot_read_as_csv_is_reported_not_raised():
    huge = "x" * 200_000
    assert errors(HEADER + "single,1,no,,,plain,Q,P,,\nchoice,,,yes,,," + huge + ",B,,\n") == [
        (3, UNREADABLE)
    ]
    assert errors(huge + "\n") == [(1, UNREADABLE)]
