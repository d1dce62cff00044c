"""Write side of accounts: accounts saved by an administrator, roles, the audit log,
and deleting one's own account."""

from collections.abc import Iterable

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from .models import Agency, AuditEvent, PartnerCountry, User
from .roles import ROLE_GROUPS, Role, roles_setup
from .validators import validate_printable_name


class AccountError(Exception):
    """A privacy action that cannot be done; ``message`` is shown to the user."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


def audit_event(
    *,
    actor: User | None,
    action: str,
    target: str,
    country: PartnerCountry | str | None = None,
    subject: User | None = None,
    about: models.Model | None = None,
    note: str = "",
) -> AuditEvent:
    """One line of the audit log, not saved yet (``audit_record`` saves it; a
    writer of many lines saves them with one ``bulk_create``).

    ``target`` describes what was touched without personal data (ids, report
    names, a certificate's code); ``country`` is the partner country concerned,
    as an object or code; ``about`` is the object the line is about, if any.
    """
    code = country.code if isinstance(country, PartnerCountry) else (country or "")
    authenticated = actor is not None and actor.is_authenticated
    return AuditEvent(
        actor=actor if authenticated else None,
        actor_label=actor.email if authenticated else "",
        action=action,
        target=target[:255],
        subject=subject,
        country=code.upper()[:2],
        about=about,
        note=note,
    )


def audit_record(
    *,
    actor: User | None,
    action: str,
    target: str,
    country: PartnerCountry | str | None = None,
    subject: User | None = None,
    about: models.Model | None = None,
    note: str = "",
) -> AuditEvent:
    """Adds one line to the audit log (report export, transcript view, data download,
    certificate action...); the arguments are those of ``audit_event``."""
    event = audit_event(
        actor=actor,
        action=action,
        target=target,
        country=country,
        subject=subject,
        about=about,
        note=note,
    )
    event.save()
    return event


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


def _role_group(name: str) -> Group:
    group = Group.objects.filter(name=name).first()
    # A fresh database without setup_roles: create the groups with their permissions.
    return group if group is not None else roles_setup()[name]


@transaction.atomic
def user_role_set(
    *,
    user: User,
    role: Role,
    managed_countries: Iterable[PartnerCountry] = (),
    manages_all_countries: bool = False,
) -> User:
    """Gives ``user`` exactly one role: its group, its staff flags and, for a manager, a scope.

    Trainees are in no role group and have no staff flag; trainers and
    managers are staff in their group; administrators are superusers. Groups
    other than the role groups are left alone. The scope (countries or "all
    partner countries") is kept only for program managers, so an account that
    stops being a manager and later becomes one again starts with nothing.
    """
    role = Role(role)
    user.is_superuser = role == Role.ADMINISTRATOR
    user.is_staff = role != Role.TRAINEE
    is_manager = role == Role.PROGRAM_MANAGER
    user.manages_all_countries = is_manager and manages_all_countries
    user.save(update_fields=["is_superuser", "is_staff", "manages_all_countries"])
    role_groups = [_role_group(name) for name in ROLE_GROUPS.values()]
    user.groups.remove(*role_groups)
    if role in ROLE_GROUPS:
        user.groups.add(_role_group(ROLE_GROUPS[role]))
    countries = list(managed_countries) if is_manager and not manages_all_countries else []
    user.managed_countries.set(countries)
    return user


def _check_profile(*, full_name: str, country: PartnerCountry | None, agency: Agency | None):
    validate_printable_name(full_name)
    if agency is not None and (country is None or agency.country_id != country.pk):
        raise ValidationError(
            _("%(agency)s is not an agency of %(country)s.")
            % {"agency": agency.name, "country": country.name if country else "—"}
        )


def _primary_email_record(*, user: User, email: str) -> None:
    """The address an administrator typed counts as verified and primary in allauth."""
    from allauth.account.models import EmailAddress

    EmailAddress.objects.filter(user=user).exclude(email__iexact=email).update(primary=False)
    address = EmailAddress.objects.filter(user=user, email__iexact=email).first()
    if address is None:
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    else:
        address.verified = address.primary = True
        address.save(update_fields=["verified", "primary"])


@transaction.atomic
def staff_account_save(
    *,
    user: User | None,
    actor: User | None,
    email: str,
    full_name: str,
    role: Role,
    country: PartnerCountry | None = None,
    agency: Agency | None = None,
    job_title: str = "",
    preferred_language: str = User.Language.SPANISH,
    sex: str = "",
    managed_countries: Iterable[PartnerCountry] = (),
    manages_all_countries: bool = False,
    is_active: bool = True,
    password: str | None = None,
) -> User:
    """Creates (``user=None``) or updates an account as an administrator sets it up.

    Used by the admin's user pages and by ``seed_demo``. A new account has
    its e-mail address recorded as verified and primary (the administrator
    vouches for it) and, without ``password``, no usable password: it is sent
    a set-password e-mail once the transaction commits. A change of country
    or agency, which moves a trainee between managers' scopes, is written to
    the audit log.
    """
    email = User.objects.normalize_email(email).strip().lower()
    full_name = full_name.strip()
    _check_profile(full_name=full_name, country=country, agency=agency)
    creating = user is None
    if creating:
        user = User(email=email)
        previous_country, previous_agency = None, None
        if password:
            user.set_password(password)
        else:
            user.set_unusable_password()
    else:
        user = User.objects.select_for_update().get(pk=user.pk)
        previous_country, previous_agency = user.country, user.agency
    user.email = email
    user.full_name = full_name
    user.country = country
    user.agency = agency
    user.job_title = job_title.strip()
    user.preferred_language = preferred_language
    user.sex = User.Sex(sex) if sex else ""
    user.is_active = is_active
    user.save()
    _primary_email_record(user=user, email=email)
    user_role_set(
        user=user,
        role=role,
        managed_countries=managed_countries,
        manages_all_countries=manages_all_countries,
    )
    if not creating and (previous_country != country or previous_agency != agency):
        before_code = getattr(previous_country, "code", "-")
        before_agency = getattr(previous_agency, "pk", "-")
        audit_record(
            actor=actor,
            action=AuditEvent.Action.PROFILE_COUNTRY_CHANGED,
            target=(
                f"profile of user {user.pk}: "
                f"country {before_code} -> {getattr(country, 'code', '-')}, "
                f"agency {before_agency} -> {getattr(agency, 'pk', '-')}"
            ),
            country=country or previous_country,
            subject=user,
        )
    if creating and not password and is_active:
        from .tasks import account_invitation_task

        user_id = user.pk
        # robust: a mail server that is down must not undo the new account;
        # the administrator can send a password reset from the sign-in page.
        transaction.on_commit(lambda: account_invitation_task.enqueue(user_id), robust=True)
    return user


def account_invitation_send(*, user_id: int) -> bool:
    """E-mails a new account its set-password link (allauth's reset link), in its language.

    The link is allauth's password-reset-from-key URL, built on
    ``WAGTAILADMIN_BASE_URL`` like every e-mail link, so the person chooses
    their own password and then signs in normally. Returns False (nothing
    sent) for an account that is gone, inactive or already has a password.
    """
    from allauth.account.adapter import get_adapter
    from allauth.account.forms import default_token_generator
    from allauth.account.utils import user_pk_to_url_str

    user = User.objects.filter(pk=user_id, is_active=True).first()
    if user is None or user.has_usable_password():
        return False
    language = user.preferred_language
    if language not in dict(settings.LANGUAGES):
        language = settings.LANGUAGE_CODE
    with translation.override(language):
        path = reverse(
            "account_reset_password_from_key",
            kwargs={
                "uidb36": user_pk_to_url_str(user),
                "key": default_token_generator.make_token(user),
            },
        )
        context = {
            "user": user,
            "full_name": user.full_name,
            "email": user.email,
            "site_name": settings.WAGTAIL_SITE_NAME,
            "set_password_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path,
            "sign_in_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("account_login"),
            "days": max(1, settings.PASSWORD_RESET_TIMEOUT // 86400),
        }
        message = get_adapter().render_mail("accounts/email/invitation", user.email, context)
    message.send()
    return True
