"""The manager's decision and the queue's status filter."""

import django_filters
from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.widgets import AdminDateInput

from .models import VettingRecord, default_expiry
from .queries import EXPIRED


class DecisionForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Decision"),
        choices=[
            (VettingRecord.Status.CLEARED, _("Cleared")),
            (VettingRecord.Status.REFUSED, _("Refused")),
        ],
        widget=forms.RadioSelect,
    )
    decision_date = forms.DateField(label=_("Decision date"), widget=AdminDateInput)
    reference = forms.CharField(
        label=_("Reference number"),
        max_length=100,
        required=False,
        help_text=_("The reference of the vetting file, as the vetting body gave it."),
    )
    expires_on = forms.DateField(
        label=_("Expiry"),
        required=False,
        widget=AdminDateInput,
        help_text=_(
            "For a clearance: the last day it is valid. Left empty, one year after the "
            "decision date."
        ),
    )

    def __init__(self, *args, today=None, **kwargs):
        super().__init__(*args, **kwargs)
        today = today or timezone.localdate()
        self.fields["decision_date"].initial = today
        self.fields["expires_on"].initial = default_expiry(today)

    def clean(self):
        cleaned = super().clean()
        decided, expires = cleaned.get("decision_date"), cleaned.get("expires_on")
        if (
            cleaned.get("status") == VettingRecord.Status.CLEARED
            and decided
            and expires
            and expires < decided
        ):
            self.add_error("expires_on", _("The expiry cannot be before the decision date."))
        return cleaned


class QueueFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=[
            (VettingRecord.Status.PENDING, _("Pending")),
            (VettingRecord.Status.CLEARED, _("Cleared")),
            (EXPIRED, _("Clearance expired")),
            (VettingRecord.Status.REFUSED, _("Refused")),
        ],
        method="keep",
        empty_label=_("All"),
    )

    class Meta:
        model = VettingRecord
        fields: list[str] = []

    def keep(self, queryset, name, value):
        # The status parametrises ``queries.queue`` (``expired`` is not a column).
        return queryset
