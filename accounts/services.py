"""Write side of accounts: the audit log and deleting one's own account."""

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from .models import AuditEvent, PartnerCountry, User


class AccountError(Exception):
    """A privacy action that cannot be done; ``message`` is shown to the user."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


def audit_record(
    *,
    actor: User | None,
    action: str,
    target: str,
    country: PartnerCountry | str | None = None,
    subject: User | None = None,
) -> AuditEvent:
    """Adds one line to the audit log (report export, transcript view, data download...).

    ``target`` describes what was touched without personal data (ids, report
    names); ``country`` is the partner country concerned, as an object or code.
    """
    code = country.code if isinstance(country, PartnerCountry) else (country or "")
    authenticated = actor is not None and actor.is_authenticated
    return AuditEvent.objects.create(
        actor=actor if authenticated else None,
        actor_label=actor.email if authenticated else "",
        action=action,
        target=target[:255],
        subject=subject,
        country=code.upper()[:2],
    )


@transaction.atomic
def account_delete(*, user: User) -> None:
    """Deletes a trainee's account and personal learning records; keeps certificates.

    The user row goes, and with it (by cascade) e-mail addresses, enrolments,
    lesson completions, quiz attempts and answers. Certificates lose the link
    to the account (``user`` and ``enrollment`` become NULL) but keep their
    snapshot (holder name, country, agency, course, dates, score, code), so a
    court or an employer can still verify them. Staff accounts are closed by
    an administrator instead.
    """
    if user.is_staff or user.is_superuser:
        raise AccountError(
            _("Staff accounts cannot be deleted here; ask an administrator to close yours.")
        )
    user_id, country_id = user.pk, user.country_id
    # The trainee's own actions stay in the log without naming them.
    AuditEvent.objects.filter(actor=user).update(actor_label="")
    user.delete()
    code = PartnerCountry.objects.filter(pk=country_id).values_list("code", flat=True).first() or ""
    audit_record(
        actor=None,
        action=AuditEvent.Action.ACCOUNT_DELETED,
        target=f"user {user_id}",
        country=code,
    )
