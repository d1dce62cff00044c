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
    from courses.models import CoursePage, Enrollment, ModuleCompletion, ModulePage

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
                        plans.append((user_id, course.pk, done, last))
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
                for user_id, course_id, done, last in plans:
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
    if vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return {
        "trainees": n_users,
        "enrollments": n_enrol,
        "lesson_completions": n_done,
        "seconds": round(time.monotonic() - started, 1),
    }


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
