"""Ed25519 keys of the deployment and the signed tokens certificates carry (compact JWS).

A certificate's QR code carries, after ``#t=`` in its verification address, a
compact JWS (RFC 7515, ``alg: EdDSA``, RFC 8037) of what the certificate says:
issuer, code, holder, course in every language, issue time, expiry. Anyone
holding the deployment's public keys (``/.well-known/jwks.json``) can check it
without asking the server.

Keys live outside the repository: in the JSON file named by
``CERTIFICATES_SIGNING_KEYS_FILE`` (``manage.py certificate_keys create``
writes it), or in the ``DJANGO_CERTIFICATE_KEYS`` environment variable with
the same JSON. The newest key signs; older ones stay published so the
certificates they signed keep verifying (rotation: docs/deploy.md).
"""

import base64
import functools
import hashlib
import json
import os
import time
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils import timezone

#: Characters of the key's thumbprint kept as its id (``kid``): short, since it is in
#: every QR code, and unique among the few keys a deployment ever has.
KID_LENGTH = 12
KEYS_ENVIRONMENT = "DJANGO_CERTIFICATE_KEYS"


class TokenError(Exception):
    """A token that does not verify; ``reason`` says why (``malformed``, ``unknown_key``,
    ``signature``, ``expired``)."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def b64url_decode(text: str) -> bytes:
    if not isinstance(text, str) or not text.isascii():
        raise ValueError("not base64url")
    padded = text + "=" * (-len(text) % 4)
    data = base64.urlsafe_b64decode(padded.encode("ascii"))
    if b64url(data) != text:
        raise ValueError("not canonical base64url")
    return data


@dataclass(frozen=True)
class Key:
    kid: str
    public: bytes  # raw 32-byte Ed25519 public key
    seed: bytes | None  # raw 32-byte private key; None when only the public half is known
    created: str

    def jwk(self) -> dict:
        return {
            "kty": "OKP",
            "crv": "Ed25519",
            "x": b64url(self.public),
            "kid": self.kid,
            "use": "sig",
            "alg": "EdDSA",
        }


def thumbprint(public: bytes) -> str:
    """The key's RFC 7638 thumbprint (SHA-256 of its canonical JWK), base64url."""
    canonical = json.dumps(
        {"crv": "Ed25519", "kty": "OKP", "x": b64url(public)}, separators=(",", ":")
    )
    return b64url(hashlib.sha256(canonical.encode("ascii")).digest())


def key_from_seed(seed: bytes, created: str = "") -> Key:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    private = Ed25519PrivateKey.from_private_bytes(seed)
    public = private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    return Key(kid=thumbprint(public)[:KID_LENGTH], public=public, seed=seed, created=created)


def new_entry() -> dict:
    """A new key as stored in the keys file."""
    created = timezone.now().replace(microsecond=0).isoformat()
    key = key_from_seed(os.urandom(32), created)
    return {"kid": key.kid, "created": created, "private": b64url(key.seed)}


def read_entries(text: str) -> list[dict]:
    data = json.loads(text)
    entries = data.get("keys") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise ValueError('the keys file holds no "keys" list')
    return entries


def keys_file() -> Path | None:
    name = getattr(settings, "CERTIFICATES_SIGNING_KEYS_FILE", "")
    return Path(name) if name else None


@functools.lru_cache(maxsize=1)
def keys() -> tuple[Key, ...]:
    """The deployment's keys, oldest first (the last signs); empty when none is set up."""
    text = os.environ.get(KEYS_ENVIRONMENT, "")
    path = keys_file()
    if not text and path is not None and path.is_file():
        text = path.read_text(encoding="utf-8")
    if not text:
        return ()
    loaded = []
    for entry in read_entries(text):
        key = key_from_seed(b64url_decode(entry["private"]), entry.get("created", ""))
        if entry.get("kid") not in (None, key.kid):
            raise ValueError(f"key {entry.get('kid')}: its id is not its thumbprint")
        loaded.append(key)
    return tuple(loaded)


@receiver(setting_changed)
def _forget_keys(setting, **kwargs):
    if setting == "CERTIFICATES_SIGNING_KEYS_FILE":
        keys.cache_clear()


def signing_key() -> Key | None:
    """The key that signs new tokens (the newest), or None."""
    loaded = keys()
    return loaded[-1] if loaded else None


def jwks() -> dict:
    """The public keys as a JWK Set."""
    return {"keys": [key.jwk() for key in keys()]}


def sign(claims: dict, key: Key | None = None, typ: str = "") -> str:
    """``claims`` as a compact JWS signed with ``key`` (default: the signing key);
    ``typ`` goes in the header when given (``vc+jwt`` for a credential)."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    key = key or signing_key()
    if key is None or key.seed is None:
        raise TokenError("no_key")
    fields = {"alg": "EdDSA", "kid": key.kid, **({"typ": typ} if typ else {})}
    header = b64url(json.dumps(fields, separators=(",", ":")).encode())
    payload = b64url(json.dumps(claims, separators=(",", ":"), ensure_ascii=False).encode())
    signing_input = f"{header}.{payload}".encode("ascii")
    signature = Ed25519PrivateKey.from_private_bytes(key.seed).sign(signing_input)
    return f"{header}.{payload}.{b64url(signature)}"


def verify(token: str, known: tuple[Key, ...] | None = None, now: float | None = None) -> dict:
    """The claims of ``token`` once its signature is checked against ``known`` keys
    (default: the deployment's) and its expiry against ``now``; ``TokenError`` else."""
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    try:
        header_part, payload_part, signature_part = token.split(".")
        header = json.loads(b64url_decode(header_part))
        signature = b64url_decode(signature_part)
        b64url_decode(payload_part)
    except (AttributeError, ValueError, UnicodeDecodeError):
        raise TokenError("malformed") from None
    if not isinstance(header, dict) or header.get("alg") != "EdDSA":
        raise TokenError("malformed")
    by_kid = {key.kid: key for key in (keys() if known is None else known)}
    key = by_kid.get(header.get("kid"))
    if key is None:
        raise TokenError("unknown_key")
    # The signature first: what it covers is read only once it is known to be the issuer's.
    try:
        Ed25519PublicKey.from_public_bytes(key.public).verify(
            signature, f"{header_part}.{payload_part}".encode("ascii")
        )
    except InvalidSignature:
        raise TokenError("signature") from None
    try:
        claims = json.loads(b64url_decode(payload_part))
    except ValueError:
        raise TokenError("malformed") from None
    if not isinstance(claims, dict):
        raise TokenError("malformed")
    expires = claims.get("exp")
    if expires is not None and (now if now is not None else time.time()) >= expires:
        raise TokenError("expired")
    return claims
