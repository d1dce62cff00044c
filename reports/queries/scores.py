"""Per-enrolment scores of the reports: the final exam and the pre-test.

``final_exam_score`` is the platform's one definition of an enrolment's
final-exam score (``learning.queries``), the one certificates and pages use;
every figure that speaks of the final exam (averages, knowledge gain,
transcripts, the all-trainees export) goes through it.
"""

from django.db.models import F, OuterRef, QuerySet, Subquery

from learning.api import SCORE_FIELD, Attempt, Enrollment
from learning.api import final_exam_score_subquery as final_exam_score

__all__ = ["SCORE_FIELD", "final_exam_score", "first_pretest_score", "with_scores"]


def first_pretest_score(enrollment_ref: str = "pk") -> Subquery:
    """Score of the first submitted pre-test attempt of the enrolment."""
    first = (
        Attempt.objects.filter(
            enrollment=OuterRef(enrollment_ref), status="submitted", quiz__kind="pretest"
        )
        .order_by("submitted_at", "pk")
        .values("score_percent")[:1]
    )
    return Subquery(first, output_field=SCORE_FIELD)


def with_scores(enrollments: QuerySet[Enrollment]) -> QuerySet[Enrollment]:
    """Annotates ``final_score``, ``pretest_score`` and ``gain`` (None when missing)."""
    return enrollments.annotate(
        final_score=final_exam_score(),
        pretest_score=first_pretest_score(),
    ).annotate(gain=F("final_score") - F("pretest_score"))
