"""Signal receivers: a follow-up on completion; answers follow merged accounts."""

from .services import evaluation_on_enrollment_merging, schedule_follow_up


def follow_up_on_enrollment_completed(sender, enrollment, **kwargs):
    """learning's ``enrollment_completed`` -> the follow-up, inside that transaction
    (no query for a course without a follow-up questionnaire)."""
    schedule_follow_up(enrollment)


def evaluation_on_enrollment_merged(sender, source, target, **kwargs):
    """learning's ``enrollment_merging`` -> answers and follow-up move to ``target``.

    Enrolments that move whole to the surviving account (no collision) take
    their answers with them: these point at the enrolment, not the account.
    """
    evaluation_on_enrollment_merging(source=source, target=target)
