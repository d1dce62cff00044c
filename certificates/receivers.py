"""Signal receivers: certificates follow completed enrolments."""

from .services import certificate_renew


def certificate_on_enrollment_completed(sender, enrollment, final_attempt=None, **kwargs):
    """learning's ``enrollment_completed`` -> the certificate, inside that transaction.

    The first completion issues it; completing again (a final exam passed
    after the certificate expired) issues a new one that supersedes it.
    """
    score = final_attempt.score_percent if final_attempt is not None else None
    certificate_renew(enrollment=enrollment, score_percent=score)
