"""Signal receivers: certificates follow course completion and final exams."""

from .services import certificate_issue, certificate_renew


def issue_on_course_completed(sender, enrollment, **kwargs):
    """courses.services.course_completed → the certificate (inside that transaction)."""
    certificate_issue(enrollment=enrollment)


def renew_on_final_exam_passed(sender, enrollment, attempt=None, **kwargs):
    """assessments.signals.final_exam_passed → renew an expired certificate."""
    certificate_renew(enrollment=enrollment, score_percent=getattr(attempt, "score_percent", None))
