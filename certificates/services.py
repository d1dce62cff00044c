"""Write side of certificates: issue, revoke, reissue, renew; the audit trail; e-mail.

Writes run in one transaction each: ``f = transaction.atomic(f)`` after a
function rather than ``@transaction.atomic`` above it, because mutation testing
(``make mutate``, docs/testing.md) only reaches undecorated functions.
"""

from decimal import Decimal

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from accounts.api import AuditEvent, audit_event
from learning.api import Enrollment, final_exam_score

from .codes import code_display, code_generate
from .models import SNAPSHOT_TEXTS, Certificate, CertificateZip, add_months, language_codes
from .queries import certificates_matching, site_root_url, verification_url

Status = Certificate.Status
Action = AuditEvent.Action


class CertificateError(Exception):
    """An action that the certificate's state does not allow; the message says why."""


def _texts(obj, field: str) -> dict[str, str]:
    """``{code: obj.<field>_<code>}`` in every language of the settings ("" when missing)."""
    return {
        code: (getattr(obj, build_localized_fieldname(field, code), "") or "" if obj else "")
        for code in language_codes()
    }


def holder_snapshot(user) -> dict:
    """What a certificate states about its holder, read now (names in every language)."""
    country = getattr(user, "country", None)
    agency = getattr(user, "agency", None)
    return {
        "holder_name": user.full_name or user.email,
        "country_code": country.code if country else "",
        "language": user.preferred_language or "es",
        "country_names": _texts(country, "name"),
        "agency_names": _texts(agency, "name"),
    }


def course_snapshot(course) -> dict:
    """What a certificate states about its course, read now (title in every language;
    in the default language, the course's title whatever language it has)."""
    titles = _texts(course, "title")
    titles[settings.LANGUAGE_CODE] = titles.get(settings.LANGUAGE_CODE) or course.title
    return {"hours": course.estimated_hours, "course_titles": titles}


def snapshot(*, user, course) -> dict:
    return {**holder_snapshot(user), **course_snapshot(course)}


def event_line(*, certificate: Certificate, action: str, actor=None, note: str = "") -> AuditEvent:
    """A line of the audit log about ``certificate`` (its history), not saved yet."""
    event = audit_event(
        actor=actor,
        action=action,
        target=f"certificate {code_display(certificate.code)}",
        country=certificate.country_code,
        about=certificate,
        note=note,
    )
    event.subject_id = certificate.user_id  # without fetching the holder
    return event


def event_record(
    *, certificate: Certificate, action: str, actor=None, note: str = ""
) -> AuditEvent:
    """Adds a line about ``certificate`` to the audit log (its history)."""
    event = event_line(certificate=certificate, action=action, actor=actor, note=note)
    event.save()
    return event


def _certificate_create(*, enrollment: Enrollment, fields: dict) -> tuple[Certificate, bool]:
    """Inserts a valid certificate for ``enrollment``, or returns the one that won a race.

    The partial unique index (one valid certificate per enrolment) decides a
    race; a code collision (about 1 in 2**80) is simply retried.
    """
    for _attempt in range(5):
        try:
            with transaction.atomic():
                return (
                    Certificate.objects.create(
                        code=code_generate(), enrollment=enrollment, **fields
                    ),
                    True,
                )
        except IntegrityError:
            existing = Certificate.objects.filter(
                enrollment=enrollment, status=Status.VALID
            ).first()
            if existing is not None:
                return existing, False
    raise CertificateError("Could not generate a unique certificate code.")


def _expiry(course, start):
    months = getattr(course, "validity_months", None)
    return add_months(start, months) if months else None


def certificate_issue(
    *, enrollment: Enrollment, actor=None, score_percent: Decimal | None = None
) -> Certificate:
    """Issues the certificate of a completed enrolment, exactly once.

    Called when the course is completed (also concurrently): a second call
    returns the certificate already issued and changes nothing.
    """
    existing = Certificate.objects.filter(enrollment=enrollment, status=Status.VALID).first()
    if existing is not None:
        return existing
    if enrollment.completed_at is None:
        raise CertificateError(_("The course is not complete yet."))
    return _certificate_issue_new(enrollment=enrollment, actor=actor, score_percent=score_percent)


def _certificate_issue_new(
    *, enrollment: Enrollment, actor=None, score_percent: Decimal | None
) -> Certificate:
    """Issues the first certificate of a completed enrolment that has no valid one (as
    its caller just read); a concurrent issue that won the race is returned instead."""
    user = enrollment.user
    course = enrollment.course
    if score_percent is None:
        score_percent = final_exam_score(enrollment)
    now = timezone.now()
    certificate, created = _certificate_create(
        enrollment=enrollment,
        fields={
            "user": user,
            "course": course,
            "issued_at": now,
            "completed_at": enrollment.completed_at,
            "expires_at": _expiry(course, now),
            "score_percent": score_percent,
            **snapshot(user=user, course=course),
        },
    )
    if created:
        event_record(certificate=certificate, action=Action.CERTIFICATE_ISSUED, actor=actor)
        certificate_email_on_commit(certificate)
    return certificate


