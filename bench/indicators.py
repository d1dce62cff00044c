"""The Indicators report against hand-written SQL for the same figures.

Usage (on whatever database the settings point at, e.g. the bench database
after ``bench/generate.py``):

    .venv/bin/python bench/indicators.py [--repeat 10] [--fiscal-year 2026]

Times, alternately, the report's queries for an administrator's scope and a
whole fiscal year (``reports.queries.indicators``: people trained by country ×
sex, by agency, by topic; enrolments, completions, knowledge gain; reaction
score, follow-ups sent and answered, on-the-job use) and five hand-written SQL
statements computing the same tables. Prints the median of
each, their ratio, the number of queries the report ran, and whether the
figures agree table by table.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

TRAINEES = """
t AS (
    SELECT id, country_id, agency_id, sex FROM accounts_user
    WHERE is_staff = %(false)s AND is_superuser = %(false)s
),
done AS (
    SELECT DISTINCT user_id FROM learning_enrollment
    WHERE completed_at >= %(start)s AND completed_at < %(end)s
),
p AS (SELECT t.* FROM t JOIN done ON done.user_id = t.id)"""

SEX_COLUMNS = """
       SUM(CASE WHEN sex = 'female' THEN 1 ELSE 0 END),
       SUM(CASE WHEN sex = 'male' THEN 1 ELSE 0 END),
       SUM(CASE WHEN sex IN ('female', 'male') THEN 0 ELSE 1 END),
       COUNT(*)"""

BY_COUNTRY = f"WITH {TRAINEES} SELECT country_id, {SEX_COLUMNS} FROM p GROUP BY country_id"
BY_AGENCY = f"WITH {TRAINEES} SELECT agency_id, {SEX_COLUMNS} FROM p GROUP BY agency_id"
BY_TOPIC = """
WITH t AS (
    SELECT id, sex FROM accounts_user WHERE is_staff = %(false)s AND is_superuser = %(false)s
)
SELECT ct.topic_id,
       COUNT(DISTINCT CASE WHEN t.sex = 'female' THEN e.user_id END),
       COUNT(DISTINCT CASE WHEN t.sex = 'male' THEN e.user_id END),
       COUNT(DISTINCT CASE WHEN t.sex IN ('female', 'male') THEN NULL ELSE e.user_id END),
       COUNT(DISTINCT e.user_id)
FROM learning_enrollment e
JOIN t ON t.id = e.user_id
LEFT JOIN courses_coursepage_topics ct ON ct.coursepage_id = e.course_id
WHERE e.completed_at >= %(start)s AND e.completed_at < %(end)s
GROUP BY ct.topic_id
"""
LEARNING = """
WITH t AS (
    SELECT id FROM accounts_user WHERE is_staff = %(false)s AND is_superuser = %(false)s
),
started AS (
    SELECT COUNT(*) AS enrolments,
           SUM(CASE WHEN e.completed_at < %(end)s THEN 1 ELSE 0 END) AS completed
    FROM learning_enrollment e JOIN t ON t.id = e.user_id
    WHERE e.enrolled_at >= %(start)s AND e.enrolled_at < %(end)s
),
finished AS (
    SELECT e.id, e.user_id FROM learning_enrollment e JOIN t ON t.id = e.user_id
    WHERE e.completed_at >= %(start)s AND e.completed_at < %(end)s
),
best AS (
    SELECT a.enrollment_id, MAX(a.score_percent) AS score
    FROM learning_attempt a JOIN assessments_quizpage q ON q.page_ptr_id = a.quiz_id
    JOIN finished f ON f.id = a.enrollment_id
    WHERE a.status = 'submitted' AND q.kind = 'final_exam'
    GROUP BY a.enrollment_id
),
ranked AS (
    SELECT a.enrollment_id, a.score_percent AS score,
           ROW_NUMBER() OVER (PARTITION BY a.enrollment_id ORDER BY a.submitted_at, a.id) AS n
    FROM learning_attempt a JOIN assessments_quizpage q ON q.page_ptr_id = a.quiz_id
    JOIN finished f ON f.id = a.enrollment_id
    WHERE a.status = 'submitted' AND q.kind = 'pretest'
),
pairs AS (
    SELECT b.score AS final, r.score AS pre
    FROM best b JOIN ranked r ON r.enrollment_id = b.enrollment_id AND r.n = 1
)
SELECT (SELECT enrolments FROM started), (SELECT completed FROM started),
       (SELECT COUNT(*) FROM finished), (SELECT COUNT(DISTINCT user_id) FROM finished),
       (SELECT COUNT(*) FROM pairs), (SELECT AVG(final - pre) FROM pairs),
       (SELECT COUNT(*) FROM pairs WHERE pre < 100),
       (SELECT AVG((final - pre) * 1.0 / (100 - pre)) FROM pairs WHERE pre < 100)
