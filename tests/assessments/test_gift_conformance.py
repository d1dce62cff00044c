"""GIFT read as Moodle reads it, construct by construct (https://docs.moodle.org/en/GIFT_format).

Each example comes from Moodle's GIFT documentation or its importer
(question/format/gift/format.php); the expected values are written out by
hand. Pure: no database.
"""

from decimal import Decimal

import pytest
from django.utils import translation

from assessments.gift import parse_gift
from assessments.gift_export import export_gift
from assessments.gift_pairs import merge_gift_pair


def only(text: str, language: str = "en"):
    """The one question of ``text``, which must parse without errors."""
    result = parse_gift(text, language)
    assert result.errors == []
    assert len(result.questions) == 1
    return result.questions[0]


def keys(question):
    return [(c.text["en"], c.fraction) for c in question.choices]


def error_lines(text: str) -> list[int]:
    result = parse_gift(text)
    assert not result.ok
    return [e.line for e in result.errors]


# Titles, multi-line questions, comments, categories -------------------------

MOODLE_EXPORT = """// question: 0  name: Switch category to $course$/top/Default for Trafficking
$CATEGORY: $course$/top/Default for Trafficking


// question: 12  name: Grants tomb
::Grants tomb::Who is buried in Grant's tomb in New York City? {
=Grant
~No one
#Was true for 12 years
~Napoleon
#He was buried in France
}

// A comment between questions.
::Q2:: 1 + 1 \\= 2 {T}
"""


def test_moodle_export_with_comments_category_titles_and_multiline_answers():
    result = parse_gift(MOODLE_EXPORT)
    assert result.errors == []
    tomb, arithmetic = result.questions
    assert tomb.title == "Grants tomb"
    assert tomb.line == 6
    assert tomb.text == {"en": "Who is buried in Grant's tomb in New York City?"}
    assert keys(tomb) == [("Grant", 100), ("No one", 0), ("Napoleon", 0)]
    assert [c.feedback["en"] for c in tomb.choices] == [
        "",
        "Was true for 12 years",
        "He was buried in France",
    ]
    assert arithmetic.title == "Q2"
    assert arithmetic.text == {"en": "1 + 1 = 2"}
    assert arithmetic.kind == "truefalse"


def test_question_text_over_several_lines_keeps_its_line_breaks():
    q = only("// points: 2\nFirst line\nsecond line\n// a comment inside\n{\n=yes\n~no\n}\n")
    assert q.text == {"en": "First line\nsecond line"}
    assert q.line == 2
    assert q.points == 2


def test_title_with_an_escaped_colon():
    q = only("::Art\\: 3:: Article three applies. {TRUE}")
    assert q.title == "Art: 3"
    assert q.text["en"] == "Article three applies."


# Escapes ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("\\~", "~"),
        ("\\=", "="),
        ("\\#", "#"),
        ("\\{", "{"),
        ("\\}", "}"),
        ("\\:", ":"),
        ("\\\\", "\\"),
    ],
)
def test_each_escape_is_read_as_the_character(written, read):
    q = only(f"Text {written} here {{=right {written} answer #feedback {written} ~wrong}}")
    assert q.text["en"] == f"Text {read} here"
    assert q.choices[0].text["en"] == f"right {read} answer"
    assert q.choices[0].feedback["en"] == f"feedback {read}"
    assert len(q.choices) == 2


def test_backslash_n_is_a_line_break_not_the_letter_n():
    q = only("First\\nSecond {=one\\ntwo ~other}")
    assert q.text["en"] == "First\nSecond"
    assert q.choices[0].text["en"] == "one\ntwo"


def test_export_escapes_every_special_character_and_reads_back():
    q = only("Q {=a ~b}")
    q.text["en"] = "a~b=c#d{e}f:g\\h\nline"
    text = export_gift([q], "en")
    assert "a\\~b\\=c\\#d\\{e\\}f\\:g\\\\h\\nline" in text
    assert only(text).text["en"] == "a~b=c#d{e}f:g\\h\nline"


