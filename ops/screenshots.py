"""``make screenshots``: a PNG of every kind of page, in both languages, at 390 and 1280 px.

Starts the site on its own temporary SQLite database with the demo loaded,
visits each page as the person who would see it (signed out, trainee.hn,
the administrator with the admin in that language) and writes
``<folder>/<language>/<width>/<name>.png``. The folder (``var/screenshots``
unless given) is not committed; it is printed at the end.

    .venv/bin/python ops/screenshots.py [--out FOLDER] [--width 390 --width 1280]
"""

import argparse
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ("en", "es")
WIDTHS = (390, 1280)
HEIGHT = {390: 844, 1280: 900}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def manage(env: dict, *args: str, log) -> None:
    subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True, stdout=log, stderr=log
    )


def wait_for(url: str, seconds: int = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=5)
            return
        except OSError:
            time.sleep(0.5)
    raise SystemExit(f"The site did not start at {url}")


def admin_pages() -> list[tuple[str, str]]:
    """(name, path) of the admin pages: dashboard, every report, the vetting queue,
    the quiz editor."""
    from django.urls import reverse

    from accounts.models import Agency, User
    from assessments.models import QuizPage

    trainee = User.objects.get(email="trainee.hn@example.org")
    agency = Agency.objects.filter(country__code="HN").order_by("pk").first()
    exam = QuizPage.objects.get(slug_en="final-exam-chain-of-custody-for-physical-evidence")
    report = "program_reports:"
    return [
        ("admin-dashboard", "/admin/"),
        ("report-countries", reverse(report + "countries")),
        ("report-agencies", reverse(report + "agencies", args=["HN"])),
        ("report-trainees", reverse(report + "trainees", args=[agency.pk])),
        ("report-transcript", reverse(report + "transcript", args=[trainee.pk])),
        ("report-courses", reverse(report + "courses")),
        ("report-knowledge-gain", reverse(report + "knowledge_gain")),
        ("report-indicators", reverse(report + "indicators")),
        ("report-evaluation", reverse(report + "evaluation")),
        ("report-duplicates", reverse(report + "duplicates")),
        ("vetting-queue", "/admin/vetting/"),
        ("report-missing-translation", reverse("missing_translations")),
        ("report-audit-log", "/admin/audit-log/"),
        ("quiz-editor", f"/admin/pages/{exam.pk}/edit/"),
    ]


def set_admin_language(language: str) -> None:
    from wagtail.users.models import UserProfile

    from accounts.models import User

    profile = UserProfile.get_for_user(User.objects.get(email="admin@example.org"))
    profile.preferred_language = language
    profile.save()


def sign_in(page, base: str, email: str, language: str) -> None:
    from demo.accounts import DEMO_PASSWORD

    page.goto(f"{base}/{language}/accounts/login/")
    page.fill("input[name=login]", email)
    page.fill("input[name=password]", DEMO_PASSWORD)
    page.click("form.form button[type=submit]")
    page.wait_for_load_state()


def shoot(page, url: str, path: Path) -> None:
    page.goto(url)
    page.wait_for_load_state("networkidle")
    path.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(path), full_page=True)


def take(base: str, out: Path, widths) -> int:
    from playwright.sync_api import sync_playwright

    from ops.chromium import CHROMIUM, CHROMIUM_ARGS
    from tests.e2e.tour import public_pages, trainee_pages

    public, trainee, admin = public_pages(), trainee_pages(), admin_pages()
    count = 0
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        for language in LANGUAGES:
            set_admin_language(language)
            for width in widths:
                folder = out / language / str(width)
                viewport = {"width": width, "height": HEIGHT.get(width, 900)}

                def visit(who, pages, folder=folder, viewport=viewport, language=language):
                    nonlocal count
                    context = browser.new_context(viewport=viewport, locale=language)
                    page = context.new_page()
                    if who:
                        sign_in(page, base, who, language)
                    for name, url in pages:
                        try:
                            shoot(page, base + url, folder / f"{name}.png")
                            count += 1
                        except Exception as error:  # one broken page must not stop the tour
                            print(f"  {language} {viewport['width']} {name}: {error}")
                    if not who:
                        page.goto(f"{base}/{language}/accounts/signup/")
                        page.click("form.form button[type=submit]")
                        page.wait_for_load_state()
                        page.screenshot(path=str(folder / "signup-with-errors.png"), full_page=True)
                        count += 1
                    context.close()

                visit(None, [(name, urls[language]) for name, urls in public])
                visit("trainee.hn@example.org", [(name, urls[language]) for name, urls in trainee])
                visit("admin@example.org", admin)
        browser.close()
    return count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "var" / "screenshots"))
    parser.add_argument("--width", type=int, action="append", dest="widths")
    options = parser.parse_args()
    out = Path(options.out).resolve()
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)

    work = Path(tempfile.mkdtemp(prefix="screenshots-"))
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = dict(
        os.environ,
        DATABASE_URL=f"sqlite:///{work / 'db.sqlite3'}",
        DJANGO_DEBUG="1",
        DJANGO_LOG_LEVEL="WARNING",
        WAGTAILADMIN_BASE_URL=base,
        DJANGO_EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend",
    )
    os.environ.update(env)
    server = None
    with open(work / "setup.log", "w") as log:
        print(f"Loading the demo into a temporary database ({work})...")
        manage(env, "migrate", "--noinput", log=log)
        manage(env, "seed_demo", "--trainees", "20", log=log)
        try:
            server = subprocess.Popen(
                [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
                cwd=ROOT,
                env=env,
                stdout=log,
                stderr=log,
            )
            wait_for(f"{base}/en/")
            sys.path.insert(0, str(ROOT))
            os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
            import django

            django.setup()
            count = take(base, out, options.widths or WIDTHS)
        finally:
            if server is not None:
                server.terminate()
                server.wait(timeout=30)
    shutil.rmtree(work, ignore_errors=True)
    print(f"{count} screenshots in {out}")


if __name__ == "__main__":
    main()
