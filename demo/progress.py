"""The demo trainees' progress and quiz attempts (DESIGN.md, "Demo accounts").

trainee.hn is part way through the first course: two lessons done, the
pre-test and the first lesson check taken. trainee.gt completed it: every
lesson done and the final exam passed, which completes the enrolment (and
issues the certificate) through the real completion rule.
"""

import random
from datetime import timedelta

from django.utils import timezone

from accounts.api import User
from assessments.api import QuestionKey
from courses.api import CoursePage, ModulePage
from learning.api import (
    Attempt,
    Enrollment,
    ModuleCompletion,
    attempt_start,
    attempt_submit,
    enrollment_update_completion,
)


def complete_lessons(enrollment: Enrollment, lessons, when) -> None:
    for lesson in lessons:
        ModuleCompletion.objects.get_or_create(
            enrollment=enrollment, module=lesson, defaults={"completed_at": when}
        )


def answers_for(snapshot: dict, wrong: set[int]) -> dict[int, list[int]]:
    """Right answers (every choice worth something), except a worthless choice for ``wrong``."""
    answers = {}
    for q in snapshot["questions"]:
        key = QuestionKey.from_snapshot(q)
        right = [c for c in key.choice_ids if c in key.correct_ids]
        if q["id"] in wrong:
            answers[q["id"]] = [c for c in key.choice_ids if c not in key.correct_ids][:1]
        elif key.kind != "multiple":
            answers[q["id"]] = right[:1]
        else:
            answers[q["id"]] = right
    return answers


def take_quiz(user, quiz, *, language: str, wrong_count: int, rng) -> Attempt:
    """A demo trainee takes a quiz through the real services (start, submit)."""
    attempt = attempt_start(user=user, quiz=quiz, language=language, rng=rng)
    ids = attempt.question_ids()
    wrong = set(rng.sample(ids, min(wrong_count, len(ids))))
    return attempt_submit(attempt=attempt, answers=answers_for(attempt.snapshot, wrong)).attempt


def seed_demo_trainee_attempts(*, hn_enrollment, gt_enrollment, quizzes: dict) -> None:
    """trainee.hn took the pre-test and the first lesson check; trainee.gt passed everything."""
    rng = random.Random(7)
    pretest, final = quizzes.get("pretest"), quizzes.get("final_exam")
    checks = [c for c in quizzes.get("checks", []) if c is not None]
    if pretest and not Attempt.objects.filter(user=hn_enrollment.user, quiz=pretest).exists():
        take_quiz(hn_enrollment.user, pretest, language="es", wrong_count=4, rng=rng)
        if checks:
            take_quiz(hn_enrollment.user, checks[0], language="es", wrong_count=0, rng=rng)
    gt = gt_enrollment.user
    if final and not Attempt.objects.filter(user=gt, quiz=final).exists():
        if pretest:
            take_quiz(gt, pretest, language="es", wrong_count=3, rng=rng)
        take_quiz(gt, final, language="es", wrong_count=1, rng=rng)


def seed_demo_progress(users: dict[str, User], course: CoursePage, quizzes=None) -> None:
    lessons = list(ModulePage.objects.child_of(course).live().order_by("path"))
    now = timezone.now()
    hn, _ = Enrollment.objects.get_or_create(
        user=users["trainee.hn@example.org"],
        course=course,
        defaults={
            "enrolled_at": now - timedelta(days=9),
            "last_activity_at": now - timedelta(days=1),
        },
    )
    complete_lessons(hn, lessons[:2], now - timedelta(days=2))
    gt, _ = Enrollment.objects.get_or_create(
        user=users["trainee.gt@example.org"],
        course=course,
        defaults={
            "enrolled_at": now - timedelta(days=30),
            "last_activity_at": now - timedelta(days=12),
        },
    )
    complete_lessons(gt, lessons, now - timedelta(days=12))
    if quizzes:
        # trainee.hn took the pre-test; trainee.gt passes the final exam, which
        # completes the course through the real rule.
        seed_demo_trainee_attempts(hn_enrollment=hn, gt_enrollment=gt, quizzes=quizzes)
    enrollment_update_completion(enrollment=gt)
