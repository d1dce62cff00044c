"""Question import and export as CSV, both languages in one file. Pure functions.

One row per question followed by its choice rows::

    kind,points,partial_credit,correct,grade,text_format,text_en,text_es,feedback_en,feedback_es
    single,1,no,,,plain,Question?,¿Pregunta?,General feedback,Retroalimentación
    choice,,,yes,100,,Right,Correcta,Well done,Muy bien
    choice,,,no,0,,Wrong,Incorrecta,,
    truefalse,1,no,true,,plain,Statement,Afirmación,,

``grade`` is the percent of the points a choice is worth (-100..100, as in
Moodle). It is optional: a file without it (or a question whose choice rows
leave it empty) takes its grades from ``correct`` as the platform always did
(single choice 100/0; multiple choice: the right choices share 100 %, the
wrong ones -100 %). ``text_format`` is ``plain`` (default) or ``html``
(sanitised). A true/false question may be followed by its two choice rows
(True, then False) to carry their texts and feedback.

Written for spreadsheets: the file starts with a byte-order mark and a text
cell that a spreadsheet would run as a formula gets a leading apostrophe
(``core.exports``); the importer removes both again, so export → import gives
back the same questions.
"""

import csv
import io
from decimal import Decimal

from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from core import languages as site_languages
from core.exports import BOM, FORMULA_STARTS, csv_cell, spreadsheet_safe, spreadsheet_unsafe

from .formats import (
    FRACTION_MESSAGE,
    KINDS,
    NUL_MESSAGE,
    POINTS_MESSAGE,
    TEXT_FORMATS,
    ZERO,
    LineError,
    ParsedChoice,
    ParsedQuestion,
    ParseResult,
    choice_text_problem,
    derived_fractions,
    key_problems,
    parse_fraction,
    parse_points,
    plain_number,
    true_false_text,
)
from .richtext import sanitize_html

#: Columns a file must have (the grade and text format columns are optional).
REQUIRED_COLUMNS = ["kind", "points", "partial_credit", "correct"]
OPTIONAL_COLUMNS = ["grade", "text_format"]
YES = {"yes", "y", "true", "t", "1", "si", "sí", "x", "v", "verdadero"}
NO = {"no", "n", "false", "f", "0", "", "falso"}


def language_codes(languages=None) -> list[str]:
    """``languages``, or every language of ``settings.LANGUAGES`` (read now, not at import)."""
    return list(languages or site_languages.codes())


def columns(languages=None) -> list[str]:
    """The header row: the fixed columns, then each language's text, then each one's feedback."""
    codes = language_codes(languages)
    return (
        REQUIRED_COLUMNS
        + OPTIONAL_COLUMNS
        + site_languages.localized("text", codes)
        + site_languages.localized("feedback", codes)
    )


def parse_bool(value: str) -> bool | None:
    value = (value or "").strip().lower()
    if value in YES:
        return True
    if value in NO:
        return False
    return None


def text_cell(value: str) -> str:
    """``value`` as a spreadsheet-safe cell that ``text_from_cell`` reads back exactly.

    ``spreadsheet_safe`` leaves a text such as ``'=1`` alone, which
    ``spreadsheet_unsafe`` would then read as ``=1``; such a text gets one more
    apostrophe, as a spreadsheet shows ``''=1`` as ``'=1``.
    """
    if value.startswith("'") and value[1:].startswith((*FORMULA_STARTS, "'")):
        return "'" + value
    return spreadsheet_safe(value)


def text_from_cell(cell: str) -> str:
    """The text ``text_cell`` wrote (a hand-written cell is read as a spreadsheet shows it)."""
    if cell.startswith("''"):
        return cell[1:]
    return spreadsheet_unsafe(cell)


def csv_unreadable(text: str) -> LineError | None:
    """The first line Python's csv module cannot read (stray quote or line break, huge field)."""
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        for _row in reader:
            pass
    except csv.Error:
        return LineError(
            max(reader.line_num, 1),
            str(_("This line is not valid CSV (check its quotes and line breaks).")),
        )
    return None


