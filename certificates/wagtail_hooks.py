from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import admin_views, pdf

# The programme's name for apps below (accounts' e-mails), through core.page_hooks.
hooks.register("certificates.programme_name", pdf.programme_name)


def admin_urls():
    return [
        path("", admin_views.CertificateReportView.as_view(), name="index"),
        path(
            "results/",
            admin_views.CertificateReportView.as_view(results_only=True),
            name="index_results",
        ),
        path("zip/", admin_views.certificates_zip_view, name="zip"),
        path("zips/", admin_views.certificate_zips_view, name="zips"),
        path("zips/<int:pk>/", admin_views.certificate_zip_download, name="zip_download"),
        path("<int:pk>/", admin_views.certificate_detail, name="detail"),
        path("<int:pk>/revoke/", admin_views.certificate_revoke_view, name="revoke"),
        path("<int:pk>/reissue/", admin_views.certificate_reissue_view, name="reissue"),
        path("<int:pk>/pdf/", admin_views.certificate_pdf_view, name="pdf"),
    ]


@hooks.register("register_admin_urls")
def register_certificate_urls():
    return [
        path(
            "certificates/",
            include((admin_urls(), "certificates_admin"), namespace="certificates_admin"),
        )
    ]


class CertificatesMenuItem(MenuItem):
    """Shown to superusers and program managers (who hold the view permission)."""

    def is_shown(self, request):
        return admin_views.can_view(request.user)


@hooks.register("register_admin_menu_item")
def register_certificates_menu_item():
    return CertificatesMenuItem(
        _("Certificates"), reverse("certificates_admin:index"), icon_name="doc-full", order=350
    )


@hooks.register("register_permissions")
def register_certificate_permissions():
    from django.contrib.auth.models import Permission

    return Permission.objects.filter(
        content_type__app_label="certificates",
        codename__in=["view_certificate", "change_certificate"],
    )
