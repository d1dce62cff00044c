"""GIFT parser details: offsets, line numbers, prefixes, line endings and escapes (pure)."""

from decimal import Decimal

from assessments.formats import FRACTION_MESSAGE, NUL_MESSAGE, POINTS_MESSAGE
from assessments.gift import gift_unescape, mask_escapes, parse_gift

ANSWER_START = "Each answer must start with = (right) or ~ (wrong)."
BETWEEN = "The answers must be between { and }."
INNER_BRACE = "A { inside the answers must be written \\{."
MISSING_WORD = "Missing-word questions (text after the answers) are not supported."
NO_TEXT = "The question has no text."


def errors(result):
    return [(e.line, e.message) for e in result.errors]


def only_question(text, language="en"):
    result = parse_gift(text, language)
    assert errors(result) == []
    [question] = result.questions
    return question


def choices(question, language="en"):
    return [(c.text[language], c.fraction, c.feedback[language]) for c in question.choices]


# Escapes -----------------------------------------------------------------


def test_a_backslash_at_the_very_end_is_kept_as_written():
    assert gift_unescape("a\\") == "a\\"
    assert mask_escapes("a\\") == "a\\"


def test_an_escape_at_the_very_end_is_resolved():
    assert gift_unescape("a\\n") == "a\n"
    assert gift_unescape("a\\~") == "a~"
    assert mask_escapes("a\\~") == "a\x01\x01"


# Line endings, BOM, NUL ----------------------------------------------------


def test_a_byte_order_mark_before_a_title_is_dropped():
    question = only_question("\ufeff::T1:: Is it? {T}")
    assert question.title == "T1"
    assert question.text == {"en": "Is it?"}


def test_windows_line_endings_keep_multi_line_questions_whole():
    result = parse_gift("Q {\r\n=a\r\n~b\r\n}\r\n\r\nR {T}")
    assert errors(result) == []
    first, second = result.questions
    assert choices(first) == [("a", Decimal(100), ""), ("b", Decimal(0), "")]
    assert [c.line for c in first.choices] == [2, 3]
    assert second.line == 6
    assert second.text == {"en": "R"}


def test_old_mac_line_endings_separate_questions():
    result = parse_gift("Q {=a ~b}\r\rR {T}")
    assert errors(result) == []
    first, second = result.questions
    assert choices(first) == [("a", Decimal(100), ""), ("b", Decimal(0), "")]
    assert (second.line, second.text) == (3, {"en": "R"})


def test_a_nul_character_is_reported_with_its_message():
    result = parse_gift("Q {=a ~b}\n\nR \x00 {T}")
    assert errors(result) == [(3, str(NUL_MESSAGE))]


# Directives ---------------------------------------------------------------


def test_a_bad_points_line_is_the_only_error_of_a_question_without_a_right_answer():
    result = parse_gift("// points: abc\nQ {~a ~b}")
    assert errors(result) == [(1, str(POINTS_MESSAGE))]
    assert result.questions == []


def test_a_question_with_a_bad_answer_reports_the_answer_not_its_directives():
    assert errors(parse_gift("// points: abc\nQ {=a ~%abc%b}")) == [(2, str(FRACTION_MESSAGE))]
    assert errors(parse_gift("// points: abc\nQ {\n=a\nstray\n~b\n}")) == [(4, ANSWER_START)]


# Titles and braces --------------------------------------------------------


def test_an_indented_title_is_read():
    assert only_question("  ::T:: Q {T}").title == "T"


def test_the_title_ends_at_the_first_double_colon():
    question = only_question("::T::Ratio 1::2 {T}")
    assert question.title == "T"
    assert question.text == {"en": "Ratio 1::2"}


def test_an_empty_title_is_allowed():
    question = only_question("::::Question {T}")
    assert question.title == ""
    assert question.text == {"en": "Question"}


def test_braces_in_the_title_do_not_open_or_close_the_answers():
    assert only_question("::a{b::Q {T}").title == "a{b"
    assert only_question("::a}b::Q {T}").title == "a}b"


def test_a_second_opening_brace_inside_the_answers_is_refused():
    assert errors(parse_gift("Q {=a {~b}")) == [(1, INNER_BRACE)]
    assert errors(parse_gift("Q {{=a ~b}")) == [(1, INNER_BRACE)]


def test_text_after_the_answers_is_refused_as_missing_word():
    assert errors(parse_gift("Q {=a ~b} tail}")) == [(1, MISSING_WORD)]
    assert errors(parse_gift("Q {=a ~b} {")) == [(1, MISSING_WORD)]
    assert errors(parse_gift("Q {=a ~b}x")) == [(1, MISSING_WORD)]


def test_unbalanced_braces_are_reported_as_such():
    assert errors(parse_gift("Q {=a ~b")) == [(1, BETWEEN)]
    assert errors(parse_gift("{=a ~b")) == [(1, BETWEEN)]
    assert errors(parse_gift("} Q")) == [(1, BETWEEN)]
    assert errors(parse_gift("Q text }")) == [(1, BETWEEN)]


def test_answers_at_the_very_start_leave_the_question_without_text():
    assert errors(parse_gift("{=a ~b}")) == [(1, NO_TEXT)]


