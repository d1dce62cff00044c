from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from core import page_hooks


def programme_name() -> str:
    """The programme's name in the active language, as its certificates print it."""
    return page_hooks.call("certificates.programme_name", translation.get_language())


class AccountAdapter(DefaultAccountAdapter):
    """Applies the trainee's preferred language when they sign in; speaks in the programme's words.

    Every e-mail gets the programme's name (``{{ programme }}``), never the
    host it was sent from; the messages a form shows are the platform's own.
    """

    error_messages = {
        **DefaultAccountAdapter.error_messages,
        "email_password_mismatch": _(
            "The e-mail address or the password is not correct. Check them and try again."
        ),
        "email_taken": _("An account with this e-mail address already exists. Sign in instead."),
        "enter_current_password": _("Enter your current password"),
        "incorrect_password": _("The password is not correct"),
        "invalid_password_reset": _(
            "This link to reset your password is not valid any more. Ask for a new one."
        ),
        "rate_limited": _("Too many requests in a short time. Wait a minute and try again."),
        "unknown_email": _("There is no account with this e-mail address"),
        "unverified_primary_email": _("Confirm your e-mail address first"),
        "account_inactive": _("This account is not active. Ask your programme coordinator."),
    }

    def render_mail(self, template_prefix, email, context, headers=None):
        context = {"programme": programme_name(), **context}
        return super().render_mail(template_prefix, email, context, headers=headers)

    def get_login_redirect_url(self, request):
        language = getattr(request.user, "preferred_language", None)
        if language not in dict(settings.LANGUAGES):
            language = translation.get_language()
        with translation.override(language):
            if request.user.is_staff or request.user.is_superuser:
                return reverse("wagtailadmin_home")
            return reverse("my_learning")
