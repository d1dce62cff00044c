"""Each means of speed measured on its own: the lesson page (signed in) and the
catalogue (anonymous) with everything on, then with one means turned off at a
time (operator switches, docs/deploy.md "Caching and CDN"), each beside the bare
view timed on the same server just before.
"""

from bench.load import wrk
from bench.pages import LESSON_LABEL, fetch, http_pages
from bench.report import say
from bench.server import Gunicorn
from bench.stats import format_percent

#: (label, extra environment, gunicorn threads): all on first, then one off each.
VARIANTS = (
    ("all means on (gthread, 4 threads)", {}, 4),
    ("sync workers instead of gthread", {}, 1),
    ("without the anonymous page cache", {"DJANGO_ANONYMOUS_PAGE_CACHE": "0"}, 4),
    (
        "without the personal page cache (every signed-in visit rendered)",
        {"DJANGO_PERSONAL_PAGE_CACHE": "0"},
        4,
    ),
    ("without rendered lesson/course parts", {"DJANGO_FRAGMENT_CACHE": "0"}, 4),
    ("without the per-process content memo", {"DJANGO_CONTENT_MEMO": "0"}, 4),
    (
        "sessions in the database (not cached_db)",
        {"DJANGO_SESSION_ENGINE": "django.contrib.sessions.backends.db"},
        4,
    ),
    ("a new Redis client per cache call (Django's)", {"DJANGO_REDIS_CLIENT_REUSE": "0"}, 4),
)


def section(*, smoke: bool, duration: int, connections: int) -> dict:
    baseline, pages, _logout = http_pages()
    by_label = {page.label: page for page in pages}
    lesson, catalogue = by_label[LESSON_LABEL], by_label["catalogue, anonymous"]
    seconds = 2 if smoke else max(3, duration // 2)
    variants = VARIANTS[:2] if smoke else VARIANTS
    lines = [
        f"Each row is its own server; wrk {connections} connections, {seconds} s per page, "
        "after 1 s of warm-up; ratios to the bare view timed on that server just before.",
        "",
        "| variant | bare req/s | lesson req/s | lesson ratio | catalogue req/s "
        "| catalogue ratio |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    failures = []
    for label, env, threads in variants:
        with Gunicorn(threads=threads, env=env) as server:
            figures = {}
            for page in (baseline, lesson, catalogue):
                status, _body = fetch(server.url(page.path), page.cookie)
                if status != 200:
                    failures.append(f"{label}: {page.path} answered {status}")
                    break
                wrk(server.url(page.path), duration=1, connections=2, cookie=page.cookie)
                result = wrk(
                    server.url(page.path),
                    duration=seconds,
                    connections=connections,
                    cookie=page.cookie,
                )
                if result["failure"]:
                    failures.append(f"{label}: {page.path}: {result['failure']}")
                figures[page.label] = result["rps"]
        if len(figures) < 3:
            lines.append(f"| {label} | | | | | FAILED |")
            continue
        bare = figures[baseline.label]
        lines.append(
            f"| {label} | {bare:.0f} | {figures[lesson.label]:.0f} "
            f"| {format_percent(figures[lesson.label] / bare)} | {figures[catalogue.label]:.0f} "
            f"| {format_percent(figures[catalogue.label] / bare)} |"
        )
        say(f"bench:   {label}: lesson {figures[lesson.label]:.0f} req/s, bare {bare:.0f}")
    return {
        "title": "Each means on its own",
        "lines": lines,
        "failed": bool(failures),
        "failures": failures,
    }
