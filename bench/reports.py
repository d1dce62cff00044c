"""The by-country report against hand-written SQL for the same figures.

Usage (on whatever database the settings point at, e.g. after
``manage.py seed_demo --trainees 500`` or ``bench/generate.py``):

    .venv/bin/python bench/reports.py [--repeat 20]

Runs ``reports.queries.country_rows`` (the queries the page and its exports
run, for an administrator's scope, no filters) and one hand-written SQL statement that
computes the same figures, alternately, and prints the median time of each,
their ratio, and whether the two agree row by row.
"""

import argparse
import os
import statistics
import sys
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

HAND_WRITTEN = """
WITH t AS (
    SELECT id, country_id, is_active FROM accounts_user
    WHERE is_staff = %(false)s AND is_superuser = %(false)s
),
e AS (
    SELECT e.id, e.user_id, t.country_id, t.is_active, e.last_activity_at, e.completed_at
    FROM learning_enrollment e JOIN t ON t.id = e.user_id
),
best AS (
    SELECT a.enrollment_id, MAX(a.score_percent) AS best
    FROM learning_attempt a JOIN assessments_quizpage q ON q.page_ptr_id = a.quiz_id
    WHERE a.status = 'submitted' AND q.kind = 'final_exam'
    GROUP BY a.enrollment_id
),
valid AS (
    SELECT enrollment_id FROM certificates_certificate
    WHERE status = 'valid' AND (expires_at IS NULL OR expires_at > %(now)s)
)
SELECT c.code,
       (SELECT COUNT(*) FROM t WHERE t.country_id = c.id),
       COUNT(DISTINCT e.user_id),
       COUNT(DISTINCT CASE WHEN e.last_activity_at >= %(active)s AND e.is_active
                           THEN e.user_id END),
       COUNT(e.id),
       COUNT(e.completed_at),
       AVG(best.best),
       COUNT(valid.enrollment_id)
FROM accounts_partnercountry c
LEFT JOIN e ON e.country_id = c.id
LEFT JOIN best ON best.enrollment_id = e.id
LEFT JOIN valid ON valid.enrollment_id = e.id
GROUP BY c.id, c.code
ORDER BY c.code
"""


def orm_rows():
    from accounts.models import PartnerCountry
    from accounts.scoping import trainees
    from reports.queries import ReportFilters, country_rows

    rows = country_rows(
        countries=PartnerCountry.objects.all(), trainees=trainees(), filters=ReportFilters()
    )
    rows.sort(key=lambda row: row.code)
    return [
        (
            r.code,
            r.registered,
            r.enrolled,
            r.active,
            r.enrolments,
            r.completions,
            None if r.average_final_score is None else round(float(r.average_final_score), 2),
            r.valid_certificates,
        )
        for r in rows
    ]


def sql_rows():
    from django.db import connection
    from django.utils import timezone

    now = timezone.now()
    params = {"false": False, "now": now, "active": now - timedelta(days=30)}
    with connection.cursor() as cursor:
        cursor.execute(HAND_WRITTEN, params)
        return [
            (*row[:6], None if row[6] is None else round(float(row[6]), 2), row[7])
            for row in cursor.fetchall()
        ]


def timed(function) -> tuple[float, list]:
    started = time.perf_counter()
    result = function()
    return (time.perf_counter() - started) * 1000, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()

    import django

    django.setup()
    from django.db import connection

    from accounts.scoping import trainees

    orm_times, sql_times = [], []
    orm_result = sql_result = None
    for _ in range(args.repeat):
        elapsed, orm_result = timed(orm_rows)
        orm_times.append(elapsed)
        elapsed, sql_result = timed(sql_rows)
        sql_times.append(elapsed)
    orm_ms, sql_ms = statistics.median(orm_times), statistics.median(sql_times)
    print(f"database: {connection.vendor}, trainees: {trainees().count()}")
    print(f"by-country report (ORM, as served): median {orm_ms:.1f} ms")
    print(f"hand-written SQL, same figures:     median {sql_ms:.1f} ms")
    print(f"ratio report / SQL: {orm_ms / sql_ms:.2f}" if sql_ms else "ratio: n/a")
    print("figures agree" if orm_result == sql_result else "FIGURES DIFFER")
    if orm_result != sql_result:
        for orm, sql in zip(orm_result, sql_result, strict=False):
            print(" report:", orm, "\n    sql:", sql)
        sys.exit(1)


if __name__ == "__main__":
    main()
