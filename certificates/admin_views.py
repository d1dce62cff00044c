"""Certificates in the Wagtail admin: list, detail, revoke, reissue, PDF and zip.

Every view starts from ``certificates_visible_to(user)``: a manager only
sees and acts on certificates of trainees in their countries; anything else
is a 404, and nothing changes.
"""

import datetime

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.functional import lazy
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext
from django.views.decorators.http import require_POST
from modeltranslation.utils import build_localized_fieldname
from wagtail.admin.views.reports import ReportView
from wagtail.coreutils import multigetattr

from core import languages
from core.downloads import private_download
from core.spreadsheets import SafeSpreadsheetExportMixin

from .filters import CertificateFilterSet
from .forms import RevokeForm
from .models import Certificate, CertificateZip
from .pdf import LANGUAGE_CHOICES, pdf_response
from .queries import certificates_matching, certificates_visible_to
from .services import (
    CertificateError,
    certificate_reissue,
    certificate_revoke,
    certificate_zip_request,
)


def can_view(user) -> bool:
    return user.is_superuser or user.has_perm("certificates.view_certificate")


def can_manage(user) -> bool:
    return user.is_superuser or user.has_perm("certificates.change_certificate")


#: Where the snapshot texts' columns go in ``CertificateReportView.export_columns``.
SNAPSHOT_COLUMNS = object()


def _in_language(heading, code: str) -> str:
    return pgettext("heading", "%(heading)s (%(language)s)") % {
        "heading": heading,
        "language": languages.name_in_sentence(code),
    }


#: "Course (English)": the heading of a column in one language (lazy, like the others).
in_language = lazy(_in_language, str)


def snapshot_columns() -> dict[str, tuple[str, str, object]]:
    """The export's columns of snapshot texts: ``{column: (text, language, heading)}``.

    The agency in the default language, then the course title in each language of
    the settings ("course_title_en": "Course (English)", "course_title_es", ...).
    """
    default = languages.default()
    columns = {
        build_localized_fieldname("agency_name", default): (
            "agency_name",
            default,
            gettext_lazy("Agency"),
        )
    }
    for code in languages.codes():
        columns[build_localized_fieldname("course_title", code)] = (
            "course_title",
            code,
            in_language(gettext_lazy("Course"), code),
        )
    return columns


class CertificateReportView(SafeSpreadsheetExportMixin, ReportView):
    """The managers' list of certificates, filterable and exportable."""

    page_title = gettext_lazy("Certificates")
    header_icon = "doc-full"
    index_url_name = "certificates_admin:index"
    index_results_url_name = "certificates_admin:index_results"
    results_template_name = "certificates/admin/index_results.html"
    filterset_class = CertificateFilterSet
    permission_required = "view"  # checked by user_has_permission below
    paginate_by = 50
    #: The export's columns; the snapshot texts' columns come from ``snapshot_columns``.
    export_columns = [
        "display_code",
        "holder_name",
        "country_code",
        SNAPSHOT_COLUMNS,
        "effective_status",
        "issued_at",
        "completed_at",
        "expires_at",
        "score_percent",
        "hours",
    ]
    export_headings_fixed = {
        "display_code": gettext_lazy("Code"),
        "holder_name": gettext_lazy("Holder"),
        "country_code": gettext_lazy("Country"),
        "effective_status": gettext_lazy("Status"),
        "issued_at": gettext_lazy("Issued"),
        "completed_at": gettext_lazy("Completed"),
        "expires_at": gettext_lazy("Valid until"),
        "score_percent": gettext_lazy("Score (%)"),
        "hours": gettext_lazy("Hours"),
    }

    @property
    def list_export(self) -> list[str]:
        columns = snapshot_columns()
        return [
            name
            for column in self.export_columns
            for name in (columns if column is SNAPSHOT_COLUMNS else [column])
        ]

    @property
    def export_headings(self) -> dict:
        headings = {name: heading for name, (_text, _code, heading) in snapshot_columns().items()}
        return {**self.export_headings_fixed, **headings}

    def to_row_dict(self, item):
        """The row of ``item``; a snapshot column holds the text as stored in that
        language (empty when the certificate has none in it)."""
        columns = snapshot_columns()
        row = {}
        for field in self.list_export:
            if field in columns:
                text, code, _heading = columns[field]
                row[field] = item.snapshot_texts(text).get(code) or ""
            else:
                row[field] = multigetattr(item, field)
        return row

    def user_has_permission(self, permission):
        return can_view(self.request.user)

    def get_filename(self):
        return f"certificates-{datetime.date.today().isoformat()}"

    def get_queryset(self):
        self.queryset = certificates_visible_to(self.request.user).order_by("-issued_at", "-pk")
        return super().get_queryset()

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["zip_query"] = self.request.GET.urlencode()
        context["can_zip"] = bool(self.request.GET.get("course") or self.request.GET.get("country"))
        return context


def scoped_certificate(request, pk: int) -> Certificate:
    if not can_view(request.user):
        raise PermissionDenied
    return get_object_or_404(
        certificates_visible_to(request.user).select_related("revoked_by", "supersedes"), pk=pk
    )


