"""Rate limit on failed public look-ups, so codes cannot be enumerated.

The same limiter as allauth's sign-in limits (``ACCOUNT_RATE_LIMITS``): its
counts live in Django's cache (Redis in production, so every worker shares
them), per client IP by the allauth adapter's ``get_client_ip`` (behind
proxies, ``DJANGO_TRUSTED_PROXY_COUNT`` says which X-Forwarded-For entry our
own proxy wrote; see docs/deploy.md), over a sliding window.

allauth's public ``allauth.core.ratelimit.consume`` reads only the account
app's rates and lets every GET through; a look-up is a GET with its own rate,
so this calls the function behind it, which takes both as arguments.
"""

from allauth.core.internal import ratelimit
from django.conf import settings

#: (failed look-ups allowed, window in seconds)
DEFAULT_LIMIT = (20, 600)
ACTION = "certificates_verify_failed"


def limit() -> tuple[int, int]:
    return getattr(settings, "CERTIFICATES_VERIFY_FAILURE_LIMIT", DEFAULT_LIMIT)


def _consume(request, *, dry_run: bool) -> bool:
    allowed, window = limit()
    usage = ratelimit.consume(
        request,
        app="certificates",
        action=ACTION,
        config={ACTION: f"{allowed}/{window}s/ip"},
        limit_get=True,
        dry_run=dry_run,
    )
    return usage is not None


def lookups_blocked(request) -> bool:
    """True once this client has used up its failed look-ups for the window."""
    return not _consume(request, dry_run=True)


def lookup_failed(request) -> None:
    """Counts one failed look-up (unknown code) for this client."""
    _consume(request, dry_run=False)
