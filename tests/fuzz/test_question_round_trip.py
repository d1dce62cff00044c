"""Any quiz exported as GIFT (both languages, merged as a pair) or CSV imports back unchanged."""

import html
import unicodedata
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from assessments.csv_format import export_csv, parse_csv
from assessments.formats import TRUE_FALSE_TEXT, ParsedChoice, ParsedQuestion
from assessments.gift import parse_gift
from assessments.gift_export import export_gift
from assessments.gift_pairs import merge_gift_pair
from assessments.richtext import sanitize_html

ROUND_TRIP = settings(max_examples=200, deadline=None)
LANGUAGES = ("en", "es")

# Every character GIFT, CSV, HTML or a spreadsheet treats specially, among others.
SPECIAL = list("~=#{}:\\%'\"<>&+-@[]/,;\n\t ") + ["::", "->", "\\n", "####", "[html]", "//"]
# U+FEFF is a byte-order mark to every reader (a file's start, the HTML parser
# at a text's start), never content, so no generated text holds one.
characters = st.one_of(
    st.characters(blacklist_categories=("Cs", "Cc", "Cn", "Co"), blacklist_characters="\ufeff"),
    st.sampled_from(SPECIAL),
)


def visible(value: str) -> bool:
    """At least one character that is not an invisible format character (U+FEFF, ZWJ...).

    An answer made of invisible characters alone has no text: the HTML
    sanitiser drops them and the importers rightly refuse it.
    """
    return any(unicodedata.category(c) != "Cf" for c in value)


def text(max_size: int = 40):
    """Stripped, visible text (importers strip what they read, as form fields do)."""
    return (
        st.lists(characters, min_size=1, max_size=max_size)
        .map("".join)
        .map(str.strip)
        .filter(visible)
    )


def optional_text():
    return st.one_of(st.just(""), text())


def translated(strategy):
    return st.fixed_dictionaries({code: strategy for code in LANGUAGES})


fraction_values = st.decimals(
    min_value=-100, max_value=100, places=5, allow_nan=False, allow_infinity=False
)
non_positive = st.one_of(
    st.sampled_from([Decimal(0), Decimal(-100), Decimal("-33.33333"), Decimal("-12.5")]),
    st.decimals(min_value=-100, max_value=0, places=5, allow_nan=False, allow_infinity=False),
)
positive = st.decimals(min_value="0.00001", max_value=100, places=5)
PARTIAL_SHARES = [
    [Decimal(100)],
    [Decimal(50), Decimal(50)],
    [Decimal(70), Decimal(30)],
    [Decimal("33.33333")] * 3,
    [Decimal(25)] * 4,
    [Decimal("12.5"), Decimal("87.5")],
]


@st.composite
def choice_texts(draw, n: int):
    return [
        ParsedChoice(
            text=draw(translated(text())),
            fraction=Decimal(0),
            feedback=draw(translated(optional_text())),
        )
        for _ in range(n)
    ]


@st.composite
def questions(draw):
    kind = draw(st.sampled_from(["single", "multiple", "truefalse"]))
    text_format = draw(st.sampled_from(["plain", "html"]))
    if text_format == "html":
        question_text = {
            code: sanitize_html(
                f"<p>{html.escape(draw(text()))} <strong>{html.escape(draw(text()))}</strong></p>"
            )
            for code in LANGUAGES
        }
    else:
        question_text = draw(translated(text(80)))
    partial_credit = False
    if kind == "truefalse":
        answer = draw(st.booleans())
        choices = [
            ParsedChoice(
                {code: TRUE_FALSE_TEXT[code][i] for code in LANGUAGES},
                Decimal(100) if answer == (i == 0) else Decimal(0),
                draw(translated(optional_text())),
            )
            for i in (0, 1)
        ]
    elif kind == "single":
        fractions = [Decimal(100)] + draw(
            st.lists(fraction_values.filter(lambda f: f != 100), min_size=1, max_size=4)
        )
        fractions = draw(st.permutations(fractions))
        choices = draw(choice_texts(len(fractions)))
        for choice, fraction in zip(choices, fractions, strict=True):
            choice.fraction = fraction
    else:
        partial_credit = draw(st.booleans())
        if partial_credit:
            shares = draw(st.sampled_from(PARTIAL_SHARES))
        else:
            shares = draw(st.lists(positive, min_size=1, max_size=3))
        others = draw(st.lists(non_positive, min_size=0 if len(shares) > 1 else 1, max_size=3))
        fractions = draw(st.permutations(shares + others))
        choices = draw(choice_texts(len(fractions)))
        for choice, fraction in zip(choices, fractions, strict=True):
            choice.fraction = fraction
    return ParsedQuestion(
        line=0,
        kind=kind,
        text=question_text,
        choices=choices,
        feedback=draw(translated(optional_text())),
        points=draw(st.decimals(min_value=0, max_value="9999.99", places=2)),
        partial_credit=partial_credit,
        text_format=text_format,
    )


quizzes = st.lists(questions(), min_size=1, max_size=4)


def essence(question: ParsedQuestion):
    """Everything a question is stored with (the line and the GIFT title are not)."""
    return (
        question.kind,
        question.points,
        question.partial_credit,
        question.text_format,
        question.text,
        question.feedback,
        [(c.text, c.fraction, c.feedback) for c in question.choices],
    )


@ROUND_TRIP
@given(quizzes)
def test_gift_pair_export_imports_back_to_the_same_questions(quiz):
    merged = merge_gift_pair(
        parse_gift(export_gift(quiz, "en"), "en"), parse_gift(export_gift(quiz, "es"), "es")
    )
    assert merged.errors == []
    assert [essence(q) for q in merged.questions] == [essence(q) for q in quiz]


@ROUND_TRIP
@given(quizzes)
def test_csv_export_imports_back_to_the_same_questions(quiz):
    result = parse_csv(export_csv(quiz))
    assert result.errors == []
    assert [essence(q) for q in result.questions] == [essence(q) for q in quiz]
