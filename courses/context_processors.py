from django.utils import translation
from django.utils.functional import SimpleLazyObject

from core import content_version
from core import languages as site_languages


def navigation(request):
    """URL of the course catalogue for the site navigation (kept per language and
    content version, core/content_version.py)."""

    def catalogue_url():
        language = translation.get_language() or site_languages.default()

        def find():
            from .models import CourseIndexPage

            index = CourseIndexPage.objects.live().only("pk", "url_path", "path", "depth").first()
            return index.get_url(request) if index else ""

        return content_version.remember(("catalogue_url", language), find)

    return {"catalogue_url": SimpleLazyObject(catalogue_url)}
