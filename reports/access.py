"""Who may see the program reports, and the page for those who may not."""

from django.template.response import TemplateResponse

from .models import REPORTS_PERMISSION


def forbidden(request, message: str = ""):
    """A real 403 (Wagtail would turn PermissionDenied into a redirect home)."""
    return TemplateResponse(request, "reports/forbidden.html", {"message": message}, status=403)


class ReportsPermissionMixin:
    """Every report view and download: the reports permission, or a 403 page."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(REPORTS_PERMISSION):
            return forbidden(request)
        return super().dispatch(request, *args, **kwargs)
