"""The attempt page never tells which choices are right, in any attribute, field or comment.

The key the page could leak lives in two places: the choices' grades in the
database and the copy frozen in the attempt's snapshot. The pages must be the
same whichever way either is set, and the markup of a right choice must be
the markup of a wrong one.
"""

from html.parser import HTMLParser

import pytest

from assessments.models import Choice
from learning import attempts as services
from learning.models import Attempt
from tests import factories
from tests.assessments import helpers

pytestmark = pytest.mark.django_db

#: Every data- attribute the attempt page may carry, and why it is harmless.
ALLOWED_DATA_ATTRIBUTES = {
    "data-deadline",  # the deadline, shown as a countdown
    "data-autosave-url",  # where the script saves answers
    "data-offline-message",  # what the script says when the connection drops
}
#: Words that have no business in an attribute name of the attempt page.
FORBIDDEN_WORDS = ("key", "correct", "right", "fraction", "grade", "score", "answer", "points")


class Markup(HTMLParser):
    """Every start tag with its attributes, and every comment, of a page."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.comments: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, {name: value or "" for name, value in attrs}))

    def handle_comment(self, data):
        self.comments.append(data)


@pytest.fixture
def taking(client):
    course = factories.course(lessons=1)
    quiz = helpers.quiz(course, time_limit_minutes=30)
    trainee, _ = helpers.enrolled(course)
    client.force_login(trainee)
    attempt = services.attempt_start(user=trainee, quiz=quiz, language="en")
    base = f"{quiz.get_url()}attempt/{attempt.pk}/"
    return client, quiz, attempt, base


def pages(client, quiz, base) -> list[str]:
    urls = [base + "?q=1", base + "?q=2", base + "?q=3", base + "?all=1", quiz.get_url()]
    htmls = []
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        markup = Markup(response.content.decode())
        # The CSRF token changes from one response to the next; nothing else may.
        tags = [(tag, attrs) for tag, attrs in markup.tags]
        htmls.append([t for t in tags if t[1].get("name") != "csrfmiddlewaretoken"])
    return htmls


def flip(fraction) -> str:
    return "0" if float(fraction) > 0 else "100"


def test_flipping_the_key_in_the_snapshot_and_the_database_changes_no_page(taking):
    client, quiz, attempt, base = taking
    before = pages(client, quiz, base)
    snapshot = attempt.snapshot
    for question in snapshot["questions"]:
        question["fractions"] = [flip(f) for f in question["fractions"]]
        question["correct"] = [
            c for c, f in zip(question["choices"], question["fractions"], strict=True) if f != "0"
        ]
    Attempt.objects.filter(pk=attempt.pk).update(snapshot=snapshot)
    for choice in Choice.objects.filter(question__quiz=quiz):
        choice.fraction = 100 if choice.fraction <= 0 else 0
        choice.save()
    assert pages(client, quiz, base) == before


@pytest.mark.parametrize("language", ["en", "es"])
def test_right_and_wrong_choices_have_the_same_markup(taking, language):
    client, quiz, attempt, base = taking
    if language == "es":
        from django.utils import translation

        with translation.override("es"):
            base = f"{quiz.get_url()}attempt/{attempt.pk}/"
    html = client.get(base + "?all=1").content.decode()
    markup = Markup(html)
    inputs = {(a.get("name"), a.get("value")): a for tag, a in markup.tags if tag == "input"}
    for question in attempt.snapshot["questions"]:
        right = set(question["correct"])
        assert right and set(question["choices"]) - right, "the quiz needs both kinds"
        shapes = {}
        for choice_id in question["choices"]:
            attrs = dict(inputs[(f"q{question['id']}", str(choice_id))])
            del attrs["value"]
            shapes[choice_id] = attrs
        # A right choice's input carries exactly what a wrong one's does.
        assert len({tuple(sorted(s.items())) for s in shapes.values()}) == 1, shapes
    labels = [attrs for tag, attrs in markup.tags if tag == "label"]
    assert labels and all(attrs == {"class": "choice"} for attrs in labels)


def test_no_attribute_hidden_field_or_comment_can_carry_the_key(taking):
    client, quiz, attempt, base = taking
    markup = Markup(client.get(base + "?all=1").content.decode())
    for tag, attrs in markup.tags:
        for name in attrs:
            assert not any(word in name for word in FORBIDDEN_WORDS), (tag, name)
            if name.startswith("data-"):
                assert name in ALLOWED_DATA_ATTRIBUTES, (tag, name)
    hidden = [attrs for tag, attrs in markup.tags if attrs.get("type") == "hidden"]
    shown = sorted(str(q["id"]) for q in attempt.snapshot["questions"])
    assert sorted(a["value"] for a in hidden if a["name"] == "shown") == shown
    assert {a["name"] for a in hidden} == {"csrfmiddlewaretoken", "view", "shown"}
    # No grade, in any of the forms it is stored in, appears in any attribute.
    grades = {f for q in attempt.snapshot["questions"] for f in q["fractions"]}
    values = [value for _tag, attrs in markup.tags for value in attrs.values()]
    assert not any(grade in value for grade in grades for value in values)
    assert markup.comments == []
