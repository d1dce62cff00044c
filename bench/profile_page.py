"""Where the time of one page goes: ``python -m bench.profile_page lesson``.

Serves the page through the project's WSGI application in this process, with
production settings (bench environment: PostgreSQL, Redis), signed in as
``trainee.hn@example.org`` unless ``--anonymous``. After warm-up requests it
profiles ``--requests`` more with cProfile and prints, per request: the total,
the time inside each stage (inclusive, so stages nested in another are also
counted in it), the number of queries, and the functions with the most time
of their own. Run on a quiet machine; the shares matter more than the
milliseconds. ``bench/profiles/`` keeps summaries made with it.
"""

import argparse
import cProfile
import io
import pstats
import sys
import sysconfig
import time

# (label, file suffix, function name): inclusive time of the first match.
STAGES = (
    ("whole request (WSGI handler)", "django/core/handlers/wsgi.py", "__call__"),
    ("database: executing queries", "django/db/backends/utils.py", "_execute"),
    ("database: building SQL", "django/db/models/sql/compiler.py", "as_sql"),
    ("session load", "django/contrib/sessions/backends/base.py", "_get_session"),
    ("session save", "django/contrib/sessions/middleware.py", "process_response"),
    ("user from session", "django/contrib/auth/__init__.py", "get_user"),
    ("page routing (Wagtail serve)", "wagtail/views.py", "serve"),
    ("template rendering", "django/template/response.py", "render"),
    ("StreamField blocks", "wagtail/blocks/stream_block.py", "render_basic"),
    ("rich text", "wagtail/rich_text/__init__.py", "expand_db_html"),
    ("URL building (reverse)", "django/urls/base.py", "reverse"),
    ("page URLs (Wagtail)", "wagtail/models/__init__.py", "get_url_parts"),
    ("translation lookups", "django/utils/translation/trans_real.py", "gettext"),
    ("CSRF", "django/middleware/csrf.py", "process_view"),
    ("content security policy", "csp/middleware.py", "process_response"),
)


def page_path(name: str) -> str:
    from django.urls import reverse
    from django.utils import translation

    from core import languages
    from courses.models import CoursePage, ModulePage

    translation.activate("es")
    course = CoursePage.objects.get(
        **{languages.default_field("slug"): "investigating-human-smuggling-networks"}
    )
    if name == "course":
        return course.get_url()
    if name == "lesson":
        return ModulePage.objects.live().child_of(course).order_by("path")[2].get_url()
    if name == "catalogue":
        return course.get_parent().get_url()
    if name == "home":
        return "/es/"
    if name == "my_learning":
        return reverse("my_learning")
    if name == "bare":
        return "/bench/bare/"
    return name


def session_cookie(email: str) -> str:
    from importlib import import_module

    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY

    from accounts.models import User

    user = User.objects.get(email=email)
    store = import_module(settings.SESSION_ENGINE).SessionStore()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store.create()
    return f"{settings.SESSION_COOKIE_NAME}={store.session_key}"


def environ_for(path: str, cookie: str) -> dict:
    return {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path,
        "QUERY_STRING": "",
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "8000",
        "HTTP_HOST": "127.0.0.1",
        "HTTP_COOKIE": cookie,
        "HTTP_ACCEPT_LANGUAGE": "es",
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(b""),
        "wsgi.errors": sys.stderr,
        "wsgi.multithread": False,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
        "wsgi.version": (1, 0),
    }


def print_profile(stats: pstats.Stats, count: int, top: int, *, stages, unit: str) -> None:
    """The stages' inclusive times and the functions with the most time of their own,
    per ``unit`` (``count`` of them profiled), as Markdown tables."""
    from bench.environment import ROOT

    per = 1000 / count
    print(f"| stage (inclusive) | ms per {unit} (profiled) | calls per {unit} |")
    print("|---|---:|---:|")
    for label, suffix, name in stages:
        total, calls = 0.0, 0
        for (filename, _line, function), (_cc, nc, _tt, ct, _callers) in stats.stats.items():
            if function == name and filename.endswith(suffix):
                total = max(total, ct)
                calls = max(calls, nc)
        if calls:
            print(f"| {label} | {total * per:.2f} | {calls / count:g} |")
    print(f"\nOwn time, top {top}:\n")
    print(f"| function | own ms per {unit} | calls per {unit} |")
    print("|---|---:|---:|")
    rows = sorted(stats.stats.items(), key=lambda item: item[1][2], reverse=True)
    for (filename, line, function), (_cc, nc, tt, _ct, _callers) in rows[:top]:
        short = filename.split("site-packages/")[-1].replace(str(ROOT) + "/", "")
        short = short.replace(sysconfig.get_paths()["stdlib"] + "/", "")
        print(f"| `{short}:{line} {function}` | {tt * per:.3f} | {nc / count:g} |")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("page", help="lesson, course, my_learning, catalogue, home, bare or a path")
    parser.add_argument("--anonymous", action="store_true")
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--top", type=int, default=25)
    args = parser.parse_args(argv)

    from bench.environment import setup_django

    setup_django()
    from django.core.wsgi import get_wsgi_application
    from django.db import connection, reset_queries

    application = get_wsgi_application()
    path = page_path(args.page)
    cookie = "" if args.anonymous else session_cookie("trainee.hn@example.org")
    statuses = []

    def start_response(status, headers):
        statuses.append(status)

    def one():
        body = application(environ_for(path, cookie), start_response)
        size = sum(len(chunk) for chunk in body)
        if hasattr(body, "close"):
            body.close()
        return size

    for _ in range(30):
        size = one()
    if not statuses[-1].startswith("200"):
        sys.exit(f"{path}: {statuses[-1]}")
    connection.force_debug_cursor = True
    reset_queries()
    one()
    queries = len(connection.queries)
    connection.force_debug_cursor = False

    started = time.perf_counter()
    for _ in range(args.requests):
        one()
    plain_ms = 1000 * (time.perf_counter() - started) / args.requests

    profile = cProfile.Profile()
    profile.enable()
    for _ in range(args.requests):
        one()
    profile.disable()
    stats = pstats.Stats(profile)

    print(f"# {args.page}: {path} ({'anonymous' if args.anonymous else 'signed in'})\n")
    print(
        f"{args.requests} requests after 30 warm-up requests, one process, production "
        f"settings; {size} bytes, {queries} queries per request.\n"
    )
    print(f"Without the profiler: **{plain_ms:.2f} ms per request**.\n")
    print_profile(stats, args.requests, args.top, stages=STAGES, unit="request")


if __name__ == "__main__":
    main()