#: Every GIFT escape, as written in a file and as read; ``\\n`` is a line break.
ESCAPE_PAIRS = [
    ("\\n", "\n"),
    ("\\:", ":"),
    ("\\#", "#"),
    ("\\=", "="),
    ("\\~", "~"),
    ("\\{", "{"),
    ("\\}", "}"),
    ("\\\\", "\\"),
]


@pytest.mark.parametrize(("written", "read"), ESCAPE_PAIRS)
def test_each_escape_is_read_exactly_in_every_part_of_a_question(written, read):
    text = (
        f"::Title {written} end:: Text {written} end {{"
        f"=right {written} end #yes {written} end "
        f"~wrong {written} end #no {written} end "
        f"####general {written} end}}"
    )
    q = only(text)
    assert q.title == f"Title {read} end"
    assert q.text == {"en": f"Text {read} end"}
    assert [c.text["en"] for c in q.choices] == [f"right {read} end", f"wrong {read} end"]
    assert [c.feedback["en"] for c in q.choices] == [f"yes {read} end", f"no {read} end"]
    assert [c.fraction for c in q.choices] == [100, 0]
    assert q.feedback == {"en": f"general {read} end"}


@pytest.mark.parametrize(("written", "read"), ESCAPE_PAIRS)
def test_each_escape_in_a_spanish_file_is_read_exactly(written, read):
    english = parse_gift("Text {=right ~wrong #no}", "en")
    spanish = parse_gift(
        f"Texto {written} fin {{=bien {written} fin ~mal #no {written} fin}}", "es"
    )
    merged = merge_gift_pair(english, spanish)
    assert merged.errors == []
    (q,) = merged.questions
    assert q.text == {"en": "Text", "es": f"Texto {read} fin"}
    assert [c.text["es"] for c in q.choices] == [f"bien {read} fin", "mal"]
    assert q.choices[1].feedback == {"en": "no", "es": f"no {read} fin"}


@pytest.mark.parametrize(("written", "read"), ESCAPE_PAIRS)
def test_each_special_character_is_escaped_on_export_and_reads_back_exactly(written, read):
    q = only("Q {=a #fa ~b ####g}")
    q.text["en"] = f"one {read} two"
    q.choices[0].text["en"] = f"right {read} end"
    q.choices[1].feedback["en"] = f"feedback {read} end"
    q.feedback["en"] = f"general {read} end"
    text = export_gift([q], "en")
    assert f"one {written} two" in text
    assert f"=right {written} end" in text
    assert f"feedback {written} end" in text and f"####general {written} end" in text
    back = only(text)
    assert back.text["en"] == f"one {read} two"
    assert [c.text["en"] for c in back.choices] == [f"right {read} end", "b"]
    assert [c.feedback["en"] for c in back.choices] == ["fa", f"feedback {read} end"]
    assert back.feedback["en"] == f"general {read} end"


def test_a_backslash_before_a_letter_n_is_a_line_break_and_a_doubled_one_is_not():
    q = only("A\\nB C\\\\nD {=x\\ny ~z}")
    assert q.text["en"] == "A\nB C\\nD"
    assert q.choices[0].text["en"] == "x\ny"
    assert "n" not in q.choices[0].text["en"]


# Choice questions and weights ---------------------------------------------


def test_equals_and_tilde_make_a_single_choice_each_equals_worth_100():
    q = only("Who's buried in Grant's tomb?{~Grant ~Jefferson =no one}")
    assert (q.kind, q.partial_credit) == ("single", False)
    assert keys(q) == [("Grant", 0), ("Jefferson", 0), ("no one", 100)]


def test_several_equals_are_several_full_answers_of_a_single_choice():
    q = only("Which are colours? {=red =blue ~seven}")
    assert q.kind == "single"
    assert keys(q) == [("red", 100), ("blue", 100), ("seven", 0)]


