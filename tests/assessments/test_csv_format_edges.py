"""The CSV question format written out exactly, and its text cells read back (pure)."""

from decimal import Decimal

import pytest

from assessments.csv_format import export_csv, text_cell, text_from_cell
from assessments.formats import ParsedChoice, ParsedQuestion

D = Decimal


def test_export_writes_exactly_this_file():
    questions = [
        ParsedQuestion(
            line=1,
            kind="single",
            text={"en": "Pick one", "es": ""},
            points=D("2.50"),
            choices=[
                ParsedChoice({"en": "Right", "es": "Bien"}, D(100)),
                ParsedChoice({"en": "=Wrong", "es": "Mal"}, D(0), {"en": "No", "es": ""}),
            ],
        ),
        ParsedQuestion(
            line=4,
            kind="multiple",
            text={"en": "Pick some", "es": "Elija"},
            partial_credit=True,
            choices=[
                ParsedChoice({"en": "A", "es": "A"}, D(50)),
                ParsedChoice({"en": "B", "es": "B"}, D(50)),
                ParsedChoice({"en": "C", "es": "C"}, D("-33.33333")),
            ],
        ),
        ParsedQuestion(
            line=5,
            kind="truefalse",
            text={"en": "The sky is blue", "es": "El cielo es azul"},
            choices=[
                ParsedChoice({"en": "True", "es": "Verdadero"}, D(100)),
                ParsedChoice({"en": "False", "es": "Falso"}, D(0)),
            ],
        ),
        ParsedQuestion(
            line=9,
            kind="truefalse",
            text={"en": "The sky is green", "es": "El cielo es verde"},
            choices=[
                ParsedChoice({"en": "True", "es": "Verdadero"}, D(0)),
                ParsedChoice({"en": "False", "es": "Falso"}, D(100)),
            ],
        ),
    ]
    assert export_csv(questions) == (
        "\ufeffkind,points,partial_credit,correct,grade,text_format,"
        "text_en,text_es,feedback_en,feedback_es\n"
        "single,2.5,no,,,plain,Pick one,,,\n"
        "choice,,,yes,100,,Right,Bien,,\n"
        "choice,,,no,0,,'=Wrong,Mal,No,\n"
        "multiple,1,yes,,,plain,Pick some,Elija,,\n"
        "choice,,,yes,50,,A,A,,\n"
        "choice,,,yes,50,,B,B,,\n"
        "choice,,,no,-33.33333,,C,C,,\n"
        "truefalse,1,no,true,,plain,The sky is blue,El cielo es azul,,\n"
        "choice,,,yes,100,,True,Verdadero,,\n"
        "choice,,,no,0,,False,Falso,,\n"
        "truefalse,1,no,false,,plain,The sky is green,El cielo es verde,,\n"
        "choice,,,no,0,,True,Verdadero,,\n"
        "choice,,,yes,100,,False,Falso,,\n"
    )


@pytest.mark.parametrize(
    ("text", "cell"),
    [
        ("a=b", "a=b"),  # a formula character later in the text is harmless
        (" =x", " =x"),
        ("'quoted'", "'quoted'"),
        ("=1", "'=1"),
        ("'=1", "''=1"),  # would otherwise read back as =1
        ("''x", "'''x"),  # would otherwise read back as 'x
    ],
)
def test_text_cells_are_written_safely_and_read_back_exactly(text, cell):
    assert text_cell(text) == cell
    assert text_from_cell(cell) == text
