"""Who may download a lesson document.

Documents uploaded for lessons are course material for the trainees of
that course, not public files: Wagtail's document view serves them only to
staff (anyone with admin access: trainers, program managers,
administrators) and to signed-in trainees enrolled in a course whose page,
or any page under it, uses the document. "Uses" is what Wagtail's
reference index records (document blocks and document links in rich
text, in any language). A document no course uses is for staff only.
"""

from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page, ReferenceIndex

from core import page_hooks

from .models import CoursePage

ADMIN_ACCESS = "wagtailadmin.access_admin"


def ancestor_paths(path: str) -> list[str]:
    """Pure: the treebeard paths of a page and all its ancestors (4 characters a step)."""
    return [path[:end] for end in range(Page.steplen, len(path) + 1, Page.steplen)]


def courses_using(document) -> list[int]:
    """Ids of the courses whose page, or a page under it, references ``document``."""
    page_ids = (
        ReferenceIndex.get_references_to(document)
        .filter(base_content_type=ContentType.objects.get_for_model(Page))
        .values_list("object_id", flat=True)
    )
    paths = Page.objects.filter(pk__in=[int(pk) for pk in page_ids]).values_list("path", flat=True)
    candidates = {ancestor for path in paths for ancestor in ancestor_paths(path)}
    if not candidates:
        return []
    return list(CoursePage.objects.filter(path__in=candidates).values_list("pk", flat=True))


def may_read_document(user, document) -> bool:
    """Staff always; a trainee when enrolled in a course that uses the document."""
    if not user.is_authenticated:
        return False
    if user.is_superuser or user.has_perm(ADMIN_ACCESS):
        return True
    courses = courses_using(document)
    return bool(courses) and bool(
        page_hooks.call("learning.enrolled_course_ids", user) & set(courses)
    )
