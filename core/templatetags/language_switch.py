"""The language switcher: the same place in the other language.

Wagtail pages have a translated slug per language, so their URL is rebuilt
from the page (plus any sub-route such as ``attempt/12/``); every other view
is translated with Django's ``translate_url``.
"""

from django import template
from django.conf import settings
from django.urls import Resolver404, resolve, translate_url
from django.utils import translation
from wagtail.models import Page

from core import content_version

register = template.Library()


def _switch_url(request, page, language: str) -> str:
    path = request.path
    query = request.META.get("QUERY_STRING", "")
    url = None
    try:
        match = resolve(path)
    except Resolver404:
        match = None
    if isinstance(page, Page) and match is not None and match.url_name == "wagtail_serve":
        current = page.get_url(request) or ""
        suffix = path[len(current) :] if current and path.startswith(current) else ""
        with translation.override(language):
            url = (page.get_url(request) or f"/{language}/") + suffix
    if url is None:
        url = translate_url(path, language)
        if url == path:
            url = f"/{language}/"
    return f"{url}?{query}" if query else url


@register.inclusion_tag("includes/language_switch.html", takes_context=True)
def language_switch(context):
    request = context.get("request")
    current = translation.get_language()
    links = []
    if request is not None:
        page = context.get("page") or context.get("self")

        def build():
            return [
                {
                    "code": code,
                    "label": translation.get_language_info(code)["name_local"],
                    "url": _switch_url(request, page, code),
                    "current": code == current,
                }
                for code, _name in settings.LANGUAGES
            ]

        if isinstance(page, Page) and not request.META.get("QUERY_STRING"):
            # A page's links depend on its path alone until the content changes.
            links = content_version.remember(("language-switch", request.path, current), build)
        else:
            links = build()
    return {"links": links}
