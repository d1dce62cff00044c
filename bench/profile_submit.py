"""Where the CPU of one exam submit goes: ``python -m bench.profile_submit``.

Prepares trainees of the bench final exam as the exam burst does
(``bench.exam.prepare``: 20 questions, an open attempt and a session each),
then posts each trainee's submit once through the project's WSGI application
in this process, with production settings (bench environment: PostgreSQL,
Redis), exactly as ``bench.exam_client`` sends it. Every submit must answer
with the redirect to the result. It prints the CPU time of this process
(``time.process_time``) per submit, for passing submits (which also complete
the course and issue a certificate) and failing ones apart, the queries of
one of each, and a cProfile of a further set: the stages (inclusive) and the
functions with the most time of their own. The database's own work is not in
these figures (another process); it is in the query counts.
"""

import argparse
import cProfile
import io
import os
import pstats
import statistics
import sys
import time
from urllib.parse import urlencode

from bench.exam_client import CSRF, answers_for, form_fields
from bench.profile_page import STAGES as PAGE_STAGES
from bench.profile_page import print_profile as page_profile

STAGES = (
    *PAGE_STAGES[:6],
    ("CSRF", "django/middleware/csrf.py", "process_view"),
    ("page routing (Wagtail serve)", "wagtail/views.py", "serve"),
    ("submit view", "learning/quiz_views.py", "attempt_submit"),
    ("submit service", "learning/attempts.py", "attempt_submit"),
    ("form parsing", "learning/forms.py", "parse_answers"),
    ("scoring", "assessments/scoring.py", "score_attempt"),
    ("course completion", "learning/services.py", "enrollment_update_completion"),
    ("certificate", "certificates/services.py", "certificate_renew"),
    ("audit line", "certificates/services.py", "event_record"),
    ("URL building (reverse)", "django/urls/base.py", "reverse"),
    ("page URLs (Wagtail)", "wagtail/models/__init__.py", "get_url_parts"),
    ("messages", "django/contrib/messages/middleware.py", "process_response"),
)


def environ_for(trainee: dict, body: bytes) -> dict:
    """The WSGI environ of one submit, as the exam client sends it."""
    return {
        "REQUEST_METHOD": "POST",
        "PATH_INFO": trainee["submit"],
        "QUERY_STRING": "",
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "8000",
        "HTTP_HOST": "127.0.0.1:8000",
        "HTTP_COOKIE": trainee["cookie"],
        "HTTP_X_CSRFTOKEN": CSRF,
        "HTTP_REFERER": f"http://127.0.0.1:8000{trainee['submit']}",
        "CONTENT_TYPE": "application/x-www-form-urlencoded",
        "CONTENT_LENGTH": str(len(body)),
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(body),
        "wsgi.errors": sys.stderr,
        "wsgi.multithread": True,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
        "wsgi.version": (1, 0),
    }


def passes(prepared: dict, trainee: dict) -> bool:
    from bench.exam import PASS_MARK

    right = {qid: choice for qid, _choices, choice in prepared["questions"]}
    answers = answers_for(prepared, trainee)
    points = sum(1 for qid, choice in answers.items() if right[qid] == choice)
    return 100 * points >= PASS_MARK * len(answers)


class Submitter:
    """Posts submits through the WSGI application; remembers every status."""

    def __init__(self, prepared: dict):
        from django.core.wsgi import get_wsgi_application

        self.application = get_wsgi_application()
        self.prepared = prepared
        self.statuses: list[str] = []

    def start_response(self, status, headers):
        self.statuses.append(status)

    def __call__(self, trainee: dict) -> float:
        """Submits once; the CPU seconds it took."""
        body = urlencode(form_fields(answers_for(self.prepared, trainee))).encode()
        started = time.process_time()
        response = self.application(environ_for(trainee, body), self.start_response)
        for _chunk in response:
            pass
        if hasattr(response, "close"):
            response.close()
        spent = time.process_time() - started
        if not self.statuses[-1].startswith("302"):
            sys.exit(f"submit of attempt {trainee['attempt_id']}: {self.statuses[-1]}")
        return spent


