"""Independent recounts for the report tests: plain Python over plain rows.

Deliberately written without any SQL aggregate, so that a mistake in
``reports.queries`` cannot be repeated here.
"""

import statistics
from collections import defaultdict
from datetime import timedelta

from django.utils import timezone

from accounts.models import User
from certificates.models import Certificate
from learning.models import Attempt, Enrollment


def in_period(moment, start, end) -> bool:
    return (start is None or moment >= start) and (end is None or moment <= end)


def cohort(*, codes=None, course=None, start=None, end=None):
    trainees = {
        u.pk: u
        for u in User.objects.select_related("country")
        if not u.is_staff and not u.is_superuser and u.country_id
    }
    if codes is not None:
        trainees = {pk: u for pk, u in trainees.items() if u.country.code in codes}
    enrollments = [
        e
        for e in Enrollment.objects.all()
        if e.user_id in trainees
        and (course is None or e.course_id == course.pk)
        and in_period(e.enrolled_at, start, end)
    ]
    return trainees, enrollments


def final_and_pretest(enrollments):
    """Best submitted final-exam score and first submitted pre-test score per enrolment."""
    ids = {e.pk for e in enrollments}
    finals, pretests = {}, {}
    attempts = sorted(
        Attempt.objects.select_related("quiz").filter(status="submitted"),
        key=lambda a: (a.submitted_at, a.pk),
    )
    for a in attempts:
        if a.enrollment_id not in ids:
            continue
        if a.quiz.kind == "final_exam":
            finals[a.enrollment_id] = max(finals.get(a.enrollment_id, 0), float(a.score_percent))
        elif a.quiz.kind == "pretest":
            pretests.setdefault(a.enrollment_id, float(a.score_percent))
    return finals, pretests


def shown(value) -> str:
    """How the report shows a figure."""
    if value is None:
        return "–"
    if isinstance(value, float):
        return str(round(value, 1))
    return str(value)


def by_country(*, codes=None, course=None, start=None, end=None) -> dict[str, dict]:
    """Country code → the figures of the by-country report, recounted."""
    now = timezone.now()
    trainees, enrollments = cohort(codes=codes, course=course, start=start, end=end)
    finals, _pretests = final_and_pretest(enrollments)
    valid = {
        c.enrollment_id
        for c in Certificate.objects.all()
        if c.status == "valid" and (c.expires_at is None or c.expires_at > now)
    }
    figures: dict[str, dict] = {}
    for user in trainees.values():
        row = figures.setdefault(user.country.code, empty_row(user.country.name))
        if in_period(user.date_joined, start, end):
            row["registered"] += 1
    per_country = defaultdict(list)
    for e in enrollments:
        per_country[trainees[e.user_id].country.code].append(e)
    for code, rows in per_country.items():
        row = figures[code]
        row["enrolled"] = len({e.user_id for e in rows})
        row["active"] = len(
            {
                e.user_id
                for e in rows
                if e.last_activity_at >= now - timedelta(days=30) and trainees[e.user_id].is_active
            }
        )
        row["enrolments"] = len(rows)
        row["completions"] = sum(1 for e in rows if e.completed_at)
        row["completion_rate"] = round(100 * row["completions"] / len(rows), 1)
        scores = [finals[e.pk] for e in rows if e.pk in finals]
        row["average_final_score"] = round(statistics.mean(scores), 1) if scores else None
        row["valid_certificates"] = sum(1 for e in rows if e.pk in valid)
    return figures


def empty_row(name) -> dict:
    return {
        "name": name,
        "registered": 0,
        "enrolled": 0,
        "active": 0,
        "enrolments": 0,
        "completions": 0,
        "completion_rate": None,
        "average_final_score": None,
        "valid_certificates": 0,
    }


COUNTRY_COLUMNS = [
    "name",
    "registered",
    "enrolled",
    "active",
    "enrolments",
    "completions",
    "completion_rate",
    "average_final_score",
    "valid_certificates",
]


def as_screen_rows(figures: dict[str, dict]) -> list[list[str]]:
    rows = [[shown(row[c]) for c in COUNTRY_COLUMNS] for row in figures.values()]
    return sorted(rows)


def knowledge_gain(*, codes=None, course=None) -> dict[tuple[int, str], dict]:
    """(course id, country code) → trainees with both tests and average gain."""
    trainees, enrollments = cohort(codes=codes, course=course)
    finals, pretests = final_and_pretest(enrollments)
    gains = defaultdict(list)
    for e in enrollments:
        if e.pk in finals and e.pk in pretests:
            key = (e.course_id, trainees[e.user_id].country.code)
            gains[key].append(finals[e.pk] - pretests[e.pk])
    return {
        key: {"trainees": len(values), "gain": round(statistics.mean(values), 1)}
        for key, values in gains.items()
    }


def median_days(*, course) -> float | None:
    trainees, enrollments = cohort(course=course)
    days = [
        (e.completed_at - e.enrolled_at).total_seconds() / 86400
        for e in enrollments
        if e.completed_at
    ]
    return statistics.median(days) if days else None
