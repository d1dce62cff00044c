"""Public verification, and the trainee's own downloads and renewal."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.downloads import private_download

from .codes import MalformedCode, code_display, code_normalize
from .forms import VerifyForm
from .pdf import pdf_response
from .queries import certificate_by_code, certificates_of, may_see_revoke_reason
from .services import CertificateError, certificate_renewal_start
from .throttle import lookup_failed, lookups_blocked


def verify_form(request):
    """The look-up form; a well-formed code goes on to its verification page."""
    form = VerifyForm(request.GET if "code" in request.GET else None)
    if form.is_bound and form.is_valid():
        return redirect("certificates:verify_detail", code=form.cleaned_data["code"])
    return render(request, "certificates/verify_form.html", {"form": form})


def throttled(request):
    return render(request, "certificates/throttled.html", status=429)


def verify_detail(request, code: str):
    """The public status of one certificate: the minimum needed to confirm it."""
    try:
        normal = code_normalize(code)
    except MalformedCode:
        form = VerifyForm({"code": code})
        form.is_valid()
        return render(request, "certificates/verify_form.html", {"form": form}, status=400)
    if lookups_blocked(request):
        return throttled(request)
    if code != code_display(normal):
        return redirect("certificates:verify_detail", code=code_display(normal))
    certificate = certificate_by_code(normal)
    if certificate is None:
        lookup_failed(request)
        return render(
            request,
            "certificates/verify_not_found.html",
            {"code": code_display(normal), "form": VerifyForm()},
            status=404,
        )
    return render(
        request,
        "certificates/verify_detail.html",
        {
            "certificate": certificate,
            "status": certificate.effective_status,
            "show_reason": certificate.status == "revoked"
            and may_see_revoke_reason(request.user, certificate),
        },
    )


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
