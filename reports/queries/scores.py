"""Per-enrolment scores of the reports: the final exam and the pre-test.

``final_exam_score`` is the reports' one definition of an enrolment's
final-exam score; every figure that speaks of the final exam (averages,
knowledge gain, transcripts, the all-trainees export) goes through it, so a
shared definition can replace it here and nowhere else.
"""

from django.db.models import DecimalField, F, Max, OuterRef, QuerySet, Subquery

from assessments.models import Attempt
from courses.models import Enrollment

SCORE_FIELD = DecimalField(max_digits=6, decimal_places=2)


def final_exam_score(enrollment_ref: str = "pk") -> Subquery:
    """The final-exam score of the enrolment at ``enrollment_ref``: its best submitted attempt.

    None when the enrolment has no submitted final-exam attempt.
    """
    best = (
        Attempt.objects.filter(
            enrollment=OuterRef(enrollment_ref), status="submitted", quiz__kind="final_exam"
        )
        .order_by()
        .values("enrollment")
        .annotate(best=Max("score_percent"))
        .values("best")
    )
    return Subquery(best, output_field=SCORE_FIELD)


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
