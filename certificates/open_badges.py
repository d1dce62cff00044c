"""A certificate as an Open Badges 3.0 credential (``OpenBadgeCredential``), signed.

The credential follows the W3C Verifiable Credentials Data Model 2.0 with the
Open Badges 3.0 context, and is secured as a VC-JWT (Open Badges 3.0, section
"JSON Web Token Proof Format"): the JWT's payload is the credential itself, with
the registered claims ``iss``, ``jti``, ``nbf`` and, when it expires, ``exp``
mirroring its issuer, id and validity; the header names the signing key
(``kid``, published at ``/.well-known/jwks.json``). A wallet imports the file; a
verifier checks the signature with the published key and the certificate's bit
in the revocation list its ``credentialStatus`` names.

Each of the site's languages has its own credential (the address's ``/<lang>/``):
names in that language; the course's description and criteria in that language
first, then in the others; the other language editions of the achievement listed
as ``related``.
"""

from datetime import UTC, datetime

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _

from . import signing, status_list
from .models import Certificate, language_codes
from .pdf import certificate_settings, programme_in
from .queries import site_root_url, verification_url

CONTEXT = [
    "https://www.w3.org/ns/credentials/v2",
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
]
SCHEMA = {
    "id": "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json",
    "type": "1EdTechJsonSchemaValidator2019",
}
MEDIA_TYPE = "application/jwt"


def timestamp(moment: datetime) -> str:
    """A date and time as Open Badges writes them: UTC, seconds, trailing ``Z``."""
    return moment.astimezone(UTC).replace(microsecond=0, tzinfo=None).isoformat() + "Z"


def issuer_profile(language: str) -> dict:
    """The programme that issues certificates (an Open Badges ``Profile``)."""
    root = site_root_url()
    return {
        "id": root + "/",
        "type": ["Profile"],
        "name": programme_in(certificate_settings(), language),
        "url": root + "/",
    }


def course_texts(certificate: Certificate, language: str) -> dict:
    """The course's title and summary in ``language`` (the title as the certificate
    printed it; the summary from the course page, when it still exists)."""
    title = certificate.course_title_in(language)
    summary = ""
    if certificate.course is not None:
        summary = (
            getattr(certificate.course, f"summary_{language}", "")
            or getattr(certificate.course, f"summary_{settings.LANGUAGE_CODE}", "")
            or ""
        ).strip()
    return {"title": title, "summary": summary or title}


def criteria_in(certificate: Certificate, language: str) -> str:
    with translation.override(language):
        return _(
            "Awarded to trainees who complete every required lesson of the course "
            "“%(course)s” and pass its final exam where it has one."
        ) % {"course": certificate.course_title_in(language)}


def achievement_id(certificate: Certificate, language: str) -> str:
    """The course page in ``language``; the certificate's own address in that language
    (with ``#achievement``) when the course is gone."""
    course = certificate.course
    if course is not None:
        with translation.override(language):
            path = course.get_url()
        if path:
            return path if path.startswith("http") else site_root_url() + path
    return verification_url(certificate, language) + "#achievement"


def in_languages(language: str) -> list[str]:
    """``language`` first, then the site's other languages."""
    return [language, *(code for code in language_codes() if code != language)]


def achievement(certificate: Certificate, language: str) -> dict:
    languages = in_languages(language)
    texts = {code: course_texts(certificate, code) for code in languages}
    # The description and criteria in every language, the page's first; each once.
    descriptions = list(dict.fromkeys(texts[code]["summary"] for code in languages))
    criteria = list(dict.fromkeys(criteria_in(certificate, code) for code in languages))
    return {
        "id": achievement_id(certificate, language),
        "type": ["Achievement"],
        "achievementType": "CertificateOfCompletion",
        "name": texts[language]["title"],
        "description": "\n\n".join(descriptions),
        "criteria": {"narrative": "\n\n".join(criteria)},
        "inLanguage": language,
        "related": [
            {"id": achievement_id(certificate, code), "type": ["Related"], "inLanguage": code}
            for code in languages[1:]
        ],
    }


def credential(certificate: Certificate, language: str) -> dict:
    """The certificate as an ``OpenBadgeCredential`` in ``language`` (unsigned)."""
    with translation.override(language):
        name = _("Certificate of completion: %(course)s") % {
            "course": certificate.course_title_in(language)
        }
    document = {
        "@context": CONTEXT,
        "id": verification_url(certificate, language),
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": name,
        "issuer": issuer_profile(language),
        "validFrom": timestamp(certificate.issued_at),
        "credentialSubject": {
            "type": ["AchievementSubject"],
            # The holder by name, as the certificate prints it: the wallet's owner shows
            # an identity document with that name, as with the paper certificate.
            "identifier": [
                {
                    "type": "IdentityObject",
                    "identityHash": certificate.holder_name,
                    "identityType": "name",
                    "hashed": False,
                }
            ],
            "activityEndDate": timestamp(certificate.completed_at),
            "achievement": achievement(certificate, language),
        },
        "credentialStatus": status_list.status_entry(certificate),
        "credentialSchema": [SCHEMA],
    }
    if certificate.expires_at is not None:
        document["validUntil"] = timestamp(certificate.expires_at)
    return document


def credential_jwt(certificate: Certificate, language: str) -> str:
    """The credential secured as a VC-JWT with the deployment's signing key."""
    document = credential(certificate, language)
    claims = {
        **document,
        "iss": document["issuer"]["id"],
        "jti": document["id"],
        "nbf": int(certificate.issued_at.timestamp()),
    }
    if certificate.expires_at is not None:
        claims["exp"] = int(certificate.expires_at.timestamp())
    return signing.sign(claims, typ="JWT")


def filename(certificate: Certificate, language: str) -> str:
    return f"certificate-{certificate.display_code}-{language}.jwt"
