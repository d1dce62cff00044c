"""Deliberate bugs, and the tests that must catch each one.

Each entry below is a small, realistic bug (a rounding mode, a dropped prefix,
a filter left out). ``make bugs`` copies the project into a temporary
directory, checks that the named tests pass on the unchanged code, then puts
each bug in on its own and runs only the tests named for it: every bug must
make at least one of them fail. A bug that passes unnoticed is a test that
cannot fail, and the command exits non-zero.

    make bugs                       # every bug, on SQLite (PostgreSQL-only ones need DATABASE_URL)
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/test make bugs
    .venv/bin/python -m tests.deliberate_bugs --only scoring-rounding

``docs/testing.md`` lists the same bugs with the test that catches each.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Bug:
    key: str
    behaviour: str
    path: str
    original: str
    replacement: str
    tests: tuple[str, ...]
    postgres: bool = False  # the catching tests need PostgreSQL


BUGS: tuple[Bug, ...] = (
    Bug(
        "scoring-rounding",
        "partial-credit scoring rounds half-up to cents",
        "assessments/scoring.py",
        "value.quantize(TWO_PLACES, rounding=ROUND_HALF_UP)",
        'value.quantize(TWO_PLACES, rounding="ROUND_DOWN")',
        (
            "tests/assessments/test_scoring.py::test_partial_credit_rounds_half_up_to_cents",
            "tests/assessments/test_attempt_rules.py"
            "::test_a_half_cent_of_partial_credit_rounds_up_in_the_stored_and_shown_score",
        ),
    ),
    Bug(
        "penalty-share",
        "a wrong choice takes away its own share of the credit",
        "assessments/scoring.py",
        "wrong = -share(n_wrong) if n_wrong else ZERO",
        "wrong = -share(n_right) if n_wrong else ZERO",
        ("tests/assessments/test_scoring.py::test_old_rule_gives_thirds_and_penalties",),
    ),
    Bug(
        "deadline-hours",
        "the quiz time limit is in minutes",
        "learning/attempts.py",
        "timedelta(minutes=time_limit_minutes)",
        "timedelta(hours=time_limit_minutes)",
        (
            "tests/assessments/test_attempt_rules.py"
            "::test_the_deadline_is_the_time_limit_in_minutes_after_the_start",
            "tests/assessments/test_attempt_rules.py"
            "::test_a_submit_after_the_grace_period_is_recorded_late_and_not_scored",
        ),
    ),
    Bug(
        "answer-key-in-page",
        "the attempt page never carries the answer key",
        "learning/templates/learning/attempt.html",
        '<div class="choices">',
        '<div class="choices" data-key="{{ item.key.correct|join:\',\' }}">',
        (
            "tests/assessments/test_answer_key_hidden.py"
            "::test_no_attribute_hidden_field_or_comment_can_carry_the_key",
            "tests/assessments/test_answer_key_hidden.py"
            "::test_flipping_the_key_in_the_snapshot_and_the_database_changes_no_page",
        ),
    ),
    Bug(
        "gift-newline-escape",
        "GIFT `\\n` is read back as a line break",
        "assessments/gift.py",
        r'"n": "\n"}',
        r'"n": "n"}',
        (
            "tests/assessments/test_gift_conformance.py"
            "::test_backslash_n_is_a_line_break_not_the_letter_n",
        ),
    ),
    Bug(
        "choice-prefetch",
        "the attempt page reads every question's choices in one query",
        "learning/queries.py",
        'Question.objects.filter(pk__in=ids).prefetch_related("choices")',
        "Question.objects.filter(pk__in=ids)",
        ("tests/assessments/test_query_counts.py::test_attempt_page_query_count_constant",),
    ),
    Bug(
        "start-prefetch",
        "starting an attempt reads every question's choices in one query",
        "learning/attempts.py",
        'order_by(*QUESTION_ORDER).prefetch_related("choices")',
        "order_by(*QUESTION_ORDER)",
        (
            "tests/assessments/test_query_counts.py"
            "::test_starting_an_attempt_takes_the_same_queries_with_1_or_13_questions",
        ),
    ),
    Bug(
        "certificate-race-created",
        "a certificate is issued once: the losing request sends no event nor e-mail",
        "certificates/services.py",
        "                return existing, False",
        "                return existing, True",
        (
            "tests/certificates/test_issue.py"
            "::test_request_that_loses_the_issue_race_adds_no_event_nor_email",
        ),
    ),
    Bug(
        "certificate-race-threads",
        "a certificate is issued once under real concurrency (events and e-mails counted)",
        "certificates/services.py",
        "                return existing, False",
        "                return existing, True",
        (
            "tests/certificates/test_concurrency.py"
            "::test_parallel_issue_calls_create_one_certificate",
        ),
        postgres=True,
    ),
    Bug(
        "manager-first-country",
        "a manager sees the trainees of every country they manage",
        "accounts/scoping.py",
        'return trainees().filter(country__in=user.managed_countries.values("pk"))',
        "return trainees().filter(country=user.managed_countries.first())",
        (
            "tests/accounts/test_scoping.py::test_manager_of_two_countries_sees_both_and_not_a_third",
            "tests/reports/test_scoping.py::test_manager_of_two_countries_sees_both_and_not_a_third",
        ),
    ),
    Bug(
        "manager-countries-first",
        "a manager's countries are all the countries they manage",
        "accounts/scoping.py",
        "return PartnerCountry.objects.filter(managers=user)",
        "return PartnerCountry.objects.filter("
        'pk=getattr(user.managed_countries.first(), "pk", None))',
        (
            "tests/certificates/test_admin.py"
            "::test_manager_of_two_countries_lists_and_zips_both_and_not_a_third",
        ),
    ),
    Bug(
        "zip-scope",
        "a bulk zip holds only certificates of the manager's countries",
        "certificates/queries.py",
        "data, queryset=certificates_visible_to(user), user=user",
        "data, queryset=Certificate.objects.all(), user=user",
        (
            "tests/certificates/test_admin.py"
            "::test_zip_of_a_course_holds_only_the_managers_countries",
            "tests/test_access_isolation.py"
            "::test_honduras_managers_zip_of_the_course_holds_no_guatemalan_certificate",
        ),
    ),
    Bug(
        "zip-guard-filter",
        "a bulk zip needs a course or a country",
        "certificates/admin_views.py",
        'if certificates is None or not (request.GET.get("course") or request.GET.get("country")):',
        "if certificates is None:",
        ("tests/certificates/test_admin.py::test_zip_needs_a_course_or_country_filter",),
    ),
    Bug(
        "zip-guard-owner",
        "only the manager who asked for a zip may download it",
        "certificates/admin_views.py",
        "CertificateZip, pk=pk, requested_by=request.user, status=CertificateZip.Status.DONE",
        "CertificateZip, pk=pk, status=CertificateZip.Status.DONE",
        (
            "tests/certificates/test_admin.py::test_another_manager_cannot_download_someone_elses_zip",
        ),
    ),
    Bug(
        "expired-counted-valid",
        "expired certificates are not counted as valid",
        "certificates/models.py",
        'self.filter(Q(expires_at__isnull=True) | Q(expires_at__gt=now), status="valid")',
        'self.filter(status="valid")',
        (
            "tests/certificates/test_issue.py::test_expired_certificate_is_not_valid_now",
            "tests/reports/test_figures.py::test_country_report_figures_equal_recount",
        ),
    ),
    Bug(
        "csv-formula-prefixes",
        "CSV cells starting with =, +, -, @, tab or CR are neutralised",
        "core/exports.py",
        'FORMULA_STARTS = ("=", "+", "-", "@", "\\t", "\\r")',
        'FORMULA_STARTS = ("=", "+", "-")',
        (
            "tests/test_exports_hostile.py"
            "::test_each_formula_character_is_neutralised_in_csv_downloads",
        ),
    ),
    Bug(
        "xlsx-formula",
        "XLSX cells that look like formulas stay text",
        "core/exports.py",
        'if cell.data_type == "f":',
        "if False:",
        (
            "tests/test_exports_hostile.py"
            "::test_each_formula_character_stays_text_in_xlsx_downloads",
        ),
    ),
    Bug(
        "deactivated-active",
        "deactivated accounts are not counted as active trainees",
        "reports/queries/figures.py",
        "SUM(CASE WHEN recent = 1 AND is_active THEN 1 ELSE 0 END),",
        "SUM(CASE WHEN recent = 1 THEN 1 ELSE 0 END),",
        ("tests/reports/test_figures.py::test_deactivated_trainee_is_not_counted_as_active",),
    ),
    Bug(
        "duplicate-email-signup",
        "one account per e-mail address, whatever its case",
        "config/settings.py",
        "ACCOUNT_UNIQUE_EMAIL = True",
        "ACCOUNT_UNIQUE_EMAIL = False",
        (
            "tests/accounts/test_signup_profile.py"
            "::test_signup_with_an_address_already_used_creates_no_second_account",
        ),
    ),
    Bug(
        "withdrawn-course-open",
        "the lessons and quizzes of an unpublished course are closed too",
        "courses/apps.py",
        "if not self.live:",
        "if False:",
        (
            "tests/courses/test_unpublished.py"
            "::test_a_lesson_of_an_unpublished_course_cannot_be_completed",
            "tests/courses/test_unpublished.py"
            "::test_a_quiz_of_an_unpublished_course_cannot_be_started",
        ),
    ),
)


def markdown_table(bugs) -> str:
    lines = ["| bug | behaviour | deliberate change | caught by |", "|---|---|---|---|"]
    for bug in bugs:
        change = f"`{bug.path}`: `{bug.original.strip()}` → `{bug.replacement.strip()}`"
        change = change.replace("|", "\\|")
        tests = "<br>".join(f"`{test}`" for test in bug.tests)
        if bug.postgres:
            tests += " (PostgreSQL)"
        lines.append(f"| `{bug.key}` | {bug.behaviour} | {change} | {tests} |")
    return "\n".join(lines)


def _copy_project(target: Path) -> None:
    ignored = shutil.ignore_patterns(
        ".git", ".venv", "var", "mutants", "__pycache__", "*.pyc", "artifacts", "out"
    )
    shutil.copytree(ROOT, target, ignore=ignored, symlinks=True)


def _pytest(copy: Path, tests: tuple[str, ...]) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1", HYPOTHESIS_PROFILE="ci")
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-x", "-n", "0", *tests],
        cwd=copy,
        env=env,
        capture_output=True,
        text=True,
    )


def _uses_postgres() -> bool:
    return os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", action="append", help="run this bug (by key) only")
    parser.add_argument("--list", action="store_true", help="list the bugs and their tests")
    parser.add_argument("--markdown", action="store_true", help="the table for docs/testing.md")
    args = parser.parse_args(argv)
    bugs = [bug for bug in BUGS if not args.only or bug.key in args.only]
    if args.markdown:
        print(markdown_table(bugs))
        return 0
    if args.list:
        for bug in bugs:
            print(f"{bug.key}: {bug.behaviour}\n  {bug.path}\n  caught by: {', '.join(bug.tests)}")
        return 0
    postgres = _uses_postgres()
    problems: list[str] = []
    rows: list[tuple[str, str]] = []
    with tempfile.TemporaryDirectory(prefix="deliberate-bugs-") as tmp:
        copy = Path(tmp) / "project"
        _copy_project(copy)
        for bug in bugs:
            if bug.postgres and not postgres:
                rows.append((bug.key, "not run: needs DATABASE_URL=postgres://..."))
                problems.append(f"{bug.key}: needs PostgreSQL")
                continue
            source = copy / bug.path
            text = source.read_text()
            if text.count(bug.original) != 1:
                rows.append((bug.key, "STALE: the original text is not found exactly once"))
                problems.append(f"{bug.key}: {bug.path} no longer contains the original text")
                continue
            clean = _pytest(copy, bug.tests)
            if clean.returncode != 0:
                rows.append((bug.key, "BROKEN: the tests fail without the bug"))
                problems.append(
                    f"{bug.key}: tests fail on the unchanged code\n{clean.stdout[-2000:]}"
                )
                continue
            source.write_text(text.replace(bug.original, bug.replacement))
            try:
                result = _pytest(copy, bug.tests)
            finally:
                source.write_text(text)
            if result.returncode == 1:
                failed = [
                    line.split(" ", 2)[1]
                    for line in result.stdout.splitlines()
                    if line.startswith("FAILED ")
                ]
                rows.append((bug.key, f"caught by {failed[0] if failed else 'a failing test'}"))
            elif result.returncode == 0:
                rows.append((bug.key, "NOT CAUGHT"))
                problems.append(f"{bug.key}: passes unnoticed")
            else:
                rows.append((bug.key, f"ERROR (pytest exit {result.returncode})"))
                problems.append(f"{bug.key}: pytest could not run\n{result.stdout[-2000:]}")
            print(f"{bug.key:28} {rows[-1][1]}", flush=True)
    print()
    for key, outcome in rows:
        print(f"{key:28} {outcome}")
    caught = sum(1 for _, outcome in rows if outcome.startswith("caught"))
    print(f"{caught} of {len(bugs)} deliberate bugs caught")
    for problem in problems:
        print(f"- {problem}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