certificate_issue = transaction.atomic(certificate_issue)


def certificate_revoke(*, certificate: Certificate, actor, reason: str) -> Certificate:
    """Revokes a certificate: verifiers are told so, with the date (and managers why)."""
    reason = (reason or "").strip()
    if not reason:
        raise CertificateError(_("Give a reason for revoking the certificate."))
    locked = Certificate.objects.select_for_update().get(pk=certificate.pk)
    if locked.status != Status.VALID:
        raise CertificateError(_("Only a valid or expired certificate can be revoked."))
    locked.status = Status.REVOKED
    locked.revoked_at = timezone.now()
    locked.revoked_by = actor
    locked.revoke_reason = reason
    locked.save(update_fields=["status", "revoked_at", "revoked_by", "revoke_reason"])
    event_record(certificate=locked, action=Action.CERTIFICATE_REVOKED, actor=actor, note=reason)
    return locked


certificate_revoke = transaction.atomic(certificate_revoke)


def certificate_reissue(*, certificate: Certificate, actor) -> Certificate:
    """Replaces a certificate with a new code and a fresh snapshot (e.g. a corrected name).

    Dates, score and expiry stay those of the original; the old certificate
    becomes superseded.
    """
    locked = Certificate.objects.select_for_update().get(pk=certificate.pk)
    if locked.status != Status.VALID:
        raise CertificateError(_("Only a valid or expired certificate can be reissued."))
    locked.status = Status.SUPERSEDED
    locked.save(update_fields=["status"])
    fields = {
        "course": locked.course,
        "user": locked.user,
        "issued_at": timezone.now(),
        "completed_at": locked.completed_at,
        "expires_at": locked.expires_at,
        "score_percent": locked.score_percent,
        "supersedes": locked,
    }
    # Fresh snapshot of what still exists; the rest is kept from the original.
    fields.update({name: getattr(locked, name) for name in SNAPSHOT_FIELDS})
    if locked.user is not None:
        fields.update(holder_snapshot(locked.user))
    if locked.course is not None:
        fields.update(course_snapshot(locked.course))
    new, _created = _certificate_create(enrollment=locked.enrollment, fields=fields)
    event_record(
        certificate=new,
        action=Action.CERTIFICATE_REISSUED,
        actor=actor,
        note=f"replaces {code_display(locked.code)}",
    )
    event_record(
        certificate=locked,
        action=Action.CERTIFICATE_REISSUED,
        actor=actor,
        note=f"replaced by {code_display(new.code)}",
    )
    certificate_email_on_commit(new)
    return new


certificate_reissue = transaction.atomic(certificate_reissue)


SNAPSHOT_FIELDS = [
    "holder_name",
    "country_code",
    *SNAPSHOT_TEXTS.values(),
    "hours",
    "language",
]


def certificate_renewal_start(*, certificate: Certificate, user) -> Enrollment:
    """Lets the holder of an expired certificate retake the final exam.

    Sets ``renewal_started_at`` so that the exam's attempt limit counts again
    from now; passing the exam then renews the certificate.
    """
    if certificate.user_id != user.pk or certificate.enrollment_id is None:
        raise CertificateError(_("This certificate cannot be renewed."))
    if certificate.effective_status != "expired":
        raise CertificateError(_("Only an expired certificate can be renewed."))
    enrollment = Enrollment.objects.select_for_update().get(pk=certificate.enrollment_id)
    enrollment.renewal_started_at = timezone.now()
    enrollment.save(update_fields=["renewal_started_at"])
    return enrollment


certificate_renewal_start = transaction.atomic(certificate_renewal_start)


def certificate_renew(
    *, enrollment: Enrollment, actor=None, score_percent: Decimal | None = None
) -> Certificate | None:
    """After a passing final exam: a new certificate superseding an expired one.

    When the current certificate has not expired nothing changes (except a
    missing score being filled in); without any certificate, a completed
    enrolment gets its first one.
    """
    current = (
        Certificate.objects.select_for_update()
        .filter(enrollment=enrollment, status=Status.VALID)
        .first()
    )
    if current is None:
        if enrollment.completed_at is None:
            return None
        return _certificate_issue_new(
            enrollment=enrollment, actor=actor, score_percent=score_percent
        )
    if not current.is_expired:
        if current.score_percent is None and score_percent is not None:
            current.score_percent = score_percent
            current.save(update_fields=["score_percent"])
        return current
    current.status = Status.SUPERSEDED
    current.save(update_fields=["status"])
    user = enrollment.user
    course = enrollment.course
    now = timezone.now()
    new, created = _certificate_create(
        enrollment=enrollment,
        fields={
            "user": user,
            "course": course,
            "issued_at": now,
            "completed_at": now,
            "expires_at": _expiry(course, now),
            "score_percent": score_percent,
            "supersedes": current,
            **snapshot(user=user, course=course),
        },
    )
    if created:
        event_record(
            certificate=new,
            action=Action.CERTIFICATE_RENEWED,
            actor=actor,
            note=f"replaces {code_display(current.code)}",
        )
        certificate_email_on_commit(new)
    return new