class CsvQuestion:
    """A question row and its choice rows while they are being read."""

    def __init__(self, question: ParsedQuestion, correct: bool | None):
        self.question = question
        self.correct = correct  # true/false: the answer given on the question row
        self.keys: list = []  # per choice row: (correct, grade or None when left empty)
        self.bad = False


def parse_csv(text: str, languages=None) -> ParseResult:
    """Parses the CSV format (every language per row); every bad line is reported."""
    languages = language_codes(languages)
    result = ParseResult()
    text = text.removeprefix(BOM)
    unreadable = csv_unreadable(text)
    if unreadable is not None:
        result.errors.append(unreadable)
        return result
    reader = csv.DictReader(io.StringIO(text, newline=""))
    wanted = REQUIRED_COLUMNS + [
        build_localized_fieldname(p, code) for p in ("text", "feedback") for code in languages
    ]
    missing = [c for c in wanted if c not in (reader.fieldnames or [])]
    if missing:
        result.errors.append(
            LineError(1, str(_("Missing columns: %(columns)s.") % {"columns": ", ".join(missing)}))
        )
        return result
    current: CsvQuestion | None = None
    line = 2
    for row in reader:
        start, line = line, reader.line_num + 1
        cells = {
            key: text_from_cell(value.strip())
            for key, value in row.items()
            if isinstance(key, str) and isinstance(value, str)
        }
        if not any(cells.values()):
            continue
        if has_nul_cell(row):
            result.errors.append(LineError(start, str(NUL_MESSAGE)))
            if current is not None:
                current.bad = True
            continue
        if cells.get("kind", "").lower() == "choice":
            read_choice_row(current, cells, start, languages, result.errors)
            continue
        finish(current, result)
        current = read_question_row(cells, start, languages, result.errors)
    finish(current, result)
    if not result.questions and not result.errors:
        result.errors.append(LineError(1, str(_("The file contains no questions."))))
    result.errors.sort(key=lambda e: e.line)
    return result


def has_nul_cell(row: dict) -> bool:
    values = list(row.values()) + [v for v in row.get(None, []) or []]
    return any(isinstance(v, str) and "\x00" in v for v in values)


def texts(cells: dict, prefix: str, languages) -> dict[str, str]:
    return {code: cells.get(build_localized_fieldname(prefix, code), "") for code in languages}


def read_question_row(cells, line, languages, errors) -> CsvQuestion:
    kind = cells.get("kind", "").lower()
    problems = []
    if kind not in KINDS:
        problems.append(
            _("Unknown kind “%(kind)s”: use single, multiple, truefalse or choice.")
            % {"kind": kind}
        )
        kind = "single"
    points = parse_points(cells.get("points") or "1")
    if points is None:
        problems.append(POINTS_MESSAGE)
    partial = parse_bool(cells.get("partial_credit"))
    if partial is None:
        problems.append(_("“partial_credit” must be yes or no."))
    text_format = (cells.get("text_format") or "plain").lower()
    if text_format not in TEXT_FORMATS:
        problems.append(_("“text_format” must be plain or html."))
        text_format = "plain"
    text = texts(cells, "text", languages)
    if text_format == "html":
        text = {code: sanitize_html(value) for code, value in text.items()}
    if not text.get(languages[0]):
        problems.append(_("The question has no English text."))
    correct = None
    if kind == "truefalse":
        correct = parse_bool(cells.get("correct"))
        if not cells.get("correct") or correct is None:
            problems.append(_("A true/false question needs “correct” true or false."))
    question = ParsedQuestion(
        line=line,
        kind=kind,
        text=text,
        choices=[],
        feedback=texts(cells, "feedback", languages),
        points=points if points is not None else Decimal(1),
        partial_credit=bool(partial) and kind == "multiple",
        text_format=text_format,
    )
    errors.extend(LineError(line, str(p)) for p in problems)
    current = CsvQuestion(question, correct)
    current.bad = bool(problems)
    return current


