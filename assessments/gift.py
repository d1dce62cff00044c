"""Moodle GIFT import (https://docs.moodle.org/en/GIFT_format). Pure functions.

One language per file; each other language of ``settings.LANGUAGES`` comes in
a *paired* file with the same questions in the same order, checked question by
question against the default language's one (``merge_gift_pair``)::

    // points: 2
    ::Q1:: Which element defines trafficking? {
      =A purpose of exploitation #Correct.
      ~Crossing a border #That is smuggling.
      ####General feedback.
    }
    // points: 3
    ::Q2:: Select every indicator {~%50%Debt ~%50%Confiscated papers ~%-100%A visa}
    ::Q3:: Smuggling requires a border crossing. {TRUE#Shown when wrong.#Shown when right.}

Read as Moodle's importer reads it:

- ``{T}``, ``{F}``, ``{TRUE}``, ``{FALSE}`` (any case), with optional
  ``#feedback when answered wrongly#feedback when answered rightly``: true/false.
- Answers with an ``=`` and a ``~``: single choice; every ``=`` is worth 100 %,
  a ``~`` 0 % or its ``~%n%`` weight (several ``=`` are several right answers).
- Only ``~`` answers, with weights: multiple choice with partial credit, each
  answer worth exactly its weight (negative weights take points away); the
  positive weights must add up to 100 %.
- ``#feedback`` per answer, ``####general feedback``, ``::title::``, questions
  over several lines, ``//`` comment lines and ``$CATEGORY:`` lines (ignored),
  escapes ``\\~ \\= \\# \\{ \\} \\: \\\\`` and ``\\n`` (a line break).
- ``[html]`` text is sanitised and kept as HTML, ``[markdown]`` is rendered to
  HTML, ``[plain]`` and ``[moodle]`` are plain text. Answers and feedback are
  always stored as plain text (HTML converted to its text).

Two comment lines of our own before a question (Moodle ignores them):
``// points: N`` (default 1; Moodle has no points in GIFT) and
``// scoring: all-or-nothing``, which marks a multiple-choice question written
with ``~%n%`` weights as all or nothing (full points only for exactly the
answers with a positive weight). Moodle has no such question type, so our
export writes that comment to read its own all-or-nothing questions back.

In a paired file (a translation), ``// untranslated`` before a question says
the question is not translated yet: it is written out with the answers'
structure of the main file (usually in the main file's words) so the pair
still matches, and its texts are not imported; the question keeps empty
texts in that language and trainees read the default language's. The export
writes the marker before every question without a text in the file's
language. In the main file the marker means nothing and is ignored.

A single-choice question whose every answer is worth 100 % has no GIFT form
(only ``=`` answers read as short answer); the CSV format carries it.

Refused, with the line of the question and nothing imported: short answer
(only ``=`` answers: ``{=four =4}``), numerical ``{#...}``, matching ``->``,
essay ``{}``, description (no braces), missing word (text after ``}``).
"""

import re

from django.utils.translation import gettext_lazy as _

from core import languages as site_languages

from .formats import (
    FRACTION_MESSAGE,
    HUNDRED,
    NUL_MESSAGE,
    POINTS_MESSAGE,
    ZERO,
    LineError,
    ParsedChoice,
    ParsedQuestion,
    ParseResult,
    choice_text_problem,
    key_problems,
    parse_fraction,
    parse_points,
    true_false_text,
)
from .richtext import html_to_text, markdown_to_html, sanitize_html

BOM = "\ufeff"
#: Escapes GIFT defines, and what they stand for.
ESCAPES = {"\\": "\\", "~": "~", "=": "=", "#": "#", "{": "{", "}": "}", ":": ":", "n": "\n"}
INERT = "\x01"  # stands for an escaped character while the structure is read
DIRECTIVE = re.compile(r"^//\s*(points|scoring)\s*:\s*(.*?)\s*$", re.IGNORECASE)
UNTRANSLATED = "untranslated"
UNTRANSLATED_MARKER = re.compile(r"^//\s*untranslated\s*$", re.IGNORECASE)
FORMAT_PREFIX = re.compile(r"^\s*\[(html|markdown|plain|moodle)\]")
TRUE_FALSE = {"T": True, "TRUE": True, "F": False, "FALSE": False}
ALL_OR_NOTHING = "all-or-nothing"


