"""Public verification, and the trainee's own downloads and renewal."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.downloads import private_download

from . import offline as offline_files
from . import open_badges, signing
from . import status_list as status_lists
from .codes import MalformedCode, code_display, code_normalize
from .forms import VerifyForm
from .pdf import certificate_settings, pdf_response, programme_in, texts_in
from .queries import (
    certificate_by_code,
    certificates_of,
    may_see_revoke_reason,
    newer_certificate,
    site_root_url,
)
from .services import CertificateError, certificate_renewal_start
from .throttle import lookup_found, lookup_reserve


def jwks(request):
    """The public keys that sign certificates (a JWK Set), for anyone who verifies them,
    offline verifiers included: cacheable for five minutes, readable from any origin."""
    response = JsonResponse(signing.jwks())
    response["Cache-Control"] = "public, max-age=300"
    response["Access-Control-Allow-Origin"] = "*"
    return response


def status_list(request, number: int):
    """Revocation list ``number`` (a BitstringStatusListCredential, VC-JWT): a revocation
    shows in it at once; clients may keep it five minutes."""
    if signing.signing_key() is None or not status_lists.list_exists(number):
        raise Http404
    response = HttpResponse(status_lists.status_list_jwt(number), "application/vc+jwt")
    response["Cache-Control"] = f"public, max-age={status_lists.LIST_MAX_AGE}"
    response["Access-Control-Allow-Origin"] = "*"
    return response


def issuer(config=None) -> dict:
    """Who issues the certificates, as they print it: the programme's name and logo."""
    config = config if config is not None else certificate_settings()
    return {"programme": programme_in(config, get_language()), "logo": config.logo}


def verify_form(request):
    """The look-up form; a well-formed code goes on to its verification page."""
    form = VerifyForm(request.GET if "code" in request.GET else None)
    if form.is_bound and form.is_valid():
        return redirect("certificates:verify_detail", code=form.cleaned_data["code"])
    return render(request, "certificates/verify_form.html", {"form": form, **issuer()})


def throttled(request):
    return render(request, "certificates/throttled.html", status=429)


def looked_up(request, code: str, normal: str, view_name: str):
    """The public look-up of a well-formed code, shared by the pages that take one:
    ``(certificate or None, None)``, or ``(None, answer)`` when the client is throttled
    (429) or the code is not written as printed (a redirect to ``view_name`` with it).
    An unknown code counts towards the client's limit of failed look-ups."""
    if code != code_display(normal):
        return None, redirect(view_name, code=code_display(normal))
    ticket = lookup_reserve(request)
    if ticket is None:
        return None, throttled(request)
    certificate = certificate_by_code(normal)
    if certificate is not None:
        lookup_found(ticket)
    return certificate, None


def verify_detail(request, code: str):
    """The public status of one certificate: the minimum needed to confirm it."""
    try:
        normal = code_normalize(code)
    except MalformedCode:
        form = VerifyForm({"code": code})
        form.is_valid()
        context = {"form": form, **issuer()}
        return render(request, "certificates/verify_form.html", context, status=400)
    certificate, answer = looked_up(request, code, normal, "certificates:verify_detail")
    if answer is not None:
        return answer
    if certificate is None:
        return render(
            request,
            "certificates/verify_not_found.html",
            {"code": code_display(normal), "form": VerifyForm(), **issuer()},
            status=404,
        )
    config = certificate_settings()
    return render(
        request,
        "certificates/verify_detail.html",
        {
            "certificate": certificate,
            "status": certificate.effective_status,
            "show_reason": certificate.status == "revoked"
            and may_see_revoke_reason(request.user, certificate),
            # What the certificate itself prints, in the page's language.
            "t": texts_in(certificate, config, get_language()),
            **issuer(config),
            "newer": newer_certificate(certificate),
            "site_url": site_root_url() or request.build_absolute_uri("/").rstrip("/"),
            "checked_at": timezone.now(),
            "jwks": signing.jwks(),
        },
    )


