"""Fuzzing question import: GIFT and CSV parsers and the admin preview/import view."""

import csv
import io

from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase
from wagtail.models import Revision

from accounts.models import User
from assessments import csv_format, formats, gift, gift_pairs
from assessments.models import Question
from tests import factories
from tests.assessments import helpers

from .strategies import FUZZ, PURE, nasty_text

GIFT_TOKENS = [
    "::Q1::",
    "{",
    "}",
    "=",
    "~",
    "#",
    "####",
    "%50%",
    "%-100%",
    "%100%",
    "T",
    "FALSE",
    "// points: 2",
    "// points: -9999999999999999999",
    "\n",
    "\n\n",
    "\\{",
    "\\=",
    " ",
    "Text",
    "¿Pregunta?",
    "{T#wrong#right}",
    "{=a ~b}",
    "{~%50%a ~%50%b ~%-100%c}",
    "{#1:2}",
    "->",
]
gift_text = st.lists(st.one_of(st.sampled_from(GIFT_TOKENS), nasty_text), max_size=40).map("".join)
CSV_VALUES = [
    "single",
    "multiple",
    "truefalse",
    "choice",
    "yes",
    "no",
    "true",
    "1",
    "-1",
    "1e400",
    "NaN",
    "99999999999",
    "",
]


def csv_text(rows) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(
        [
            "kind",
            "points",
            "partial_credit",
            "correct",
            "text_en",
            "text_es",
            "feedback_en",
            "feedback_es",
        ]
    )
    writer.writerows(rows)
    return out.getvalue()


csv_rows = st.lists(
    st.lists(st.one_of(st.sampled_from(CSV_VALUES), nasty_text), min_size=0, max_size=10),
    max_size=8,
).map(csv_text)
any_csv = st.one_of(csv_rows, nasty_text)


def assert_well_formed(result: formats.ParseResult):
    assert isinstance(result.questions, list) and isinstance(result.errors, list)
    for question in result.questions:
        assert question.kind in formats.KINDS
        assert len(question.choices) >= 2 or question.kind == "truefalse"


@PURE
@given(gift_text, st.sampled_from(["en", "es"]))
def test_gift_parser_reports_errors_instead_of_failing(text, language):
    assert_well_formed(gift.parse_gift(text, language))


@PURE
@given(any_csv)
def test_csv_parser_reports_errors_instead_of_failing(text):
    assert_well_formed(csv_format.parse_csv(text))


@PURE
@given(gift_text, gift_text)
def test_gift_pair_merge_reports_errors_instead_of_failing(english, spanish):
    merged = gift_pairs.merge_gift_pair(
        gift.parse_gift(english, "en"), gift.parse_gift(spanish, "es")
    )
    assert_well_formed(merged)


class ImportViewFuzz(TestCase):
    @classmethod
    def setUpTestData(cls):
        course = factories.course(lessons=1)
        cls.quiz = helpers.quiz(course)
        cls.admin = User.objects.create_superuser("root@example.org", "x", full_name="Root")

    def state(self):
        return Question.objects.count(), Revision.objects.count()

    @FUZZ
    @given(
        kind=st.sampled_from(["gift", "csv", "other"]),
        content=st.one_of(gift_text, any_csv),
        content_es=st.one_of(st.just(""), gift_text),
        action=st.sampled_from(["preview", "import"]),
    )
    def test_preview_and_import_never_fail_or_half_import(self, kind, content, content_es, action):
        self.client.force_login(self.admin)
        before = self.state()
        response = self.client.post(
            f"/admin/quizzes/{self.quiz.pk}/import/",
            {"format": kind, "content": content, "content_es": content_es, "action": action},
        )
        assert response.status_code in (200, 302), response.status_code
        if response.status_code == 200:
            assert self.state() == before  # preview or refused: nothing written
        else:
            parsed = (
                csv_format.parse_csv(content)
                if kind == "csv"
                else gift_pairs.merge_gift_pair(
                    gift.parse_gift(content, "en"), gift.parse_gift(content_es, "es")
                )
                if content_es.strip()
                else gift.parse_gift(content, "en")
            )
            assert parsed.ok and parsed.questions


def test_csv_with_a_stray_carriage_return_is_reported_not_crashing():
    # Found by the fuzzer: "0\r0" made csv raise "new-line character seen in
    # unquoted field" and the import page answered 500.
    assert not csv_format.parse_csv("0\r0").questions
    result = csv_format.parse_csv(csv_text([["single", "1"]]) + '"unclosed\r0')
    assert result.errors and not result.questions
    huge = csv_format.parse_csv(csv_text([["single", "1", "no", "", "x" * 200_000]]))
    assert huge.errors and not huge.questions
