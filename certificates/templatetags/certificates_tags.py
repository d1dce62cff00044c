"""The trainee's certificates as parts of other pages (My learning, a quiz result).

Template tags rather than imports: the pages that show them (in
``learning``) sit below certificates in the app layers.
"""

from datetime import timedelta

from django import template
from django.conf.locale import LANG_INFO
from django.utils import timezone
from django.utils.translation import gettext, gettext_noop

from core import languages, personal_pages

from .. import signing
from ..queries import certificates_of

register = template.Library()

#: A certificate issued this recently is highlighted on My learning.
NEW_FOR = timedelta(days=7)

#: The bilingual download of a site with two languages is labelled by their English
#: names joined with "and", looked up in the catalogue (this pair is in it).
gettext_noop("English and Spanish")


def bilingual_label() -> str:
    """The label of the "both" download: "English and Spanish" (in the language shown)
    for a site with those two languages; "Bilingual" beyond two."""
    codes = languages.codes()
    if len(codes) != 2:
        return gettext("Bilingual")
    names = [LANG_INFO.get(code, {}).get("name") or code for code in codes]
    pair = f"{names[0]} and {names[1]}"  # a catalogue entry, like "English and Spanish"
    return gettext(pair)


def pdf_languages() -> list[tuple[str, str]]:
    """Download links offered per certificate: (value of ?lang=, label).

    Each of the site's languages by its own name, then "both" (the holder's
    language with a second one on the same page).
    """
    return [*languages.choices(), ("both", bilingual_label())]


@register.inclusion_tag("certificates/includes/my_certificates.html", takes_context=True)
def my_certificates(context):
    """The trainee's certificates, newest first; one issued in the last week is marked new."""
    request = context["request"]
    now = timezone.now()
    certificates = list(certificates_of(request.user))
    for certificate in certificates:
        certificate.is_new = (
            certificate.effective_status == "valid" and certificate.issued_at >= now - NEW_FOR
        )
        # A kept My learning stops saying "New" after the week, "Valid" at the expiry.
        if certificate.is_new:
            personal_pages.true_until(request, certificate.issued_at + NEW_FOR)
        if certificate.effective_status == "valid" and certificate.expires_at:
            personal_pages.true_until(request, certificate.expires_at)
    return {
        "certificates": certificates,
        "pdf_languages": pdf_languages(),
        # A credential for a wallet needs the deployment's signing key.
        "wallet": signing.signing_key() is not None,
        "LANGUAGE_CODE": context.get("LANGUAGE_CODE"),
        "request": request,
        "csrf_token": context.get("csrf_token"),
    }


@register.inclusion_tag("certificates/includes/course_certificate.html", takes_context=True)
def certificate_for_course(context, course):
    """The trainee's current certificate of ``course``: download links and verification,
    or what happens when there is none (one query)."""
    request = context["request"]
    certificate = certificates_of(request.user).filter(course=course).first()
    return {
        "certificate": certificate,
        "course": course,
        "pdf_languages": pdf_languages(),
        "LANGUAGE_CODE": context.get("LANGUAGE_CODE"),
        "request": request,
    }
