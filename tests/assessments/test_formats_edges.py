"""Answer keys, numbers, GIFT export of odd texts and CSV rows in odd places (pure)."""

from decimal import Decimal

from assessments.csv_format import parse_csv
from assessments.formats import (
    NUL_MESSAGE,
    POINTS_MESSAGE,
    ParsedChoice,
    ParsedQuestion,
    plain_number,
)
from assessments.gift import parse_gift
from assessments.gift_export import export_gift
from assessments.gift_pairs import pair_differences

D = Decimal
HEADER = (
    "kind,points,partial_credit,correct,grade,text_format,text_en,text_es,feedback_en,feedback_es\n"
)


def errors(result):
    return [(e.line, e.message) for e in result.errors]


# Answer keys ---------------------------------------------------------------


def test_multiple_choice_without_a_positive_grade_has_no_right_answer():
    no_right = "No right answer: give at least one answer a positive grade."
    assert errors(parse_gift("Q {~a ~b}")) == [(1, no_right)]
    assert errors(parse_gift("Q {~%-50%a ~b}")) == [(1, no_right)]


def test_multiple_choice_whose_grades_add_up_to_one_percent_is_told_the_total():
    assert errors(parse_gift("Q {~%1%a ~b}")) == [
        (
            1,
            "The positive grades add up to 1 %; with partial credit they must add up to 100 %.",
        )
    ]


# Numbers -------------------------------------------------------------------


def test_negative_zero_is_written_as_zero():
    assert plain_number(D("-0")) == "0"
    assert plain_number(D("-0.000")) == "0"
    assert plain_number(D("0.00")) == "0"


# GIFT export -----------------------------------------------------------------


def test_a_question_without_text_in_any_language_is_written_empty():
    question = ParsedQuestion(
        line=1,
        kind="single",
        text={"en": "", "es": ""},
        choices=[ParsedChoice({"en": "a"}, D(100)), ParsedChoice({}, D(0))],
    )
    assert export_gift([question], "en") == "// points: 1\n::Q1::  {\n  =a\n  ~\n}\n"


def test_answers_of_a_plain_question_are_written_without_html_escapes():
    question = ParsedQuestion(
        line=1,
        kind="single",
        text={"en": "Q"},
        feedback={"en": "x > y"},
        choices=[
            ParsedChoice({"en": "a < b & c"}, D(100), {"en": "<b>"}),
            ParsedChoice({"en": "b"}, D(0)),
        ],
    )
    assert export_gift([question], "en") == (
        "// points: 1\n::Q1:: Q {\n  =a < b & c #<b>\n  ~b\n  ####x > y\n}\n"
    )


# CSV -------------------------------------------------------------------------


def test_a_row_of_empty_cells_between_questions_is_skipped():
    result = parse_csv(
        HEADER
        + "truefalse,1,,true,,,Sky,Cielo,,\n"
        + ",,,,,,,,,\n"
        + "truefalse,1,,false,,,Sea,Mar,,\n"
    )
    assert errors(result) == []
    assert [(q.line, q.text["en"]) for q in result.questions] == [(2, "Sky"), (4, "Sea")]


def test_rows_after_a_nul_character_are_still_checked():
    result = parse_csv(
        HEADER
        + "truefalse,1,,true,,,Sky,Cielo,,\n"
        + "choice,,,,,,a\x00,,,\n"
        + "truefalse,x,,false,,,Sea,Mar,,\n"
    )
    assert errors(result) == [(3, str(NUL_MESSAGE)), (4, str(POINTS_MESSAGE))]
    assert result.questions == []


def test_a_line_break_inside_a_quoted_cell_is_kept_as_written():
    result = parse_csv(HEADER + 'truefalse,1,,true,,,"Sky\r\nline",Cielo,,\n')
    assert errors(result) == []
    assert result.questions[0].text == {"en": "Sky\r\nline", "es": "Cielo"}


def test_a_short_row_without_its_kind_cell_is_an_unknown_kind():
    # The kind column may come last; a short row then has no kind at all.
    header = "points,partial_credit,correct,grade,text_format,text_en,text_es,"
    header += "feedback_en,feedback_es,kind\n"
    result = parse_csv(header + "1,,,,,Q\n")
    assert errors(result) == [(2, "Unknown kind “”: use single, multiple, truefalse or choice.")]


# Paired GIFT files -------------------------------------------------------------


def test_partial_credit_that_differs_is_told_for_each_language():
    def question(partial_credit):
        return ParsedQuestion(
            line=1,
            kind="multiple",
            text={"en": "Q"},
            partial_credit=partial_credit,
            choices=[ParsedChoice({"en": "a"}, D(100)), ParsedChoice({"en": "b"}, D(0))],
        )

    assert pair_differences(question(False), question(True)) == [
        "the partial credit settings differ (no in English, yes in Spanish)"
    ]
    assert pair_differences(question(True), question(False)) == [
        "the partial credit settings differ (yes in English, no in Spanish)"
    ]


def test_a_file_with_old_mac_line_endings_is_read():
    header = HEADER.replace("\n", "\r")
    result = parse_csv(header + "truefalse,1,,true,,,Sky,Cielo,,\rtruefalse,1,,false,,,Sea,Mar,,\r")
    assert errors(result) == []
    assert [(q.line, q.text["en"]) for q in result.questions] == [(2, "Sky"), (3, "Sea")]
