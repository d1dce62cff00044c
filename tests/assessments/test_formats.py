"""GIFT and CSV parsing and export, without the database."""

from decimal import Decimal

from assessments.csv_format import export_csv, parse_csv
from assessments.gift import parse_gift
from assessments.gift_export import export_gift
from assessments.gift_pairs import merge_gift_pair

GIFT_EN = """// A comment line
::Q1:: Which element defines trafficking? {
  =A purpose of exploitation #Correct.
  ~Crossing a border #That is smuggling.
  ~A payment
  ####Trafficking needs exploitation.
}

// points: 2
Select every indicator of trafficking {
  ~%50%Debt bondage
  ~%50%Confiscated documents
  ~%-100%A valid visa #No.
}

Smuggling requires crossing a border. {T#It does require it.#Right.}

Which are crimes? {=Fraud =Theft ~Walking}
"""

GIFT_ES = """::Q1:: ¿Qué elemento define la trata? {
  =Un fin de explotación #Correcto.
  ~El cruce de una frontera #Eso es tráfico.
  ~Un pago
  ####La trata exige explotación.
}

// points: 2
Seleccione todos los indicadores de trata {
  ~%50%Servidumbre por deudas
  ~%50%Documentos retenidos
  ~%-100%Una visa válida #No.
}

El tráfico exige cruzar una frontera. {T#Sí lo exige.#Correcto.}

¿Cuáles son delitos? {=Fraude =Robo ~Caminar}
"""


def test_gift_single_choice_with_feedback_and_general_feedback():
    result = parse_gift(GIFT_EN)
    assert result.errors == []
    q = result.questions[0]
    assert q.kind == "single"
    assert q.line == 2
    assert q.text == {"en": "Which element defines trafficking?"}
    assert [c.correct for c in q.choices] == [True, False, False]
    assert q.choices[1].feedback == {"en": "That is smuggling."}
    assert q.feedback == {"en": "Trafficking needs exploitation."}


def test_gift_weights_make_a_partial_credit_multiple_choice_with_points_comment():
    q = parse_gift(GIFT_EN).questions[1]
    assert q.kind == "multiple"
    assert q.partial_credit is True
    assert q.points == Decimal("2")
    assert [c.fraction for c in q.choices] == [50, 50, -100]


def test_gift_true_false_with_wrong_and_right_feedback():
    q = parse_gift(GIFT_EN).questions[2]
    assert q.kind == "truefalse"
    assert [(c.text["en"], c.correct) for c in q.choices] == [("True", True), ("False", False)]
    assert q.choices[0].feedback["en"] == "Right."
    assert q.choices[1].feedback["en"] == "It does require it."


def test_gift_several_equals_is_a_single_choice_with_several_full_answers_as_in_moodle():
    # Moodle: "=" and "~" together make a single-choice (radio) question; each
    # "=" is worth 100 %.
    q = parse_gift(GIFT_EN).questions[3]
    assert q.kind == "single"
    assert q.partial_credit is False
    assert [c.fraction for c in q.choices] == [100, 100, 0]


def test_gift_escaped_characters_are_kept_as_text():
    result = parse_gift("Is 2 \\= 2 \\{really\\}? {=Yes \\# sure ~No}")
    assert result.errors == []
    assert result.questions[0].text["en"] == "Is 2 = 2 {really}?"
    assert result.questions[0].choices[0].text["en"] == "Yes # sure"


def test_gift_bad_line_is_reported_with_its_number():
    text = GIFT_EN.replace("  ~Crossing a border", "  Crossing a border")
    result = parse_gift(text)
    assert [e.line for e in result.errors] == [4]
    assert "must start with = (right) or ~ (wrong)" in result.errors[0].message


def test_gift_every_bad_question_is_reported():
    text = "No braces here\n\nGood {=a ~b}\n\nBad weight {~%abc%a =b}\n\nNo right {~a ~b}\n"
    result = parse_gift(text)
    assert [e.line for e in result.errors] == [1, 5, 7]
    assert len(result.questions) == 1


def test_gift_unsupported_types_are_errors():
    result = parse_gift("Essay {}\n\nNumber {#3:1}\n\nMatch {=a -> b =c -> d}\n")
    assert [e.line for e in result.errors] == [1, 3, 5]


