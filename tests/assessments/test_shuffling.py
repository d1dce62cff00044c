"""Question and choice order: per attempt, frozen with it, the same on every reload.

Through the trainee's pages. The random source of a new attempt is replaced
by a seeded one, so every order below is deterministic.
"""

import random
import re
from unittest.mock import patch

import pytest
from django.utils import translation

from assessments.models import Choice, Question
from learning.models import Attempt
from tests import factories
from tests.assessments import helpers

pytestmark = pytest.mark.django_db


def seeded(seed: int):
    return patch.object(random, "SystemRandom", lambda: random.Random(seed))


def attempt_base(quiz, attempt, language="en") -> str:
    with translation.override(language):
        return f"{quiz.get_url()}attempt/{attempt.pk}/"


def shown_order(html: str) -> list[tuple[int, list[int]]]:
    """(question id, [choice ids]) in the order the page shows them."""
    order = []
    for question_id in re.findall(r'name="shown" value="(\d+)"', html):
        choices = re.findall(rf'name="q{question_id}" value="(\d+)"', html)
        order.append((int(question_id), [int(c) for c in choices]))
    return order


def stored_order(attempt) -> list[tuple[int, list[int]]]:
    return [(q["id"], q["choices"]) for q in attempt.snapshot["questions"]]


def authored_order(quiz) -> list[tuple[int, list[int]]]:
    return [
        (q.pk, list(q.choices.order_by("sort_order", "pk").values_list("pk", flat=True)))
        for q in Question.objects.filter(quiz=quiz).order_by("sort_order", "pk")
    ]


def start(client, quiz, seed: int) -> Attempt:
    with seeded(seed):
        client.post(quiz.get_url() + "start/")
    return Attempt.objects.filter(quiz=quiz).latest("pk")


def take(client, quiz, attempt, language="en", query="?all=1") -> str:
    response = client.get(attempt_base(quiz, attempt, language) + query)
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def course():
    return factories.course(lessons=1)


def test_shuffled_order_is_frozen_with_the_attempt_and_kept_on_every_page(client, course):
    quiz = helpers.quiz(
        course,
        questions=[helpers.single(n) for n in range(1, 7)],
        shuffle_questions=True,
        shuffle_choices=True,
    )
    trainee, _ = helpers.enrolled(course)
    client.force_login(trainee)
    attempt = start(client, quiz, seed=1)
    order = stored_order(attempt)
    authored = authored_order(quiz)
    # Seed 1 moves both the questions and the choices of some question.
    assert [q for q, _c in order] != [q for q, _c in authored]
    assert sorted(order) != sorted(authored)
    assert sorted(q for q, _c in order) == sorted(q for q, _c in authored)
    # Shown in the stored order, in both languages, on every reload, whatever
    # the random source does meanwhile.
    for seed in (1, 2, 3):
        with seeded(seed):
            assert shown_order(take(client, quiz, attempt)) == order
            assert shown_order(take(client, quiz, attempt, "es")) == order
    # One question per page follows the same order.
    for number, (question_id, choices) in enumerate(order, start=1):
        page = take(client, quiz, attempt, query=f"?q={number}")
        assert shown_order(page) == [(question_id, choices)]
        assert f"Question {number} of 6" in page
    attempt.refresh_from_db()
    assert stored_order(attempt) == order


def test_two_attempts_can_get_different_orders(client, course):
    quiz = helpers.quiz(
        course,
        questions=[helpers.single(n) for n in range(1, 7)],
        shuffle_questions=True,
        shuffle_choices=True,
    )
    first_trainee, _ = helpers.enrolled(course)
    client.force_login(first_trainee)
    first = start(client, quiz, seed=1)
    client.post(
        attempt_base(quiz, first) + "submit/", helpers.post_data(helpers.correct_answers(first))
    )
    second = start(client, quiz, seed=2)
    assert second.number == 2
    assert stored_order(second) != stored_order(first)
    assert shown_order(take(client, quiz, second)) == stored_order(second)
    other, _ = helpers.enrolled(course)
    client.force_login(other)
    third = start(client, quiz, seed=1)
    # The same seed gives the same order: the order comes from the random source only.
    assert stored_order(third) == stored_order(first)


def test_without_shuffling_the_order_is_the_authored_one(client, course):
    quiz = helpers.quiz(course, questions=[helpers.single(n) for n in range(1, 5)])
    # Authored order differs from creation order (the trainer reordered them).
    questions = list(Question.objects.filter(quiz=quiz).order_by("pk"))
    for position, question in enumerate(reversed(questions)):
        Question.objects.filter(pk=question.pk).update(sort_order=position)
        choices = list(Choice.objects.filter(question=question).order_by("pk"))
        for choice_position, choice in enumerate(reversed(choices)):
            Choice.objects.filter(pk=choice.pk).update(sort_order=choice_position)
    expected = [
        (q.pk, [c.pk for c in reversed(list(Choice.objects.filter(question=q).order_by("pk")))])
        for q in reversed(questions)
    ]
    assert expected == authored_order(quiz)
    trainee, _ = helpers.enrolled(course)
    client.force_login(trainee)
    attempt = start(client, quiz, seed=1)
    assert stored_order(attempt) == expected
    assert shown_order(take(client, quiz, attempt)) == expected
    assert shown_order(take(client, quiz, attempt, "es")) == expected
    client.post(
        attempt_base(quiz, attempt) + "submit/", helpers.post_data(helpers.correct_answers(attempt))
    )
    assert stored_order(start(client, quiz, seed=2)) == expected


def test_true_false_choices_keep_their_order_when_choices_are_shuffled(client, course):
    quiz = helpers.quiz(
        course, questions=[helpers.truefalse(n) for n in range(1, 5)], shuffle_choices=True
    )
    trainee, _ = helpers.enrolled(course)
    client.force_login(trainee)
    attempt = start(client, quiz, seed=1)
    html = take(client, quiz, attempt)
    assert shown_order(html) == authored_order(quiz)
    assert html.count("<span>True</span>") == 4
