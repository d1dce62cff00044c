from django import forms
from django.utils.translation import gettext_lazy as _

from .codes import MalformedCode, code_display, code_normalize

MALFORMED_MESSAGE = _(
    "This is not a certificate code. A code has 16 letters and digits, "
    "for example 7KQ4-M2ZD-X9PA-3HRT; dashes, spaces and small letters are fine."
)


class VerifyForm(forms.Form):
    """The public look-up form: one code, typed or pasted any way."""

    code = forms.CharField(
        label=_("Certificate code"),
        max_length=64,
        help_text=_("The code printed on the certificate, e.g. 7KQ4-M2ZD-X9PA-3HRT."),
        error_messages={
            "required": _("Enter the certificate code"),
            "max_length": _("A certificate code has 16 letters and digits; this is too long"),
        },
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}
        ),
    )

    def clean_code(self) -> str:
        try:
            return code_display(code_normalize(self.cleaned_data["code"]))
        except MalformedCode:
            raise forms.ValidationError(MALFORMED_MESSAGE, code="malformed") from None


class RevokeForm(forms.Form):
    """A manager revokes a certificate; the reason is kept and shown to managers."""

    reason = forms.CharField(
        label=_("Reason"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Shown only to program managers, never on the public page."),
    )
