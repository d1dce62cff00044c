"""Ends sessions after inactivity and after an absolute lifetime."""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.utils.translation import gettext as _

STARTED_KEY = "_session_started_at"
SEEN_KEY = "_session_seen_at"
# Writing the session on every request would cost a database write per page;
# the last-seen time is refreshed at most this often (seconds).
TOUCH_INTERVAL = 60


class SessionTimeoutMiddleware:
    """Signs the user out when idle longer than SESSION_IDLE_TIMEOUT or when the
    session is older than SESSION_COOKIE_AGE (absolute timeout)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            now = time.time()
            session = request.session
            started = session.get(STARTED_KEY)
            seen = session.get(SEEN_KEY)
            idle_limit = getattr(settings, "SESSION_IDLE_TIMEOUT", 3600)
            if started is None:
                session[STARTED_KEY] = session[SEEN_KEY] = now
            elif now - started > settings.SESSION_COOKIE_AGE or (
                seen is not None and now - seen > idle_limit
            ):
                logout(request)
                messages.info(request, _("Your session has ended. Please sign in again."))
            elif seen is None or now - seen > TOUCH_INTERVAL:
                session[SEEN_KEY] = now
        return self.get_response(request)