"""


EVALUATION = """
WITH t AS (
    SELECT id FROM accounts_user WHERE is_staff = %(false)s AND is_superuser = %(false)s
),
reaction AS (
    SELECT COUNT(*) AS answered, AVG(r.mean_rating) AS score
    FROM evaluation_surveyresponse r
    JOIN learning_enrollment e ON e.id = r.enrollment_id JOIN t ON t.id = e.user_id
    WHERE r.kind = 'reaction' AND r.submit_time >= %(start)s AND r.submit_time < %(end)s
),
follow AS (
    SELECT COUNT(*) AS sent, COUNT(f.response_id) AS answered,
           SUM(CASE WHEN r.used_on_job IN ('yes', 'partly') THEN 1 ELSE 0 END) AS used
    FROM evaluation_followup f
    JOIN learning_enrollment e ON e.id = f.enrollment_id JOIN t ON t.id = e.user_id
    LEFT JOIN evaluation_surveyresponse r ON r.id = f.response_id
    WHERE f.sent_at >= %(start)s AND f.sent_at < %(end)s
)
SELECT reaction.answered, reaction.score, follow.sent, follow.answered, follow.used
FROM reaction, follow
"""


def report_tables(period):
    from accounts.scoping import trainees
    from reports.queries.indicators import indicators

    tables = indicators(trainees(), period)

    def people(rows, key):
        return {
            row[key]: (row["female"], row["male"], row["not_stated"], row["people"]) for row in rows
        }

    learning = tables["learning"]
    return {
        "country": people(tables["by_country"], "country_id"),
        "agency": people(tables["by_agency"], "agency_id"),
        "topic": people(tables["by_topic"], "topic_id"),
        "learning": (
            learning["enrolments"],
            learning["completed"],
            learning["completions"],
            learning["people"],
            learning["measured"],
            _round(learning["gain"]),
            learning["normalised_measured"],
            _round(learning["normalised_gain"]),
        ),
        "evaluation": (
            tables["reaction"]["responses"],
            _round(tables["reaction"]["mean_score"], 2),
            tables["follow_up"]["sent"],
            tables["follow_up"]["responded"],
            tables["follow_up"]["used_on_job"],
        ),
    }


def _round(value, digits=6):
    return None if value is None else round(float(value), digits)


def sql_tables(period):
    from django.db import connection

    adapt = connection.ops.adapt_datetimefield_value
    params = {"false": False, "start": adapt(period.start), "end": adapt(period.end)}

    def fetch(sql):
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()

    def people(rows):
        return {key: tuple(int(n) for n in counts) for key, *counts in rows}

    (learning,) = fetch(LEARNING)
    (evaluation,) = fetch(EVALUATION)
    return {
        "country": people(fetch(BY_COUNTRY)),
        "agency": people(fetch(BY_AGENCY)),
        "topic": people(fetch(BY_TOPIC)),
        "learning": (
            int(learning[0]),
            int(learning[1] or 0),
            int(learning[2]),
            int(learning[3]),
            int(learning[4]),
            _round(learning[5]),
            int(learning[6]),
            _round(learning[7]),
        ),
        "evaluation": (
            int(evaluation[0]),
            _round(evaluation[1], 2),
            int(evaluation[2]),
            int(evaluation[3]),
            int(evaluation[4] or 0),
        ),
    }


def timed(function) -> tuple[float, object]:
    started = time.perf_counter()
    result = function()
    return (time.perf_counter() - started) * 1000, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument("--fiscal-year", type=int, default=None)
    args = parser.parse_args()

    import django

    django.setup()
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from accounts.scoping import trainees
    from reports.queries.indicators import Period, fiscal_year_of

    period = Period(args.fiscal_year or fiscal_year_of(timezone.localdate()))
    report_times, sql_times = [], []
    report = sql = None
    for _ in range(args.repeat):
        elapsed, report = timed(lambda: report_tables(period))
        report_times.append(elapsed)
        elapsed, sql = timed(lambda: sql_tables(period))
        sql_times.append(elapsed)
    with CaptureQueriesContext(connection) as captured:
        report_tables(period)
    report_ms, sql_ms = statistics.median(report_times), statistics.median(sql_times)
    print(f"database: {connection.vendor}, trainees: {trainees().count()}, period: {period.code}")
    print(f"people trained: {sum(row[3] for row in sql['country'].values())}")
    print(f"indicators report (ORM): median {report_ms:.1f} ms, {len(captured)} queries")
    print(f"hand-written SQL, same figures: median {sql_ms:.1f} ms, 5 statements")
    print(f"ratio report / SQL: {report_ms / sql_ms:.2f}" if sql_ms else "ratio: n/a")
    differing = [name for name in sql if report[name] != sql[name]]
    if not differing:
        print("figures agree")
        return
    print("FIGURES DIFFER:", ", ".join(differing))
    for name in differing:
        print(f" report {name}: {report[name]}\n    sql {name}: {sql[name]}")
    sys.exit(1)


if __name__ == "__main__":
    main()
