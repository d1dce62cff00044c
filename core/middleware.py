from urllib.parse import unquote_to_bytes

from django.conf import settings
from django.core.handlers.wsgi import get_bytes_from_wsgi
from django.http import HttpResponseBadRequest, JsonResponse
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext

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


class InvalidEncodingMiddleware:
    """Form input that is not valid text in its charset: 400, in the user's language.

    Django decodes query strings and form fields with ``errors="replace"``, so
    invalid UTF-8 would otherwise reach the forms as U+FFFD and be stored (and
    printed on certificates) as mojibake. The query string and URL-encoded
    bodies are checked byte for byte. Multipart bodies are streamed to the
    upload handlers and cannot be re-read, so their text fields are checked
    after Django's own parsing, for the replacement character it leaves;
    file parts are binary and never checked. Other bodies (the JSON of the
    autosave endpoints) are left to their views.
    """

    FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not self.is_valid_text(request):
            return self.refuse(request)
        return self.get_response(request)

    @classmethod
    def is_valid_text(cls, request) -> bool:
        encoding = request.encoding or settings.DEFAULT_CHARSET
        query = get_bytes_from_wsgi(request.META, "QUERY_STRING", "")
        if not decodes(unquote_to_bytes(query.replace(b"+", b" ")), encoding):
            return False
        if request.method != "POST" or request.content_type not in cls.FORM_TYPES:
            return True
        if request.content_type == "application/x-www-form-urlencoded":
            return decodes(unquote_to_bytes(request.body.replace(b"+", b" ")), encoding)
        return not any(
            "\ufffd" in key or any("\ufffd" in value for value in values)
            for key, values in request.POST.lists()
        )

    @staticmethod
    def refuse(request):
        """Nothing reaches a view: a short page (or JSON for the autosave requests)."""
        with translation.override(user_language(request)):
            message = gettext(
                "The form contained characters that could not be read, so nothing was "
                "saved. Please type the text again, or paste it as plain text, and send it again."
            )
            if "application/json" in request.headers.get("Accept", ""):
                return JsonResponse({"error": message}, status=400)
            html = render_to_string(
                "400_encoding.html",
                {"message": message, "LANGUAGE_CODE": translation.get_language()},
            )
        return HttpResponseBadRequest(html)


def decodes(data: bytes, encoding: str) -> bool:
    """Pure: whether ``data`` is valid text in ``encoding``."""
    try:
        data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return False
    return True


def user_language(request) -> str:
    """The language to answer in: the admin's own, else what LocaleMiddleware chose."""
    user = getattr(request, "user", None)
    if request.path_info.startswith("/admin/") and user is not None and user.is_authenticated:
        from wagtail.users.models import UserProfile

        return UserProfile.get_for_user(user).get_preferred_language()
    return translation.get_language() or settings.LANGUAGE_CODE
