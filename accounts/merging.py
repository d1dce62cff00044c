"""Two accounts of one person merged into one (names compare by ``names.name_key``)."""

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from core import personal_pages

from .models import AuditEvent, User
from .scoping import trainees
from .services import AccountError, audit_record
from .signals import account_merging


def merged_email(user_pk: int) -> str:
    """The address a merged-away account is left with: unique, and never delivered
    (``.invalid`` is reserved by RFC 2606)."""
    return f"merged-{user_pk}@invalid"


def account_merge_refusal(*, source: User, target: User) -> str | None:
    """Why these two accounts cannot be merged, in the reader's language; None if they can."""
    if source.pk == target.pk:
        return str(_("An account cannot be merged into itself."))
    if trainees().filter(pk__in=[source.pk, target.pk]).count() != 2:
        return str(_("Only trainee accounts can be merged; staff accounts are never merged."))
    if not (source.is_active and target.is_active):
        return str(_("An inactive (already merged) account cannot be merged."))
    return None


def account_merge(*, source: User, target: User, actor: User) -> User:
    """Moves everything of ``source`` to ``target`` (the same person) and closes ``source``.

    Only an administrator merges, and only two distinct, active trainee
    accounts. The apps above move their rows on the ``account_merging``
    signal (enrolments, lesson completions, attempts, certificates); here the
    audit lines about ``source`` move to ``target``. ``source`` is kept,
    deactivated, with a non-deliverable address and no usable password rather
    than deleted: a deletion would cascade to anything a receiver failed to
    move, and lines it acted on (its own data downloads) keep their author.
    Its allauth e-mail addresses stay with it, so signing in with the old
    address says the account is inactive instead of offering a new sign-up.
    One audit line records who merged which account into which.
    """
    if actor is None or not actor.is_superuser:
        raise AccountError(_("Only an administrator can merge accounts."))
    if source.pk == target.pk:
        raise AccountError(account_merge_refusal(source=source, target=target))
    # Both rows locked, in a fixed order so two merges cannot deadlock.
    locked = {
        u.pk: u
        for u in User.objects.select_for_update()
        .filter(pk__in=[source.pk, target.pk])
        .order_by("pk")
    }
    if len(locked) != 2:
        raise AccountError(_("One of the two accounts no longer exists."))
    source, target = locked[source.pk], locked[target.pk]
    refusal = account_merge_refusal(source=source, target=target)
    if refusal is not None:
        raise AccountError(refusal)
    account_merging.send(sender=User, source=source, target=target)
    AuditEvent.objects.filter(subject=source).update(subject=target)
    source.is_active = False
    source.email = merged_email(source.pk)
    source.set_unusable_password()
    source.save(update_fields=["is_active", "email", "password"])
    audit_record(
        actor=actor,
        action=AuditEvent.Action.ACCOUNTS_MERGED,
        target=f"user {source.pk} merged into user {target.pk}",
        country=target.country,
        subject=target,
    )
    # The moves above were bulk updates, which no save signal reports.
    personal_pages.bump(target.pk)
    personal_pages.bump(source.pk)
    return target


account_merge = transaction.atomic(account_merge)