# Question text ------------------------------------------------------------


def test_an_html_question_of_tags_only_has_no_text():
    assert errors(parse_gift("[html]<p></p> {T}")) == [(1, NO_TEXT)]


def test_a_plain_question_that_looks_like_html_is_kept_as_written():
    question = only_question("<br> {T}")
    assert (question.text, question.text_format) == ({"en": "<br>"}, "plain")


def test_equals_and_tildes_in_the_question_text_are_not_answers():
    question = only_question("Q = x ~ y {=a ~b}")
    assert question.text == {"en": "Q = x ~ y"}
    assert choices(question) == [("a", Decimal(100), ""), ("b", Decimal(0), "")]


def test_hashes_in_the_question_text_are_not_general_feedback():
    question = only_question("Q #### text {=a ~b}")
    assert question.text == {"en": "Q #### text"}
    assert question.feedback == {"en": ""}
    assert len(question.choices) == 2


# Answers ------------------------------------------------------------------


def test_markdown_answers_and_feedback_are_stored_as_text():
    question = only_question("Q {=[markdown]**x** ~[markdown]**Wrong**#[markdown]*fb*}")
    assert choices(question) == [("x", Decimal(100), ""), ("Wrong", Decimal(0), "fb")]


def test_answers_and_feedback_of_an_html_question_are_stored_as_text():
    question = only_question("[html]<b>Q</b> {=<i>a</i>#<b>fb</b> ~b ####<b>gen</b>}")
    assert question.feedback == {"en": "gen"}
    assert choices(question) == [("a", Decimal(100), "fb"), ("b", Decimal(0), "")]


def test_the_last_four_hashes_start_the_general_feedback():
    question = only_question("Q {=a ~b ####x ####y}")
    assert question.feedback == {"en": "y"}
    assert choices(question) == [("a", Decimal(100), ""), ("b", Decimal(0), "###x")]


def test_spaces_after_the_markers_are_skipped():
    question = only_question("Q {= a ~ b}")
    assert choices(question) == [("a", Decimal(100), ""), ("b", Decimal(0), "")]


def test_a_capital_x_in_an_answer_is_text():
    question = only_question("Q {=Xylophone ~b}")
    assert choices(question) == [("Xylophone", Decimal(100), ""), ("b", Decimal(0), "")]


def test_a_percent_sign_is_a_weight_only_right_after_the_marker():
    assert choices(only_question("Q {=Right ~Costs 50% more}"))[1] == (
        "Costs 50% more",
        Decimal(0),
        "",
    )
    assert choices(only_question("Q {=a ~%25%Costs 10% more}"))[1] == (
        "Costs 10% more",
        Decimal(25),
        "",
    )


def test_an_unclosed_weight_is_answer_text_not_a_weight_reaching_into_the_next_answer():
    question = only_question("Q {=a ~%b ~c%d}")
    assert choices(question) == [
        ("a", Decimal(100), ""),
        ("%b", Decimal(0), ""),
        ("c%d", Decimal(0), ""),
    ]


def test_an_empty_or_bad_weight_is_reported_with_its_message():
    assert errors(parse_gift("Q {=a ~%%b}")) == [(1, str(FRACTION_MESSAGE))]
    assert errors(parse_gift("Q {=a ~%abc%b}")) == [(1, str(FRACTION_MESSAGE))]


def test_the_first_hash_of_an_answer_starts_its_feedback():
    question = only_question("Q {=a#fb1#fb2 ~b}")
    assert choices(question)[0] == ("a", Decimal(100), "fb1#fb2")


def test_an_answer_without_text_is_reported_with_its_message():
    assert errors(parse_gift("Q {=a ~ }")) == [(1, "An answer has no text.")]


def test_each_answer_keeps_the_line_it_is_written_on():
    question = only_question("Q {\n=a\n~b\n}")
    assert [c.line for c in question.choices] == [2, 3]


def test_text_before_the_first_answer_is_reported_on_its_own_line():
    assert errors(parse_gift("Q {\njunk\n=a\n~b\n}")) == [(2, ANSWER_START)]


def test_a_line_that_starts_no_answer_is_reported_on_its_own_line():
    assert errors(parse_gift("Q {\n=a\nXyz\n~b\n}")) == [(3, ANSWER_START)]
    assert errors(parse_gift("Q {\n=a\n~b\nstray\n}")) == [(4, ANSWER_START)]


# True/false ---------------------------------------------------------------


def test_true_false_answers_carry_the_line_of_their_question():
    result = parse_gift("Q {=a ~b}\n\nR\nmore {\nT\n}")
    assert errors(result) == []
    question = result.questions[1]
    assert question.line == 3
    assert [c.line for c in question.choices] == [3, 3]


def test_true_false_labels_fall_back_to_english_for_another_language():
    question = only_question("Q {T}", language="fr")
    assert [c.text for c in question.choices] == [{"fr": "True"}, {"fr": "False"}]


def test_a_stray_line_after_several_answers_is_reported_on_its_own_line():
    assert errors(parse_gift("Q {\n=a\n~b\n~c\nX\n}")) == [(5, ANSWER_START)]
