"""The trainee's certificates as a section of another page (My learning).

A template tag rather than an import: the page that shows them (in
``learning``) sits below certificates in the app layers.
"""

from django import template
from django.conf.locale import LANG_INFO
from django.utils.translation import gettext, gettext_noop

from core import languages

from ..queries import certificates_of

register = template.Library()

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
    request = context["request"]
    return {
        "certificates": list(certificates_of(request.user)),
        "pdf_languages": pdf_languages(),
        "LANGUAGE_CODE": context.get("LANGUAGE_CODE"),
        "request": request,
        "csrf_token": context.get("csrf_token"),
    }
