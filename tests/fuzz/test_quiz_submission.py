"""Fuzzing quiz save and submit: random POST bodies never cause a 500 or a partial write."""

from django.http import QueryDict
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from learning.attempts import attempt_start
from learning.forms import MalformedAnswersError, parse_answers, parse_position
from learning.models import Answer, Attempt, Enrollment
from tests import factories
from tests.assessments import helpers

from .strategies import FUZZ, PURE, huge_ints, nasty_text


def query_dict(pairs) -> QueryDict:
    data = QueryDict(mutable=True)
    for key, value in pairs:
        data.appendlist(key, value)
    return data


@PURE
@given(st.lists(st.tuples(st.one_of(st.just("shown"), st.just("goto"), nasty_text), nasty_text)))
def test_parse_answers_returns_ids_or_refuses(pairs):
    data = query_dict(pairs)
    try:
        answers = parse_answers(data)
        position = parse_position(data, 3)
    except MalformedAnswersError:
        return
    assert all(isinstance(q, int) and 0 <= q <= 2**62 for q in answers)
    assert all(isinstance(c, int) for choices in answers.values() for c in choices)
    assert position is None or 0 <= position <= 2


class QuizPostFuzz(TestCase):
    """Each example runs in its own transaction (hypothesis.extra.django)."""

    @classmethod
    def setUpTestData(cls):
        course = factories.course(lessons=1)
        cls.quiz = helpers.quiz(course)
        cls.other_quiz = helpers.quiz(course)
        cls.trainee = factories.trainee("fuzz@example.org")
        Enrollment.objects.create(user=cls.trainee, course=course)
        cls.attempt = attempt_start(user=cls.trainee, quiz=cls.quiz, language="es")
        other = attempt_start(user=cls.trainee, quiz=cls.other_quiz, language="es")
        cls.questions = {q["id"]: q for q in cls.attempt.snapshot["questions"]}
        cls.own_keys = [f"q{qid}" for qid in cls.questions]
        cls.foreign_keys = [f"q{q['id']}" for q in other.snapshot["questions"]]
        cls.choice_ids = [str(c) for q in cls.questions.values() for c in q["choices"]]
        cls.foreign_choices = [str(c) for q in other.snapshot["questions"] for c in q["choices"]]
        with translation.override("en"):
            cls.base = cls.quiz.get_url() + f"attempt/{cls.attempt.pk}/"

    def body(self, data):
        keys = st.one_of(
            st.sampled_from(self.own_keys + self.foreign_keys + ["shown", "goto", "view"]),
            nasty_text,
        )
        values = st.one_of(
            st.sampled_from(self.choice_ids + self.foreign_choices + list(self.questions)),
            huge_ints,
            nasty_text,
        )
        pairs = data.draw(st.lists(st.tuples(keys, values), max_size=12))
        return query_dict([(k, str(v)) for k, v in pairs]).urlencode()

    def answers_state(self):
        return list(
            Answer.objects.filter(attempt=self.attempt)
            .order_by("question_id")
            .values_list("question_id", "selected_choice_ids")
        )

    def assert_answers_fit_the_snapshot(self):
        for question_id, selected in self.answers_state():
            question = self.questions[question_id]
            assert set(selected) <= set(question["choices"])
            assert question["kind"] == "multiple" or len(selected) <= 1

    @FUZZ
    @given(data=st.data(), as_json=st.booleans())
    def test_save_never_fails_and_never_writes_half(self, data, as_json):
        self.client.force_login(self.trainee)
        before = self.answers_state()
        headers = {"HTTP_ACCEPT": "application/json"} if as_json else {}
        response = self.client.post(
            self.base + "save/",
            self.body(data),
            content_type="application/x-www-form-urlencoded",
            **headers,
        )
        assert response.status_code in (200, 302, 400), response.status_code
        if as_json and response.status_code == 400:
            assert self.answers_state() == before  # rejected: nothing written
        self.assert_answers_fit_the_snapshot()

    @FUZZ
    @given(data=st.data())
    def test_submit_never_fails_and_scores_only_valid_answers(self, data):
        self.client.force_login(self.trainee)
        before = self.answers_state()
        # confirm=1: "submit anyway" past the unanswered-questions check, as a
        # trainee does after seeing which questions are unanswered.
        response = self.client.post(
            self.base + "submit/",
            self.body(data) + "&confirm=1",
            content_type="application/x-www-form-urlencoded",
        )
        assert response.status_code == 302, response.status_code
        attempt = Attempt.objects.get(pk=self.attempt.pk)
        if attempt.status == Attempt.Status.IN_PROGRESS:
            assert self.answers_state() == before  # refused as a whole
        else:
            assert attempt.score_percent is not None
            assert 0 <= attempt.score_percent <= 100
        self.assert_answers_fit_the_snapshot()
