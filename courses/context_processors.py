from django.utils.functional import SimpleLazyObject


def navigation(request):
    """URL of the course catalogue for the site navigation (one query, only if used)."""

    def catalogue_url():
        from .models import CourseIndexPage

        index = CourseIndexPage.objects.live().only("pk", "url_path", "path", "depth").first()
        return index.get_url(request) if index else ""

    return {"catalogue_url": SimpleLazyObject(catalogue_url)}
