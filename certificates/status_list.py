"""The revocation list of certificates (W3C Bitstring Status List v1.0), signed.

Every certificate has a bit: certificate ``pk`` is bit ``(pk - 1) % LIST_BITS`` of list
``(pk - 1) // LIST_BITS``. A bit is set while its certificate is revoked or replaced
by a newer one. The list is computed when asked (one indexed query of the few
certificates not valid), so a revocation shows at once; clients may cache it for
``LIST_MAX_AGE`` seconds. Each list holds 131,072 bits (16 KB), the specification's
minimum for herd privacy: who checks one certificate's bit fetches everyone's.
"""

import base64
import gzip

from django.utils import timezone

from . import signing
from .models import Certificate
from .queries import site_root_url

#: Bits per list: 16 KB, the minimum the specification sets.
LIST_BITS = 16 * 1024 * 8
LIST_MAX_AGE = 300
#: The statuses whose bit is set (the purpose is "revocation").
NOT_VALID = (Certificate.Status.REVOKED, Certificate.Status.SUPERSEDED)


def position(certificate: Certificate) -> tuple[int, int]:
    """(list number, index in that list) of the certificate's bit."""
    return divmod(certificate.pk - 1, LIST_BITS)


def list_url(number: int) -> str:
    return f"{site_root_url()}/certificates/status/{number}"


def status_entry(certificate: Certificate) -> dict:
    """The certificate's ``credentialStatus`` (a BitstringStatusListEntry)."""
    number, index = position(certificate)
    url = list_url(number)
    return {
        "id": f"{url}#{index}",
        "type": "BitstringStatusListEntry",
        "statusPurpose": "revocation",
        "statusListIndex": str(index),
        "statusListCredential": url,
    }


def bitstring(indexes) -> bytes:
    """``LIST_BITS`` bits with ``indexes`` set; index 0 is the first byte's left-most bit."""
    bits = bytearray(LIST_BITS // 8)
    for index in indexes:
        bits[index // 8] |= 0x80 >> (index % 8)
    return bytes(bits)


def encode(bits: bytes) -> str:
    """Multibase base64url (no padding) of the GZIP-compressed bitstring."""
    compressed = gzip.compress(bits, mtime=0)
    return "u" + base64.urlsafe_b64encode(compressed).rstrip(b"=").decode("ascii")


def decode(encoded: str) -> bytes:
    if not encoded.startswith("u"):
        raise ValueError("not multibase base64url")
    data = encoded[1:]
    return gzip.decompress(base64.urlsafe_b64decode(data + "=" * (-len(data) % 4)))


def list_exists(number: int) -> bool:
    return number >= 0 and Certificate.objects.filter(pk__gt=number * LIST_BITS).exists()


def revoked_indexes(number: int) -> list[int]:
    """The indexes set in list ``number`` (one query)."""
    first = number * LIST_BITS
    pks = (
        Certificate.objects.filter(pk__gt=first, pk__lte=first + LIST_BITS, status__in=NOT_VALID)
        .order_by()
        .values_list("pk", flat=True)
    )
    return [pk - 1 - first for pk in pks]


def status_list_credential(number: int) -> dict:
    """List ``number`` as a BitstringStatusListCredential (VC Data Model 2.0)."""
    url = list_url(number)
    return {
        "@context": ["https://www.w3.org/ns/credentials/v2"],
        "id": url,
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": site_root_url() + "/",
        "validFrom": timezone.now().replace(microsecond=0).isoformat(),
        "credentialSubject": {
            "id": f"{url}#list",
            "type": "BitstringStatusList",
            "statusPurpose": "revocation",
            "encodedList": encode(bitstring(revoked_indexes(number))),
            "ttl": LIST_MAX_AGE * 1000,
        },
    }


def status_list_jwt(number: int) -> str:
    """List ``number`` secured as VC-JWT with the deployment's signing key."""
    return signing.sign(status_list_credential(number), typ="vc+jwt")


def is_revoked(bits: bytes, index: int) -> bool:
    return bool(bits[index // 8] & (0x80 >> (index % 8)))
