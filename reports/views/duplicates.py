"""Likely duplicate people, and an administrator's merge of two accounts of one person."""

from django import forms
from django.contrib import messages
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django.views import View

from accounts.api import (
    AccountError,
    AuditEvent,
    User,
    account_merge,
    account_merge_refusal,
    trainees_visible_to,
)
from certificates.api import Certificate
from learning.api import Attempt, Enrollment, ModuleCompletion

from ..access import ReportsPermissionMixin, forbidden
from ..queries.duplicates import duplicate_groups


class DuplicatesView(ReportsPermissionMixin, View):
    """Groups of accounts with the same normalised name and agency, in the viewer's scope.

    Managers see the groups of their countries; only administrators get the
    "Merge…" links (and only they may merge).
    """

    page_title = pgettext_lazy("report title", "Likely duplicates")

    def get(self, request):
        groups = duplicate_groups(trainees_visible_to(request.user))
        context = {
            "page_title": self.page_title,
            "groups": [
                {
                    "accounts": accounts,
                    "pairs": [
                        (first, second)
                        for n, first in enumerate(accounts)
                        for second in accounts[n + 1 :]
                    ],
                }
                for accounts in groups
            ],
            "can_merge": request.user.is_superuser,
        }
        return TemplateResponse(request, "reports/duplicates.html", context)


class MergeForm(forms.Form):
    keep = forms.TypedChoiceField(
        label=_("Account that stays"), coerce=int, widget=forms.RadioSelect
    )

    def __init__(self, *args, accounts: list[User], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["keep"].choices = [
            (account.pk, f"{account.full_name} <{account.email}>") for account in accounts
        ]
        self.fields["keep"].initial = accounts[0].pk


def what_moves(accounts: list[User]) -> dict[int, dict]:
    """Per account: its rows that follow it (a fixed number of queries)."""
    pks = [account.pk for account in accounts]

    def per_user(queryset, field):
        return dict(
            queryset.filter(**{f"{field}__in": pks})
            .values(field)
            .annotate(n=Count("pk"))
            .values_list(field, "n")
        )

    counts = {
        "enrolments": per_user(Enrollment.objects.order_by(), "user"),
        "lessons": per_user(ModuleCompletion.objects.order_by(), "enrollment__user"),
        "attempts": per_user(Attempt.objects.order_by(), "user"),
        "certificates": per_user(Certificate.objects.order_by(), "user"),
        "audit": per_user(AuditEvent.objects.order_by(), "subject"),
    }
    return {pk: {name: numbers.get(pk, 0) for name, numbers in counts.items()} for pk in pks}


class MergeView(View):
    """GET: what a merge of these two accounts would move; POST: merge (administrators)."""

    page_title = _("Merge two accounts")

    def dispatch(self, request, first, second):
        if not request.user.is_superuser:
            return forbidden(request, _("Only an administrator can merge accounts."))
        self.accounts = [get_object_or_404(User, pk=first), get_object_or_404(User, pk=second)]
        return super().dispatch(request, first, second)

    def render(self, request, form, refusal=None, status=200):
        first, second = self.accounts
        shared = (
            Enrollment.objects.filter(user=first, course__enrollments__user=second)
            .select_related("course")
            .order_by("course__title")
        )
        moves = what_moves(self.accounts)
        context = {
            "page_title": self.page_title,
            "form": form,
            "refusal": refusal or account_merge_refusal(source=second, target=first),
            "rows": [(account, moves[account.pk]) for account in self.accounts],
            "shared_courses": [enrollment.course for enrollment in shared],
        }
        return TemplateResponse(request, "reports/merge.html", context, status=status)

    def get(self, request, first, second):
        return self.render(request, MergeForm(accounts=self.accounts))

    def post(self, request, first, second):
        form = MergeForm(request.POST, accounts=self.accounts)
        if not form.is_valid():
            return self.render(request, form, status=400)
        first_account, second_account = self.accounts
        keep_first = form.cleaned_data["keep"] == first_account.pk
        target, source = (
            (first_account, second_account) if keep_first else (second_account, first_account)
        )
        try:
            account_merge(source=source, target=target, actor=request.user)
        except AccountError as error:
            return self.render(request, form, refusal=str(error.message), status=400)
        messages.success(
            request,
            _("Account %(source)s was merged into %(target)s.")
            % {"source": source.pk, "target": f"{target.full_name} <{target.email}>"},
        )
        return redirect("program_reports:duplicates")