# No savepoint: it raises nothing of its own and runs inside the completion of
# an enrolment (a final exam's submit), which a failure rolls back anyway.
certificate_renew = transaction.atomic(savepoint=False)(certificate_renew)


def certificate_email_on_commit(certificate: Certificate) -> None:
    """Sends the trainee the "your certificate" e-mail once the issue is committed."""
    certificate_id = certificate.pk
    # robust: a mail server that is down must not fail the trainee's request
    # after the certificate is already committed (the error is logged).
    from .tasks import certificate_email_task

    transaction.on_commit(lambda: certificate_email_task.enqueue(certificate_id), robust=True)


def certificate_email_send(*, certificate_id: int) -> bool:
    """E-mails the holder their certificate's verification link, in their language.

    Not to a deactivated account: it cannot sign in to the links it would get.
    """
    certificate = Certificate.objects.select_related("user").filter(pk=certificate_id).first()
    if certificate is None or certificate.user is None or not certificate.user.email:
        return False
    if not certificate.user.is_active:
        return False
    user = certificate.user
    language = user.preferred_language or certificate.language
    from .pdf import programme_name

    with translation.override(language):
        context = {
            "programme": programme_name(language),
            "certificate": certificate,
            "holder_name": certificate.holder_name,
            "course_title": certificate.course_title_in(language),
            "code": certificate.display_code,
            "verification_url": verification_url(certificate, language),
            "my_learning_url": site_root_url() + reverse("my_learning"),
        }
        subject = render_to_string("certificates/email/issued_subject.txt", context)
        body = render_to_string("certificates/email/issued_body.txt", context)
    send_mail(" ".join(subject.split()), body, None, [user.email])
    return True


def certificate_zip_request(*, user, query: str, language: str) -> CertificateZip:
    """Records a bulk download and hands it to a task worker (after commit)."""
    from .tasks import certificate_zip_task

    job = CertificateZip.objects.create(requested_by=user, query=query, language=language)
    transaction.on_commit(lambda: certificate_zip_task.enqueue(job.pk))
    return job


certificate_zip_request = transaction.atomic(certificate_zip_request)


#: Audit lines written per query once a zip is built.
EVENT_BATCH = 500


def certificate_zip_build(*, zip_id: int) -> int:
    """Builds the zip of a request with the requester's scope and filters; returns its size.

    The filters are applied again here, with the scope of the manager who asked,
    so a zip never holds a certificate that manager may not see. The zip is
    written to a temporary file, not kept in memory (10,000 certificates make
    about 230 MB), and ``done`` is saved as it grows, so the manager's page
    shows how far it is. A build that fails is marked failed before the error
    goes to the task worker.
    """
    import tempfile

    from django.core.files import File

    from .pdf import bulk_zip

    job = CertificateZip.objects.select_related("requested_by").filter(pk=zip_id).first()
    if job is None or job.status != CertificateZip.Status.PENDING:
        return 0
    certificates = certificates_matching(job.requested_by, job.query)
    if certificates is None:
        _zip_finish(job, CertificateZip.Status.FAILED)
        return 0
    certificates = certificates.order_by("course_id", "holder_name")
    job.count, job.done = certificates.count(), 0
    job.save(update_fields=["count", "done"])
    jobs = CertificateZip.objects.filter(pk=job.pk)
    try:
        with tempfile.TemporaryFile() as archive:
            written = bulk_zip(
                certificates,
                archive,
                language=job.language,
                progress=lambda done: jobs.update(done=done),
            )
            archive.seek(0)
            name = f"certificates-{job.pk}-{timezone.localdate().isoformat()}.zip"
            job.file.save(name, File(archive, name=name), save=False)
    except Exception:
        _zip_finish(job, CertificateZip.Status.FAILED)
        raise
    _zip_record_downloads(job, written)
    job.count = job.done = len(written)
    _zip_finish(job, CertificateZip.Status.DONE, "file", "count", "done")
    return job.file.size


def _zip_finish(job: CertificateZip, status: str, *fields: str) -> None:
    job.status = status
    job.finished_at = timezone.now()
    job.save(update_fields=["status", "finished_at", *fields])


def _zip_record_downloads(job: CertificateZip, certificate_ids: list[int]) -> None:
    """One audit line per certificate in the zip, a few hundred per query."""
    if job.requested_by is None:
        return
    fields = ("pk", "code", "country_code", "user")
    for start in range(0, len(certificate_ids), EVENT_BATCH):
        chunk = certificate_ids[start : start + EVENT_BATCH]
        AuditEvent.objects.bulk_create(
            event_line(
                certificate=certificate,
                action=AuditEvent.Action.CERTIFICATE_DOWNLOADED_BULK,
                actor=job.requested_by,
            )
            for certificate in Certificate.objects.filter(pk__in=chunk).only(*fields)
        )
