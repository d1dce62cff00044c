"""Synthetic trainees ``trainee00001@trainees.example.org`` … with varied progress.

Names, job titles and countries come from ``people.yaml``; sex is a fixed mix
(``synthetic_sex``) so the demo's reports have totals by sex to show. Records are
bulk-created; quiz answers are scored with the real scoring function, so
results, item statistics and reports agree with what the site would have
recorded, and completed enrolments are completed through the real rule.
"""

import random
from datetime import timedelta

from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import make_password
from django.utils import timezone

from accounts.api import Agency, PartnerCountry, User, name_key
from assessments.api import Question, QuestionKey, score_attempt
from courses.api import ModulePage
from learning.api import (
    Answer,
    Attempt,
    Enrollment,
    ModuleCompletion,
    build_snapshot,
    enrollment_update_completion,
)

from . import data
from .accounts import DEMO_PASSWORD
from .progress import answers_for

SYNTHETIC_DOMAIN = "trainees.example.org"


def synthetic_sex(number: int, first_name: str) -> str:
    """What synthetic trainee ``number`` answered, the same on every run: about one in
    ten did not answer and one in twenty prefers not to say; the others state the sex
    ``people.yaml`` gives their first name."""
    # Its own generator: the draws of names, countries and progress stay as they were.
    draw = random.Random(f"sex-{number}").random()
    if draw < 0.10:
        return ""
    if draw < 0.15:
        return User.Sex.UNDISCLOSED
    if first_name in data.people()["female_first_names"]:
        return User.Sex.FEMALE
    return User.Sex.MALE


def synthetic_sex_fill() -> int:
    """Gives synthetic trainees of a demo seeded before sex was asked their answer.

    Returns how many changed; a second run changes none (those who did not
    answer stay so).
    """
    changed = []
    unanswered = User.objects.filter(email__endswith="@" + SYNTHETIC_DOMAIN, sex="").only(
        "pk", "email", "full_name", "sex"
    )
    for user in unanswered.iterator(chunk_size=2000):
        number = user.email.split("@")[0].removeprefix("trainee")
        if not number.isdigit():
            continue
        user.sex = synthetic_sex(int(number), user.full_name.split(" ")[0])
        if user.sex:
            changed.append(user)
    User.objects.bulk_update(changed, ["sex"], batch_size=500)
    return len(changed)


