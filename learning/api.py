"""The door to learners' records: enrolments, completions, attempts, the final-exam score.

Other apps import from here, never from this app's other modules
(tests/test_app_layers.py checks it).
"""

from .attempts import attempt_start, attempt_submit, build_snapshot
from .models import Answer, Attempt, Enrollment, ModuleCompletion
from .queries import (
    SCORE_FIELD,
    enrollment_for,
    final_exam_best,
    final_exam_score,
    final_exam_score_subquery,
    final_exam_scores,
)
from .services import enrollment_create, enrollment_update_completion, module_complete
from .signals import enrollment_completed, enrollment_merging

__all__ = [
    "SCORE_FIELD",
    "Answer",
    "Attempt",
    "Enrollment",
    "ModuleCompletion",
    "attempt_start",
    "attempt_submit",
    "build_snapshot",
    "enrollment_completed",
    "enrollment_create",
    "enrollment_for",
    "enrollment_merging",
    "enrollment_update_completion",
    "final_exam_best",
    "final_exam_score",
    "final_exam_score_subquery",
    "final_exam_scores",
    "module_complete",
]
