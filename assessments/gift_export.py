"""GIFT export: one file per language, read back by ``gift.parse_gift`` to the same questions.

Written as Moodle's own exporter writes GIFT, plus our ``// points: N`` and
``// scoring: all-or-nothing`` comment lines (see ``gift``'s docstring).
"""

import html

from core import languages as site_languages

from .formats import HUNDRED, ParsedQuestion, plain_number
from .gift import ALL_OR_NOTHING, FORMAT_PREFIX, UNTRANSLATED, gift_escape


def export_gift(questions: list[ParsedQuestion], language: str) -> str:
    """GIFT text of ``questions`` in one language (the other languages: paired files).

    Choices are written as Moodle writes them: ``=`` for 100 % in single
    choice, ``~`` for 0 %, ``~%n%`` otherwise; true/false as
    ``{TRUE#wrong#right}``; HTML questions with ``[html]``. In a paired file
    (any language but the default one), a question with no text in
    ``language`` is written in the first language that has it, feedback
    included, after a ``// untranslated`` line (``gift``'s docstring), so
    that importing the file back leaves it untranslated.
    """
    return (
        "\n\n".join(
            export_question(question, number, language)
            for number, question in enumerate(questions, start=1)
        )
        + "\n"
    )


def export_question(question: ParsedQuestion, number: int, language: str) -> str:
    is_html = question.text_format == "html"

    default = "[html]" if is_html else "[plain]"

    # Only a paired file (another language than the default one) marks a question.
    untranslated = language != site_languages.default() and not question.text.get(language)

    def text_of(values: dict) -> str:
        # A question or answer cannot be empty: an untranslated one is written
        # in the first language that has it.
        return values.get(language) or next((v for v in values.values() if v), "")

    def feedback_of(values: dict) -> str:
        return text_of(values) if untranslated else values.get(language) or ""

    def with_prefix(value: str) -> str:
        # A text that itself starts with "[html]" and the like gets its real
        # format in front, so that it is not read as a format marker.
        return default + value if FORMAT_PREFIX.match(value) else value

    def plain(value: str) -> str:
        # Answers and feedback of an [html] question are read as HTML.
        return with_prefix(gift_escape(html.escape(value, quote=False) if is_html else value))

    lines = [f"// {UNTRANSLATED}"] if untranslated else []
    lines.append(f"// points: {plain_number(question.points)}")
    if question.kind == "multiple" and not question.partial_credit:
        lines.append(f"// scoring: {ALL_OR_NOTHING}")
    text = gift_escape(text_of(question.text))
    head = f"::Q{number}:: {default + text if is_html else with_prefix(text)} {{"
    general = feedback_of(question.feedback)
    general = f"####{plain(general)}" if general else ""
    if question.kind == "truefalse":
        true_choice, false_choice = question.choices[0], question.choices[1]
        answer_true = true_choice.correct
        right, wrong = (true_choice, false_choice) if answer_true else (false_choice, true_choice)
        right_fb = plain(feedback_of(right.feedback))
        wrong_fb = plain(feedback_of(wrong.feedback))
        feedback = f"#{wrong_fb}#{right_fb}" if right_fb else (f"#{wrong_fb}" if wrong_fb else "")
        lines.append(head + ("TRUE" if answer_true else "FALSE") + feedback + general + "}")
        return "\n".join(lines)
    lines.append(head)
    for choice in question.choices:
        choice_text = plain(text_of(choice.text))
        if question.kind == "single" and choice.fraction == HUNDRED:
            mark = "="
        elif choice.fraction == 0 and not choice_text.startswith("%"):
            mark = "~"
        else:
            # A text that starts with % gets an explicit weight so that it is
            # not read as one.
            mark = f"~%{plain_number(choice.fraction)}%"
        feedback = plain(feedback_of(choice.feedback))
        lines.append(f"  {mark}{choice_text}" + (f" #{feedback}" if feedback else ""))
    if general:
        lines.append(f"  {general}")
    lines.append("}")
    return "\n".join(lines)
