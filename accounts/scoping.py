"""The one place that decides whose trainee data a user may read.

Every view, report and export that reads trainee data starts from
``trainees_visible_to``; nothing filters trainees ad hoc.
"""

from django.db.models import QuerySet

from .models import PROGRAM_MANAGERS_GROUP, PartnerCountry, User


def trainees() -> QuerySet[User]:
    """All trainee accounts: active users without staff status."""
    return User.objects.filter(is_staff=False, is_superuser=False)


def countries_visible_to(user: User) -> QuerySet[PartnerCountry]:
    """Partner countries whose trainees ``user`` may see (none for non-managers)."""
    if not user.is_authenticated:
        return PartnerCountry.objects.none()
    if user.is_superuser:
        return PartnerCountry.objects.all()
    if not user.groups.filter(name=PROGRAM_MANAGERS_GROUP).exists():
        return PartnerCountry.objects.none()
    scoped = user.managed_countries.all()
    if scoped.exists():
        return PartnerCountry.objects.filter(pk__in=scoped.values("pk"))
    return PartnerCountry.objects.all()


def trainees_visible_to(user: User) -> QuerySet[User]:
    """Trainees ``user`` may see: a manager's countries, or all for an admin.

    Trainers and trainees see no one else's data through reports.
    """
    if not user.is_authenticated:
        return User.objects.none()
    if user.is_superuser:
        return trainees()
    if not user.groups.filter(name=PROGRAM_MANAGERS_GROUP).exists():
        return User.objects.none()
    if user.managed_countries.exists():
        return trainees().filter(country__in=user.managed_countries.all())
    return trainees()
