"""Signal receivers: certificates follow completed enrolments, and merged accounts."""

from .models import Certificate
from .services import certificate_renew


def certificate_on_enrollment_completed(sender, enrollment, final_attempt=None, **kwargs):
    """learning's ``enrollment_completed`` -> the certificate, inside that transaction.

    The first completion issues it; completing again (a final exam passed
    after the certificate expired) issues a new one that supersedes it.
    """
    score = final_attempt.score_percent if final_attempt is not None else None
    certificate_renew(enrollment=enrollment, score_percent=score)


def certificates_on_account_merging(sender, source, target, **kwargs):
    """accounts' ``account_merging`` -> the certificates of ``source`` now belong to ``target``.

    Their snapshot (holder name, country, agency, course, code) is what was
    issued and does not change: each still verifies as before.
    """
    Certificate.objects.filter(user=source).update(user=target)


def certificates_on_enrollment_merging(sender, source, target, **kwargs):
    """learning's ``enrollment_merging`` -> certificates follow the enrolment that is kept.

    An enrolment holds one valid certificate at most; when both held one,
    the dropped enrolment's stays valid, with its holder, but linked to no
    enrolment (as when an enrolment is deleted), so it cannot be renewed.
    """
    moving = Certificate.objects.filter(enrollment=source)
    if Certificate.objects.filter(enrollment=target, status=Certificate.Status.VALID).exists():
        moving.filter(status=Certificate.Status.VALID).update(enrollment=None)
    moving.update(enrollment=target)
