"""A trainee's privacy controls: download their data, delete their account."""

import json

from allauth.core import ratelimit
from django import forms
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext

from accounts.api import AccountError, AuditEvent, account_delete, audit_record
from core.downloads import attachment, private_download

from .export import user_data_export


class AccountDeleteForm(forms.Form):
    """The trainee confirms with their password: a stolen open session cannot delete."""

    password = forms.CharField(
        label=gettext_lazy("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        error_messages={"required": gettext_lazy("Enter your password to confirm.")},
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(
                gettext_lazy("The password is not correct; your account was not deleted.")
            )
        return password


@login_required
@private_download
def data_download(request):
    """The signed-in user's data as a JSON file (never kept by a cache)."""
    data = user_data_export(request.user)
    audit_record(
        actor=request.user,
        action=AuditEvent.Action.DATA_DOWNLOADED,
        target=f"user {request.user.pk}",
        country=request.user.country.code if request.user.country_id else None,
        subject=request.user,
    )
    body = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    word = slugify(pgettext("file name", "my-data")) or "my-data"  # in the page's language
    filename = f"{word}-{timezone.localdate().isoformat()}.json"
    return attachment(response, filename)


@login_required
def account_delete_view(request):
    """Explains what is deleted and kept; deletes after the password is confirmed."""
    form = AccountDeleteForm(request.POST or None, user=request.user)
    if request.method == "POST" and not ratelimit.consume(
        request, action="reauthenticate", user=request.user
    ):
        # allauth's limit for re-entering a password (10 a minute per user).
        messages.error(request, _("Too many attempts. Wait a minute and try again."))
        unbound = AccountDeleteForm(user=request.user)  # a bound form would check the password
        return render(request, "accounts/delete_account.html", {"form": unbound}, status=429)
    if request.method == "POST" and form.is_valid():
        try:
            account_delete(user=request.user)
        except AccountError as error:
            messages.error(request, str(error.message))
            return redirect("profile")
        logout(request)
        messages.success(request, _("Your account and your learning records have been deleted."))
        return redirect("/")
    status = 400 if form.is_bound else 200
    return render(request, "accounts/delete_account.html", {"form": form}, status=status)
