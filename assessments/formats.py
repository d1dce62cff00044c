"""Question import and export: Moodle GIFT and CSV. Pure functions, no database.

GIFT (one language per file; Spanish comes in a *paired* file with the same
questions in the same order)::

    // points: 2
    ::Q1:: Which element defines trafficking? {
      =A purpose of exploitation #Correct.
      ~Crossing a border #That is smuggling.
      #### General feedback.
    }
    Select every indicator {~%50%Debt ~%50%Confiscated papers ~%-100%A visa}
    Smuggling requires a border crossing. {T#Wrong: it does.#Right.}

Supported: single choice (one ``=``), multiple choice (several ``=`` is all or
nothing; ``~%50%`` weights give partial credit), true/false (``{T}``,
``{FALSE}``, with ``#wrong feedback#right feedback``), general feedback
``####``, comments ``//``, and an optional ``// points: N`` line before a
question. Other GIFT types (numeric, matching, essay) are reported as errors.

CSV (both languages in one file), one row per question followed by its
choice rows::

    kind,points,partial_credit,correct,text_en,text_es,feedback_en,feedback_es
    single,1,no,,Question?,¿Pregunta?,General feedback,Retroalimentación
    choice,,,yes,Right,Correcta,Well done,Muy bien
    choice,,,no,Wrong,Incorrecta,,
    truefalse,1,no,true,Statement,Afirmación,,

Every parser returns questions *and* errors with line numbers; an importer
must import nothing while there is any error.
"""

import csv
import io
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext_lazy as _

KINDS = ("single", "multiple", "truefalse")
TRUE_FALSE_TEXT = {
    "en": ("True", "False"),
    "es": ("Verdadero", "Falso"),
}


@dataclass
class ParsedChoice:
    text: dict[str, str]
    correct: bool
    feedback: dict[str, str] = field(default_factory=dict)


@dataclass
class ParsedQuestion:
    line: int
    kind: str
    text: dict[str, str]
    choices: list[ParsedChoice]
    feedback: dict[str, str] = field(default_factory=dict)
    points: Decimal = Decimal("1")
    partial_credit: bool = False


@dataclass(frozen=True)
class LineError:
    line: int
    message: str


