"""The by-country report against hand-written SQL for the same figures.

Usage (on whatever database the settings point at, e.g. after
``manage.py seed_demo --trainees 500`` or ``bench/generate.py``):

    .venv/bin/python bench/reports.py [--repeat 20]

Times, alternately, for an administrator's scope and no filters: the report
as served (what the page and its exports run: the summary when a fresh one
exists, see ``reports.queries.summary``, else the live statement), the live
statement itself (what a period filter runs, and the summary's refresh), and
one hand-written SQL statement that computes the same figures. Prints the
median time of each, the ratios to the SQL, and whether all three agree row
by row.
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


def country_figures(*, served: bool):
    """The by-country rows (as served, or live); and when their summary was computed."""
    from accounts.models import PartnerCountry
    from accounts.scoping import trainees
    from reports.queries import (
        ReportFilters,
        attach_figures,
        attach_group_figures,
        country_groups,
    )

    countries, filters = PartnerCountry.objects.all(), ReportFilters()
    rows = list(country_groups(countries, filters))
    as_of = None
    if served:
        as_of = attach_group_figures(
            rows, key="user__country", trainees=trainees(), countries=countries, filters=filters
        )
    else:
        attach_figures(rows, trainees=trainees(), filters=filters, key="user__country")
    rows.sort(key=lambda row: row.code)
    return as_of, [
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

    served_times, live_times, sql_times = [], [], []
    served = live = sql_result = None
    for _ in range(args.repeat):
        elapsed, served = timed(lambda: country_figures(served=True))
        served_times.append(elapsed)
        elapsed, live = timed(lambda: country_figures(served=False))
        live_times.append(elapsed)
        elapsed, sql_result = timed(sql_rows)
        sql_times.append(elapsed)
    as_of, served_result = served
    _live_as_of, live_result = live
    served_ms, live_ms, sql_ms = (
        statistics.median(times) for times in (served_times, live_times, sql_times)
    )
    print(f"database: {connection.vendor}, trainees: {trainees().count()}")
    source = f"the summary computed at {as_of.isoformat()}" if as_of else "the live statement"
    print(f"by-country report (ORM, as served): median {served_ms:.1f} ms, from {source}")
    print(f"by-country report (live statement): median {live_ms:.1f} ms")
    print(f"hand-written SQL, same figures:     median {sql_ms:.1f} ms")
    print(f"ratio report / SQL: {served_ms / sql_ms:.2f}" if sql_ms else "ratio: n/a")
    print(f"ratio live statement / SQL: {live_ms / sql_ms:.2f}" if sql_ms else "ratio: n/a")
    if served_result == sql_result and live_result == sql_result:
        print("figures agree")
        return
    print("FIGURES DIFFER")
    for name, result in (("as served", served_result), ("live", live_result)):
        for orm, sql in zip(result, sql_result, strict=False):
            if orm != sql:
                print(f" report ({name}):", orm, "\n    sql:", sql)
    sys.exit(1)


if __name__ == "__main__":
    main()
