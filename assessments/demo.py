"""Demo quizzes and attempts for ``seed_demo`` (called from ``courses.demo``; idempotent).

Quiz texts come from ``courses/demo_content.py``. Demo trainees take quizzes
through the real services; synthetic trainees get bulk-created attempts whose
answers are scored with the real scoring function, so results, item
statistics and reports agree with what the site would have recorded.
"""

import random
from datetime import timedelta
from decimal import Decimal

from django.utils import timezone, translation
from django.utils.text import slugify

from learning.attempts import attempt_start, attempt_submit, build_snapshot
from learning.models import Answer, Attempt

from .models import Choice, Question, QuizPage
from .scoring import QuestionKey, score_attempt


def quiz_page(data: dict, kind: str) -> QuizPage:
    """An unsaved QuizPage with its questions from a demo_content quiz dict."""
    title = data["title"]
    page = QuizPage(
        title=title["en"],
        title_en=title["en"],
        title_es=title.get("es") or None,
        slug=slugify(title["en"])[:80],
        slug_en=slugify(title["en"])[:80],
        slug_es=slugify(title.get("es") or title["en"])[:80],
        intro_en=data.get("intro", {}).get("en", ""),
        intro_es=data.get("intro", {}).get("es", ""),
        kind=kind,
        pass_mark=data.get("pass_mark", 70),
        review_mode=QuizPage.ReviewMode.FULL,
    )
    if kind == QuizPage.Kind.FINAL_EXAM:
        page.max_attempts = 3
        page.shuffle_choices = True
    questions = []
    for position, q in enumerate(data["questions"]):
        question = Question(
            kind=q["type"],
            text_en=q["text"]["en"],
            text_es=q["text"].get("es", ""),
            feedback_en=q.get("feedback", {}).get("en", ""),
            feedback_es=q.get("feedback", {}).get("es", ""),
            points=Decimal(str(q.get("points", 1))),
            partial_credit=bool(q.get("partial_credit")),
            sort_order=position,
        )
        question.choices = [
            Choice(
                text_en=c["text"]["en"],
                text_es=c["text"].get("es", ""),
                feedback_en=c.get("feedback", {}).get("en", ""),
                feedback_es=c.get("feedback", {}).get("es", ""),
                # Moodle grades: 100/0, or shares (33.33333, -100) with partial credit.
                fraction=Decimal(str(c["fraction"])),
                sort_order=n,
            )
            for n, c in enumerate(q["choices"])
        ]
        questions.append(question)
    page.questions = questions
    return page


def place(page, previous) -> None:
    """Moves a newly added page right after ``previous`` (or first) in the course."""
    from wagtail.models import Page

    # Tree paths shift on every move: always work on fresh rows.
    page = Page.objects.get(pk=page.pk)
    if previous is not None:
        previous = Page.objects.get(pk=previous.pk)
    if previous is None:
        first = page.get_first_sibling()
        if first.pk != page.pk:
            page.move(first, pos="left")
        return
    before = page.get_prev_sibling()
    if before is None or before.pk != previous.pk:
        page.move(previous, pos="right")


def seed_course_quizzes(course, data: dict, lessons: list) -> dict:
    """Pre-test first, a lesson check after each lesson, final exam last (only missing ones).

    Returns {"pretest": page|None, "final_exam": page|None, "checks": [page|None per lesson]}.
    """
    existing = {q.slug_en: q for q in QuizPage.objects.child_of(course)}
    sequence = []
    if data.get("pretest"):
        sequence.append((data["pretest"], QuizPage.Kind.PRETEST, None))
    for lesson, lesson_data in zip(lessons, data["lessons"], strict=False):
        sequence.append((None, None, lesson))
        if lesson_data.get("check"):
            sequence.append((lesson_data["check"], QuizPage.Kind.LESSON_CHECK, None))
    if data.get("final_exam"):
        sequence.append((data["final_exam"], QuizPage.Kind.FINAL_EXAM, None))
    previous = None
    result = {"pretest": None, "final_exam": None, "checks": []}
    for quiz_data, kind, lesson in sequence:
        if lesson is not None:
            previous = lesson
            continue
        slug = slugify(quiz_data["title"]["en"])[:80]
        page = existing.get(slug)
        if page is None:
            page = quiz_page(quiz_data, kind)
            with translation.override("en"):
                course.add_child(instance=page)
                page.save_revision().publish()
            page.refresh_from_db()
            if kind != QuizPage.Kind.FINAL_EXAM:
                place(page, previous)
        previous = page
        if kind == QuizPage.Kind.LESSON_CHECK:
            result["checks"].append(page)
        else:
            result[kind] = page
    return result


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


