"""Page routing with a cache of resolved paths.

modeltranslation routes by loading every child of each page on the path and
comparing translated slugs in Python: two queries per level. Once a path has
been resolved, the page it leads to is remembered per language, so the next
request costs one query. Any publish, unpublish, move or delete forgets every
remembered path (the content version, core/content_version.py, is in the
key), and the page itself is kept in each process under that version.
Liveness and view restrictions are still checked on the page at every request.
"""

import copy

from django.apps import apps
from django.core.cache import cache
from django.utils.translation import get_language

from core import content_version
from core import languages as site_languages

TIMEOUT = 3600


def _version() -> int:
    return content_version.current()


def forget_routes(**kwargs) -> None:
    content_version.bump()


def live_page(page_id: int, label: str):
    """The page with this id, kept in this process while the content version holds.

    Each caller gets its own shallow copy, so attributes set while serving one
    request never reach another.
    """

    def load():
        return apps.get_model(label).objects.filter(pk=page_id).first()

    page = content_version.remember(("page", page_id), load)
    return copy.copy(page) if page is not None else None


def _key(version: int, root_id: int, language: str, components: tuple) -> str:
    return f"page-routes:{version}:{root_id}:{language}:{'/'.join(components)}"


def _relative_components(root, page) -> list[str]:
    root_path, page_path = root.url_path or "", page.url_path or ""
    if not page_path.startswith(root_path):
        return []
    return [part for part in page_path[len(root_path) :].split("/") if part]


def cached_route(root, request, components, fallback):
    """Routes ``components`` from ``root``, using and filling the path cache."""
    if not components:
        return fallback(request, components)
    language = get_language() or site_languages.default()
    version = _version()
    keys = [
        (_key(version, root.pk, language, tuple(components[:size])), size)
        for size in range(len(components), 0, -1)
    ]
    found = cache.get_many([key for key, _size in keys])
    for key, size in keys:  # longest known prefix first
        if key in found:
            page_id, label = found[key]
            page = live_page(page_id, label)
            if page is not None:
                return page.route(request, components[size:])
            break
    result = fallback(request, components)
    page = result[0]
    content_version.keep(("page", page.pk), copy.copy(page), version=version)
    relative = _relative_components(root, page)
    if relative and relative == list(components[: len(relative)]):
        cache.set(
            _key(version, root.pk, language, tuple(relative)),
            (page.pk, page._meta.label_lower),
            TIMEOUT,
        )
    return result
