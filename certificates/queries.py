"""Read side of certificates: who may see which, look-ups, scores. No writes here."""

from django.conf import settings
from django.db.models import QuerySet
from django.http import QueryDict

from accounts.api import countries_visible_to, sees_all_countries

from .codes import MalformedCode, code_normalize
from .models import Certificate


def site_root_url() -> str:
    """Absolute root of the public site, for links that leave the site (QR, e-mail)."""
    root = getattr(settings, "CERTIFICATES_BASE_URL", "") or settings.WAGTAILADMIN_BASE_URL
    return root.rstrip("/")


def verification_url(certificate: Certificate, language: str) -> str:
    """Absolute URL of the public verification page, in ``language``."""
    return site_root_url() + certificate.verification_path(language)


def certificates_of(user) -> QuerySet[Certificate]:
    """A trainee's own certificates not replaced by a newer one, newest first."""
    if not user.is_authenticated:
        return Certificate.objects.none()
    return Certificate.objects.filter(user=user).current()


def certificates_visible_to(user) -> QuerySet[Certificate]:
    """Certificates a manager may list and act on: those issued in their countries.

    Goes through ``accounts.scoping`` like every read of trainee data, and
    follows what was judged: a certificate belongs to the country snapshotted
    at issue, not to the holder's profile today (which an administrator may
    have changed since, or which is gone with a deleted account).
    """
    if not user.is_authenticated:
        return Certificate.objects.none()
    if sees_all_countries(user):
        return Certificate.objects.all()
    return Certificate.objects.filter(country_code__in=countries_visible_to(user).values("code"))


def certificates_matching(user, query: QueryDict | str) -> QuerySet[Certificate] | None:
    """The certificates ``user`` may see narrowed by the list's filters in ``query``.

    ``query`` is the list's query string (or its parsed form); None when a
    filter value is not acceptable (e.g. a country outside the user's scope).
    """
    from .filters import CertificateFilterSet

    data = QueryDict(query) if isinstance(query, str) else query
    filters = CertificateFilterSet(data, queryset=certificates_visible_to(user), user=user)
    return filters.qs if filters.is_valid() else None


def certificate_by_code(text: str) -> Certificate | None:
    """The certificate with this code (any case, with or without separators).

    Raises ``MalformedCode`` when the text cannot be a code; None when unknown.
    """
    code = code_normalize(text)
    return Certificate.objects.filter(code=code).first()


def newer_certificate(certificate: Certificate) -> Certificate | None:
    """The certificate that replaced ``certificate`` (a reissue), the newest if several."""
    if certificate.status != Certificate.Status.SUPERSEDED:
        return None
    return certificate.superseded_by_set.order_by("-issued_at", "-pk").first()


def may_see_revoke_reason(user, certificate: Certificate) -> bool:
    """Only managers whose scope includes the holder see why it was revoked."""
    if not getattr(user, "is_authenticated", False):
        return False
    return certificates_visible_to(user).filter(pk=certificate.pk).exists()


__all__ = ["MalformedCode"]