def seed_synthetic_attempts(enrollment_plans, quizzes_by_course: dict, *, rng) -> list:
    """Bulk-creates pre-test and final-exam attempts (with answers) for synthetic trainees.

    ``enrollment_plans``: (enrollment, lessons done, total lessons, last activity).
    Completed trainees end with a passed final exam so ``enrollment_update_completion``
    completes them through the real rule. Returns the enrolments whose final
    exam passed.
    """
    now = timezone.now()
    snapshots = {}
    for course_id, quizzes in quizzes_by_course.items():
        for kind in ("pretest", "final_exam"):
            quiz = quizzes.get(kind)
            if quiz is not None:
                snapshot = build_snapshot(quiz, now=now, rng=random.Random(1))
                keys = [QuestionKey.from_snapshot(q) for q in snapshot["questions"]]
                snapshots[(course_id, kind)] = (quiz, snapshot, keys)
    attempts, answer_sets, passed_enrollments = [], [], []
    for enrollment, done, total, last in enrollment_plans:
        language = enrollment.user.preferred_language
        if rng.random() < 0.15:
            language = "en" if language == "es" else "es"
        started = enrollment.enrolled_at + timedelta(hours=1)
        pre = snapshots.get((enrollment.course_id, "pretest"))
        if pre is not None and rng.random() < 0.85:
            attempts_for(pre, enrollment, language, started, 1, rng, 0.45, attempts, answer_sets)
        final = snapshots.get((enrollment.course_id, "final_exam"))
        if final is None or done == 0 or (done < total and rng.random() < 0.6):
            continue
        when = min(now, last)
        number = 1
        if done < total or rng.random() < 0.3:
            # A failed try: some trainees sit the exam before finishing (or fail once).
            attempts_for(
                final, enrollment, language, when, number, rng, 0.45, attempts, answer_sets
            )
            number += 1
        if done == total:
            attempts_for(
                final,
                enrollment,
                language,
                when + timedelta(hours=2),
                number,
                rng,
                0.9,
                attempts,
                answer_sets,
                must_pass=True,
            )
            passed_enrollments.append(enrollment)
    Attempt.objects.bulk_create(attempts, batch_size=500)
    answers = []
    for attempt, rows in zip(attempts, answer_sets, strict=True):
        for question_id, selected, points, correct in rows:
            answers.append(
                Answer(
                    attempt=attempt,
                    question_id=question_id,
                    selected_choice_ids=selected,
                    saved_at=attempt.submitted_at,
                    points_awarded=points,
                    correct=correct,
                )
            )
    Answer.objects.bulk_create(answers, batch_size=2000)
    return passed_enrollments


def attempts_for(
    quiz_info,
    enrollment,
    language,
    when,
    number,
    rng,
    ability,
    attempts,
    answer_sets,
    *,
    must_pass=False,
):
    """Appends one scored attempt (and its answer rows) built from ``ability``."""
    quiz, snapshot, keys = quiz_info
    pass_mark = snapshot["pass_mark"]
    # The second question reads harder in Spanish in this demo, so the item
    # statistics have a translation problem to flag.
    tricky = keys[1].id if len(keys) > 1 else None
    wrong = set()
    for key in keys:
        chance = ability - (0.45 if key.id == tricky and language == "es" else 0)
        if rng.random() > chance:
            wrong.add(key.id)
    result = score_attempt(keys, answers_for(snapshot, wrong), pass_mark=pass_mark)
    while must_pass and not result.passed and wrong:
        wrong.pop()
        result = score_attempt(keys, answers_for(snapshot, wrong), pass_mark=pass_mark)
    selected = answers_for(snapshot, wrong)
    attempts.append(
        Attempt(
            user_id=enrollment.user_id,
            quiz=quiz,
            enrollment=enrollment,
            number=number,
            status=Attempt.Status.SUBMITTED,
            language=language,
            started_at=when,
            submitted_at=when + timedelta(minutes=rng.randint(8, 40)),
            score_points=result.points,
            max_points=result.max_points,
            score_percent=result.percent,
            passed=result.passed,
            snapshot=snapshot,
        )
    )
    answer_sets.append(
        [(s.question_id, selected[s.question_id], s.points, s.correct) for s in result.questions]
    )
