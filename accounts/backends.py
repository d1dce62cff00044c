"""Authentication backends that read the signed-in user from the cache.

Every page a trainee opens needs their user row; it changes only when the
account is saved (sign-in time, password, deactivation, profile), and every
such change goes through ``save()``, whose signal forgets the cached row (and
forgets it again once the transaction commits, so a page reading the row
meanwhile cannot keep the old one). Cached rows expire after a minute in any
case. Passwords are still checked against the database on sign-in.
"""

from allauth.account.auth_backends import AuthenticationBackend as AllauthBackend
from django.contrib.auth.backends import ModelBackend
from django.core.cache import cache
from django.db import transaction

TIMEOUT = 60


def user_key(user_id) -> str:
    return f"auth-user:{user_id}"


class CachedUserMixin:
    def get_user(self, user_id):
        key = user_key(user_id)
        user = cache.get(key)
        if user is None:
            user = super().get_user(user_id)
            if user is not None:
                cache.set(key, user, TIMEOUT)
            return user
        return user if self.user_can_authenticate(user) else None


class CachedModelBackend(CachedUserMixin, ModelBackend):
    """Django's backend (sign-in by e-mail and password)."""


class CachedAllauthBackend(CachedUserMixin, AllauthBackend):
    """allauth's backend (its sign-in forms)."""


def forget_user(sender, instance, **kwargs):
    key = user_key(instance.pk)
    cache.delete(key)
    transaction.on_commit(lambda: cache.delete(key))
