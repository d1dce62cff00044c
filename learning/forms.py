"""Reading a trainee's answers out of a POST (the same form with or without JS)."""

from django.utils.translation import gettext_lazy as _

from .attempts import AttemptError

FIELD_PREFIX = "q"


class MalformedAnswersError(AttemptError):
    message = _("The answers sent could not be read; nothing was saved. Please try again.")


def parse_int(value) -> int:
    try:
        number = int(str(value).strip())
    except (TypeError, ValueError):
        raise MalformedAnswersError from None
    if number < 0 or number > 2**62:
        raise MalformedAnswersError
    return number


def parse_answers(data) -> dict[int, list[int]]:
    """{question id: [choice ids]} from ``shown`` and ``q<question id>`` fields.

    Every question listed in ``shown`` gets an entry, so clearing all the
    boxes of a question is saved too.
    """
    answers: dict[int, list[int]] = {}
    for value in data.getlist("shown"):
        answers.setdefault(parse_int(value), [])
    for key in data.keys():
        if not key.startswith(FIELD_PREFIX) or key == "shown":
            continue
        question_id = parse_int(key[len(FIELD_PREFIX) :])
        answers[question_id] = sorted({parse_int(v) for v in data.getlist(key)})
    return answers


def parse_position(data, total: int) -> int | None:
    """The 0-based question to go to (``goto``), or None when absent."""
    value = data.get("goto")
    if value in (None, ""):
        return None
    return min(parse_int(value), max(total - 1, 0))