def test_paired_gift_files_give_both_languages():
    merged = merge_gift_pair(parse_gift(GIFT_EN, "en"), parse_gift(GIFT_ES, "es"))
    assert merged.errors == []
    q = merged.questions[0]
    assert q.text == {
        "en": "Which element defines trafficking?",
        "es": "¿Qué elemento define la trata?",
    }
    assert q.choices[0].text == {"en": "A purpose of exploitation", "es": "Un fin de explotación"}
    assert merged.questions[2].choices[0].text == {"en": "True", "es": "Verdadero"}


def test_paired_gift_file_with_a_different_key_is_an_error_on_the_spanish_line():
    spanish = GIFT_ES.replace("{=Fraude =Robo ~Caminar}", "{=Fraude ~Robo ~Caminar}")
    merged = merge_gift_pair(parse_gift(GIFT_EN, "en"), parse_gift(spanish, "es"))
    assert merged.questions == []
    assert [e.line for e in merged.errors] == [17]


def test_gift_export_parses_back_to_the_same_questions():
    merged = merge_gift_pair(parse_gift(GIFT_EN, "en"), parse_gift(GIFT_ES, "es"))
    again = merge_gift_pair(
        parse_gift(export_gift(merged.questions, "en"), "en"),
        parse_gift(export_gift(merged.questions, "es"), "es"),
    )
    assert again.errors == []
    for a, b in zip(merged.questions, again.questions, strict=True):
        assert (a.kind, a.text, a.points, a.partial_credit, a.feedback) == (
            b.kind,
            b.text,
            b.points,
            b.partial_credit,
            b.feedback,
        )
        assert [(c.text, c.fraction, c.feedback) for c in a.choices] == [
            (c.text, c.fraction, c.feedback) for c in b.choices
        ]


CSV_OK = """kind,points,partial_credit,correct,text_en,text_es,feedback_en,feedback_es
single,1,no,,What is it?,¿Qué es?,General,General es
choice,,,yes,Right,Correcta,Well done,Muy bien
choice,,,no,Wrong,Incorrecta,,
multiple,2,yes,,"Pick two, please",Elija dos,,
choice,,,yes,A,A,,
choice,,,yes,B,B,,
choice,,,no,C,C,,
truefalse,1,no,false,The sky is green,El cielo es verde,,
"""


def test_csv_reads_both_languages_and_every_type():
    result = parse_csv(CSV_OK)
    assert result.errors == []
    assert [q.kind for q in result.questions] == ["single", "multiple", "truefalse"]
    assert result.questions[0].text == {"en": "What is it?", "es": "¿Qué es?"}
    assert result.questions[0].choices[0].feedback == {"en": "Well done", "es": "Muy bien"}
    assert result.questions[1].partial_credit is True
    assert result.questions[1].points == Decimal("2")
    # No grade column: the right choices share 100 %, the wrong one takes -100 %.
    assert [c.fraction for c in result.questions[1].choices] == [50, 50, -100]
    assert [c.fraction for c in result.questions[2].choices] == [0, 100]


def test_csv_bad_rows_are_reported_with_line_numbers():
    bad = CSV_OK.replace("choice,,,no,Wrong,Incorrecta,,", "choice,,,maybe,Wrong,Incorrecta,,")
    bad = bad.replace("truefalse,1,no,false", "essay,1,no,false")
    result = parse_csv(bad)
    assert [e.line for e in result.errors] == [4, 9]


def test_csv_missing_columns_is_an_error_on_line_one():
    result = parse_csv("kind,text_en\nsingle,Hello\n")
    assert result.errors[0].line == 1
    assert "Missing columns" in result.errors[0].message


def test_csv_export_parses_back():
    questions = parse_csv(CSV_OK).questions
    again = parse_csv(export_csv(questions))
    assert again.errors == []
    assert [(q.kind, q.text, q.points) for q in again.questions] == [
        (q.kind, q.text, q.points) for q in questions
    ]
    assert [[c.fraction for c in q.choices] for q in again.questions] == [
        [100, 0],
        [50, 50, -100],
        [0, 100],
    ]