def read_choice_row(current, cells, line, languages, errors) -> None:
    def fail(message) -> None:
        errors.append(LineError(line, str(message)))
        if current is not None:
            current.bad = True

    if current is None:
        fail(_("A choice row must follow a question row."))
        return
    correct = parse_bool(cells.get("correct"))
    grade_cell = cells.get("grade", "")
    grade = parse_fraction(grade_cell) if grade_cell else None
    text = texts(cells, "text", languages)
    too_long = [choice_text_problem(value) for value in text.values() if value]
    too_long = [problem for problem in too_long if problem]
    if correct is None:
        fail(_("“correct” must be yes or no."))
    elif grade_cell and grade is None:
        fail(FRACTION_MESSAGE)
    elif grade is not None and cells.get("correct") and correct != (grade > 0):
        fail(_("“correct” and “grade” disagree: a right choice has a grade above 0."))
    elif not text.get(languages[0]):
        fail(_("The choice has no English text."))
    elif too_long:
        fail(too_long[0])
    else:
        current.question.choices.append(
            ParsedChoice(text, ZERO, texts(cells, "feedback", languages), line=line)
        )
        current.keys.append((correct, grade))


def finish(current: CsvQuestion | None, result: ParseResult) -> None:
    """Gives the finished question its grades and checks its key."""
    if current is None or current.bad:
        return
    question = current.question
    if question.kind == "truefalse":
        if not question.choices:
            languages = list(question.text)
            question.choices = [
                ParsedChoice(
                    {c: true_false_text(c)[i] for c in languages},
                    ZERO,
                    {},
                    line=question.line,
                )
                for i in (0, 1)
            ]
            current.keys = [(current.correct, None), (not current.correct, None)]
        elif len(question.choices) != 2:
            result.errors.append(
                LineError(
                    question.line,
                    str(_("A true/false question takes no choice rows, or exactly two.")),
                )
            )
            return
    given = [grade for _correct, grade in current.keys if grade is not None]
    if given and len(given) != len(current.keys):
        result.errors.append(
            LineError(question.line, str(_("Give a grade on every choice row of this question.")))
        )
        return
    if given:
        fractions = given
    else:
        fractions = derived_fractions(question.kind, [correct for correct, _g in current.keys])
    for choice, fraction in zip(question.choices, fractions, strict=True):
        choice.fraction = fraction
    problems = key_problems(question)
    if question.kind == "truefalse" and not problems and current.correct is not None:
        if question.choices[0].correct != current.correct:
            problems = [str(_("“correct” on the question row disagrees with its choice rows."))]
    if problems:
        result.errors.extend(LineError(question.line, p) for p in problems)
        return
    result.questions.append(question)


def export_csv(questions: list[ParsedQuestion], languages=None) -> str:
    """CSV text of ``questions`` in every language (the format ``parse_csv`` reads)."""
    languages = language_codes(languages)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns(languages))

    def row(kind, points, partial, correct, grade, text_format, text, feedback):
        writer.writerow(
            [csv_cell(kind), points, csv_cell(partial), csv_cell(correct), grade]
            + [csv_cell(text_format)]
            + [text_cell(text.get(code) or "") for code in languages]
            + [text_cell(feedback.get(code) or "") for code in languages]
        )

    for question in questions:
        correct = ""
        if question.kind == "truefalse":
            correct = "true" if question.choices[0].correct else "false"
        row(
            question.kind,
            csv_cell(Decimal(plain_number(question.points))),
            "yes" if question.partial_credit else "no",
            correct,
            "",
            question.text_format,
            question.text,
            question.feedback,
        )
        for choice in question.choices:
            row(
                "choice",
                "",
                "",
                "yes" if choice.correct else "no",
                csv_cell(Decimal(plain_number(choice.fraction))),
                "",
                choice.text,
                choice.feedback,
            )
    return BOM + buffer.getvalue()
