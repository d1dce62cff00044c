"""Write side of quiz content: questions as plain data for export, and import.

Attempts (learners' records) live in ``learning.attempts``.
"""

from decimal import Decimal

from django.conf import settings
from django.db import transaction
from django.utils import translation
from modeltranslation.utils import build_localized_fieldname

from .models import Question, QuizPage, question_order_key


def quiz_as_parsed(quiz: QuizPage) -> list:
    """The quiz's questions (latest draft, as trainers see them) as plain data for export."""
    from .formats import ParsedChoice, ParsedQuestion

    languages = [code for code, _name in settings.LANGUAGES]

    def texts(obj, name: str) -> dict[str, str]:
        return {
            code: getattr(obj, build_localized_fieldname(name, code), None) or ""
            for code in languages
        }

    draft = quiz.get_latest_revision_as_object()
    questions = []
    for question in sorted(draft.questions.all(), key=question_order_key):
        choices = sorted(question.choices.all(), key=lambda c: (c.sort_order or 0, c.pk or 0))
        questions.append(
            ParsedQuestion(
                line=0,
                kind=question.kind,
                text=texts(question, "text"),
                feedback=texts(question, "feedback"),
                points=Decimal(question.points),
                partial_credit=question.partial_credit,
                text_format=question.text_format,
                choices=[
                    ParsedChoice(
                        text=texts(c, "text"),
                        fraction=Decimal(c.fraction),
                        feedback=texts(c, "feedback"),
                    )
                    for c in choices
                ],
            )
        )
    return questions


def quiz_import_questions(*, quiz: QuizPage, questions: list, user=None):
    """Appends imported questions to the quiz as a new revision.

    Published at once when the quiz is live without pending draft changes.
    Otherwise the questions join the latest draft, which stays unpublished
    (with its other changes) for the trainer to review and publish.
    """
    from .models import Choice

    languages = [code for code, _name in settings.LANGUAGES]

    def set_texts(obj, name: str, values: dict) -> None:
        for code in languages:
            setattr(obj, build_localized_fieldname(name, code), values.get(code) or "")

    with translation.override(settings.MODELTRANSLATION_DEFAULT_LANGUAGE):
        draft = quiz.get_latest_revision_as_object()
        had_draft = quiz.has_unpublished_changes
        existing = list(draft.questions.all())
        # Questions made outside the editor may have no position yet; number
        # them as they are listed so the imported ones come after them on any
        # database (PostgreSQL sorts a NULL position last, SQLite first).
        for position, question in enumerate(existing):
            question.sort_order = position
        added = []
        for offset, parsed in enumerate(questions):
            question = Question(
                kind=parsed.kind,
                text_format=parsed.text_format,
                points=parsed.points,
                partial_credit=parsed.partial_credit,
                sort_order=len(existing) + offset,
            )
            set_texts(question, "text", parsed.text)
            set_texts(question, "feedback", parsed.feedback)
            choices = []
            for position, parsed_choice in enumerate(parsed.choices):
                choice = Choice(
                    fraction=parsed_choice.fraction,
                    # Kept in step here too: the revision stores the field as given.
                    is_correct=parsed_choice.fraction > 0,
                    sort_order=position,
                )
                set_texts(choice, "text", parsed_choice.text)
                set_texts(choice, "feedback", parsed_choice.feedback)
                choices.append(choice)
            question.choices = choices
            added.append(question)
        draft.questions = existing + added
        revision = draft.save_revision(user=user, log_action=True)
        if quiz.live and not had_draft:
            revision.publish(user=user)
    return revision


quiz_import_questions = transaction.atomic(quiz_import_questions)
