"""System checks of the deployment (``manage.py check --deploy``).

Certificate QR codes and e-mail links are absolute URLs built from
``WAGTAILADMIN_BASE_URL`` (or ``CERTIFICATES_BASE_URL`` when set). A QR code
printed with ``http://127.0.0.1:8000`` in it can never be fixed afterwards,
so a production site whose base URL is unset, plain HTTP or loopback is an
error, not a warning.
"""

import ipaddress
import socket
from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register

#: Names that always resolve to this machine (RFC 6761 reserves ``.localhost``).
LOOPBACK_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback"}

UNSET = "unset"
NOT_HTTPS = "not-https"
LOOPBACK = "loopback"
NO_HOST = "no-host"


def is_loopback_host(host: str) -> bool:
    """Pure: whether ``host`` (a URL's host name, no brackets) names this machine.

    Covers every loopback and unspecified address, IPv4 in the short forms a
    browser accepts (``127.1``, ``2130706433``), and IPv4-mapped IPv6.
    """
    host = host.strip().rstrip(".").lower()
    if host in LOOPBACK_NAMES or host.endswith(".localhost"):
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        try:
            # inet_aton reads the legacy forms (127.1, 0x7f.1, 2130706433).
            address = ipaddress.IPv4Address(socket.inet_aton(host))
        except (OSError, ValueError):
            return False
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        address = address.ipv4_mapped
    return address.is_loopback or address.is_unspecified


def base_url_problem(url: str, *, allow_local: bool = False) -> str | None:
    """Pure: what is wrong with ``url`` as the public base URL, or None.

    ``allow_local`` accepts plain HTTP on a loopback address (the one-machine
    demo of ``make serve``); it never accepts an unset URL or plain HTTP on a
    public name.
    """
    url = (url or "").strip()
    if not url:
        return UNSET
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError:
        return NO_HOST
    if not host:
        return NO_HOST
    if is_loopback_host(host):
        return None if allow_local and parts.scheme in ("http", "https") else LOOPBACK
    if parts.scheme != "https":
        return NOT_HTTPS
    return None


HINT = (
    "Set {name} to the public HTTPS address of the site, as trainees and "
    "anyone scanning a certificate reach it, e.g. {name}=https://training.example.org. "
    "For a demo on this machine only (make serve), set DJANGO_ALLOW_LOCAL_BASE_URL=1."
)
MESSAGES = {
    UNSET: (
        "{name} is not set, so certificate QR codes and e-mail links have no site address.",
        "E001",
    ),
    NO_HOST: ("{name} ({value}) is not an absolute URL with a host name.", "E002"),
    NOT_HTTPS: ("{name} ({value}) is not an https:// URL.", "E003"),
    LOOPBACK: (
        "{name} ({value}) points at this machine, so certificate QR codes and e-mail "
        "links would open nothing for anyone else.",
        "E004",
    ),
}


@register(Tags.security, "deploy", deploy=True)
def check_public_base_url(app_configs, **kwargs):
    """Errors when DEBUG is off and a public base URL is unset, plain HTTP or loopback."""
    if settings.DEBUG:
        return []
    allow_local = getattr(settings, "ALLOW_LOCAL_BASE_URL", False)
    urls = [("WAGTAILADMIN_BASE_URL", getattr(settings, "WAGTAILADMIN_BASE_URL", "") or "")]
    certificates_url = getattr(settings, "CERTIFICATES_BASE_URL", "") or ""
    if certificates_url:
        urls.append(("CERTIFICATES_BASE_URL", certificates_url))
    messages = []
    for name, value in urls:
        problem = base_url_problem(value, allow_local=allow_local)
        if problem is not None:
            text, number = MESSAGES[problem]
            messages.append(
                Error(
                    text.format(name=name, value=value),
                    hint=HINT.format(name=name),
                    id=f"config.{number}",
                )
            )
        elif base_url_problem(value) is not None:
            messages.append(
                Warning(
                    f"{name} ({value}) is accepted only because DJANGO_ALLOW_LOCAL_BASE_URL "
                    "is on: certificate QR codes and e-mail links point at this machine.",
                    hint="Never set DJANGO_ALLOW_LOCAL_BASE_URL on a site others use.",
                    id="config.W001",
                )
            )
    return messages
