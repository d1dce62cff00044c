"""allauth's forms in the platform's words: one specific message per field, no placeholders.

Each form says what to do about each field ("Enter your e-mail address"), not
Django's "This field is required.", and keeps the label as the only name of a
field (a placeholder repeating it disappears as soon as one types).
``settings.ACCOUNT_FORMS`` points allauth at these classes.
"""

from allauth.account import forms as allauth
from django.utils.translation import gettext_lazy as _

EMAIL_MESSAGES = {
    "required": _("Enter your e-mail address"),
    "invalid": _("Enter an e-mail address in the correct format, like name@example.org"),
}
NEW_PASSWORD_MESSAGES = {"required": _("Create a password")}
REPEAT_PASSWORD_MESSAGES = {"required": _("Type the password again to confirm it")}

#: Messages per field name, shared by every form that has the field.
FIELD_MESSAGES = {
    "email": EMAIL_MESSAGES,
    "login": EMAIL_MESSAGES,
    "password": {"required": _("Enter your password")},
    "oldpassword": {"required": _("Enter your current password")},
    "password1": NEW_PASSWORD_MESSAGES,
    "password2": REPEAT_PASSWORD_MESSAGES,
    "full_name": {
        "required": _("Enter your full name"),
        "max_length": _("Your full name must be 200 characters or fewer"),
    },
    "job_title": {
        "required": _("Enter your job title"),
        "max_length": _("Your job title must be 200 characters or fewer"),
    },
    "preferred_language": {
        "required": _("Choose your preferred language"),
        "invalid_choice": _("Choose a language from the list"),
    },
    "sex": {"invalid_choice": _("Choose an answer from the list, or leave it unanswered")},
}


class PlainFieldsMixin:
    """Specific error messages per field (``FIELD_MESSAGES``) and no placeholders."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.apply_field_messages()

    def apply_field_messages(self):
        for name, field in self.fields.items():
            field.widget.attrs.pop("placeholder", None)
            field.error_messages.update(FIELD_MESSAGES.get(name, {}))


class LoginForm(PlainFieldsMixin, allauth.LoginForm):
    pass


class ResetPasswordForm(PlainFieldsMixin, allauth.ResetPasswordForm):
    pass


class ResetPasswordKeyForm(PlainFieldsMixin, allauth.ResetPasswordKeyForm):
    pass


class ChangePasswordForm(PlainFieldsMixin, allauth.ChangePasswordForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password1"].error_messages["required"] = _("Enter a new password")


class SetPasswordForm(PlainFieldsMixin, allauth.SetPasswordForm):
    pass


class AddEmailForm(PlainFieldsMixin, allauth.AddEmailForm):
    pass


class ReauthenticateForm(PlainFieldsMixin, allauth.ReauthenticateForm):
    pass
