"""Paired GIFT files: a translation's file checked question by question against the main one.

Moodle has one language per question bank, so a quiz in several languages
travels as one GIFT file per language (the default language's first, then one
per other language in ``settings.LANGUAGES``) with the same questions in the
same order. Everything that decides
the score (type, points, partial credit, each answer's grade) and the
``::title::`` where both files give one must be the same; only texts and
feedback differ. A mismatch names the question (title or number) and both
lines, and nothing is imported.

A question of the paired file marked ``// untranslated`` (the comment line
before it, see ``gift``) is checked the same way but its texts are not
imported: the question keeps empty texts in that language, and trainees read
it in the default language until a trainer translates it.
"""

from django.utils.translation import gettext_lazy as _

from core import languages as site_languages

from .formats import KIND_LABELS, LineError, ParsedQuestion, ParseResult, plain_number


def question_label(question: ParsedQuestion, number: int) -> str:
    if question.title:
        return str(_("Question “%(title)s”") % {"title": question.title})
    return str(_("Question %(number)s") % {"number": number})


def result_language(result: ParseResult, fallback: str) -> str:
    """The language of a parsed file: as parsed, else its questions' texts', else ``fallback``."""
    if result.language:
        return result.language
    for question in result.questions:
        if question.text:
            return next(iter(question.text))
    return fallback


def other_language(main: ParseResult, other: ParseResult) -> str:
    main_language = result_language(main, site_languages.default())
    fallback = next(
        (code for code in site_languages.others() if code != main_language),
        site_languages.default(),
    )
    return result_language(other, fallback)


def pair_differences(
    en: ParsedQuestion,
    es: ParsedQuestion,
    *,
    main_language: str | None = None,
    language: str | None = None,
) -> list[str]:
    """What differs between a question (``en``) and its translation (``es``), in words.

    The languages default to the site's default one and its first other one.
    """
    main_language = main_language or site_languages.default()
    language = language or next(iter(site_languages.others()), main_language)

    def differ(what, main, other) -> str:
        return str(
            _("%(what)s differ (%(main)s in %(main_language)s, %(other)s in %(language)s)")
            % {
                "what": what,
                "main": main,
                "other": other,
                "main_language": site_languages.name_in_sentence(main_language),
                "language": site_languages.name_in_sentence(language),
            }
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
    """Adds the texts of a paired GIFT file (``spanish``: a translation) to the main questions.

    The main file (``english``) is usually in the default language; each file's
    language is the one it was parsed in, and messages name both.

    The files must hold the same questions in the same order: same type,
    points, partial credit, text format, number of answers and grade of each
    answer, and the same ``::title::`` where both give one. Every mismatch is
    an error naming the question and both lines; nothing is imported then.
    """
    main_language = result_language(english, site_languages.default())
    language = other_language(english, spanish)
    names = {
        "main_language": site_languages.name_in_sentence(main_language),
        "language": site_languages.name_in_sentence(language),
    }
    merged = ParseResult(
        errors=list(english.errors)
        + [
            LineError(
                e.line,
                str(_("%(language)s file: %(message)s") % dict(names, message=e.message)),
            )
            for e in spanish.errors
        ],
        language=english.language,
    )
    if merged.errors:
        return merged
    if len(english.questions) != len(spanish.questions):
        merged.errors.append(
            LineError(
                spanish.questions[-1].line if spanish.questions else 1,
                str(
                    _(
                        "%(language)s file: %(count)s questions, "
                        "but the %(main_language)s file has %(main_count)s."
                    )
                    % dict(names, count=len(spanish.questions), main_count=len(english.questions))
                ),
            )
        )
        return merged
    for number, (en, es) in enumerate(
        zip(english.questions, spanish.questions, strict=True), start=1
    ):
        differences = pair_differences(en, es, main_language=main_language, language=language)
        if differences:
            merged.errors.append(
                LineError(
                    es.line,
                    str(
                        _(
                            "%(question)s (%(main_language)s line %(main_line)s, "
                            "%(language)s line %(line)s) "
                            "does not match its translation: %(differences)s."
                        )
                        % dict(
                            names,
                            question=question_label(en, number),
                            main_line=en.line,
                            line=es.line,
                            differences="; ".join(differences),
                        )
                    ),
                )
            )
            continue
        merged.questions.append(en)
        if es.untranslated:
            continue
        en.text.update(es.text)
        en.feedback.update(es.feedback)
        for a, b in zip(en.choices, es.choices, strict=True):
            a.text.update(b.text)
            a.feedback.update(b.feedback)
    if merged.errors:
        merged.questions = []
    return merged
