"""The trainee's certificates as a section of another page (My learning).

A template tag rather than an import: the page that shows them (in
``learning``) sits below certificates in the app layers.
"""

from django import template
from django.utils.translation import gettext_lazy as _

from ..queries import certificates_of

register = template.Library()

#: Download links offered per certificate: (value of ?lang=, label).
PDF_LANGUAGES = [("en", "English"), ("es", "Español"), ("both", _("English and Spanish"))]


@register.inclusion_tag("certificates/includes/my_certificates.html", takes_context=True)
def my_certificates(context):
    request = context["request"]
    return {
        "certificates": list(certificates_of(request.user)),
        "pdf_languages": PDF_LANGUAGES,
        "LANGUAGE_CODE": context.get("LANGUAGE_CODE"),
        "request": request,
        "csrf_token": context.get("csrf_token"),
    }
