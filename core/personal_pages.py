"""Whole pages of one signed-in trainee, kept until anything they show changes.

A trainee goes back and forth between My learning, a course and its lessons;
each of these pages is the same for them until they (or a manager, or a
trainer's publish) change something. Views mark such a page with ``keep``;
``PersonalPageCacheMiddleware`` then stores it under the trainee's state
version, the content version and the release, and answers the next plain GET
of the same page from the shared cache without running the view.

What keeps this correct:

- The state version of a trainee changes (``bump``) after every POST they
  make and whenever a record they see changes (``follow`` connects a model's
  save and delete signals; the apps that own the records call it): at once,
  and again when the request that made the change (a manager's, say) has
  answered and committed. A publish
  changes the content version (core/content_version.py), a deployment the
  release. Stored pages also carry the day, for dates compared with today.
- The middleware is the innermost one: sessions, idle timeout, locale, CSRF,
  messages, security headers all run as for any page; only the view is
  skipped. Each stored page belongs to one user (the key holds their id).
- The form token is never stored: it is replaced by a placeholder on the way
  in and by the current request's token on the way out.
- Never stored: staff (the editing bar), pages shown with flash messages,
  query strings, previews, anything not marked, anything but 200. Nothing is
  served while messages wait to be shown.
- A page that says something only until a moment (an attempt open until its
  time limit, a certificate "New" for a week or valid until its expiry) is
  marked with that moment while it is rendered (``true_until``, from the view
  or a template tag) and never served after it.

``DJANGO_PERSONAL_PAGE_CACHE=0`` removes the middleware (docs/deploy.md).
"""

import hashlib
import re
import secrets
from contextvars import ContextVar

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.middleware.csrf import get_token
from django.utils import timezone, translation
from django.utils.cache import patch_cache_control, patch_vary_headers

from . import content_version
from .pages import AnonymousPageCacheMiddleware

TIMEOUT = 15 * 60
STATE_KEY = "personal-state:{}"
PLACEHOLDER = "\x00csrf\x00"
TOKEN_FIELD = re.compile(r'(name="csrfmiddlewaretoken" value=")[^"]*(")')
MARK = "_personal_page"
UNTIL = "_personal_page_until"

#: Users whose state the current request changed (bumped again once it answers).
_pending: ContextVar[set | None] = ContextVar("personal_pages_pending", default=None)


def keep(response):
    """Marks a view's answer as the same for this user until their state changes
    (or until a moment ``true_until`` noted while rendering it)."""
    setattr(response, MARK, True)
    return response


def true_until(request, moment) -> None:
    """Something the page being rendered shows stops being true at ``moment`` (an
    aware datetime; None: never), such as an attempt that can be continued until
    its time limit: a kept page is not served after the earliest such moment.
    Noted on the request, so a view and the template tags of other apps it draws
    note theirs alike."""
    if moment is None:
        return
    earliest = getattr(request, UNTIL, None)
    setattr(request, UNTIL, moment if earliest is None else min(earliest, moment))


def _new_state(user_pk) -> None:
    cache.set(STATE_KEY.format(user_pk), secrets.token_hex(8), TIMEOUT * 2)


def bump(user_pk) -> None:
    """Something this user's pages show changed: their stored pages are stale.

    At once, and again when the request that made the change has answered
    (its transactions are then committed), so a page another request rendered
    from the old records meanwhile is never served afterwards. Several changes
    in one request cost one write now and one at the end.
    """
    if user_pk is None:
        return
    pending = _pending.get()
    if pending is None:  # a task or a command: no request to wait for
        _new_state(user_pk)
    elif user_pk not in pending:
        pending.add(user_pk)
        _new_state(user_pk)


def follow(model, user_of=lambda instance: instance.user_id) -> None:
    """Bumps the state of the user a ``model`` row belongs to on every save and delete."""

    def changed(sender, instance, **kwargs):
        bump(user_of(instance))

    uid = f"personal-pages:{model._meta.label}"
    post_save.connect(changed, sender=model, weak=False, dispatch_uid=uid + ":save")
    post_delete.connect(changed, sender=model, weak=False, dispatch_uid=uid + ":delete")


def waiting_messages(request) -> bool:
    """Flash messages wait in the cookie or the session (Django's fallback storage)."""
    if request.COOKIES.get("messages"):
        return True
    session = getattr(request, "session", None)
    return session is not None and bool(session.get("_messages"))


def shown_messages(request) -> bool:
    storage = getattr(request, "_messages", None)
    if storage is None:
        return False
    return bool(storage._queued_messages) or bool(storage._loaded_messages)


class PersonalPageCacheMiddleware:
    """Answers a signed-in trainee's repeat visit to a marked page from the cache."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        pending = set()
        token = _pending.set(pending)
        try:
            return self.answer(request)
        finally:
            _pending.reset(token)
            for user_pk in pending:
                _new_state(user_pk)

    def answer(self, request):
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return self.get_response(request)
        if request.method not in ("GET", "HEAD"):
            _pending.get().add(user.pk)  # bumped once the answer is ready
            return self.get_response(request)
        if user.is_staff or request.META.get("QUERY_STRING") or waiting_messages(request):
            return self.get_response(request)
        state_key = STATE_KEY.format(user.pk)
        where = hashlib.sha256(
            f"{request.get_host()}\n{request.path}\n{translation.get_language()}".encode()
        ).hexdigest()
        page_key = f"personal-page:{user.pk}:{where}"
        found = cache.get_many([state_key, page_key])
        state = found.get(state_key)
        if state is None:
            state = secrets.token_hex(8)
            if not cache.add(state_key, state, TIMEOUT * 2):
                state = cache.get(state_key)
        version = (
            state,
            content_version.current(),
            content_version.release(),
            timezone.localdate().isoformat(),
        )
        stored = found.get(page_key)
        if stored is not None and stored[0] == version and self.current(stored):
            return self.rebuild(request, stored)
        response = self.get_response(request)
        until = getattr(request, UNTIL, None)
        timeout = TIMEOUT
        if until is not None:
            timeout = min(TIMEOUT, int((until - timezone.now()).total_seconds()))
        if timeout > 0 and self.storable(request, response):
            patch_cache_control(response, private=True)
            patch_vary_headers(response, ("Cookie",))
            content = TOKEN_FIELD.sub(
                lambda m: m.group(1) + PLACEHOLDER + m.group(2),
                response.content.decode(response.charset),
            )
            headers = [(k, v) for k, v in response.items() if k.lower() != "content-length"]
            cache.set(page_key, (version, headers, content, until), timeout)
        return response

    @staticmethod
    def current(stored) -> bool:
        """A stored page that says something only until a moment is not served after it."""
        until = stored[3] if len(stored) > 3 else None
        return until is None or timezone.now() < until

    @staticmethod
    def storable(request, response) -> bool:
        return (
            getattr(response, MARK, False)
            and response.status_code == 200
            and not response.streaming
            and not response.cookies
            and not getattr(request, "is_preview", False)
            and not shown_messages(request)
            and settings.SESSION_COOKIE_NAME in request.COOKIES
        )

    @staticmethod
    def rebuild(request, stored):
        headers, content = stored[1], stored[2]
        if PLACEHOLDER in content:
            content = content.replace(PLACEHOLDER, get_token(request))
        return AnonymousPageCacheMiddleware.rebuild((200, headers, content))
