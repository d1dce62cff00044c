from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.urls import reverse
from django.utils import translation


class AccountAdapter(DefaultAccountAdapter):
    """Applies the trainee's preferred language when they sign in."""

    def get_login_redirect_url(self, request):
        language = getattr(request.user, "preferred_language", None)
        if language not in dict(settings.LANGUAGES):
            language = translation.get_language()
        with translation.override(language):
            if request.user.is_staff or request.user.is_superuser:
                return reverse("wagtailadmin_home")
            return reverse("my_learning")
