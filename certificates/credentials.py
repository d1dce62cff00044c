"""What a certificate says, signed: the token in its QR code (``#t=``)."""

from . import signing, status_list
from .models import Certificate, language_codes
from .queries import site_root_url, verification_url


def certificate_claims(certificate: Certificate) -> dict:
    """The claims of the certificate's token: issuer (the site's address), code as
    printed, holder, course in every language, issue time and, when it expires, expiry
    (Unix seconds), and where its bit is in the revocation lists (``status``: list
    number and index), so a verifier without a network can look it up in a saved copy."""
    claims = {
        "iss": site_root_url(),
        "jti": certificate.display_code,
        "name": certificate.holder_name,
        "course": {code: certificate.course_title_in(code) for code in language_codes()},
        "iat": int(certificate.issued_at.timestamp()),
        "status": list(status_list.position(certificate)),
    }
    if certificate.expires_at is not None:
        claims["exp"] = int(certificate.expires_at.timestamp())
    return claims


def certificate_token(certificate: Certificate) -> str | None:
    """The certificate's signed token; None when the deployment has no signing key."""
    if signing.signing_key() is None:
        return None
    return signing.sign(certificate_claims(certificate))


def signed_verification_url(certificate: Certificate, language: str) -> str:
    """The verification address with the signed token after ``#t=`` (what the QR code
    holds); the plain address when there is no signing key. The part after ``#`` never
    reaches the server: the verification page checks it in the browser."""
    url = verification_url(certificate, language)
    token = certificate_token(certificate)
    return f"{url}#t={token}" if token else url