def database_cpu() -> float | None:
    """CPU seconds used so far by this connection's PostgreSQL server process (same
    machine only), or None when it cannot be read."""
    from django.db import connection

    connection.ensure_connection()
    try:
        pid = connection.connection.info.backend_pid
        with open(f"/proc/{pid}/stat", encoding="ascii") as handle:
            fields = handle.read().rsplit(")", 1)[1].split()
    except (AttributeError, OSError):
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def queries_of(submit: Submitter, trainee: dict, *, show: bool = False) -> int:
    from django.db import connection, reset_queries

    connection.force_debug_cursor = True
    reset_queries()
    submit(trainee)
    count = len(connection.queries)
    connection.force_debug_cursor = False
    if show:
        for number, query in enumerate(connection.queries, start=1):
            print(f"{number:>3}. {query['sql'][:160]}", file=sys.stderr)
    return count


def print_profile(stats: pstats.Stats, count: int, top: int) -> None:
    page_profile(stats, count, top, stages=STAGES, unit="submit")


def summary(label: str, seconds: list[float]) -> str:
    if not seconds:
        return f"| {label} | 0 | - | - |"
    ms = sorted(1000 * s for s in seconds)
    return f"| {label} | {len(ms)} | {statistics.mean(ms):.2f} | {statistics.median(ms):.2f} |"


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--submits", type=int, default=300, help="timed without the profiler")
    parser.add_argument("--profiled", type=int, default=200, help="then under cProfile")
    parser.add_argument("--warmup", type=int, default=20)
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument("--label", default="profile", help="names the trainees (replaced)")
    parser.add_argument("--dump", help="also write the cProfile statistics to this file")
    parser.add_argument(
        "--sql", action="store_true", help="print a passing submit's statements (stderr)"
    )
    args = parser.parse_args(argv)

    from bench.environment import setup_django

    # As in the exam burst: e-mails are queued in the database, not sent here.
    os.environ.setdefault("DJANGO_TASKS_BACKEND", "database")
    setup_django()
    from bench.exam import prepare

    count = args.submits + args.profiled + 4
    prepared = prepare(count, args.label, args.warmup)
    submit = Submitter(prepared)
    for trainee in prepared["warmup"]:
        submit(trainee)
    trainees = prepared["trainees"]
    first_pass = next(t for t in trainees[:4] if passes(prepared, t))
    first_fail = next((t for t in trainees[4:] if not passes(prepared, t)), None)
    queries = {"pass": queries_of(submit, first_pass, show=args.sql)}
    if first_fail is not None:
        trainees = [t for t in trainees if t is not first_fail]
        queries["fail"] = queries_of(submit, first_fail)
    queries["again"] = queries_of(submit, first_pass)  # a resubmit: the stored result
    timed = [t for t in trainees[4:] if t is not first_pass][: args.submits]
    profiled = [t for t in trainees[4:] if t is not first_pass][args.submits :]
    cpu = {"pass": [], "fail": []}
    database_ms = {}
    for kind in cpu:
        group = [t for t in timed if passes(prepared, t) == (kind == "pass")]
        before = database_cpu()
        for trainee in group:
            cpu[kind].append(submit(trainee))
        if group and before is not None:
            database_ms[kind] = 1000 * (database_cpu() - before) / len(group)
    profile = cProfile.Profile()
    profile.enable()
    for trainee in profiled:
        submit(trainee)
    profile.disable()
    if args.dump:
        profile.dump_stats(args.dump)

    print(f"# Exam submit: {len(prepared['questions'])} questions, one process\n")
    print(
        f"{len(timed)} submits timed after {len(prepared['warmup'])} warm-up submits, "
        "production settings; CPU of this process (time.process_time) and of its "
        "database server process (/proc), per submit.\n"
    )
    print("| submit | submits | mean CPU ms | median CPU ms | database server CPU ms |")
    print("|---|---:|---:|---:|---:|")
    for label, kind in (("passing (certificate issued)", "pass"), ("failing", "fail")):
        server = database_ms.get(kind)
        print(summary(label, cpu[kind]) + (f" {server:.1f} |" if server is not None else " - |"))
    print(
        f"\nQueries: {queries['pass']} for a passing submit, {queries.get('fail', '-')} for "
        f"a failing one, {queries['again']} for a resubmit.\n"
    )
    if profiled:
        print(f"cProfile of {len(profiled)} more submits (passing and failing):\n")
        print_profile(pstats.Stats(profile), len(profiled), args.top)


if __name__ == "__main__":
    main()
