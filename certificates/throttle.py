"""Rate limit on failed public look-ups, so codes cannot be enumerated.

Counts live in Django's cache (Redis in production, so every worker shares
them), per client address as the sign-in limits see it: the allauth
adapter's public ``get_client_ip`` (behind proxies,
``DJANGO_TRUSTED_PROXY_COUNT`` says which X-Forwarded-For entry our own proxy
wrote; see docs/deploy.md), an IPv6 address taken by its /64 network (one
subscriber's whole allocation), an IPv4 address written in IPv6 form
(``::ffff:203.0.113.5``, from a dual-stack socket) as that IPv4 address.
The window is fixed: a client that used up its failed look-ups waits until
the window it used them in ends. Each look-up is counted before it is made
and given back when the code exists, so simultaneous look-ups cannot pass the
limit together.
"""

import ipaddress
import time

from allauth.account.adapter import get_adapter
from django.conf import settings
from django.core.cache import cache

#: (failed look-ups allowed, window in seconds)
DEFAULT_LIMIT = (20, 600)
KEY = "certificates-verify-failed:{address}:{window}"
IPV6_PREFIX = 64


def limit() -> tuple[int, int]:
    return getattr(settings, "CERTIFICATES_VERIFY_FAILURE_LIMIT", DEFAULT_LIMIT)


def client_address(request) -> str:
    """The client's address as counted: an IPv6 address by its /64 network."""
    address = get_adapter().get_client_ip(request)
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        return address
    if isinstance(parsed, ipaddress.IPv6Address):
        if parsed.ipv4_mapped is not None:  # an IPv4 client on a dual-stack socket
            return str(parsed.ipv4_mapped)
        return str(ipaddress.IPv6Network(f"{parsed}/{IPV6_PREFIX}", strict=False).network_address)
    return str(parsed)


def _now() -> float:
    return time.time()


def _key(request) -> tuple[str, int]:
    _allowed, window = limit()
    return KEY.format(address=client_address(request), window=int(_now() // window)), window


def lookup_reserve(request) -> str | None:
    """Counts the look-up this client is about to make as a failed one, before it
    is made, so look-ups running at the same time cannot together pass the limit:
    the ticket to give back with ``lookup_found`` if the code exists, or None
    when the client has used up its failed look-ups for the window."""
    allowed, _window = limit()
    key, window = _key(request)
    cache.add(key, 0, timeout=window + 1)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between the two calls: this is the window's first
        cache.set(key, 1, timeout=window + 1)
        count = 1
    if count <= allowed:
        return key
    lookup_found(key)  # refused: not made, so not counted
    return None


def lookup_found(ticket: str) -> None:
    """The reserved look-up found a certificate: it does not count as a failure."""
    try:
        cache.decr(ticket)
    except ValueError:  # its window has ended meanwhile: nothing is left to give back
        pass
