"""The HTTP section: key pages timed with wrk against a bare Django view.

Each page is fetched once first and checked (status, title, signed in or not)
before its figures count.
"""

import json
import re
import shutil
import statistics
import subprocess
import sys
import urllib.error
import urllib.request
from dataclasses import dataclass
from html import unescape

from bench.environment import ROOT, bench_env
from bench.load import WrkError, wrk
from bench.report import say
from bench.server import Gunicorn
from bench.stats import format_percent, format_spread


def session_cookie(email: str) -> str:
    """A signed-in session for ``email``, made the way Django's login does."""
    code = f"""
from importlib import import_module
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from accounts.models import User
user = User.objects.get(email={email!r})
s = import_module(settings.SESSION_ENGINE).SessionStore()
s[SESSION_KEY] = str(user.pk)
s[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
s[HASH_SESSION_KEY] = user.get_session_auth_hash()
s.create()
print(s.session_key)
"""
    key = (
        subprocess.run(
            [sys.executable, str(ROOT / "manage.py"), "shell", "-c", code],
            env=bench_env(),
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        )
        .stdout.strip()
        .splitlines()[-1]
    )
    return f"sessionid={key}"


def page_paths() -> dict[str, str]:
    """Paths and expected titles of the demo course, lesson and catalogue in Spanish."""
    code = """
from django.urls import reverse
from django.utils import translation
from core import languages
from courses.models import CoursePage, ModulePage
translation.activate("es")
course = CoursePage.objects.get(
    **{languages.default_field("slug"): "investigating-human-smuggling-networks"}
)
lesson = ModulePage.objects.live().child_of(course).order_by("path")[2]
catalogue = course.get_parent().specific
home = catalogue.get_parent().specific
# A stock Wagtail page (wagtailcore.Page with Wagtail's own template), as a
# second baseline served by the same server.
from wagtail.models import Page
stock = Page.objects.filter(**{languages.default_field("slug"): "bench-stock-page"}).first()
if stock is None:
    titles = {"en": "Stock Wagtail page", "es": "Página de Wagtail"}
    slugs = {"en": "bench-stock-page", "es": "bench-stock-page"}
    stock = Page(**languages.field_values("title", titles), **languages.field_values("slug", slugs))
    with translation.override(languages.default()):
        home.add_child(instance=stock)
        stock.save_revision().publish()
title = lambda page: page.seo_title or page.title
import json
print(json.dumps({"course": course.get_url(), "lesson": lesson.get_url(),
                  "catalogue": catalogue.get_url(), "home": home.get_url(),
                  "home_title": title(home), "stock": stock.get_url(), "stock_title": stock.title,
                  "course_title": title(course), "lesson_title": title(lesson),
                  "catalogue_title": title(catalogue),
                  "my_learning": reverse("my_learning"),
                  "my_learning_title": translation.gettext("My learning"),
                  "logout": reverse("account_logout")}))
"""
    out = subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), "shell", "-c", code],
        env=bench_env(),
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    return json.loads(out.splitlines()[-1])


LESSON_LABEL = "lesson page, signed in"
COURSE_LABEL = "course page, signed in"
MY_LEARNING_LABEL = "My learning, signed in"
STOCK_LABEL = "stock Wagtail page (second baseline), signed in"
ANONYMOUS_LABELS = ("home, anonymous", "catalogue, anonymous", "course summary, anonymous")


@dataclass
class Page:
    """A page to time, and what its body must show before its figures count."""

    label: str
    path: str
    cookie: str | None = None
    title: str | None = None  # a substring of <title>
    body: str | None = None  # the exact body (the bare view has no title)
    signed_in: bool | None = None  # True: the sign-out form must be there; False: must not


def page_title(html: str) -> str | None:
    match = re.search(r"<title[^>]*>(.*?)</title>", html, re.IGNORECASE | re.DOTALL)
    return " ".join(unescape(match.group(1)).split()) if match else None


def check_page(page: Page, status: int, body: str, *, logout_path: str = "") -> list[str]:
    """Why the answer is not the page we mean to time (empty when it is)."""
    problems = []
    if status != 200:
        problems.append(f"{page.path} answered {status}, not 200")
        return problems
    if page.body is not None and body.strip() != page.body:
        problems.append(f"{page.path} body is {body.strip()[:60]!r}, expected {page.body!r}")
    if page.title is not None:
        title = page_title(body)
        if title is None:
            problems.append(f"{page.path} has no <title> (expected one containing {page.title!r})")
        elif page.title not in title:
            problems.append(f"{page.path} title is {title!r}, not containing {page.title!r}")
    if page.signed_in is not None and logout_path:
        shown = f'action="{logout_path}"' in body
        if page.signed_in and not shown:
            problems.append(f"{page.path} is not signed in (no sign-out form)")
        elif not page.signed_in and shown:
            problems.append(f"{page.path} is signed in but should be anonymous")
    return problems


def fetch(url: str, cookie: str | None = None) -> tuple[int, str]:
    """One GET as wrk sends it (same cookie, no redirect followed): status and body."""
    from bench.exam import NoRedirect

    request = urllib.request.Request(url)
    if cookie:
        request.add_header("Cookie", cookie)
    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(request, timeout=30) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8", "replace")


def interleave(baseline, pages: list) -> list:
    """The baseline before, between and after the pages: B P1 B P2 … B."""
    order = [baseline]
    for page in pages:
        order += [page, baseline]
    return order


