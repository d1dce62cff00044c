"""Access matrix: every URL × every role answers as tests/access_policy.py says;
every route of the URLconf is in the table or is one of Wagtail's own admin views."""

import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, resolve
from django.utils import translation

from learning.models import Enrollment
from tests.access_policy import (
    OUTSIDERS,
    ROWS,
    WAGTAIL_INTERNAL_MODULES,
    concrete_urls,
    outcome,
    parse_matrix,
)
from tests.security_world import ROLES, build_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(django_capture_on_commit_callbacks):
    return build_world(django_capture_on_commit_callbacks)


def test_access_matrix(world, settings):
    # Every role asks for unknown certificate codes in both languages: more failed
    # look-ups than one client may make (the limit has tests of its own).
    settings.CERTIFICATES_VERIFY_FAILURE_LIMIT = (1000, 600)
    mismatches = []
    for template, expected in ROWS:
        for url in concrete_urls(world, template):
            for role in ROLES:
                got = outcome(world.client(role).get(url))
                if got != expected[role]:
                    mismatches.append(f"{url:60} {role:12} expected {expected[role]:5} got {got}")
    assert not mismatches, "Access matrix differs:\n" + "\n".join(mismatches)


# -- Every route is classified ------------------------------------------------------------


def routes(patterns=None, prefix: str = ""):
    """(route as text, callback module) of every URL pattern, nested includes flattened."""
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            yield from routes(pattern.url_patterns, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern), pattern.callback.__module__


def route_of(url: str) -> str:
    path = url.split("?")[0]
    with translation.override("es" if path.startswith("/es/") else "en"):
        return resolve(path).route


def covered_routes(world) -> set[str]:
    covered = set()
    for template, _expected in ROWS:
        for url in concrete_urls(world, template):
            covered.add(normalise(route_of(url)))
    return covered


def normalise(route: str) -> str:
    # i18n_patterns prefixes the language (the table covers both); Django drops
    # the ``^`` anchors of nested regex routes when it resolves.
    return re.sub(r"^(en|es)/", "<lang>/", route).replace("^", "")


def test_every_route_is_classified(world):
    covered = covered_routes(world)
    unclassified = [
        route
        for route, module in routes()
        if normalise(route) not in covered
        and not (route.startswith("admin/") and module.startswith(WAGTAIL_INTERNAL_MODULES))
    ]
    assert not unclassified, (
        "Routes missing from the access matrix (add a row with the expected status per role):\n"
        + "\n".join(unclassified)
    )


# -- Wagtail's own admin views: outsiders go to sign in, nobody gets a 500 -----------------

CONVERTER = re.compile(r"<(?:(\w+):)?(\w+)>")
REGEX_GROUP = re.compile(r"\(\?P<(\w+)>[^)]*\)|\^|\$|\\")


def example_url(route: str, world) -> str:
    """A concrete URL for a route: ids of real objects where Wagtail needs them."""
    ids = {"page_id": world.course.pk, "parent_page_id": world.course.pk, "pk": 1}

    def value(name: str, converter: str | None) -> str:
        if converter == "int" or "id" in name or name == "pk":
            return str(ids.get(name, 1))
        return "courses" if "app" in name else "coursepage" if "model" in name else "x"

    path = REGEX_GROUP.sub(lambda m: value(m.group(1), None) if m.group(1) else "", route)
    path = CONVERTER.sub(lambda m: value(m.group(2), m.group(1)), path)
    return "/" + path.replace(".*", "x")


def test_wagtail_internal_views_keep_outsiders_out(world):
    covered = covered_routes(world)
    failures = []
    for route, module in routes():
        if not route.startswith("admin/") or not module.startswith(WAGTAIL_INTERNAL_MODULES):
            continue
        if normalise(route) in covered or route == "admin/failwhale/":
            continue
        url = example_url(route, world)
        for role in ROLES:
            got = outcome(world.client(role).get(url))
            expected = "login" if role == "anon" else "403"
            if role in OUTSIDERS and got != expected:
                failures.append(f"{url:60} {role:12} expected {expected} got {got}")
            elif got == "500":
                failures.append(f"{url:60} {role:12} got a 500")
    assert not failures, "\n".join(failures)


# -- Lesson documents used by a course ------------------------------------------------------

LESSON_DOCUMENT = """
URL                                                      anon  A     B     train mg_hn mg_al admin
/documents/{lesson_doc}                                  login 200   200   200   200   200   200
/documents/{lesson_doc}                                  login 200   403   200   200   200   200
"""


def test_lesson_document_by_role(world):
    """A document the lesson uses: its course's trainees and staff; then B leaves the course."""
    from django.core.files.base import ContentFile
    from wagtail.documents.models import Document

    document = Document(title="Checklist")
    document.file.save("checklist.txt", ContentFile(b"Checklist"), save=True)
    lesson = world.lesson.specific
    lesson.body_en = [{"type": "document", "value": {"document": document.pk, "title": ""}}]
    with translation.override("en"):
        lesson.save_revision().publish()
    lesson_doc = f"{document.pk}/{document.filename}"
    enrolled_b, leaves = parse_matrix(LESSON_DOCUMENT)
    mismatches = []
    for (template, expected), before in ((enrolled_b, None), (leaves, "leave")):
        if before == "leave":
            Enrollment.objects.filter(user=world.people["trainee_b"]).delete()
        url = template.format(lesson_doc=lesson_doc)
        for role in ROLES:
            got = outcome(world.client(role).get(url))
            if got != expected[role]:
                mismatches.append(f"{url:60} {role:12} expected {expected[role]:5} got {got}")
    assert not mismatches, "\n".join(mismatches)
