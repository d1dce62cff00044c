"""How question text reaches a page: one filter for the attempt, the review and the admin."""

from django import template
from django.utils.html import escape, linebreaks
from django.utils.safestring import SafeString, mark_safe

from assessments.richtext import sanitize_html

register = template.Library()


@register.filter
def question_text(text, text_format="plain") -> SafeString:
    """Plain text escaped with its line breaks; HTML sanitised again, then marked safe.

    Stored HTML was sanitised when saved, but is never trusted: a row written
    by another path (an old import, a data fix) goes through the allow-list too.
    """
    text = text or ""
    if text_format == "html":
        return mark_safe(sanitize_html(text))
    return mark_safe(linebreaks(escape(text)))
