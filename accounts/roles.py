"""Groups and permissions for trainers and program managers (idempotent)."""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
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
