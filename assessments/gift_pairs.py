"""Paired GIFT files: the Spanish file checked question by question against the English one.

Moodle has one language per question bank, so a bilingual quiz travels as two
GIFT files with the same questions in the same order. Everything that decides
the score (type, points, partial credit, each answer's grade) and the
``::title::`` where both files give one must be the same; only texts and
feedback differ. A mismatch names the question (title or number) and both
lines, and nothing is imported.
"""

from django.utils.translation import gettext_lazy as _

from .formats import KIND_LABELS, LineError, ParsedQuestion, ParseResult, plain_number


def question_label(question: ParsedQuestion, number: int) -> str:
    if question.title:
        return str(_("Question “%(title)s”") % {"title": question.title})
    return str(_("Question %(number)s") % {"number": number})


def pair_differences(en: ParsedQuestion, es: ParsedQuestion) -> list[str]:
    """What differs between a question and its translation, in words."""

    def differ(what, english, spanish) -> str:
        return str(
            _("%(what)s differ (%(en)s in English, %(es)s in Spanish)")
            % {"what": what, "en": english, "es": spanish}
        )

    def yes_no(value: bool) -> str:
        return str(_("yes") if value else _("no"))

    out = []
    if en.title and es.title and en.title != es.title:
        out.append(differ(_("the titles"), f"“{en.title}”", f"“{es.title}”"))
    if en.kind != es.kind:
        out.append(differ(_("the types"), KIND_LABELS[en.kind], KIND_LABELS[es.kind]))
        return out
    if en.points != es.points:
        out.append(differ(_("the points"), plain_number(en.points), plain_number(es.points)))
    if en.partial_credit != es.partial_credit:
        out.append(
            differ(
                _("the partial credit settings"),
                yes_no(en.partial_credit),
                yes_no(es.partial_credit),
            )
        )
    if en.text_format != es.text_format:
        out.append(differ(_("the text formats"), en.text_format, es.text_format))
    if len(en.choices) != len(es.choices):
        out.append(differ(_("the numbers of answers"), len(en.choices), len(es.choices)))
        return out
    for number, (a, b) in enumerate(zip(en.choices, es.choices, strict=True), start=1):
        if a.fraction != b.fraction:
            out.append(
                differ(
                    _("the grades of answer %(number)s") % {"number": number},
                    f"{plain_number(a.fraction)} %",
                    f"{plain_number(b.fraction)} %",
                )
            )
    return out


def merge_gift_pair(english: ParseResult, spanish: ParseResult) -> ParseResult:
    """Adds the Spanish texts of a paired GIFT file to the English questions.

    The files must hold the same questions in the same order: same type,
    points, partial credit, text format, number of answers and grade of each
    answer, and the same ``::title::`` where both give one. Every mismatch is
    an error naming the question and both lines; nothing is imported then.
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
    for number, (en, es) in enumerate(
        zip(english.questions, spanish.questions, strict=True), start=1
    ):
        differences = pair_differences(en, es)
        if differences:
            merged.errors.append(
                LineError(
                    es.line,
                    str(
                        _(
                            "%(question)s (English line %(en_line)s, Spanish line %(es_line)s) "
                            "does not match its translation: %(differences)s."
                        )
                        % {
                            "question": question_label(en, number),
                            "en_line": en.line,
                            "es_line": es.line,
                            "differences": "; ".join(differences),
                        }
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
