"""One trainee's record: enrolments with scores, lessons, attempts, certificates."""

from django.db.models import (
    Count,
    IntegerField,
    OuterRef,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce

from accounts.api import User
from certificates.api import Certificate
from courses.api import lesson_count_subquery
from learning.api import Attempt, Enrollment, ModuleCompletion

from .scores import with_scores


def transcript_enrollments(trainee: User) -> QuerySet[Enrollment]:
    """The trainee's enrolments with lessons done/total and scores (one query)."""
    done = (
        ModuleCompletion.objects.filter(enrollment=OuterRef("pk"))
        .order_by()
        .values("enrollment")
        .annotate(n=Count("pk"))
        .values("n")
    )
    enrollments = (
        Enrollment.objects.filter(user=trainee)
        .select_related("course")
        .annotate(
            lesson_total=lesson_count_subquery("course__path", "course__depth"),
            lesson_done=Coalesce(Subquery(done, output_field=IntegerField()), Value(0)),
        )
        .order_by("enrolled_at", "pk")
    )
    return with_scores(enrollments)


def transcript_lessons(trainee: User) -> QuerySet[ModuleCompletion]:
    """Lessons the trainee completed, by course, in order of completion."""
    return (
        ModuleCompletion.objects.filter(enrollment__user=trainee)
        .select_related("module", "enrollment__course")
        .order_by("enrollment__enrolled_at", "enrollment_id", "completed_at", "pk")
    )


def transcript_attempts(trainee: User) -> QuerySet[Attempt]:
    """The trainee's finished quiz attempts with their quiz, oldest first."""
    return (
        Attempt.objects.filter(user=trainee)
        .exclude(status="in_progress")
        .select_related("quiz", "enrollment__course")
        .order_by("started_at", "pk")
    )


def transcript_certificates(trainee: User) -> QuerySet[Certificate]:
    """The trainee's certificates, newest first."""
    return Certificate.objects.filter(user=trainee).order_by("-issued_at", "-pk")