def test_weights_on_a_single_choice_are_kept():
    q = only("Q {=best ~%50%half ~%-25%penalty ~none}")
    assert q.kind == "single"
    assert keys(q) == [("best", 100), ("half", 50), ("penalty", -25), ("none", 0)]


def test_weights_are_kept_exactly_as_written():
    # Today's code made these 50/50.
    q = only("Q {~%70%mostly ~%30%partly ~%-100%wrong}")
    assert (q.kind, q.partial_credit) == ("multiple", True)
    assert keys(q) == [("mostly", 70), ("partly", 30), ("wrong", -100)]


def test_moodle_documentation_multiple_answers_example():
    q = only(
        "What two people are entombed in Grant's tomb? {\n"
        "   ~%-100%No one\n"
        "   ~%50%Grant\n"
        "   ~%50%Grant's wife\n"
        "   ~%-100%Grant's father\n"
        "}"
    )
    assert keys(q) == [
        ("No one", -100),
        ("Grant", 50),
        ("Grant's wife", 50),
        ("Grant's father", -100),
    ]


def test_thirds_with_five_decimals_add_up_to_100():
    q = only("Q {~%33.33333%a ~%33.33333%b ~%33.33333%c ~d}")
    assert [c.fraction for c in q.choices] == [Decimal("33.33333")] * 3 + [0]


def test_all_or_nothing_comment_marks_a_weighted_multiple_choice():
    q = only("// scoring: all-or-nothing\nQ {~%100%a ~%100%b ~c}")
    assert (q.kind, q.partial_credit) == ("multiple", False)
    assert keys(q) == [("a", 100), ("b", 100), ("c", 0)]


def test_all_or_nothing_comment_on_a_single_choice_is_an_error_on_its_line():
    assert error_lines("Fine {=a ~b}\n\n// scoring: all-or-nothing\nQ {=a ~b}") == [3]


def test_answer_and_general_feedback():
    q = only("Q {=a #Yes. ~b #No. ####Read chapter 2.}")
    assert [c.feedback["en"] for c in q.choices] == ["Yes.", "No."]
    assert q.feedback == {"en": "Read chapter 2."}


# True/false -------------------------------------------------------------


@pytest.mark.parametrize(
    ("answer", "true_is_right"),
    [
        ("T", True),
        ("TRUE", True),
        ("F", False),
        ("FALSE", False),
        ("true", True),
        ("f", False),
    ],
)
def test_every_true_false_form_without_feedback(answer, true_is_right):
    # Today "{T}" without feedback is a crash (zip(strict=True)).
    q = only(f"Grant is buried in Grant's tomb. {{{answer}}}")
    assert q.kind == "truefalse"
    assert keys(q) == [
        ("True", 100 if true_is_right else 0),
        ("False", 0 if true_is_right else 100),
    ]
    assert [c.feedback["en"] for c in q.choices] == ["", ""]


def test_true_false_feedback_in_moodles_order_wrong_then_right():
    q = only("The sun rises in the west. {FALSE#Wrong: it rises in the east.#Right.}")
    true_choice, false_choice = q.choices
    assert true_choice.feedback["en"] == "Wrong: it rises in the east."
    assert false_choice.feedback["en"] == "Right."


def test_true_false_with_only_wrong_feedback_only_right_feedback_and_general_feedback():
    wrong_only = only("S {TRUE#Shown if wrong}")
    assert [c.feedback["en"] for c in wrong_only.choices] == ["", "Shown if wrong"]
    right_only = only("S {T##Shown if right####General}")
    assert [c.feedback["en"] for c in right_only.choices] == ["Shown if right", ""]
    assert right_only.feedback == {"en": "General"}


def test_true_false_in_spanish_is_labelled_in_spanish():
    q = only("La tierra es redonda. {V}".replace("{V}", "{T}"), "es")
    assert [c.text["es"] for c in q.choices] == ["Verdadero", "Falso"]


