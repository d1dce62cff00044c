from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Accounts")

    def ready(self):
        from django.contrib.auth import get_user_model
        from django.db.models.signals import post_delete, post_save

        from .backends import forget_user

        user_model = get_user_model()
        post_save.connect(forget_user, sender=user_model, dispatch_uid="forget-cached-user")
        post_delete.connect(forget_user, sender=user_model, dispatch_uid="forget-cached-user-del")

        from core import personal_pages

        # A trainee's stored pages (core/personal_pages.py) follow their account.
        personal_pages.follow(user_model, user_of=lambda user: user.pk)