# Escapes -------------------------------------------------------------------


def gift_escape(text: str) -> str:
    """``text`` with GIFT's special characters escaped (as Moodle's exporter writes it)."""
    out = text.replace("\r\n", "\n").replace("\r", "\n").replace("\\", "\\\\")
    for char in "~=#{}:":
        out = out.replace(char, "\\" + char)
    return out.replace("\n", "\\n")


def gift_unescape(text: str) -> str:
    """``text`` with GIFT escapes resolved (``\\n`` is a line break); others kept as written."""
    out, i = [], 0
    while i < len(text):
        if text[i] == "\\" and i + 1 < len(text) and text[i + 1] in ESCAPES:
            out.append(ESCAPES[text[i + 1]])
            i += 2
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


def mask_escapes(text: str) -> str:
    """``text`` with every escape pair replaced by two inert characters (same length).

    The structure (braces, markers, ``#``, ``::``) is found in the mask and the
    pieces are cut from the original at the same offsets, as Moodle does with
    its placeholders.
    """
    out, i = [], 0
    while i < len(text):
        if text[i] == "\\" and i + 1 < len(text) and text[i + 1] in ESCAPES:
            out.append(INERT * 2)
            i += 2
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


def with_format(raw: str, default: str) -> tuple[str, str]:
    """(format, text) of a GIFT text that may start with ``[html]`` and friends."""
    match = FORMAT_PREFIX.match(raw)
    if match:
        return match.group(1), raw[match.end() :]
    return default, raw


def as_plain(raw: str, default: str) -> str:
    """An answer or feedback as plain text, whatever format it was written in."""
    fmt, text = with_format(raw, default)
    text = gift_unescape(text).strip()
    if fmt == "html":
        return html_to_text(text)
    if fmt == "markdown":
        return html_to_text(markdown_to_html(text))
    return text


# Blocks --------------------------------------------------------------------


def gift_blocks(lines: list[str]):
    """Yields (first line number, block text, directives) per question.

    A question is a run of non-blank lines. Comment lines stay in the block as
    empty lines so that offsets still map to line numbers. ``// points:`` and
    ``// scoring:`` lines before a question (in its block or above it) apply to
    it, and so does ``// untranslated``.
    """
    block: list[str] = []
    start = 0
    directives: dict[str, tuple[int, str]] = {}
    pending: dict[str, tuple[int, str]] = {}
    for number, line in enumerate(lines, start=1):
        stripped = line.strip()
        if not stripped:
            if block:
                yield start, "\n".join(block), directives
                block, directives = [], {}
            continue
        if stripped.startswith("//"):
            match = DIRECTIVE.match(stripped)
            if match and not block:
                pending[match.group(1).lower()] = (number, match.group(2))
            elif UNTRANSLATED_MARKER.match(stripped) and not block:
                pending[UNTRANSLATED] = (number, "")
            if block:
                block.append("")
            continue
        if not block and stripped.startswith("$CATEGORY:"):
            continue
        if not block:
            start = number
            directives, pending = pending, {}
        block.append(line)
    if block:
        yield start, "\n".join(block), directives


def parse_gift(text: str, language: str | None = None) -> ParseResult:
    """Parses GIFT text into questions in ``language`` (the default language if not given).

    Every bad line is reported.
    """
    language = language or site_languages.default()
    result = ParseResult(language=language)
    text = text.removeprefix(BOM).replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    for number, line in enumerate(lines, start=1):
        if "\x00" in line:
            result.errors.append(LineError(number, str(NUL_MESSAGE)))
    for start, block, directives in gift_blocks(lines):
        errors: list[LineError] = []
        question = GiftBlock(start, block, language, errors).parse()
        if question is not None:
            apply_directives(question, directives, errors)
        if question is not None and not errors:
            errors.extend(LineError(question.line, m) for m in key_problems(question))
        result.errors.extend(errors)
        if question is not None and not errors:
            result.questions.append(question)
    if not result.questions and not result.errors:
        result.errors.append(LineError(1, str(_("The file contains no questions."))))
    result.errors.sort(key=lambda e: e.line)
    return result