# Formats ------------------------------------------------------------------


def test_html_question_text_is_sanitised_and_answers_become_plain_text():
    q = only(
        "[html]<p>Is <b>this</b> safe?<script>alert(1)</script></p> {=<i>Yes</i> ~No &amp; never}"
    )
    assert q.text_format == "html"
    assert q.text["en"] == "<p>Is <b>this</b> safe?</p>"
    assert [c.text["en"] for c in q.choices] == ["Yes", "No & never"]


def test_markdown_question_text_is_rendered_to_html():
    q = only("[markdown]Is this **bold**? {T}")
    assert q.text_format == "html"
    assert q.text["en"] == "<p>Is this <strong>bold</strong>?</p>"


@pytest.mark.parametrize("prefix", ["[plain]", "[moodle]", ""])
def test_plain_and_moodle_texts_are_plain(prefix):
    q = only(f"{prefix}Is <b> a tag? {{T}}")
    assert q.text_format == "plain"
    assert q.text["en"] == "Is <b> a tag?"


# Unsupported types: reported by line, nothing imported ---------------------

GOOD = "Fine {=a ~b}\n\n"


@pytest.mark.parametrize(
    ("question", "words"),
    [
        ("What's 2 plus 2? {=four =4}", "Short-answer"),
        ("Who's buried in Grant's tomb? {=Grant}", "Short-answer"),
        ("When was Grant born? {#1822:5}", "Numerical"),
        ("Match {=Canada -> Ottawa =Italy -> Rome}", "Matching"),
        ("Write a short biography of Grant. {}", "Essay"),
        ("You can use your pencil and paper for these next math questions.", "Descriptions"),
        ("Grant is {~buried =entombed ~living} in Grant's tomb.", "Missing-word"),
    ],
)
def test_each_unsupported_type_is_an_error_on_its_line_and_nothing_is_imported(question, words):
    result = parse_gift(GOOD + "// comment\n" + question + "\n")
    assert not result.ok
    assert [e.line for e in result.errors] == [4]
    assert words in result.errors[0].message


def test_short_answer_is_never_turned_into_multiple_choice():
    # Today "{=four =4}" becomes a multiple-choice question.
    assert parse_gift("What's 2 plus 2? {=four =4}").questions == []


# Values the database cannot hold --------------------------------------------


@pytest.mark.parametrize("points", ["1e9", "Infinity", "NaN", "-1", "1.005", "10000", "٣"])
def test_points_that_do_not_fit_are_an_error_on_the_comment_line(points):
    assert error_lines(f"{GOOD}// points: {points}\nQ {{=a ~b}}") == [3]


@pytest.mark.parametrize(
    ("points", "stored"), [("9999.99", "9999.99"), ("1.50", "1.5"), ("0", "0")]
)
def test_points_that_fit_are_kept(points, stored):
    assert only(f"// points: {points}\nQ {{=a ~b}}").points == Decimal(stored)


@pytest.mark.parametrize("weight", ["150", "-101", "33.333333", "1e2", "abc"])
def test_weights_that_do_not_fit_are_an_error(weight):
    assert error_lines(f"{GOOD}Q {{\n=a\n~%{weight}%b\n}}") == [5]


def test_answer_longer_than_500_characters_is_an_error_and_500_fit():
    assert error_lines(f"{GOOD}Q {{=a ~{'x' * 501}}}") == [3]
    assert len(only(f"Q {{=a ~{'x' * 500}}}").choices[1].text["en"]) == 500


def test_nul_character_is_an_error_on_its_line():
    assert error_lines(f"{GOOD}Q {{=a\x00 ~b}}") == [3]


def test_fewer_than_two_answers_is_an_error():
    assert error_lines(f"{GOOD}Q {{~%100%a}}") == [3]


