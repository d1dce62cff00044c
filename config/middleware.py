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
