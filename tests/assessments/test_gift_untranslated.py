"""``// untranslated`` in a paired GIFT file: the question keeps no texts in that language."""

from decimal import Decimal

import pytest

from assessments.formats import ParsedChoice, ParsedQuestion
from assessments.gift import parse_gift
from assessments.gift_export import export_gift
from assessments.gift_pairs import merge_gift_pair
from demo import data

pytestmark = pytest.mark.django_db(False)

ENGLISH = """\
// points: 2
::Q1:: Which bag? {
  =Paper #Right.
  ~Plastic #Wrong.
  ####Paper breathes.
}

::Q2:: Seals must be recorded. {TRUE#Read again.#Right.}
"""

SPANISH = """\
// untranslated
// points: 2
::Q1:: Which bag? {
  =Paper #Right.
  ~Plastic #Wrong.
  ####Paper breathes.
}

::Q2:: Deben registrarse los sellos. {TRUE#Lea otra vez.#Correcto.}
"""


def merged(english=ENGLISH, spanish=SPANISH):
    return merge_gift_pair(parse_gift(english, "en"), parse_gift(spanish, "es"))


def test_a_question_marked_untranslated_is_imported_without_its_spanish_texts():
    result = merged()
    assert result.errors == []
    first, second = result.questions
    assert first.text == {"en": "Which bag?"}
    assert first.feedback == {"en": "Paper breathes."}
    assert [c.text for c in first.choices] == [{"en": "Paper"}, {"en": "Plastic"}]
    assert [c.feedback for c in first.choices] == [{"en": "Right."}, {"en": "Wrong."}]
    assert first.points == Decimal(2)
    # The next question, not marked, is translated as before.
    assert second.text == {"en": "Seals must be recorded.", "es": "Deben registrarse los sellos."}


def test_an_untranslated_question_must_still_match_the_main_one():
    spanish = SPANISH.replace("~Plastic #Wrong.", "~Plastic #Wrong.\n  ~Glass")
    result = merged(spanish=spanish)
    assert result.questions == []
    assert "numbers of answers" in result.errors[0].message


def test_the_marker_is_read_in_any_case_and_spacing_and_ignored_in_the_main_file():
    assert parse_gift("//   UNTRANSLATED  \n" + ENGLISH, "es").questions[0].untranslated
    result = merged(english="// untranslated\n" + ENGLISH, spanish=SPANISH.split("\n\n")[1])
    # One question in the Spanish file against two: the main file's marker changed nothing.
    assert result.errors
    plain = merged(english="// untranslated\n" + ENGLISH, spanish=SPANISH)
    assert plain.errors == [] and plain.questions[0].text == {"en": "Which bag?"}


def question(texts: dict, feedback: dict) -> ParsedQuestion:
    return ParsedQuestion(
        line=0,
        kind="single",
        text=texts,
        feedback=feedback,
        choices=[
            ParsedChoice({k: f"right {k}" for k in texts}, Decimal(100), dict(feedback)),
            ParsedChoice({k: f"wrong {k}" for k in texts}, Decimal(0)),
        ],
    )


def test_export_writes_the_marker_before_a_question_without_spanish_and_imports_back():
    quiz = [
        question({"en": "Translated?", "es": "¿Traducida?"}, {"en": "fb", "es": "retro"}),
        question({"en": "Untranslated?", "es": ""}, {"en": "fb en", "es": ""}),
    ]
    spanish = export_gift(quiz, "es")
    first, second = spanish.split("\n\n")
    assert "// untranslated" not in first
    assert second.splitlines()[0] == "// untranslated"
    # Written in English, feedback included, for the translator to replace.
    assert "::Q2:: Untranslated? {" in second and "####fb en" in second
    assert "// untranslated" not in export_gift(quiz, "en")
    result = merge_gift_pair(parse_gift(export_gift(quiz, "en"), "en"), parse_gift(spanish, "es"))
    assert result.errors == []
    assert result.questions[0].text == {"en": "Translated?", "es": "¿Traducida?"}
    assert result.questions[1].text == {"en": "Untranslated?"}
    assert result.questions[1].feedback == {"en": "fb en"}
    assert [c.text for c in result.questions[1].choices] == [{"en": "right en"}, {"en": "wrong en"}]


def test_the_demo_chain_of_custody_exam_leaves_questions_4_and_5_untranslated():
    questions = data.quiz_questions("final-exam-chain-of-custody-for-physical-evidence")
    assert [bool(q.text.get("es")) for q in questions] == [True, True, True, False, False]
    for q in questions[3:]:
        assert not q.feedback.get("es")
        assert not any(c.text.get("es") or c.feedback.get("es") for c in q.choices)
