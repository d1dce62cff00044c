"""The scoring function, without the database."""

from decimal import Decimal

from assessments.scoring import QuestionKey, score_attempt, score_question


def key(kind="single", points="1", choices=(1, 2, 3), correct=(1,), partial=False, qid=10):
    return QuestionKey(
        id=qid,
        kind=kind,
        points=Decimal(points),
        choice_ids=tuple(choices),
        correct_ids=frozenset(correct),
        partial_credit=partial,
    )


def test_single_choice_right_earns_full_points():
    assert score_question(key(points="2"), [1]) == Decimal("2.00")


def test_single_choice_wrong_earns_nothing():
    assert score_question(key(), [2]) == Decimal("0")


def test_single_choice_with_two_selected_earns_nothing():
    assert score_question(key(), [1, 2]) == Decimal("0")


def test_true_false_right_and_wrong():
    tf = key(kind="truefalse", choices=(5, 6), correct=(6,))
    assert score_question(tf, [6]) == Decimal("1.00")
    assert score_question(tf, [5]) == Decimal("0")


def test_multiple_all_or_nothing_needs_exactly_the_right_set():
    q = key(kind="multiple", points="2", choices=(1, 2, 3, 4), correct=(1, 2))
    assert score_question(q, [1, 2]) == Decimal("2.00")
    assert score_question(q, [1]) == Decimal("0")
    assert score_question(q, [1, 2, 3]) == Decimal("0")


def test_multiple_partial_credit_gives_a_share_per_right_choice():
    q = key(kind="multiple", points="2", choices=(1, 2, 3, 4), correct=(1, 2), partial=True)
    assert score_question(q, [1]) == Decimal("1.00")
    assert score_question(q, [1, 2]) == Decimal("2.00")


def test_multiple_partial_credit_wrong_choices_take_a_share_away_never_below_zero():
    q = key(kind="multiple", points="2", choices=(1, 2, 3, 4), correct=(1, 2), partial=True)
    assert score_question(q, [1, 3]) == Decimal("0.00")
    assert score_question(q, [1, 2, 3]) == Decimal("1.00")
    assert score_question(q, [3, 4]) == Decimal("0.00")
    assert score_question(q, [1, 2, 3, 4]) == Decimal("0.00")


def test_partial_credit_rounds_thirds_to_cents():
    q = key(kind="multiple", points="1", choices=(1, 2, 3, 4), correct=(1, 2, 3), partial=True)
    assert score_question(q, [1]) == Decimal("0.33")


def test_empty_answer_earns_nothing():
    assert score_question(key(), []) == Decimal("0")
    multi = key(kind="multiple", choices=(1, 2, 3), correct=(1, 2), partial=True)
    assert score_question(multi, []) == Decimal("0")


def test_unknown_choice_ids_are_ignored():
    assert score_question(key(), [999]) == Decimal("0")
    assert score_question(key(), [1, 999]) == Decimal("1.00")
    multi = key(kind="multiple", choices=(1, 2, 3), correct=(1, 2))
    assert score_question(multi, [1, 2, 999]) == Decimal("1.00")


def test_attempt_total_percent_and_pass_mark():
    keys = [key(qid=1, points="1"), key(qid=2, points="3", kind="multiple", correct=(1, 2))]
    result = score_attempt(keys, {1: [1], 2: [1]}, pass_mark=25)
    assert result.points == Decimal("1.00")
    assert result.max_points == Decimal("4.00")
    assert result.percent == Decimal("25.00")
    assert result.passed is True
    assert score_attempt(keys, {1: [1], 2: [1]}, pass_mark=26).passed is False


def test_attempt_with_no_answers_scores_zero_and_fails():
    result = score_attempt([key(qid=1)], {}, pass_mark=0)
    assert result.percent == Decimal("0.00")
    assert result.questions[0].correct is False


def test_answers_to_questions_not_in_the_attempt_are_ignored():
    result = score_attempt([key(qid=1)], {1: [1], 77: [1, 2, 3]}, pass_mark=100)
    assert result.points == Decimal("1.00")
    assert result.passed is True


def test_quiz_without_points_never_passes():
    result = score_attempt([], {}, pass_mark=0)
    assert result.passed is False
    assert result.percent == Decimal("0.00")


def test_key_reads_from_snapshot_data():
    data = {
        "id": 3,
        "kind": "multiple",
        "points": "2.50",
        "partial_credit": True,
        "choices": [9, 8, 7],
        "correct": [8],
    }
    parsed = QuestionKey.from_snapshot(data)
    assert parsed.points == Decimal("2.50")
    assert parsed.choice_ids == (9, 8, 7)
    assert parsed.correct_ids == frozenset({8})
