"""One number that changes whenever what the site shows may have changed.

Publishing, unpublishing, moving or deleting a page (a translation edit is
published like any other edit), changing a site or a page's privacy all bump
the version, which lives in the shared cache (Redis in production), so every
worker process sees it on its next request. Whatever is derived from published
content alone (the page a path leads to, the site of a host name, a lesson's
place in its course, rendered lesson bodies, anonymous pages) is remembered
under the version it was built with and is never served under another.

Each request reads the version once (``VersionMiddleware``); code running
outside a request reads it from the cache each time.

``remember`` keeps objects in this process (no round trip, no unpickling), for
small things every request needs: it is emptied whenever the version changes,
and bounded in size. Callers get their own shallow copy of model instances.
"""

import secrets
import threading
from collections.abc import Callable
from contextvars import ContextVar

from django.conf import settings
from django.core.cache import cache

VERSION_KEY = "content:version"
#: Entries kept in one process before it starts afresh (far above the pages × languages of a site).
MEMO_LIMIT = 5000

_request_version: ContextVar[int | None] = ContextVar("content_version", default=None)
_memo_lock = threading.Lock()
_memo: dict = {"version": None, "entries": {}}


def read() -> int:
    """The version in the shared cache (created on first use)."""
    version = cache.get(VERSION_KEY)
    if version is None:
        # A random start: after the cache is emptied (a Redis restart) the
        # numbers never meet the ones processes remembered before.
        cache.add(VERSION_KEY, secrets.randbits(48), None)
        version = cache.get(VERSION_KEY)
    return version


def current() -> int:
    """The version this request started with, or the shared one outside a request."""
    version = _request_version.get()
    return read() if version is None else version


def bump(**kwargs) -> None:
    """Content changed: everything remembered under earlier versions is stale.

    Connected to Wagtail's and Django's signals in ``core.apps``; the request
    that made the change sees the new version from then on.
    """
    try:
        version = cache.incr(VERSION_KEY)
    except ValueError:  # no version yet, or the cache was emptied
        version = secrets.randbits(48)
        cache.set(VERSION_KEY, version, None)
    if _request_version.get() is not None:
        _request_version.set(version)


def remember(key, compute: Callable, *, version: int | None = None):
    """``compute()``, kept in this process for as long as the content version holds."""
    if not settings.CONTENT_MEMO:
        return compute()
    version = current() if version is None else version
    entries = _memo["entries"]
    if _memo["version"] != version:
        with _memo_lock:
            if _memo["version"] != version:
                _memo["version"] = version
                _memo["entries"] = entries = {}
            else:
                entries = _memo["entries"]
    try:
        return entries[key]
    except KeyError:
        pass
    value = compute()
    if len(entries) >= MEMO_LIMIT:
        entries.clear()
    entries[key] = value
    return value


def recall(key, *, version: int | None = None):
    """What ``keep`` stored under ``key`` for this content version, or None."""
    version = current() if version is None else version
    if _memo["version"] != version:
        return None
    return _memo["entries"].get(key)


def keep(key, value, *, version: int | None = None) -> None:
    remember(key, lambda: value, version=version)


def release() -> str:
    """A fingerprint of the code and translations this process serves.

    Cached HTML shared through Redis outlives a deployment; putting this in
    its keys means new templates or catalogues never meet old pages.
    """
    global _release
    if _release is None:
        import hashlib
        from pathlib import Path

        digest = hashlib.sha1()
        base = Path(settings.BASE_DIR)
        skip = {"var", "mutants", "node_modules", "static", "media", "tests", "bench"}
        roots = [p for p in base.iterdir() if p.is_dir() and not p.name.startswith(".")]
        for root in sorted(r for r in roots if r.name not in skip):
            for path in sorted([*root.rglob("*.html"), *root.rglob("*.mo")]):
                stat = path.stat()
                digest.update(
                    f"{path.relative_to(base)}:{stat.st_mtime_ns}:{stat.st_size}".encode()
                )
        # Cached pages name hashed stylesheet and script files.
        manifest = Path(settings.STATIC_ROOT or base / "var" / "static") / "staticfiles.json"
        if manifest.exists():
            digest.update(str(manifest.stat().st_mtime_ns).encode())
        _release = digest.hexdigest()[:12]
    return _release


_release: str | None = None


def forget_remembered() -> None:
    """Empties this process's memo (tests; the shared version is untouched)."""
    with _memo_lock:
        _memo["version"] = None
        _memo["entries"] = {}


class VersionMiddleware:
    """Reads the content version once per request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _request_version.set(read())
        try:
            return self.get_response(request)
        finally:
            _request_version.reset(token)
