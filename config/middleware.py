from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware

#: URLs outside i18n_patterns: a 404 there is final, never a redirect to /<lang>/...
NON_I18N_PREFIXES = ("/admin/", "/documents/", "/healthz", "/static/", "/media/", "/bench/")


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Django's LocaleMiddleware, minus its 404 → /<lang>/<path> redirect for admin
    and other unprefixed URLs (the Wagtail catch-all would otherwise swallow them)."""

    def process_response(self, request, response):
        if response.status_code == 404 and request.path_info.startswith(NON_I18N_PREFIXES):
            return response
        return super().process_response(request, response)


class AdminAccessMiddleware:
    """Signed-in users without admin access get 403 on /admin/, not a sign-in loop.

    Wagtail redirects them to the sign-in page, which (being signed in already)
    sends them back to their dashboard: trainees never learn why. Anonymous
    users are still sent to sign in.
    """

    ALLOWED = ("/admin/login/", "/admin/logout/", "/admin/jsi18n/", "/admin/sprite/")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        path = request.path_info
        if path.startswith("/admin/") and not path.startswith(self.ALLOWED):
            user = getattr(request, "user", None)
            if (
                user is not None
                and user.is_authenticated
                and not user.is_superuser
                and not user.has_perm("wagtailadmin.access_admin")
            ):
                from django.core.exceptions import PermissionDenied

                raise PermissionDenied
        return self.get_response(request)
