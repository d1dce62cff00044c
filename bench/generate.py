"""Programme-scale data for benchmarks: N trainees with enrolments and progress.

On PostgreSQL rows go in with COPY (100,000 trainees in well under a minute on
two cores); elsewhere with bulk_create. Run after `seed_demo --force`, which
creates the countries, agencies and courses the trainees are spread over.

    python -m bench.generate --trainees 100000
"""

import argparse
import random
import time
from datetime import timedelta

BENCH_DOMAIN = "bench.example.org"


def _copy(cursor, table: str, columns: list[str], rows) -> int:
    count = 0
    with cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)
            count += 1
    return count


def _insert(table_model, columns, rows, *, vendor, raw_cursor):
    if vendor == "postgresql":
        return _copy(raw_cursor, table_model._meta.db_table, columns, rows)
    objs = [table_model(**dict(zip(columns, row, strict=True))) for row in rows]
    table_model.objects.bulk_create(objs, batch_size=2000)
    return len(objs)


def generate(*, trainees: int, seed: int = 7) -> dict:
    """Adds ``trainees`` bench trainees (idempotent: existing bench data is replaced)."""
    from django.contrib.auth.hashers import make_password
    from django.db import connection, transaction
    from django.utils import timezone

    from accounts.models import Agency, User
    from courses.models import CoursePage, ModulePage
    from learning.models import Enrollment, ModuleCompletion

    rng = random.Random(seed)
    now = timezone.now()
    started = time.monotonic()
    agencies = list(Agency.objects.values_list("pk", "country_id"))
    courses = list(CoursePage.objects.live().order_by("path"))
    lessons = {
        c.pk: list(
            ModulePage.objects.live().child_of(c).order_by("path").values_list("pk", flat=True)
        )
        for c in courses
    }
    password = make_password("Bench-Password-2026")
    vendor = connection.vendor
    with transaction.atomic():
        User.objects.filter(email__endswith="@" + BENCH_DOMAIN).delete()
        with connection.cursor() as cursor:
            raw = cursor.cursor if vendor == "postgresql" else None
            user_cols = [
                "password",
                "is_superuser",
                "is_staff",
                "is_active",
                "date_joined",
                "email",
                "full_name",
                "country_id",
                "agency_id",
                "job_title",
                "preferred_language",
                "manages_all_countries",
            ]

            def user_rows():
                for n in range(trainees):
                    agency_id, country_id = agencies[n % len(agencies)]
                    joined = now - timedelta(days=rng.randint(1, 720))
                    language = "es" if rng.random() < 0.8 else "en"
                    yield (
                        password,
                        False,
                        False,
                        True,
                        joined,
                        f"t{n:06d}@{BENCH_DOMAIN}",
                        f"Participante {n:06d}",
                        country_id,
                        agency_id,
                        "Investigador",
                        language,
                        False,
                    )

            n_users = _insert(User, user_cols, user_rows(), vendor=vendor, raw_cursor=raw)
            users = list(
                User.objects.filter(email__endswith="@" + BENCH_DOMAIN)
                .order_by("pk")
                .values_list("pk", "date_joined")
            )
            plans = []

            def enrollment_rows():
                for user_id, joined in users:
                    for course in courses:
                        if rng.random() < 0.25:
                            continue
                        enrolled = joined + timedelta(days=rng.randint(0, 30))
                        total = len(lessons[course.pk])
                        done = rng.choice([0, 1, total // 2, total, total])
                        last = min(now, enrolled + timedelta(days=rng.randint(0, 90)))
                        completed = last if done == total and total else None
                        plans.append((user_id, course.pk, done, last, completed is not None))
                        yield (user_id, course.pk, enrolled, last, completed)

            n_enrol = _insert(
                Enrollment,
                ["user_id", "course_id", "enrolled_at", "last_activity_at", "completed_at"],
                enrollment_rows(),
                vendor=vendor,
                raw_cursor=raw,
            )
            ids = {
                (u, c): pk
                for pk, u, c in Enrollment.objects.filter(
                    user__email__endswith="@" + BENCH_DOMAIN
                ).values_list("pk", "user_id", "course_id")
            }

            def completion_rows():
                for user_id, course_id, done, last, _complete in plans:
                    enrollment_id = ids[(user_id, course_id)]
                    for module_id in lessons[course_id][:done]:
                        yield (enrollment_id, module_id, last)

            n_done = _insert(
                ModuleCompletion,
                ["enrollment_id", "module_id", "completed_at"],
                completion_rows(),
                vendor=vendor,
                raw_cursor=raw,
            )
        with connection.cursor() as cursor:
            n_attempts, n_answers, n_certificates = _assessments(
                plans=plans,
                ids=ids,
                courses=courses,
                rng=rng,
                now=now,
                vendor=vendor,
                raw=cursor.cursor if vendor == "postgresql" else None,
            )
    if vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return {
        "trainees": n_users,
        "enrollments": n_enrol,
        "lesson_completions": n_done,
        "attempts": n_attempts,
        "answers": n_answers,
        "certificates": n_certificates,
        "seconds": round(time.monotonic() - started, 1),
    }


def _assessments(*, plans, ids, courses, rng, now, vendor, raw):
    """Pre-test and final-exam attempts with answers, and certificates for completions."""
    import json
    from decimal import Decimal

    from accounts.models import User
    from assessments.models import QuizPage
    from certificates.codes import ALPHABET
    from certificates.models import Certificate
    from core import languages
    from learning.models import Answer, Attempt

    quizzes = {}
    for course in courses:
        for kind in ("pretest", "final_exam"):
            quiz = QuizPage.objects.live().child_of(course).filter(kind=kind).first()
            if quiz is None:
                continue
            questions = [
                (q.pk, [(c.pk, c.fraction > 0) for c in q.choices.all()])
                for q in quiz.questions.prefetch_related("choices")
            ]
            quizzes[(course.pk, kind)] = (quiz, questions)
    users = {
        u.pk: u
        for u in User.objects.filter(pk__in={p[0] for p in plans}).select_related(
            "country", "agency"
        )
    }
    course_by_id = {c.pk: c for c in courses}
    attempt_plans = []  # (enrollment_id, quiz, questions, number, percent, when, user_id)
    completed = []
    for user_id, course_id, done, last, is_complete in plans:
        enrollment_id = ids[(user_id, course_id)]
        pre = quizzes.get((course_id, "pretest"))
        if pre and rng.random() < 0.8:
            attempt_plans.append(
                (enrollment_id, pre, 1, rng.uniform(20, 70), last - timedelta(days=20), user_id)
            )
        final = quizzes.get((course_id, "final_exam"))
        # Completed enrolments passed the final exam (on the last try); some others
        # that studied tried it and failed.
        if final and (is_complete or (done and rng.random() < 0.3)):
            tries = rng.choice([1, 1, 2])
            for number in range(1, tries + 1):
                passing = is_complete and number == tries
                percent = rng.uniform(70, 100) if passing else rng.uniform(30, 69)
                attempt_plans.append(
                    (
                        enrollment_id,
                        final,
                        number,
                        percent,
                        last - timedelta(hours=tries - number),
                        user_id,
                    )
                )
            if is_complete:
                completed.append((enrollment_id, user_id, course_id, last))

    def attempt_rows():
        for enrollment_id, (quiz, questions), number, percent, when, user_id in attempt_plans:
            max_points = Decimal(len(questions))
            points = (max_points * Decimal(percent) / 100).quantize(Decimal("0.01"))
            yield (
                user_id,
                quiz.pk,
                enrollment_id,
                number,
                "submitted",
                users[user_id].preferred_language,
                when - timedelta(minutes=30),
                when,
                points,
                max_points,
                Decimal(percent).quantize(Decimal("0.01")),
                percent >= quiz.pass_mark,
                json.dumps({"questions": [q for q, _c in questions]}),
                0,
            )

    attempt_cols = [
        "user_id",
        "quiz_id",
        "enrollment_id",
        "number",
        "status",
        "language",
        "started_at",
        "submitted_at",
        "score_points",
        "max_points",
        "score_percent",
        "passed",
        "snapshot",
        "position",
    ]
    n_attempts = _insert(Attempt, attempt_cols, attempt_rows(), vendor=vendor, raw_cursor=raw)
    attempt_ids = {
        (e, q, n): pk
        for pk, e, q, n in Attempt.objects.filter(enrollment_id__in=ids.values()).values_list(
            "pk", "enrollment_id", "quiz_id", "number"
        )
    }

    def answer_rows():
        for enrollment_id, (quiz, questions), number, percent, when, _user in attempt_plans:
            attempt_id = attempt_ids[(enrollment_id, quiz.pk, number)]
            for question_id, choices in questions:
                right = rng.random() * 100 < percent
                pool = [c for c, ok in choices if ok == right] or [c for c, _ok in choices]
                yield (
                    attempt_id,
                    question_id,
                    json.dumps([rng.choice(pool)]),
                    when,
                    Decimal(1 if right else 0),
                    right,
                )

    n_answers = _insert(
        Answer,
        [
            "attempt_id",
            "question_id",
            "selected_choice_ids",
            "saved_at",
            "points_awarded",
            "correct",
        ],
        answer_rows(),
        vendor=vendor,
        raw_cursor=raw,
    )

    def snapshot_json(obj, field):
        """A snapshot text in every language (the default's where one is missing), as
        the JSON column takes it: text for COPY, a dict for the ORM."""
        texts = languages.values(obj, field) if obj else {}
        default = texts.get(languages.default()) or ""
        texts = {code: texts.get(code) or default for code in languages.codes()}
        return json.dumps(texts) if vendor == "postgresql" else texts

    def certificate_rows():
        for enrollment_id, user_id, course_id, when in completed:
            user = users[user_id]
            course = course_by_id[course_id]
            yield (
                "".join(rng.choice(ALPHABET) for _ in range(16)),
                user_id,
                enrollment_id,
                course_id,
                "valid",
                when,
                None,
                when,
                Decimal(rng.randint(70, 100)),
                course.estimated_hours,
                user.full_name,
                user.country.code,
                snapshot_json(user.country, "name"),
                snapshot_json(user.agency, "name"),
                snapshot_json(course, "title"),
                user.preferred_language,
                "",
            )

    n_certificates = _insert(
        Certificate,
        [
            "code",
            "user_id",
            "enrollment_id",
            "course_id",
            "status",
            "issued_at",
            "expires_at",
            "completed_at",
            "score_percent",
            "hours",
            "holder_name",
            "country_code",
            "country_names",
            "agency_names",
            "course_titles",
            "language",
            "revoke_reason",
        ],
        certificate_rows(),
        vendor=vendor,
        raw_cursor=raw,
    )
    return n_attempts, n_answers, n_certificates


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--trainees", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    from bench.environment import setup_django

    setup_django()
    print(generate(trainees=args.trainees, seed=args.seed))


if __name__ == "__main__":
    main()