def test_partial_credit_that_does_not_add_up_to_100_is_an_error():
    result = parse_gift(f"{GOOD}Q {{~%50%a ~%40%b ~c}}")
    assert [e.line for e in result.errors] == [3]
    assert "90 %" in result.errors[0].message


def test_weights_without_a_right_answer_are_an_error():
    assert error_lines(f"{GOOD}Q {{~a ~%-50%b}}") == [3]


# Paired files ---------------------------------------------------------------

EN = "::One:: Q {=a ~b}\n\n// points: 2\n::Two:: Q {~%50%a ~%50%b ~%-100%c}\n"


@pytest.mark.parametrize(
    ("spanish", "es_line", "difference"),
    [
        ("::One:: P {=a ~b}\n\n// points: 3\n::Two:: P {~%50%a ~%50%b ~%-100%c}\n", 4, "points"),
        ("::One:: P {=a ~b}\n\n// points: 2\n::Two:: P {~%60%a ~%40%b ~%-100%c}\n", 4, "answer 1"),
        ("::One:: P {=a ~b}\n\n// points: 2\n::Two:: P {~%50%a ~%50%b ~%-50%c}\n", 4, "answer 3"),
        ("::One:: P {=a ~b}\n\n// points: 2\n::Dos:: P {~%50%a ~%50%b ~%-100%c}\n", 4, "titles"),
        (
            "::One:: P {=a ~b}\n\n// points: 2\n// scoring: all-or-nothing\n"
            "::Two:: P {~%50%a ~%50%b ~%-100%c}\n",
            5,
            "partial credit",
        ),
        ("::One:: P {=a ~b}\n\n// points: 2\n::Two:: P {=a ~b ~c}\n", 4, "types"),
    ],
)
def test_spanish_file_differing_from_english_names_the_question_and_both_lines(
    spanish, es_line, difference
):
    merged = merge_gift_pair(parse_gift(EN, "en"), parse_gift(spanish, "es"))
    assert merged.questions == []
    [error] = merged.errors
    assert error.line == es_line
    assert "Question “Two”" in error.message
    assert f"English line 4, Spanish line {es_line}" in error.message
    assert difference in error.message


def test_pair_mismatch_message_is_translated_and_numbers_untitled_questions():
    english = "Q {=a ~b}\n\nQ {=a ~b}\n"
    spanish = "P {=a ~b}\n\n// points: 2\nP {=a ~b}\n"
    with translation.override("es"):
        merged = merge_gift_pair(parse_gift(english, "en"), parse_gift(spanish, "es"))
        [error] = merged.errors
    assert error.line == 4
    assert "Pregunta 2" in error.message
    assert "línea 3 en inglés" in error.message and "línea 4 en español" in error.message
    assert "los puntos" in error.message


# Export -----------------------------------------------------------------


def test_export_writes_moodle_syntax():
    questions = parse_gift(
        "Q1 {=right ~%50%half ~wrong}\n\n"
        "Q2 {~%50%a ~%50%b ~%-100%c}\n\n"
        "Q3 {TRUE#wrong fb#right fb####general}\n\n"
        "[html]<p>Q4</p> {=a ~b ####Read more}\n"
    ).questions
    text = export_gift(questions, "en")
    assert "  =right\n  ~%50%half\n  ~wrong\n" in text
    assert "  ~%50%a\n  ~%50%b\n  ~%-100%c\n" in text
    assert "Q3 {TRUE#wrong fb#right fb####general}" in text
    assert "[html]<p>Q4</p> {" in text
    assert "  ####Read more\n" in text
    assert "scoring" not in text  # partial credit is plain Moodle GIFT


def test_export_of_a_false_question_without_feedback_reads_back():
    # The platform's own export writes {FALSE}, which today's importer cannot read.
    q = only("The earth is flat. {F}")
    text = export_gift([q], "en")
    assert "{FALSE}" in text
    assert keys(only(text)) == [("True", 0), ("False", 100)]