@dataclass
class ParseResult:
    questions: list[ParsedQuestion] = field(default_factory=list)
    errors: list[LineError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors and bool(self.questions)


# GIFT ----------------------------------------------------------------------

SPECIAL = "~=#{}:"
POINTS_COMMENT = re.compile(r"^//\s*points\s*:\s*(\S+)\s*$", re.IGNORECASE)
TF_ANSWER = re.compile(r"^(T|TRUE|F|FALSE)$", re.IGNORECASE)


def gift_escape(text: str) -> str:
    out = text.replace("\\", "\\\\")
    for char in SPECIAL:
        out = out.replace(char, "\\" + char)
    return out.replace("\n", "\\n")


def gift_unescape(text: str) -> str:
    out, i = [], 0
    while i < len(text):
        char = text[i]
        if char == "\\" and i + 1 < len(text):
            nxt = text[i + 1]
            out.append("\n" if nxt == "n" else nxt)
            i += 2
            continue
        out.append(char)
        i += 1
    return "".join(out).strip()


def unescaped_positions(text: str, chars: str) -> list[int]:
    """Indices of ``chars`` in ``text`` not preceded by a backslash escape."""
    positions, i = [], 0
    while i < len(text):
        if text[i] == "\\":
            i += 2
            continue
        if text[i] in chars:
            positions.append(i)
        i += 1
    return positions


def gift_blocks(text: str):
    """Yields (first line number, lines, points) per question block."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    block: list[str] = []
    start = 0
    points = None
    pending_points = None
    for number, line in enumerate(lines, start=1):
        stripped = line.strip()
        match = POINTS_COMMENT.match(stripped)
        if match and not block:
            pending_points = (number, match.group(1))
            continue
        if stripped.startswith("//") or stripped.startswith("$CATEGORY"):
            continue
        if not stripped:
            if block:
                yield start, block, points
                block, points = [], None
            continue
        if not block:
            start = number
            points, pending_points = pending_points, None
        block.append(line)
    if block:
        yield start, block, points


def parse_gift(text: str, language: str = "en") -> ParseResult:
    """Parses GIFT text into questions in ``language``; every bad line is reported."""
    result = ParseResult()
    if text.startswith("\ufeff"):
        text = text[1:]
    for start, lines, points in gift_blocks(text):
        errors_before = len(result.errors)
        question = parse_gift_block(start, lines, language, result.errors)
        if points is not None and question is not None:
            try:
                question.points = Decimal(points[1])
                if question.points < 0:
                    raise InvalidOperation
            except InvalidOperation:
                result.errors.append(LineError(points[0], str(_("Points must be a number."))))
        if question is not None and len(result.errors) == errors_before:
            result.questions.append(question)
    if not result.questions and not result.errors:
        result.errors.append(LineError(1, str(_("The file contains no questions."))))
    return result


def parse_gift_block(start: int, lines: list[str], language: str, errors: list[LineError]):
    block = "\n".join(lines)

    def line_of(offset: int) -> int:
        return start + block.count("\n", 0, offset)

    def error(offset: int, message) -> None:
        errors.append(LineError(line_of(offset), str(message)))

    opens = unescaped_positions(block, "{")
    closes = unescaped_positions(block, "}")
    if not opens:
        error(0, _("No answers: a question needs its answers between { and }."))
        return None
    if not closes or closes[-1] < opens[0]:
        error(len(block) - 1, _("The answers are not closed with }."))
        return None
    if len(opens) > 1 or len(closes) > 1:
        error(
            opens[-1] if len(opens) > 1 else closes[0], _("Only one { } answer block per question.")
        )
        return None
    open_at, close_at = opens[0], closes[0]
    head = block[:open_at]
    tail = block[close_at + 1 :].strip()
    colons = [p for p in unescaped_positions(head, ":") if p + 1 < len(head) and head[p + 1] == ":"]
    if head.lstrip().startswith("::") and len(colons) >= 2:
        # ::title:: — the title is only a label; the text follows it.
        head = head[colons[1] + 2 :]
    head = re.sub(r"^\s*\[(html|moodle|plain|markdown)\]", "", head)
    question_text = gift_unescape(head)
    if tail:
        question_text = f"{question_text} _____ {gift_unescape(tail)}".strip()
    if not question_text:
        error(0, _("The question has no text."))
        return None
    body = block[open_at + 1 : close_at]
    body_offset = open_at + 1
    general = ""
    general_at = body.find("####")
    if general_at >= 0:
        general = gift_unescape(body[general_at + 4 :])
        body = body[:general_at]
    if not body.strip():
        error(open_at, _("Essay questions are not supported; give choices with = and ~."))
        return None
    if "->" in body:
        error(open_at, _("Matching questions are not supported."))
        return None
    if body.strip().startswith("#"):
        error(open_at, _("Numerical questions are not supported."))
        return None

    bare = body.strip()
    tf = unescaped_positions(bare, "#")
    tf_word = bare[: tf[0]] if tf else bare
    if TF_ANSWER.match(tf_word.strip()):
        answer_true = tf_word.strip().upper().startswith("T")
        feedbacks = [
            gift_unescape(bare[a + 1 : b]) for a, b in zip(tf, tf[1:] + [len(bare)], strict=True)
        ]
        wrong_feedback = feedbacks[0] if feedbacks else ""
        right_feedback = feedbacks[1] if len(feedbacks) > 1 else ""
        labels = TRUE_FALSE_TEXT.get(language, TRUE_FALSE_TEXT["en"])
        choices = [
            ParsedChoice(
                {language: labels[0]},
                answer_true,
                {language: right_feedback if answer_true else wrong_feedback},
            ),
            ParsedChoice(
                {language: labels[1]},
                not answer_true,
                {language: wrong_feedback if answer_true else right_feedback},
            ),
        ]
        return ParsedQuestion(
            line=start,
            kind="truefalse",
            text={language: question_text},
            choices=choices,
            feedback={language: general},
        )

    # One answer per line in the multi-line layout: a line that starts with
    # something else is almost always a missing = or ~ (Moodle would silently
    # glue it to the previous answer).
    bad_lines = False
    offset = body_offset
    for raw_line in body.split("\n"):
        stripped = raw_line.strip()
        if offset > body_offset and stripped and stripped[0] not in "=~#":
            error(offset, _("Each answer must start with = (right) or ~ (wrong)."))
            bad_lines = True
        offset += len(raw_line) + 1
    if bad_lines:
        return None
    marks = unescaped_positions(body, "=~")
    first_text = body[: marks[0]] if marks else body
    if first_text.strip():
        offset = body_offset + len(first_text) - len(first_text.lstrip())
        error(offset, _("Each answer must start with = (right) or ~ (wrong)."))
        return None
    answers = []
    bad = False
    for a, b in zip(marks, marks[1:] + [len(body)], strict=True):
        raw = body[a + 1 : b]
        offset = body_offset + a
        weight = None
        stripped = raw.lstrip()
        if stripped.startswith("%"):
            end = stripped.find("%", 1)
            try:
                if end < 0:
                    raise InvalidOperation
                weight = Decimal(stripped[1:end])
                if not Decimal(-100) <= weight <= Decimal(100):
                    raise InvalidOperation
            except InvalidOperation:
                error(
                    offset, _("The weight must be a percentage between -100 and 100, as in %50%.")
                )
                bad = True
                continue
            raw = stripped[end + 1 :]
        hashes = unescaped_positions(raw, "#")
        text = gift_unescape(raw[: hashes[0]] if hashes else raw)
        feedback = gift_unescape(raw[hashes[0] + 1 :]) if hashes else ""
        if not text:
            error(offset, _("An answer has no text."))
            bad = True
            continue
        answers.append((body[a], weight, text, feedback, offset))
    if bad:
        return None
    if len(answers) < 2:
        error(open_at, _("A question needs at least two answers."))
        return None
    weighted = any(w is not None and w > 0 for op, w, *_rest in answers if op == "~")
    if weighted:
        correct = [(op == "=") or (w is not None and w > 0) for op, w, *_rest in answers]
    else:
        correct = [op == "=" for op, *_rest in answers]
    if not any(correct):
        error(open_at, _("No right answer: mark it with = or a positive weight such as ~%50%."))
        return None
    n_correct = sum(correct)
    kind = "single" if n_correct == 1 and not weighted else "multiple"
    return ParsedQuestion(
        line=start,
        kind=kind,
        text={language: question_text},
        choices=[
            ParsedChoice({language: text}, is_correct, {language: feedback})
            for (_op, _w, text, feedback, _o), is_correct in zip(answers, correct, strict=True)
        ],
        feedback={language: general},
        partial_credit=weighted,
    )


def merge_gift_pair(english: ParseResult, spanish: ParseResult) -> ParseResult:
    """Adds the Spanish texts of a paired GIFT file to the English questions.

    The files must hold the same questions in the same order with the same
    answer key; every mismatch is an error on the Spanish file's line.
    """
    merged = ParseResult(
        errors=list(english.errors)
        + [
            LineError(e.line, str(_("Spanish file: %(message)s") % {"message": e.message}))
            for e in spanish.errors
        ]
    )
    if merged.errors:
        return merged
    if len(english.questions) != len(spanish.questions):
        merged.errors.append(
            LineError(
                spanish.questions[-1].line if spanish.questions else 1,
                str(
                    _("Spanish file: %(es)s questions, but the English file has %(en)s.")
                    % {"es": len(spanish.questions), "en": len(english.questions)}
                ),
            )
        )
        return merged
    for en, es in zip(english.questions, spanish.questions, strict=True):
        same = (
            en.kind == es.kind
            and len(en.choices) == len(es.choices)
            and all(a.correct == b.correct for a, b in zip(en.choices, es.choices, strict=True))
        )
        if not same:
            merged.errors.append(
                LineError(
                    es.line,
                    str(
                        _(
                            "Spanish file: this question does not match English question at "
                            "line %(line)s (type, number of answers or right answers differ)."
                        )
                        % {"line": en.line}
                    ),
                )
            )
            continue
        en.text.update(es.text)
        en.feedback.update(es.feedback)
        for a, b in zip(en.choices, es.choices, strict=True):
            a.text.update(b.text)
            a.feedback.update(b.feedback)
        merged.questions.append(en)
    if merged.errors:
        merged.questions = []
    return merged


def export_gift(questions: list[ParsedQuestion], language: str) -> str:
    """GIFT text of ``questions`` in one language (Spanish: the paired file)."""
    blocks = []
    for number, question in enumerate(questions, start=1):
        text = gift_escape(question.text.get(language) or question.text.get("en", ""))
        lines = [f"// points: {question.points.normalize():f}", f"::Q{number}:: {text} {{"]
        general = question.feedback.get(language) or ""
        if question.kind == "truefalse":
            true_choice = question.choices[0]
            answer_true = true_choice.correct
            right = next((c for c in question.choices if c.correct), true_choice)
            wrong = next((c for c in question.choices if not c.correct), true_choice)
            feedback = ""
            wrong_fb = gift_escape(wrong.feedback.get(language) or "")
            right_fb = gift_escape(right.feedback.get(language) or "")
            if wrong_fb or right_fb:
                feedback = f"#{wrong_fb}#{right_fb}"
            lines[-1] = lines[-1] + ("TRUE" if answer_true else "FALSE") + feedback
        else:
            n_correct = sum(c.correct for c in question.choices) or 1
            n_wrong = len(question.choices) - n_correct
            for choice in question.choices:
                choice_text = gift_escape(choice.text.get(language) or choice.text.get("en", ""))
                if question.kind == "multiple" and question.partial_credit:
                    share = Decimal(100) / (n_correct if choice.correct else max(n_wrong, 1))
                    share = share.quantize(Decimal("0.00001")).normalize()
                    prefix = f"~%{share:f}%" if choice.correct else f"~%-{share:f}%"
                else:
                    prefix = "=" if choice.correct else "~"
                feedback = gift_escape(choice.feedback.get(language) or "")
                lines.append(f"  {prefix}{choice_text}" + (f" #{feedback}" if feedback else ""))
        if general:
            lines.append(f"  ####{gift_escape(general)}")
        if question.kind == "truefalse":
            lines[-1] = lines[-1] + "}" if not general else lines[-1]
            if general:
                lines.append("}")
        else:
            lines.append("}")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n"


# CSV -----------------------------------------------------------------------

CSV_COLUMNS = [
    "kind",
    "points",
    "partial_credit",
    "correct",
    "text_en",
    "text_es",
    "feedback_en",
    "feedback_es",
]
YES = {"yes", "y", "true", "t", "1", "si", "sí", "x", "v", "verdadero"}
NO = {"no", "n", "false", "f", "0", "", "falso"}


def parse_bool(value: str) -> bool | None:
    value = (value or "").strip().lower()
    if value in YES:
        return True
    if value in NO:
        return False
    return None


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


def parse_csv(text: str) -> ParseResult:
    """Parses the CSV format (both languages per row); every bad line is reported."""
    result = ParseResult()
    if text.startswith("\ufeff"):
        text = text[1:]
    unreadable = csv_unreadable(text)
    if unreadable is not None:
        result.errors.append(unreadable)
        return result
    reader = csv.DictReader(io.StringIO(text, newline=""))
    missing = [c for c in CSV_COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        result.errors.append(
            LineError(1, str(_("Missing columns: %(columns)s.") % {"columns": ", ".join(missing)}))
        )
        return result
    current = None
    current_bad = False

    def finish():
        if current is None or current_bad:
            return
        if current.kind != "truefalse":
            if len(current.choices) < 2:
                result.errors.append(
                    LineError(current.line, str(_("A question needs at least two choice rows.")))
                )
                return
            n_correct = sum(c.correct for c in current.choices)
            if n_correct == 0:
                result.errors.append(
                    LineError(current.line, str(_("No choice of this question is marked correct.")))
                )
                return
            if current.kind == "single" and n_correct > 1:
                result.errors.append(
                    LineError(
                        current.line,
                        str(_("A single-choice question must have exactly one correct choice.")),
                    )
                )
                return
        result.questions.append(current)

    for row in reader:
        line = reader.line_num
        kind = (row.get("kind") or "").strip().lower()
        if not any((v or "").strip() for v in row.values() if isinstance(v, str)):
            continue
        text = {"en": (row.get("text_en") or "").strip(), "es": (row.get("text_es") or "").strip()}
        feedback = {
            "en": (row.get("feedback_en") or "").strip(),
            "es": (row.get("feedback_es") or "").strip(),
        }
        if kind == "choice":
            correct = parse_bool(row.get("correct"))
            if current is None:
                result.errors.append(
                    LineError(line, str(_("A choice row must follow a question row.")))
                )
            elif current.kind == "truefalse":
                result.errors.append(
                    LineError(line, str(_("True/false questions take no choice rows.")))
                )
                current_bad = True
            elif correct is None:
                result.errors.append(LineError(line, str(_("“correct” must be yes or no."))))
                current_bad = True
            elif not text["en"]:
                result.errors.append(LineError(line, str(_("The choice has no English text."))))
                current_bad = True
            else:
                current.choices.append(ParsedChoice(text, correct, feedback))
            continue
        finish()
        current, current_bad = None, False
        if kind not in KINDS:
            result.errors.append(
                LineError(
                    line,
                    str(
                        _("Unknown kind “%(kind)s”: use single, multiple, truefalse or choice.")
                        % {"kind": kind}
                    ),
                )
            )
            current_bad = True
            current = ParsedQuestion(line=line, kind="single", text=text, choices=[])
            continue
        problems = []
        try:
            points = Decimal((row.get("points") or "1").strip() or "1")
            if points < 0:
                raise InvalidOperation
        except InvalidOperation:
            problems.append(str(_("Points must be a number.")))
            points = Decimal(1)
        partial = parse_bool(row.get("partial_credit"))
        if partial is None:
            problems.append(str(_("“partial_credit” must be yes or no.")))
        if not text["en"]:
            problems.append(str(_("The question has no English text.")))
        current = ParsedQuestion(
            line=line,
            kind=kind,
            text=text,
            choices=[],
            feedback=feedback,
            points=points,
            partial_credit=bool(partial) and kind == "multiple",
        )
        if kind == "truefalse":
            answer = parse_bool(row.get("correct"))
            if answer is None or not (row.get("correct") or "").strip():
                problems.append(str(_("A true/false question needs “correct” true or false.")))
            else:
                current.choices = [
                    ParsedChoice({"en": "True", "es": "Verdadero"}, answer),
                    ParsedChoice({"en": "False", "es": "Falso"}, not answer),
                ]
        for problem in problems:
            result.errors.append(LineError(line, problem))
        current_bad = bool(problems)
    finish()
    if not result.questions and not result.errors:
        result.errors.append(LineError(1, str(_("The file contains no questions."))))
    if result.errors:
        result.errors.sort(key=lambda e: e.line)
    return result


def export_csv(questions: list[ParsedQuestion]) -> str:
    """CSV text of ``questions`` with both languages (the format ``parse_csv`` reads)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for question in questions:
        correct = ""
        if question.kind == "truefalse":
            correct = "true" if question.choices and question.choices[0].correct else "false"
        writer.writerow(
            [
                question.kind,
                f"{question.points.normalize():f}",
                "yes" if question.partial_credit else "no",
                correct,
                question.text.get("en", ""),
                question.text.get("es", ""),
                question.feedback.get("en", ""),
                question.feedback.get("es", ""),
            ]
        )
        if question.kind == "truefalse":
            continue
        for choice in question.choices:
            writer.writerow(
                [
                    "choice",
                    "",
                    "",
                    "yes" if choice.correct else "no",
                    choice.text.get("en", ""),
                    choice.text.get("es", ""),
                    choice.feedback.get("en", ""),
                    choice.feedback.get("es", ""),
                ]
            )
    return buffer.getvalue()
