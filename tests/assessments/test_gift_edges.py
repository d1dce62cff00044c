"""GIFT written out exactly, true/false feedback, and paired files that disagree (pure)."""

from decimal import Decimal

from assessments.formats import ParsedChoice, ParsedQuestion
from assessments.gift import gift_escape, parse_gift
from assessments.gift_export import export_gift
from assessments.gift_pairs import merge_gift_pair

D = Decimal


def errors(result):
    return [(e.line, e.message) for e in result.errors]


def test_export_writes_exactly_this_gift():
    questions = [
        ParsedQuestion(
            line=1,
            kind="single",
            # Not translated: written in the language that has it.
            text={"en": "", "es": "Solo en español"},
            feedback={"en": "General"},
            choices=[
                ParsedChoice({"en": "Right"}, D(100), {"en": "Yes"}),
                ParsedChoice({"en": "%odd"}, D(0)),  # would read as a weight
                ParsedChoice({"en": "Other"}, D(0)),
            ],
        ),
        ParsedQuestion(
            line=2,
            kind="truefalse",
            text={"en": "[html] looks like a marker"},
            choices=[
                ParsedChoice({"en": "True"}, D(0), {"en": "No, false"}),
                ParsedChoice({"en": "False"}, D(100), {"en": "Right, false"}),
            ],
        ),
        ParsedQuestion(
            line=3,
            kind="truefalse",
            text={"en": "Only wrong feedback"},
            choices=[
                ParsedChoice({"en": "True"}, D(100), {"en": ""}),
                ParsedChoice({"en": "False"}, D(0), {"en": "Wrong"}),
            ],
        ),
        ParsedQuestion(
            line=4,
            kind="single",
            text_format="html",
            text={"en": "<p>Pick</p>"},
            choices=[
                ParsedChoice({"en": 'a < b & "c"'}, D(100)),
                ParsedChoice({"en": "[plain] x"}, D(0)),
            ],
        ),
    ]
    assert export_gift(questions, "en") == (
        "// points: 1\n"
        "::Q1:: Solo en español {\n"
        "  =Right #Yes\n"
        "  ~%0%%odd\n"
        "  ~Other\n"
        "  ####General\n"
        "}\n"
        "\n"
        "// points: 1\n"
        "::Q2:: [plain][html] looks like a marker {FALSE#No, false#Right, false}\n"
        "\n"
        "// points: 1\n"
        "::Q3:: Only wrong feedback {TRUE#Wrong}\n"
        "\n"
        "// points: 1\n"
        "::Q4:: [html]<p>Pick</p> {\n"
        '  =a &lt; b &amp; "c"\n'
        "  ~[html][plain] x\n"
        "}\n"
    )


def test_escape_turns_every_line_break_into_backslash_n():
    assert gift_escape("a\r\nb\rc\nd") == "a\\nb\\nc\\nd"
    assert gift_escape("~=#{}:\\") == "\\~\\=\\#\\{\\}\\:\\\\"
    assert gift_escape("X plain") == "X plain"


def test_true_false_feedback_of_an_html_question_is_read_as_text():
    [question] = parse_gift(
        "::T:: [html]<b>Statement</b> {TRUE#<b>wrong</b>#<i>right</i>}"
    ).questions
    assert [c.feedback for c in question.choices] == [{"en": "right"}, {"en": "wrong"}]


def test_a_hash_in_a_true_false_question_text_is_not_a_feedback_marker():
    [question] = parse_gift("Room #5 is open. {TRUE#Wrong.#Right.}").questions
    assert question.text == {"en": "Room #5 is open."}
    assert [c.feedback for c in question.choices] == [{"en": "Right."}, {"en": "Wrong."}]


def test_right_feedback_of_a_true_false_question_may_hold_a_hash():
    [question] = parse_gift("Statement {T#wrong#right # more}").questions
    assert [c.feedback for c in question.choices] == [{"en": "right # more"}, {"en": "wrong"}]


def test_every_question_that_differs_from_its_translation_is_reported():
    english = parse_gift(
        "::A:: Pick {~%50%a ~%50%b ~%-100%c}\n\n::B:: Two {=x ~y}\n\n::C:: Three {=x ~y}", "en"
    )
    spanish = parse_gift(
        "// scoring: all-or-nothing\n::A:: Elija {~%50%a ~%50%b ~%-100%c}\n\n"
        "::B:: Dos {=x ~%50%y}\n\n::C:: Tres {=x ~y}",
        "es",
    )
    merged = merge_gift_pair(english, spanish)
    assert merged.questions == []
    assert errors(merged) == [
        (
            2,
            "Question “A” (English line 1, Spanish line 2) does not match its translation: "
            "the partial credit settings differ (yes in English, no in Spanish).",
        ),
        (
            4,
            "Question “B” (English line 3, Spanish line 4) does not match its translation: "
            "the grades of answer 2 differ (0 % in English, 50 % in Spanish).",
        ),
    ]


def test_a_spanish_file_with_more_questions_is_reported_at_its_last_question():
    english = parse_gift("Q1 {=a ~b}\n\nQ2 {=a ~b}", "en")
    spanish = parse_gift("P1 {=a ~b}\n\n\nP2 {=a ~b}\n\nP3 {=a ~b}", "es")
    assert errors(merge_gift_pair(english, spanish)) == [
        (6, "Spanish file: 3 questions, but the English file has 2.")
    ]


def test_matching_files_merge_texts_and_feedback_of_every_answer():
    english = parse_gift("Q1 {=a#fa ~b}\n\nQ2 {=a ~b}", "en")
    spanish = parse_gift("P1 {=ea#fea ~eb}\n\nP2 {=ea ~eb}", "es")
    merged = merge_gift_pair(english, spanish)
    assert merged.errors == []
    assert [q.text for q in merged.questions] == [
        {"en": "Q1", "es": "P1"},
        {"en": "Q2", "es": "P2"},
    ]
    assert [(c.text, c.feedback) for c in merged.questions[0].choices] == [
        ({"en": "a", "es": "ea"}, {"en": "fa", "es": "fea"}),
        ({"en": "b", "es": "eb"}, {"en": "", "es": ""}),
    ]
