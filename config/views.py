from urllib.parse import urlencode

from django.conf import settings
from django.db import connection
from django.http import HttpResponse, HttpResponseRedirect, JsonResponse
from django.urls import reverse
from django.utils import translation
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST


@never_cache
@require_GET
def healthz(request):
    """Liveness and database check for load balancers and monitoring."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


@never_cache
def root_redirect(request):
    """``/`` → ``/<lang>/``: the user's preferred language, then Accept-Language."""
    supported = {code for code, _name in settings.LANGUAGES}
    user = getattr(request, "user", None)
    language = None
    if user is not None and user.is_authenticated:
        language = getattr(user, "preferred_language", None)
    if language not in supported:
        language = translation.get_language_from_request(request, check_path=False)
    if language not in supported:
        language = settings.LANGUAGE_CODE
    response = HttpResponseRedirect(f"/{language}/")
    response["Vary"] = "Accept-Language, Cookie"
    return response


def bench_bare(request):
    """A bare view (bench-only URL): the baseline every benchmark figure is divided by."""
    return HttpResponse(b"ok", content_type="text/plain")


def admin_login_redirect(request):
    """``/admin/login/`` → the allauth sign-in page, keeping ``next``."""
    from django.utils.http import url_has_allowed_host_and_scheme

    next_url = request.GET.get("next", "/admin/")
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        next_url = "/admin/"
    return HttpResponseRedirect(f"{reverse('account_login')}?{urlencode({'next': next_url})}")


def server_error(request):
    """500 handler that answers 503 (retry soon) when the database is unreachable.

    Runs inside Django's exception handling, so the exception is in
    ``sys.exc_info()``. The template touches neither the database nor the session.
    """
    import sys

    from django.db import InterfaceError, OperationalError
    from django.template import loader

    error = sys.exc_info()[1]
    unavailable = isinstance(error, (OperationalError, InterfaceError))
    template = loader.get_template("500.html")
    body = template.render(
        {"unavailable": unavailable, "LANGUAGE_CODE": translation.get_language()}
    )
    response = HttpResponse(body, status=503 if unavailable else 500)
    if unavailable:
        response["Retry-After"] = "30"
    return response


@require_POST
def copy_translation_content(request, page_id):
    """wagtail-modeltranslation's "copy to the other language" helper, POST only."""
    from wagtail.admin.auth import require_admin_access
    from wagtail_modeltranslation.wagtail_hooks import (
        return_translation_target_field_rendered_html,
    )

    return require_admin_access(return_translation_target_field_rendered_html)(
        request, page_id=page_id
    )
