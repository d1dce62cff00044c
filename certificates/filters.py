"""The filters of the managers' certificate list (also applied again to a bulk zip)."""

import django_filters
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy
from wagtail.admin.filters import WagtailFilterSet

from accounts.api import countries_visible_to
from courses.api import CoursePage

from .models import Certificate


def status_filter(queryset, name, value):
    """Filters on the status a verifier sees (expired is derived from the date)."""
    now = timezone.now()
    not_expired = Q(expires_at__isnull=True) | Q(expires_at__gt=now)
    if value == "valid":
        return queryset.filter(not_expired, status="valid")
    if value == "expired":
        return queryset.filter(status="valid", expires_at__lte=now)
    if value:
        return queryset.filter(status=value)
    return queryset


STATUS_CHOICES = [
    ("valid", gettext_lazy("valid")),
    ("expired", gettext_lazy("expired")),
    ("revoked", gettext_lazy("revoked")),
    ("superseded", gettext_lazy("superseded")),
]


class CertificateFilterSet(WagtailFilterSet):
    """Course, country (of the manager's scope) and status.

    The countries offered are those of ``user``, or of the request's user when
    the admin list builds the filters.
    """

    course = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Course"), queryset=CoursePage.objects.order_by("path")
    )
    country = django_filters.ChoiceFilter(
        label=gettext_lazy("Country"), field_name="country_code", choices=[]
    )
    status = django_filters.ChoiceFilter(
        label=gettext_lazy("Status"), choices=STATUS_CHOICES, method=status_filter
    )

    class Meta:
        model = Certificate
        fields = ["course", "country", "status"]

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        if user is None and self.request is not None:
            user = self.request.user
        countries = countries_visible_to(user) if user is not None else []
        self.filters["country"].extra["choices"] = [(c.code, c.name) for c in countries]
