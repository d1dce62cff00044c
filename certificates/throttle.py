"""Rate limit on failed public look-ups, so codes cannot be enumerated.

Counts failed look-ups per client IP in Django's cache (Redis in
production, so every worker shares the count) over a fixed window.
"""

from django.conf import settings
from django.core.cache import cache

#: (failed look-ups allowed, window in seconds)
DEFAULT_LIMIT = (20, 600)


def limit() -> tuple[int, int]:
    return getattr(settings, "CERTIFICATES_VERIFY_FAILURE_LIMIT", DEFAULT_LIMIT)


def client_ip(request) -> str:
    """The client's address by the same rule as allauth's sign-in limits.

    Behind proxies, ``DJANGO_TRUSTED_PROXY_COUNT`` (``ALLAUTH_TRUSTED_PROXY_COUNT``)
    says which X-Forwarded-For entry our own proxy wrote; see docs/deploy.md.
    """
    from allauth.account.adapter import get_adapter

    return get_adapter(request).get_client_ip(request)


def _key(request) -> str:
    return "certificates:verify-failures:" + client_ip(request)


def lookups_blocked(request) -> bool:
    """True once this client has used up its failed look-ups for the window."""
    allowed, _window = limit()
    return (cache.get(_key(request)) or 0) >= allowed


def lookup_failed(request) -> None:
    """Counts one failed look-up (unknown code) for this client."""
    _allowed, window = limit()
    key = _key(request)
    cache.add(key, 0, timeout=window)
    try:
        cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window)