# CSV: grades, text format, spreadsheet safety ------------------------------

CSV_GRADES = """kind,points,partial_credit,correct,grade,text_format,\
text_en,text_es,feedback_en,feedback_es
multiple,2,yes,,,plain,Indicators?,¿Indicadores?,,
choice,,,yes,70,,Debt,Deuda,,
choice,,,yes,30,,Papers,Papeles,,
choice,,,no,-100,,Visa,Visa,,
single,1,no,,,html,<p>Pick <script>x</script>one</p>,<p>Elija una</p>,,
choice,,,yes,100,,Best,Mejor,,
choice,,,yes,50,,Half,Media,,
"""


def test_csv_grade_column_keeps_each_fraction_and_html_is_sanitised():
    result = parse_csv(CSV_GRADES)
    assert result.errors == []
    weighted, html = result.questions
    assert [c.fraction for c in weighted.choices] == [70, 30, -100]
    assert html.text_format == "html"
    assert html.text == {"en": "<p>Pick one</p>", "es": "<p>Elija una</p>"}
    assert [c.fraction for c in html.choices] == [100, 50]


def test_csv_grade_that_disagrees_with_correct_is_an_error():
    bad = CSV_GRADES.replace("choice,,,no,-100,,Visa", "choice,,,yes,-100,,Visa")
    assert [e.line for e in parse_csv(bad).errors] == [5]


def test_csv_values_the_database_cannot_hold_are_line_errors():
    cases = {
        "multiple,2,yes": "multiple,1e9,yes",
        "choice,,,yes,70,": "choice,,,yes,170,",
        "Debt,Deuda": "x" * 501 + ",Deuda",
        "Papers,Papeles": "Pa\x00pers,Papeles",
        "choice,,,yes,100,,Best": "choice,,,yes,90,,Best",
    }
    expected_lines = [2, 3, 3, 4, 6]
    for (old, new), line in zip(cases.items(), expected_lines, strict=True):
        result = parse_csv(CSV_GRADES.replace(old, new))
        assert line in [e.line for e in result.errors], (new, result.errors)
        assert not result.ok


def test_csv_partial_credit_that_does_not_add_up_is_an_error():
    result = parse_csv(CSV_GRADES.replace("choice,,,yes,30,", "choice,,,yes,20,"))
    assert [e.line for e in result.errors] == [2]
    assert "90 %" in result.errors[0].message


def test_csv_export_starts_with_bom_and_neutralises_formulas_but_reads_back():
    hostile = ['=HYPERLINK("http://x")', "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "'=kept"]
    questions = parse_csv(CSV_OK).questions
    questions[0].text = {"en": hostile[0], "es": hostile[1]}
    questions[0].feedback = {"en": hostile[2], "es": hostile[3]}
    questions[0].choices[0].text = {"en": hostile[4], "es": "ok"}
    exported = export_csv(questions)
    assert exported.startswith("\ufeff")
    for line in exported.splitlines()[1:]:
        for cell in line.split(","):
            assert not cell.lstrip('"').startswith(("=", "+", "@")), line
    assert "'-2+3" in exported
    assert "-100" in exported  # a negative grade stays a number
    again = parse_csv(exported)
    assert again.errors == []
    assert again.questions[0].text == {"en": hostile[0], "es": hostile[1]}
    assert again.questions[0].feedback == {"en": hostile[2], "es": hostile[3]}
    assert again.questions[0].choices[0].text["en"] == "'=kept"


def test_csv_true_false_choice_rows_carry_feedback():
    text = (
        "kind,points,partial_credit,correct,text_en,text_es,feedback_en,feedback_es\n"
        "truefalse,1,no,true,Statement,Afirmación,,\n"
        "choice,,,yes,True,Verdadero,Right,Bien\n"
        "choice,,,no,False,Falso,Wrong,Mal\n"
    )
    [q] = parse_csv(text).questions
    assert [(c.fraction, c.feedback["en"]) for c in q.choices] == [(100, "Right"), (0, "Wrong")]
    bad = text.replace("truefalse,1,no,true", "truefalse,1,no,false")
    assert [e.line for e in parse_csv(bad).errors] == [2]
