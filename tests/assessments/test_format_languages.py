"""CSV and GIFT import/export follow settings.LANGUAGES, read when they run.

The model's translated fields are registered at start-up, so a third language
here exercises the file formats and the admin forms only, not the database.
"""

from decimal import Decimal

from django.test import override_settings

from assessments import csv_format
from assessments.admin_views import ImportForm, parse_upload
from assessments.formats import ParsedChoice, ParsedQuestion
from assessments.panels import gift_export_links

THREE = [("en", "English"), ("es", "Spanish"), ("pt", "Portuguese")]
EN_ES_COLUMNS = [
    "kind",
    "points",
    "partial_credit",
    "correct",
    "grade",
    "text_format",
    "text_en",
    "text_es",
    "feedback_en",
    "feedback_es",
]


def question(**texts) -> ParsedQuestion:
    return ParsedQuestion(
        line=2,
        kind="single",
        text={code: f"Q {code}" for code in texts},
        choices=[
            ParsedChoice({code: f"right {code}" for code in texts}, Decimal(100)),
            ParsedChoice({code: f"wrong {code}" for code in texts}, Decimal(0)),
        ],
        feedback={code: f"fb {code}" for code in texts},
    )


def header(text: str) -> list[str]:
    return text.removeprefix(csv_format.BOM).splitlines()[0].split(",")


def test_english_and_spanish_columns_are_unchanged():
    assert csv_format.columns() == EN_ES_COLUMNS
    assert header(csv_format.export_csv([question(en=1, es=1)])) == EN_ES_COLUMNS


@override_settings(LANGUAGES=THREE)
def test_a_third_language_gets_its_text_and_feedback_columns():
    assert csv_format.columns() == [
        *EN_ES_COLUMNS[:6],
        *("text_en", "text_es", "text_pt"),
        *("feedback_en", "feedback_es", "feedback_pt"),
    ]
    exported = csv_format.export_csv([question(en=1, es=1, pt=1)])
    assert header(exported) == csv_format.columns()
    result = csv_format.parse_csv(exported)
    assert result.ok, result.errors
    (parsed,) = result.questions
    assert parsed.text["pt"] == "Q pt" and parsed.feedback["pt"] == "fb pt"
    assert [c.text["pt"] for c in parsed.choices] == ["right pt", "wrong pt"]


def test_a_file_without_a_configured_languages_columns_is_refused():
    with override_settings(LANGUAGES=[("en", "English"), ("es", "Spanish")]):
        two = csv_format.export_csv([question(en=1, es=1)])
    with override_settings(LANGUAGES=THREE):
        result = csv_format.parse_csv(two)
    assert [e.message for e in result.errors] == ["Missing columns: text_pt, feedback_pt."]


@override_settings(LANGUAGES=THREE)
def test_true_false_answers_in_a_language_without_own_words_take_the_defaults():
    text = (
        "kind,points,partial_credit,correct,text_en,text_es,text_pt,"
        "feedback_en,feedback_es,feedback_pt\n"
        "truefalse,1,no,true,Yes?,¿Sí?,Sim?,,,\n"
    )
    (parsed,) = csv_format.parse_csv(text).questions
    assert [c.text for c in parsed.choices] == [
        {"en": "True", "es": "Verdadero", "pt": "True"},
        {"en": "False", "es": "Falso", "pt": "False"},
    ]


def test_gift_import_form_has_one_file_per_other_language():
    form = ImportForm()
    assert list(form.fields) == ["format", "file", "content", "file_es", "content_es"]
    with override_settings(LANGUAGES=THREE):
        form = ImportForm()
        assert [n for n in form.fields if n.startswith(("file_", "content_"))] == [
            "file_es",
            "content_es",
            "file_pt",
            "content_pt",
        ]
        assert "English, Spanish and Portuguese" in str(dict(form.fields["format"].choices)["csv"])


GIFT = "::Q1:: {lang} question {{\n  ={lang} right\n  ~{lang} wrong\n}}\n"


@override_settings(LANGUAGES=THREE)
def test_gift_files_of_every_language_are_merged():
    result = parse_upload(
        "gift", GIFT.format(lang="en"), {"es": GIFT.format(lang="es"), "pt": GIFT.format(lang="pt")}
    )
    assert result.ok, result.errors
    (parsed,) = result.questions
    assert parsed.text == {"en": "en question", "es": "es question", "pt": "pt question"}
    assert parsed.choices[0].text == {"en": "en right", "es": "es right", "pt": "pt right"}


def test_gift_export_links_one_per_language():
    assert [link["code"] for link in gift_export_links()] == ["en", "es"]
    assert [str(link["label"]) for link in gift_export_links()] == [
        "Export GIFT (English)",
        "Export GIFT (Spanish)",
    ]
    with override_settings(LANGUAGES=THREE):
        assert [link["code"] for link in gift_export_links()] == ["en", "es", "pt"]


@override_settings(LANGUAGES=THREE)
def test_explicit_languages_still_win():
    assert csv_format.columns(["en", "es"]) == EN_ES_COLUMNS
