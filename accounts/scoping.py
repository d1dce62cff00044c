"""The one place that decides whose trainee data a user may read.

Every view, report and export that reads trainee data starts from
``trainees_visible_to`` / ``countries_visible_to``; nothing filters trainees
ad hoc. The scope fails closed: a program manager sees the countries an
administrator gave them, or every country when given "all partner
countries", and nothing otherwise.
"""

from django.db.models import QuerySet

from .models import PROGRAM_MANAGERS_GROUP, TRAINERS_GROUP, PartnerCountry, User

#: Groups whose members are staff, whatever their ``is_staff`` flag says.
STAFF_GROUPS = (TRAINERS_GROUP, PROGRAM_MANAGERS_GROUP)


def trainees() -> QuerySet[User]:
    """All trainee accounts: everyone who is not staff.

    Staff are administrators, anyone flagged ``is_staff``, and members of the
    Trainers or Program managers group (an account put in a group by hand
    without the flag is still staff): none of them is ever counted or
    exported as a trainee.
    """
    return User.objects.filter(is_staff=False, is_superuser=False).exclude(
        groups__name__in=STAFF_GROUPS
    )


def is_program_manager(user) -> bool:
    return user.groups.filter(name=PROGRAM_MANAGERS_GROUP).exists()


def sees_all_countries(user) -> bool:
    """True for administrators and for managers given "all partner countries"."""
    if not getattr(user, "is_authenticated", False):
        return False
    if user.is_superuser:
        return True
    return user.manages_all_countries and is_program_manager(user)


def countries_visible_to(user: User) -> QuerySet[PartnerCountry]:
    """Partner countries whose trainees ``user`` may see (none for non-managers)."""
    if not getattr(user, "is_authenticated", False):
        return PartnerCountry.objects.none()
    if user.is_superuser:
        return PartnerCountry.objects.all()
    if not is_program_manager(user):
        return PartnerCountry.objects.none()
    if user.manages_all_countries:
        return PartnerCountry.objects.all()
    return PartnerCountry.objects.filter(managers=user)


def trainees_visible_to(user: User) -> QuerySet[User]:
    """Trainees ``user`` may see: a manager's countries, or all for an admin.

    Trainers and trainees see no one else's data through reports, and a
    manager without a country sees no one.
    """
    if not getattr(user, "is_authenticated", False):
        return User.objects.none()
    if sees_all_countries(user):
        return trainees()
    if not is_program_manager(user):
        return User.objects.none()
    return trainees().filter(country__in=user.managed_countries.values("pk"))