def credential(request, code: str):
    """The certificate as an Open Badges 3.0 credential (VC-JWT) in the address's
    language, for a digital wallet. Public like the verification page (it says no more
    than that page); throttled the same way. A revoked or replaced certificate has none
    (410); an expired one keeps its, which says until when it was valid."""
    try:
        normal = code_normalize(code)
    except MalformedCode:
        raise Http404 from None
    certificate, answer = looked_up(request, code, normal, "certificates:credential")
    if answer is not None:
        return answer
    if certificate is None:
        raise Http404
    if signing.signing_key() is None:
        raise Http404
    if certificate.status != certificate.Status.VALID:
        return render(
            request,
            "certificates/credential_gone.html",
            {"certificate": certificate, **issuer()},
            status=410,
        )
    language = get_language()
    response = HttpResponse(
        open_badges.credential_jwt(certificate, language), open_badges.MEDIA_TYPE
    )
    name = open_badges.filename(certificate, language)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "no-store"
    response["Access-Control-Allow-Origin"] = "*"
    return response


def offline(request):
    """The offline verifier: once opened with a connection, it checks a certificate's
    signed QR code with no network, against the keys and revocation lists it saved.
    The same for every visitor (nothing of the person signed in), so it can be kept."""
    response = render(
        request,
        "certificates/offline.html",
        {
            **issuer(),
            "keys_url": reverse("jwks"),
            "lists_url": reverse("certificate_status_list", args=[0])[:-1],
            "worker_url": reverse("certificates:offline_worker"),
            "manifest_url": reverse("certificates:offline_manifest"),
            "icon_url": static("img/verifier-icon.svg"),
        },
    )
    # Always asked again when online (the worker keeps the last copy for offline use).
    response["Cache-Control"] = "no-cache"
    return response


def offline_worker(request):
    """The service worker that keeps the offline verifier on the device."""
    response = render(
        request,
        "certificates/offline_worker.js",
        {
            "language": get_language(),
            "version": offline_files.version(),
            "page_url": reverse("certificates:offline"),
            "assets": [reverse("certificates:offline_manifest"), *offline_files.asset_urls()],
        },
        content_type="text/javascript; charset=utf-8",
    )
    response["Cache-Control"] = "no-cache"
    return response


def offline_manifest(request):
    """The web app manifest: the offline verifier can be installed like an app."""
    page = reverse("certificates:offline")
    manifest = {
        "name": _("Certificate verifier") + " · " + issuer()["programme"],
        "short_name": _("Verifier"),
        "description": _("Checks certificates of the programme without a connection."),
        "lang": get_language(),
        "start_url": page,
        "scope": page,
        "display": "standalone",
        "background_color": "#f6f7f9",
        "theme_color": "#143a6b",
        "icons": [
            {
                "src": static("img/verifier-icon.svg"),
                "sizes": "any",
                "type": "image/svg+xml",
                "purpose": "any",
            }
        ],
    }
    response = JsonResponse(
        manifest,
        content_type="application/manifest+json",
        json_dumps_params={"ensure_ascii": False},
    )
    response["Cache-Control"] = "no-cache"
    return response


def own_certificate_or_404(request, code: str):
    try:
        normal = code_normalize(code)
    except MalformedCode:
        raise Http404 from None
    certificate = certificates_of(request.user).filter(code=normal, status="valid").first()
    if certificate is None:
        raise Http404
    return certificate


@login_required
@private_download
def certificate_download(request, code: str):
    """The holder's PDF, in ?lang=en|es|both (default: the holder's language)."""
    certificate = own_certificate_or_404(request, code)
    return pdf_response(certificate, request.GET.get("lang"))


@login_required
@require_POST
def renewal_start(request, code: str):
    """The holder of an expired certificate starts renewing it (retakes the final exam)."""
    certificate = own_certificate_or_404(request, code)
    try:
        certificate_renewal_start(certificate=certificate, user=request.user)
    except CertificateError as error:
        messages.error(request, str(error))
        return redirect("my_learning")
    messages.success(
        request,
        _("Renewal started: pass the course's final exam again to receive a new certificate."),
    )
    course_url = certificate.course.get_url(request) if certificate.course else None
    return redirect(course_url or reverse("my_learning"))