#: How the certificate's own history names each action (the audit log's
#: listing says "certificate issued"; here the certificate goes without saying).
HISTORY_LABELS = {
    "issued": gettext_lazy("issued"),
    "revoked": gettext_lazy("revoked"),
    "reissued": gettext_lazy("reissued"),
    "renewed": gettext_lazy("renewed"),
    "downloaded_bulk": gettext_lazy("downloaded in bulk"),
}


def certificate_history(certificate: Certificate) -> list:
    """The certificate's lines of the audit log, oldest first, each with its ``label``."""
    events = list(certificate.events.select_related("actor").order_by("at", "pk"))
    for event in events:
        event.label = HISTORY_LABELS.get(event.action) or event.get_action_display()
    return events


def certificate_detail(request, pk: int):
    """One certificate with its audit trail and the actions a manager may take."""
    certificate = scoped_certificate(request, pk)
    return TemplateResponse(
        request,
        "certificates/admin/detail.html",
        {
            "certificate": certificate,
            "events": certificate_history(certificate),
            "replacements": certificate.superseded_by_set.all(),
            "can_manage": can_manage(request.user),
            "languages": LANGUAGE_CHOICES,
        },
    )


def certificate_revoke_view(request, pk: int):
    """Form: revoke with a reason."""
    certificate = scoped_certificate(request, pk)
    if not can_manage(request.user):
        raise PermissionDenied
    form = RevokeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            certificate_revoke(
                certificate=certificate, actor=request.user, reason=form.cleaned_data["reason"]
            )
        except CertificateError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request,
                _("Certificate %(code)s revoked.") % {"code": certificate.display_code},
            )
        return redirect("certificates_admin:detail", pk=certificate.pk)
    return TemplateResponse(
        request, "certificates/admin/revoke.html", {"certificate": certificate, "form": form}
    )


def certificate_reissue_view(request, pk: int):
    """Confirm, then reissue with a new code and fresh snapshot."""
    certificate = scoped_certificate(request, pk)
    if not can_manage(request.user):
        raise PermissionDenied
    if request.method == "POST":
        try:
            new = certificate_reissue(certificate=certificate, actor=request.user)
        except CertificateError as error:
            messages.error(request, str(error))
            return redirect("certificates_admin:detail", pk=certificate.pk)
        messages.success(
            request,
            _("Certificate reissued as %(code)s; the old one is superseded.")
            % {"code": new.display_code},
        )
        return redirect("certificates_admin:detail", pk=new.pk)
    return TemplateResponse(
        request, "certificates/admin/reissue.html", {"certificate": certificate}
    )


@private_download
def certificate_pdf_view(request, pk: int):
    certificate = scoped_certificate(request, pk)
    return pdf_response(certificate, request.GET.get("lang"))


@require_POST
def certificates_zip_view(request):
    """Queues a zip of every certificate of the filtered course or country.

    The zip is built by a task worker; the manager is sent to their list of
    prepared zips, where it appears when ready.
    """
    if not can_view(request.user):
        raise PermissionDenied
    certificates = certificates_matching(request.user, request.GET)
    if certificates is None or not (request.GET.get("course") or request.GET.get("country")):
        messages.error(request, _("Choose a course or a country first."))
        return redirect("certificates_admin:index")
    language = request.POST.get("lang", "")
    if language not in LANGUAGE_CHOICES:
        language = ""
    certificate_zip_request(user=request.user, query=request.GET.urlencode(), language=language)
    messages.success(request, _("Your zip is being prepared. It appears below when it is ready."))
    return redirect("certificates_admin:zips")


#: While a zip is being prepared, its page reloads itself this often (no script needed).
ZIPS_REFRESH_SECONDS = 5


def certificate_zips_view(request):
    """The zips this manager asked for, newest first, with their state and, while one is
    being built, how many of its certificates are in it so far."""
    if not can_view(request.user):
        raise PermissionDenied
    zips = list(CertificateZip.objects.filter(requested_by=request.user)[:20])
    pending = any(job.status == CertificateZip.Status.PENDING for job in zips)
    return TemplateResponse(
        request,
        "certificates/admin/zips.html",
        {"zips": zips, "refresh_seconds": ZIPS_REFRESH_SECONDS if pending else 0},
    )


def zip_word() -> str:
    """The first word of a zip's download name, in the manager's language."""
    return slugify(pgettext("file name", "certificates")) or "certificates"


@private_download
def certificate_zip_download(request, pk: int):
    """Streams a prepared zip to the manager who asked for it (404 for anyone else)."""
    if not can_view(request.user):
        raise PermissionDenied
    job = get_object_or_404(
        CertificateZip, pk=pk, requested_by=request.user, status=CertificateZip.Status.DONE
    )
    return FileResponse(
        job.file.open("rb"),
        as_attachment=True,
        filename=f"{zip_word()}-{job.created_at:%Y-%m-%d}-{job.pk}.zip",
        content_type="application/zip",
    )


__all__ = ["certificate_reissue_view", "certificate_revoke_view", "require_POST"]