def http_pages() -> tuple[Page, list[Page], str]:
    paths = page_paths()
    cookie = session_cookie("trainee.hn@example.org")
    baseline = Page("bare Django view (baseline)", "/bench/bare/", body="ok")
    signed_in = {"cookie": cookie, "signed_in": True}
    pages = [
        # Signed in, so that no page cache answers for it; the stock template
        # has no sign-out form to check.
        Page(STOCK_LABEL, paths["stock"], title=paths["stock_title"], cookie=cookie),
        Page("home, anonymous", paths["home"], title=paths["home_title"], signed_in=False),
        Page(
            "catalogue, anonymous",
            paths["catalogue"],
            title=paths["catalogue_title"],
            signed_in=False,
        ),
        Page(
            "course summary, anonymous",
            paths["course"],
            title=paths["course_title"],
            signed_in=False,
        ),
        Page(COURSE_LABEL, paths["course"], title=paths["course_title"], **signed_in),
        Page(LESSON_LABEL, paths["lesson"], title=paths["lesson_title"], **signed_in),
        Page(
            MY_LEARNING_LABEL,
            paths["my_learning"],
            title=paths["my_learning_title"],
            **signed_in,
        ),
    ]
    return baseline, pages, paths["logout"]


def outcome(problems: list[str], result: dict | None) -> str:
    if problems:
        return "FAILED: " + "; ".join(problems)
    return f"{result['rps']:.0f} req/s"


def http_section(*, smoke: bool, duration: int, connections: int) -> dict:
    """Throughput and latency of key pages against the bare view, same server, same run.

    The bare view is timed before, between and after the pages; ratios are to
    the median of those runs. Before each page is timed its body is fetched
    with the same cookie and checked (status 200, expected title, signed in or
    not); wrk counts every answer that is not 2xx as an error. Any of these
    fails the page's row and the section.
    """
    if shutil.which("wrk") is None:
        raise WrkError("wrk is not installed (apt-get install wrk)")
    baseline, pages, logout_path = http_pages()
    rows = {page.label: {"label": page.label, "path": page.path, "failures": []} for page in pages}
    baseline_runs = []
    failures = []
    with Gunicorn() as server:
        for page in interleave(baseline, pages):
            status, body = fetch(server.url(page.path), page.cookie)
            problems = check_page(page, status, body, logout_path=logout_path)
            result = None
            try:
                if not problems:
                    # Warm up (template caches, connections), then measure.
                    marker = f'action="{logout_path}"' if page.signed_in else None
                    options = {"cookie": page.cookie, "must_contain": marker}
                    wrk(server.url(page.path), duration=1, connections=2, **options)
                    result = wrk(
                        server.url(page.path), duration=duration, connections=connections, **options
                    )
                    if result["failure"]:
                        problems.append(f"{page.path}: {result['failure']}")
            except WrkError as error:
                problems.append(f"{page.path}: {error}")
            if page is baseline:
                if problems:
                    failures += [f"baseline run {len(baseline_runs) + 1}: {p}" for p in problems]
                else:
                    baseline_runs.append(result)
                say(f"bench:   baseline: {outcome(problems, result)}")
            else:
                row = rows[page.label]
                row["failures"] = problems
                if not problems:
                    row.update(result)
                failures += [f"{page.label}: {p}" for p in problems]
                say(f"bench:   {page.label}: {outcome(problems, result)}")
    median = statistics.median(r["rps"] for r in baseline_runs) if baseline_runs else None
    for row in rows.values():
        if "rps" in row and median:
            row["ratio"] = row["rps"] / median
    lines = [
        "Bare view runs (req/s, in order: before, between and after the pages): "
        + (", ".join(f"{r['rps']:.0f}" for r in baseline_runs) or "none succeeded"),
    ]
    if baseline_runs:
        lines.append(
            "Spread: "
            + format_spread([r["rps"] for r in baseline_runs], "req/s")
            + "; ratios below are to the median."
        )
    lines += [
        "",
        "| page | req/s | ratio to bare view | p50 ms | p95 ms | p99 ms | errors | check |",
        "|---|---:|---:|---:|---:|---:|---:|---|",
    ]
    if baseline_runs:
        middle = statistics.median(r["rps"] for r in baseline_runs)
        lines.append(
            f"| {baseline.label}, median of {len(baseline_runs)} | {middle:.0f} | 100.0 % "
            f"| {statistics.median(r['p50'] for r in baseline_runs):.1f} "
            f"| {statistics.median(r['p95'] for r in baseline_runs):.1f} "
            f"| {statistics.median(r['p99'] for r in baseline_runs):.1f} "
            f"| {sum(r['errors'] for r in baseline_runs)} | ok |"
        )
    for row in rows.values():
        if row["failures"]:
            lines.append(
                f"| {row['label']} | | | | | | | **FAILED**: {'; '.join(row['failures'])} |"
            )
        else:
            lines.append(
                f"| {row['label']} | {row['rps']:.0f} | {format_percent(row.get('ratio'))} "
                f"| {row['p50']:.1f} | {row['p95']:.1f} | {row['p99']:.1f} | {row['errors']} | ok |"
            )

    def share(label):
        row = rows[label]
        return row["ratio"] * 100 if "ratio" in row else None

    anonymous = [share(label) for label in ANONYMOUS_LABELS]
    return {
        "title": "HTTP: throughput and latency against a bare Django view",
        "lines": lines,
        "failed": bool(failures),
        "failures": failures,
        "measured": {
            "lesson_throughput": share(LESSON_LABEL),
            "course_throughput": share(COURSE_LABEL),
            "my_learning_throughput": share(MY_LEARNING_LABEL),
            "anonymous_throughput": None if None in anonymous else min(anonymous),
        },
    }
