"""The filters every report shares, and the trainees and enrolments they select."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import (
    QuerySet,
)
from django.utils import timezone

from accounts.api import Agency, PartnerCountry, User
from courses.api import CoursePage
from learning.api import Enrollment

ACTIVE_DAYS = 30


@dataclass(frozen=True)
class ReportFilters:
    """Validated filter values shared by every report (all optional)."""

    country: PartnerCountry | None = None
    agency: Agency | None = None
    course: CoursePage | None = None
    language: str = ""
    start: datetime | None = None
    end: datetime | None = None


def report_trainees(trainees: QuerySet[User], filters: ReportFilters) -> QuerySet[User]:
    """The scoped trainees narrowed by the trainee filters (country, agency, language)."""
    if filters.country is not None:
        trainees = trainees.filter(country=filters.country)
    if filters.agency is not None:
        trainees = trainees.filter(agency=filters.agency)
    if filters.language:
        trainees = trainees.filter(preferred_language=filters.language)
    return trainees


def registered_trainees(trainees: QuerySet[User], filters: ReportFilters) -> QuerySet[User]:
    """Trainees who registered in the period."""
    trainees = report_trainees(trainees, filters)
    if filters.start is not None:
        trainees = trainees.filter(date_joined__gte=filters.start)
    if filters.end is not None:
        trainees = trainees.filter(date_joined__lte=filters.end)
    return trainees


def cohort_enrollments(trainees: QuerySet[User], filters: ReportFilters) -> QuerySet[Enrollment]:
    """Enrolments of the filtered trainees started in the period (in the course)."""
    return cohort_filter(
        Enrollment.objects.filter(user__in=report_trainees(trainees, filters).values("pk")),
        filters,
    )


def cohort_filter(
    enrollments: QuerySet[Enrollment], filters: ReportFilters
) -> QuerySet[Enrollment]:
    """The enrolments the course and period filters keep (whoever the trainee)."""
    if filters.course is not None:
        enrollments = enrollments.filter(course=filters.course)
    if filters.start is not None:
        enrollments = enrollments.filter(enrolled_at__gte=filters.start)
    if filters.end is not None:
        enrollments = enrollments.filter(enrolled_at__lte=filters.end)
    return enrollments


def active_since(now: datetime | None = None) -> datetime:
    return (now or timezone.now()) - timedelta(days=ACTIVE_DAYS)