def seed_synthetic_trainees(
    count: int, countries: dict[str, PartnerCountry], courses, quizzes_by_course=None
) -> int:
    """Adds trainees ``trainee00001@…`` up to ``count`` with varied progress.

    With ``quizzes_by_course`` they also get pre-test and final-exam attempts
    consistent with their progress (completed trainees passed the final exam).
    """
    synthetic_sex_fill()
    if count <= 0:
        return 0
    existing = set(
        User.objects.filter(email__endswith="@" + SYNTHETIC_DOMAIN).values_list("email", flat=True)
    )
    agencies = list(Agency.objects.select_related("country").order_by("pk"))
    by_country: dict[int, list[Agency]] = {}
    for agency in agencies:
        by_country.setdefault(agency.country_id, []).append(agency)
    country_list = [countries[c] for c in sorted(countries)]
    password = make_password(DEMO_PASSWORD)
    people = data.people()
    first_names, last_names = people["first_names"], people["last_names"]
    job_titles = people["job_titles"]
    rng = random.Random(2026)
    now = timezone.now()
    new_users = []
    for number in range(1, count + 1):
        email = f"trainee{number:05d}@{SYNTHETIC_DOMAIN}"
        country = country_list[number % len(country_list)]
        agency = rng.choice(by_country.get(country.pk) or [None])
        first = rng.choice(first_names)
        last = f"{rng.choice(last_names)} {rng.choice(last_names)}"
        job = rng.choice(job_titles)
        language = "es" if rng.random() < 0.8 else "en"
        joined = now - timedelta(days=rng.randint(1, 365))
        if email in existing:
            continue
        new_users.append(
            User(
                email=email,
                full_name=f"{first} {last}",
                name_key=name_key(f"{first} {last}"),  # bulk_create does not call save()
                country=country,
                agency=agency,
                job_title=job[language],
                preferred_language=language,
                sex=synthetic_sex(number, first),
                password=password,
                date_joined=joined,
            )
        )
    User.objects.bulk_create(new_users, batch_size=500)
    if not new_users:
        return 0
    created = list(User.objects.filter(email__in=[u.email for u in new_users]))
    EmailAddress.objects.bulk_create(
        [EmailAddress(user=u, email=u.email, verified=True, primary=True) for u in created],
        batch_size=500,
    )
    lessons_by_course = {
        c.pk: list(ModulePage.objects.child_of(c).live().order_by("path")) for c in courses
    }
    enrollments = []
    plans = []
    for user in created:
        for course in courses:
            if rng.random() < 0.25:
                continue
            enrolled_at = user.date_joined + timedelta(days=rng.randint(0, 20))
            lessons = lessons_by_course[course.pk]
            done = rng.choice([0, 1, len(lessons) // 2, len(lessons), len(lessons)])
            last = min(now, enrolled_at + timedelta(days=rng.randint(0, 60)))
            enrollments.append(
                Enrollment(user=user, course=course, enrolled_at=enrolled_at, last_activity_at=last)
            )
            plans.append((lessons[:done], last))
    Enrollment.objects.bulk_create(enrollments, batch_size=500)
    saved = {
        (e.user_id, e.course_id): e
        for e in Enrollment.objects.filter(user__in=created).select_related("user")
    }
    completions = []
    completed_enrollments = []
    attempt_plans = []
    for enrollment, (lessons, when) in zip(enrollments, plans, strict=True):
        saved_enrollment = saved[(enrollment.user_id, enrollment.course_id)]
        total = len(lessons_by_course[enrollment.course_id])
        attempt_plans.append((saved_enrollment, len(lessons), total, when))
        for lesson in lessons:
            completions.append(
                ModuleCompletion(enrollment=saved_enrollment, module=lesson, completed_at=when)
            )
        if lessons and len(lessons) == len(lessons_by_course[enrollment.course_id]):
            completed_enrollments.append(saved_enrollment)
    ModuleCompletion.objects.bulk_create(completions, batch_size=1000)
    if quizzes_by_course:
        seed_synthetic_attempts(attempt_plans, quizzes_by_course, rng=rng)
    for enrollment in completed_enrollments:
        enrollment_update_completion(enrollment=enrollment)
    return len(created)


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
                snapshots[(course_id, kind)] = quiz_variants(quiz, now=now)
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


def quiz_variants(quiz, *, now, draws: int = 4):
    """(quiz, [(snapshot, keys)], tricky question id) for synthetic attempts.

    A quiz that draws part of its pool gets several draws, so every question
    of the pool has answers in the item statistics. The quiz's second question
    reads harder in Spanish in this demo, so the statistics have a translation
    problem to flag.
    """
    count = draws if quiz.draw_count else 1
    variants = []
    for seed in range(1, count + 1):
        snapshot = build_snapshot(quiz, now=now, rng=random.Random(seed))
        variants.append((snapshot, [QuestionKey.from_snapshot(q) for q in snapshot["questions"]]))
    ids = list(
        Question.objects.filter(quiz=quiz).order_by("sort_order", "pk").values_list("pk", flat=True)
    )
    return quiz, variants, ids[1] if len(ids) > 1 else None


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
    """Appends one scored attempt (and its answer rows) built from ``ability``.

    ``quiz_info`` holds the quiz's draws: a retry (or another trainee) gets another.
    """
    quiz, variants, tricky = quiz_info
    snapshot, keys = variants[(enrollment.pk + number) % len(variants)]
    pass_mark = snapshot["pass_mark"]
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
