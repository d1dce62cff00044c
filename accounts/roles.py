"""Roles: trainee, trainer, program manager, administrator; their groups and permissions."""

from django.contrib.auth.models import Group, Permission
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission

from .models import PROGRAM_MANAGERS_GROUP, TRAINERS_GROUP

TRAINER_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
TRAINER_MEDIA_PERMISSIONS = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
]


class Role(models.TextChoices):
    """What an administrator picks for an account; maps to groups and flags (``user_role_set``)."""

    TRAINEE = "trainee", _("Trainee")
    TRAINER = "trainer", _("Trainer")
    PROGRAM_MANAGER = "program_manager", _("Program manager")
    ADMINISTRATOR = "administrator", _("Administrator")


#: The group each staff role puts the account in (administrators are superusers).
ROLE_GROUPS = {Role.TRAINER: TRAINERS_GROUP, Role.PROGRAM_MANAGER: PROGRAM_MANAGERS_GROUP}


def role_of(user) -> Role | None:
    """The role an account holds today; None for staff outside every role group.

    A manager who is also in Trainers counts as a manager (the wider access).
    """
    if user.pk is None:
        return None
    if user.is_superuser:
        return Role.ADMINISTRATOR
    names = {group.name for group in user.groups.all()}  # uses a prefetch when there is one
    if PROGRAM_MANAGERS_GROUP in names:
        return Role.PROGRAM_MANAGER
    if TRAINERS_GROUP in names:
        return Role.TRAINER
    return None if user.is_staff else Role.TRAINEE


#: Extra model permissions per group, added by other apps (e.g. reports).
EXTRA_GROUP_PERMISSIONS: dict[str, list[tuple[str, str]]] = {
    TRAINERS_GROUP: [],
    PROGRAM_MANAGERS_GROUP: [],
}


def permission(app_label: str, codename: str) -> Permission:
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


@transaction.atomic
def roles_setup(*, course_root=None) -> dict[str, Group]:
    """Creates the Trainers and Program managers groups with their permissions.

    ``course_root`` is the page under which trainers author courses (the
    course catalogue); without it, trainers get no page permissions yet.
    """
    admin_access = permission("wagtailadmin", "access_admin")
    trainers, _ = Group.objects.get_or_create(name=TRAINERS_GROUP)
    managers, _ = Group.objects.get_or_create(name=PROGRAM_MANAGERS_GROUP)
    for group in (trainers, managers):
        group.permissions.add(admin_access)
        for app_label, codename in EXTRA_GROUP_PERMISSIONS.get(group.name, []):
            group.permissions.add(permission(app_label, codename))
    if course_root is not None:
        for codename in TRAINER_PAGE_PERMISSIONS:
            GroupPagePermission.objects.get_or_create(
                group=trainers,
                page=course_root,
                permission=permission("wagtailcore", codename),
            )
    root_collection = Collection.get_first_root_node()
    if root_collection is not None:
        for app_label, codename in TRAINER_MEDIA_PERMISSIONS:
            GroupCollectionPermission.objects.get_or_create(
                group=trainers,
                collection=root_collection,
                permission=permission(app_label, codename),
            )
    return {TRAINERS_GROUP: trainers, PROGRAM_MANAGERS_GROUP: managers}
