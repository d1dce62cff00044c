"""Serving pages without repeating per request what only a publish can change.

The site of a host name and whether a page has view restrictions (its own or
an ancestor's) are kept in each process under the content version
(core/content_version.py), which any change to sites, pages or their privacy
bumps.
"""

import copy
import hashlib

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError
from django.http import HttpResponse
from django.http.request import split_domain_port
from django.utils.cache import patch_cache_control, patch_vary_headers
from wagtail.models import PageViewRestriction, Site
from wagtail.models.sites import get_site_for_hostname

from . import content_version


def site_for_request(request):
    """What ``Site.find_for_request`` answers, without a query once known."""
    hostname = split_domain_port(request._get_raw_host())[0]
    port = request.get_port()

    def find():
        try:
            site = get_site_for_hostname(hostname, port)
        except Site.DoesNotExist:
            return None
        site.root_page = site.root_page.specific
        return site

    site = content_version.remember(("site", hostname, port), find)
    return copy.copy(site) if site is not None else None


def fragment_key(request, page) -> str | None:
    """Key of a page's parts that are the same for every visitor (``{% cache %}``).

    None in previews, which show a draft: ``{% fragment %}`` then renders
    without storing (core/templatetags/fragments.py).
    """
    if getattr(request, "is_preview", False):
        return None
    return f"{content_version.release()}:{content_version.current()}:{page.pk}"


class SiteMiddleware:
    """Gives each request its Wagtail site (``request._wagtail_site``, which Wagtail reads)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            request._wagtail_site = site_for_request(request)
        except DatabaseError:
            # The database is unreachable: leave the look-up to the view, which
            # answers 503 (config/views.py) or, for /healthz, says so.
            pass
        return self.get_response(request)


class ServedPageMixin:
    """For page models: no view-restriction query for pages that have none."""

    def get_view_restrictions(self):
        restricted = content_version.remember(
            ("restricted", self.path),
            lambda: super(ServedPageMixin, self).get_view_restrictions().exists(),
        )
        if not restricted:
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()


class AnonymousPageCacheMiddleware:
    """Whole pages for visitors who are not signed in, kept until the content changes.

    Only Wagtail pages (home, catalogue, course summaries) answered with 200 to
    a plain GET without a query string, from a visitor with no session and no
    pending messages, and only when the page used no CSRF token and set no
    cookie: nothing personal can be in them. They are kept in the shared cache
    (and in each process) under the content version and the release
    fingerprint (core/content_version.py), so a publish, an unpublish, a move or
    a translation edit shows at once. Stored pages carry ``Cache-Control:
    public, max-age=60`` so a CDN in front may keep them a minute.
    """

    TIMEOUT = 24 * 3600
    MAX_AGE = 60

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not self.cacheable_request(request):
            return self.get_response(request)
        version = content_version.current()
        release = content_version.release()
        # Paths come from anyone: hashed, so a key is short and plain whatever was asked.
        where = hashlib.sha256(f"{request.get_host()}\n{request.path}".encode()).hexdigest()
        key = f"anonymous-page:{release}:{version}:{where}"
        stored = content_version.recall(key, version=version)
        if stored is None:
            stored = cache.get(key)
            if stored is not None:
                content_version.keep(key, stored, version=version)
        if stored is not None:
            return self.rebuild(stored)
        response = self.get_response(request)
        if self.cacheable_response(request, response):
            patch_cache_control(response, public=True, max_age=self.MAX_AGE)
            patch_vary_headers(response, ("Cookie",))
            stored = (response.status_code, list(response.items()), response.content)
            cache.set(key, stored, self.TIMEOUT)
            content_version.keep(key, stored, version=version)
        return response

    @staticmethod
    def cacheable_request(request) -> bool:
        return (
            request.method in ("GET", "HEAD")
            and not request.META.get("QUERY_STRING")
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and "messages" not in request.COOKIES
        )

    @staticmethod
    def cacheable_response(request, response) -> bool:
        match = getattr(request, "resolver_match", None)
        return (
            response.status_code == 200
            and not response.streaming
            and match is not None
            and match.url_name == "wagtail_serve"
            and not response.cookies
            and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
            and not getattr(request, "is_preview", False)
            and "private" not in response.get("Cache-Control", "")
            and "no-cache" not in response.get("Cache-Control", "")
            and not (hasattr(request, "user") and request.user.is_authenticated)
        )

    @staticmethod
    def rebuild(stored) -> HttpResponse:
        status, headers, content = stored
        response = HttpResponse(content, status=status)
        for name, value in headers:
            response[name] = value
        return response
