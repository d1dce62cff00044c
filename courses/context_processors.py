from django.core.cache import cache
from django.utils import translation
from django.utils.functional import SimpleLazyObject

from core import languages as site_languages

CACHE_KEY = "catalogue_url:{language}"


def navigation(request):
    """URL of the course catalogue for the site navigation (cached per language)."""

    def catalogue_url():
        language = translation.get_language() or site_languages.default()
        key = CACHE_KEY.format(language=language)
        url = cache.get(key)
        if url is None:
            from .models import CourseIndexPage

            index = CourseIndexPage.objects.live().only("pk", "url_path", "path", "depth").first()
            url = index.get_url(request) if index else ""
            cache.set(key, url, 300)
        return url

    return {"catalogue_url": SimpleLazyObject(catalogue_url)}


def forget_catalogue_url(**kwargs):
    """Page moves and publications may change the catalogue's URL."""
    cache.delete_many([CACHE_KEY.format(language=code) for code in site_languages.codes()])