def apply_directives(question: ParsedQuestion, directives: dict, errors: list) -> None:
    question.untranslated = UNTRANSLATED in directives
    if "points" in directives:
        line, value = directives["points"]
        points = parse_points(value)
        if points is None:
            errors.append(LineError(line, str(POINTS_MESSAGE)))
        else:
            question.points = points
    if "scoring" in directives:
        line, value = directives["scoring"]
        if value.lower() != ALL_OR_NOTHING:
            errors.append(
                LineError(line, str(_("Unknown scoring: write “// scoring: all-or-nothing”.")))
            )
        elif question.kind != "multiple":
            errors.append(
                LineError(
                    line,
                    str(
                        _(
                            "All-or-nothing scoring is only for multiple-choice questions "
                            "written with ~%(weight)s weights."
                        )
                        % {"weight": "%n%"}
                    ),
                )
            )
        else:
            question.partial_credit = False


class GiftBlock:
    """One question's text; ``parse`` returns a ParsedQuestion or None with errors added."""

    def __init__(self, start: int, text: str, language: str, errors: list[LineError]):
        self.start, self.text, self.language, self.errors = start, text, language, errors
        self.mask = mask_escapes(text)

    def line_of(self, offset: int) -> int:
        return self.start + self.text.count("\n", 0, max(offset, 0))

    def error(self, offset: int, message) -> None:
        self.errors.append(LineError(self.line_of(offset), str(message)))

    def parse(self):
        mask = self.mask
        title, position = "", len(mask) - len(mask.lstrip())
        if mask.startswith("::", position):
            end = mask.find("::", position + 2)
            if end < 0:
                self.error(position, _("The title is not closed with ::."))
                return None
            title = gift_unescape(self.text[position + 2 : end]).strip()
            position = end + 2
        opening, closing = mask.find("{", position), mask.find("}", position)
        if opening < 0 and closing < 0:
            self.error(position, _("Descriptions (text without answers in { }) are not supported."))
            return None
        if opening < 0 or closing < opening:
            self.error(max(opening, closing), _("The answers must be between { and }."))
            return None
        if mask.find("{", opening + 1, closing) >= 0:
            self.error(opening, _("A { inside the answers must be written \\{."))
            return None
        if mask[closing + 1 :].strip():
            self.error(
                closing,
                _("Missing-word questions (text after the answers) are not supported."),
            )
            return None
        question = self.question_text(position, opening)
        if question is None:
            return None
        question.title = title
        return self.answers(question, opening, closing)

    def question_text(self, position: int, opening: int):
        fmt, raw = with_format(self.text[position:opening], "plain")
        text = gift_unescape(raw).strip()
        text_format = "plain"
        if fmt == "html":
            text, text_format = sanitize_html(text), "html"
        elif fmt == "markdown":
            text, text_format = markdown_to_html(text), "html"
        if not (html_to_text(text) if text_format == "html" else text):
            self.error(position, _("The question has no text."))
            return None
        return ParsedQuestion(
            line=self.start,
            kind="single",
            text={self.language: text},
            choices=[],
            text_format=text_format,
        )

    def answers(self, question: ParsedQuestion, opening: int, closing: int):
        default = question.text_format
        body_start, body_end = opening + 1, closing
        general = self.mask.rfind("####", body_start, body_end)
        if general >= 0:
            question.feedback = {
                self.language: as_plain(self.text[general + 4 : body_end], default)
            }
            body_end = general
        else:
            question.feedback = {self.language: ""}
        body = self.mask[body_start:body_end].strip()
        if not body:
            self.error(opening, _("Essay questions are not supported."))
        elif body.startswith("#"):
            self.error(opening, _("Numerical questions are not supported."))
        elif "~" in body:
            return self.choices(question, body_start, body_end)
        elif "=" in body and "->" in body:
            self.error(opening, _("Matching questions are not supported."))
        elif body.split("#", 1)[0].strip().upper() in TRUE_FALSE:
            return self.true_false(question, body_start, body_end)
        else:
            self.error(
                opening,
                _(
                    "Short-answer questions (answers only with =) are not supported; mark "
                    "wrong answers with ~."
                ),
            )
        return None

    def true_false(self, question: ParsedQuestion, body_start: int, body_end: int):
        hashes = [i for i in range(body_start, body_end) if self.mask[i] == "#"][
            :2
        ]  # Moodle: answer#wrong#right, the right feedback may hold further #
        bounds = [body_start] + [h + 1 for h in hashes]
        ends = [h for h in hashes] + [body_end]
        parts = [self.text[a:b] for a, b in zip(bounds, ends, strict=True)]
        answer = TRUE_FALSE[parts[0].strip().upper()]
        wrong = as_plain(parts[1], question.text_format) if len(parts) > 1 else ""
        right = as_plain(parts[2], question.text_format) if len(parts) > 2 else ""
        labels = true_false_text(self.language)
        language = self.language
        question.kind = "truefalse"
        question.choices = [
            ParsedChoice(
                {language: labels[0]},
                HUNDRED if answer else ZERO,
                {language: right if answer else wrong},
                line=question.line,
            ),
            ParsedChoice(
                {language: labels[1]},
                ZERO if answer else HUNDRED,
                {language: wrong if answer else right},
                line=question.line,
            ),
        ]
        return question

    def choices(self, question: ParsedQuestion, body_start: int, body_end: int):
        mask = self.mask
        markers = [i for i in range(body_start, body_end) if mask[i] in "=~"]
        lead = mask[body_start : markers[0]]
        if lead.strip():
            self.error(
                body_start + len(lead) - len(lead.lstrip()),
                _("Each answer must start with = (right) or ~ (wrong)."),
            )
            return None
        if not self.one_answer_per_line(markers, body_end):
            return None
        ok = True
        for marker, end in zip(markers, markers[1:] + [body_end], strict=True):
            choice = self.choice(mask[marker], marker + 1, end, question.text_format)
            if choice is None:
                ok = False
            else:
                question.choices.append(choice)
        if not ok:
            return None
        question.kind = "single" if "=" in mask[body_start:body_end] else "multiple"
        question.partial_credit = question.kind == "multiple"
        return question

    def one_answer_per_line(self, markers: list[int], body_end: int) -> bool:
        """Each line inside the answers starts an answer (= ~) or a feedback (#).

        Moodle glues any other line to the answer above; that is almost always
        a forgotten ``=`` or ``~``, so it is reported instead.
        """
        ok = True
        start = markers[0]
        offset = start
        for line in self.mask[start:body_end].split("\n"):
            stripped = line.strip()
            if offset > start and stripped and stripped[0] not in "=~#":
                self.error(offset, _("Each answer must start with = (right) or ~ (wrong)."))
                ok = False
            offset += len(line) + 1
        return ok

    def choice(self, marker: str, start: int, end: int, default: str):
        mask = self.mask
        while start < end and mask[start].isspace():
            start += 1
        fraction = HUNDRED
        if marker == "~":
            fraction = ZERO
            weight_end = mask.find("%", start + 1, end) if mask.startswith("%", start) else -1
            if weight_end >= 0:
                fraction = parse_fraction(mask[start + 1 : weight_end])
                if fraction is None:
                    self.error(start, FRACTION_MESSAGE)
                    return None
                start = weight_end + 1
        hash_at = mask.find("#", start, end)
        text_end = hash_at if hash_at >= 0 else end
        text = as_plain(self.text[start:text_end], default)
        feedback = as_plain(self.text[hash_at + 1 : end], default) if hash_at >= 0 else ""
        problem = choice_text_problem(text)
        if problem:
            self.error(start, problem)
            return None
        return ParsedChoice(
            {self.language: text},
            fraction,
            {self.language: feedback},
            line=self.line_of(start),
        )
