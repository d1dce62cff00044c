"""The benchmark harness's own arithmetic and checks (bench/): no database, no server."""

import re
import shutil
import socket
import statistics
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs

import pytest

import bench.exam_client
from bench.exam import problems as exam_problems
from bench.exam_client import answers_for, summarise
from bench.exam_client import burst as exam_burst
from bench.load import WrkError, parse_wrk_output, wrk
from bench.pages import Page, check_page, interleave, page_title
from bench.report import run_problems, run_section
from bench.sections import exam_bursts
from bench.stats import format_percent, format_spread, percentile, spread
from bench.targets import TARGETS, evaluate, strict_failures

README = Path(__file__).resolve().parent.parent / "bench" / "README.md"
LOGOUT = "/es/accounts/logout/"


# Percentiles (inclusive method: position p·(n−1), linear between neighbours).


def test_percentile_of_ten_values_is_not_their_maximum():
    values = [10, 1, 9, 2, 8, 3, 7, 4, 6, 5]  # 1..10 shuffled
    # position 0.95 × 9 = 8.55 → 9 + 0.55 × (10 − 9)
    assert percentile(values, 0.95) == pytest.approx(9.55)
    # position 0.5 × 9 = 4.5 → between 5 and 6
    assert percentile(values, 0.50) == pytest.approx(5.5)
    assert percentile(values, 0) == 1
    assert percentile(values, 1) == 10


def test_percentile_of_thirty_values():
    values = [float(v) for v in range(1, 31)]
    # position 0.95 × 29 = 27.55 → 28 + 0.55 × (29 − 28); the old code returned 28
    assert percentile(values, 0.95) == pytest.approx(28.55)
    assert percentile(values, 0.95) == pytest.approx(
        statistics.quantiles(values, n=100, method="inclusive")[94]
    )


def test_percentile_of_small_runs():
    assert percentile([7.0], 0.95) == 7.0
    # two values: position 0.95 → 100 + 0.95 × (200 − 100)
    assert percentile([200, 100], 0.95) == pytest.approx(195)
    # three values: position 1.9 → 20 + 0.9 × (40 − 20)
    assert percentile([40, 10, 20], 0.95) == pytest.approx(38)


def test_percentile_refuses_nonsense():
    with pytest.raises(ValueError):
        percentile([], 0.95)
    with pytest.raises(ValueError):
        percentile([1, 2], 95)


def test_exam_summary_percentiles_and_errors():
    results = [(302, s / 1000) for s in range(100, 1100, 100)]  # 100 … 1000 ms
    results.append((500, 2.0))  # an error still counts in the latency it cost
    summary = summarise(results)
    assert summary["submits"] == 11
    assert summary["errors"] == 1
    assert summary["ok"] == 10
    # 11 values 100..1000, 2000: p95 position 9.5 → 1000 + 0.5 × 1000
    assert summary["p95_ms"] == pytest.approx(1500)
    assert summary["p50_ms"] == pytest.approx(600)
    assert summary["max_ms"] == pytest.approx(2000)
    one = summarise([(303, 0.25)])
    assert one["p95_ms"] == pytest.approx(250) and one["errors"] == 0


# Ratios and spread.


def test_ratios_print_as_percent_with_one_decimal():
    assert format_percent(0.025) == "2.5 %"
    assert format_percent(14 / 1722) == "0.8 %"
    assert format_percent(1) == "100.0 %"
    assert format_percent(float("nan")) == "n/a"


def test_baseline_spread_against_its_median():
    runs = [2000, 1800, 2200, 1900, 2100]
    s = spread(runs)
    assert s["median"] == 2000 and s["min"] == 1800 and s["max"] == 2200
    assert s["below"] == pytest.approx(-0.10) and s["above"] == pytest.approx(0.10)
    assert format_spread(runs, "req/s") == (
        "1800–2200 req/s (−10.0 % / +10.0 % of the median 2000)"
    )


def test_baseline_runs_before_between_and_after_the_pages():
    assert interleave("B", ["a", "b", "c"]) == ["B", "a", "B", "b", "B", "c", "B"]


# wrk's report.


def wrk_line(**fields):
    data = {
        "requests": 100,
        "duration_us": 2_000_000,
        "errors": 0,
        "non2xx": 0,
        "first_non2xx": 0,
        "unmarked": 0,
        "p50_us": 5000,
        "p95_us": 9000,
        "p99_us": 12000,
    }
    data.update(fields)
    import json

    return "Running 2s test\n  2 threads\n" + json.dumps(data) + "\n"


def test_wrk_report_parsed():
    result = parse_wrk_output(wrk_line())
    assert result["rps"] == pytest.approx(50)
    assert (result["p50"], result["p95"], result["p99"]) == (5, 9, 12)
    assert result["errors"] == 0 and result["failure"] is None


def test_wrk_redirects_are_errors():
    result = parse_wrk_output(wrk_line(non2xx=100, first_non2xx=302))
    assert result["errors"] == 100
    assert result["failure"] == "100 of 100 answers were not 2xx (first: 302)"


def test_wrk_answers_without_the_required_text_are_errors():
    result = parse_wrk_output(wrk_line(unmarked=3))
    assert result["errors"] == 3
    assert "3 of 100 answers lacked" in result["failure"]


def test_wrk_socket_errors_and_empty_runs_fail():
    assert parse_wrk_output(wrk_line(errors=2))["failure"] == "2 socket errors or timeouts"
    assert parse_wrk_output(wrk_line(requests=0))["failure"] == "no request completed"
    with pytest.raises(WrkError):
        parse_wrk_output("unable to connect to 127.0.0.1:1 Connection refused\n")


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path == "/redirect":
            self.send_response(302)
            self.send_header("Location", "/es/accounts/login/")
            body = b""
        else:
            self.send_response(200)
            marker = f'<form action="{LOGOUT}">' if self.path == "/signed-in" else ""
            body = f"<html><title>Lesson</title>{marker}</html>".encode()
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def tiny_server():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.mark.skipif(shutil.which("wrk") is None, reason="wrk is not installed")
def test_wrk_script_counts_redirects_and_signed_out_answers(tiny_server):
    marker = f'action="{LOGOUT}"'
    ok = wrk(tiny_server + "/signed-in", duration=1, connections=2, must_contain=marker)
    assert ok["requests"] > 0 and ok["errors"] == 0 and ok["failure"] is None
    redirected = wrk(tiny_server + "/redirect", duration=1, connections=2)
    assert redirected["errors"] == redirected["requests"] > 0
    assert "(first: 302)" in redirected["failure"]
    signed_out = wrk(tiny_server + "/signed-out", duration=1, connections=2, must_contain=marker)
    assert signed_out["errors"] == signed_out["requests"] > 0
    assert "lacked" in signed_out["failure"]


# What a page must show before it is timed.

LESSON = Page("lesson", "/es/lesson/", "sessionid=x", title="Seguir el rastro", signed_in=True)
SIGNED_IN_BODY = (
    "<html><head><title>Seguir el rastro del dinero · Formación en Justicia</title></head>"
    f'<body><form method="post" action="{LOGOUT}"></form></body></html>'
)


def test_the_page_meant_passes():
    assert check_page(LESSON, 200, SIGNED_IN_BODY, logout_path=LOGOUT) == []


def test_a_redirect_to_sign_in_fails_the_page():
    assert check_page(LESSON, 302, "", logout_path=LOGOUT) == ["/es/lesson/ answered 302, not 200"]


def test_the_wrong_title_fails_the_page():
    body = SIGNED_IN_BODY.replace("Seguir el rastro del dinero", "Iniciar sesión")
    assert check_page(LESSON, 200, body, logout_path=LOGOUT) == [
        "/es/lesson/ title is 'Iniciar sesión · Formación en Justicia', "
        "not containing 'Seguir el rastro'"
    ]
    assert check_page(LESSON, 200, "<p>no title</p>" + SIGNED_IN_BODY[-80:], logout_path=LOGOUT)


def test_a_signed_out_page_fails_where_signed_in_is_meant_and_vice_versa():
    body = SIGNED_IN_BODY.replace(f'action="{LOGOUT}"', 'action="/es/search/"')
    assert check_page(LESSON, 200, body, logout_path=LOGOUT) == [
        "/es/lesson/ is not signed in (no sign-out form)"
    ]
    anonymous = Page("catalogue", "/es/cursos/", title="Seguir", signed_in=False)
    assert check_page(anonymous, 200, SIGNED_IN_BODY, logout_path=LOGOUT) == [
        "/es/cursos/ is signed in but should be anonymous"
    ]


def test_the_baseline_must_be_the_bare_view():
    bare = Page("bare", "/bench/bare/", body="ok")
    assert check_page(bare, 200, "ok", logout_path=LOGOUT) == []
    assert check_page(bare, 200, "<html>Not found</html>", logout_path=LOGOUT)


def test_page_title_unescapes_and_collapses_whitespace():
    assert page_title("<TITLE>\n  Curso &amp; m\u00e1s\n</TITLE>") == "Curso & más"
    assert page_title("<p>none</p>") is None


# Every section can fail, and the run fails when one does.


def test_a_section_that_raises_becomes_a_failed_section():
    def broken(*, smoke):
        raise RuntimeError("wrk is not installed")

    section = run_section("http", broken, smoke=True)
    assert section["failed"] is True
    assert section["failures"] == ["RuntimeError: wrk is not installed"]
    assert section["measured"] == {}


def test_the_run_fails_on_any_failed_section_and_strict_on_missed_targets():
    passing = {"title": "Reports", "failed": False, "failures": []}
    failing = {"title": "HTTP", "failed": True, "failures": ["lesson: answered 302, not 200"]}
    met = evaluate({"report_vs_sql": 1.2}, {"reports"})
    missed = evaluate({"report_vs_sql": 1.7}, {"reports"})
    assert run_problems({"sections": [passing], "targets": missed}, strict=False) == []
    assert run_problems({"sections": [passing], "targets": met}, strict=True) == []
    assert run_problems({"sections": [passing], "targets": missed}, strict=True) == [
        "target missed: report_vs_sql: 1.7 × (target ≤ 1.5 ×)"
    ]
    assert run_problems({"sections": [passing, failing], "targets": met}, strict=False) == [
        "HTTP: lesson: answered 302, not 200"
    ]


# Targets: one list in code, the same in the README.


def test_targets_met_and_missed_at_their_limits():
    assert TARGETS["exam_submit_p95"].met(1000) and not TARGETS["exam_submit_p95"].met(1000.1)
    assert TARGETS["lesson_throughput"].met(25) and not TARGETS["lesson_throughput"].met(24.9)
    assert not TARGETS["lesson_slow_3g"].met(None)
    assert not TARGETS["lesson_slow_3g"].met(float("nan"))


def test_strict_counts_a_target_not_measured_as_missed():
    rows = evaluate({"lesson_slow_3g": 1.2}, {"slow_3g", "exam_burst"})
    assert {row["target"].key: row["status"] for row in rows} == {
        "exam_submit_p95": "not measured",
        "exam_sustained_p95": "not measured",
        "lesson_slow_3g": "met",
    }
    assert strict_failures(rows) == [
        "exam_submit_p95: not measured (target ≤ 1000 ms)",
        "exam_sustained_p95: not measured (target ≤ 1000 ms)",
    ]
    assert len(evaluate({})) == len(TARGETS)


def test_readme_lists_the_targets_the_code_checks():
    text = README.read_text(encoding="utf-8")
    section = text.split("\n## Targets\n", 1)[1].split("\n## ", 1)[0]
    listed = {
        match.group(1): match.group(2).strip()
        for match in re.finditer(r"^\| `([a-z0-9_]+)` \|[^|]*\| ([^|]+) \|", section, re.M)
    }
    assert listed == {key: target.text() for key, target in TARGETS.items()}


# The exam burst: which bursts run, its client, its checks.


def test_full_run_records_both_exam_bursts_and_the_smoke_run_a_small_one():
    assert exam_bursts(smoke=False, trainees=None, window=None) == [
        (1000, 10.0, "exam_submit_p95"),
        (3000, 30.0, "exam_sustained_p95"),
    ]
    # Too small to judge a target by, but every integrity check still runs.
    assert exam_bursts(smoke=True, trainees=None, window=None) == [(30, 3.0, None)]


def test_exam_options_make_one_burst_judged_only_at_a_targets_size():
    assert exam_bursts(smoke=False, trainees=3000, window=30) == [
        (3000, 30.0, "exam_sustained_p95")
    ]
    assert exam_bursts(smoke=True, trainees=1000, window=None) == [(1000, 10.0, "exam_submit_p95")]
    assert exam_bursts(smoke=False, trainees=500, window=5) == [(500, 5.0, None)]
    assert exam_bursts(smoke=False, trainees=None, window=20) == [(1000, 20.0, None)]


def test_every_broken_exam_check_is_a_problem():
    clean = {"duplicates": 0, "lost_answers": 0, "not_submitted": 0, "wrong_scores": 0}
    assert exam_problems({"errors": 0, "p95_ms": 900}, {**clean, "certificates": 7}) == []
    found = exam_problems(
        {"errors": 2},
        {**clean, "wrong_scores": 1, "certificate_errors": 3, "emails_missing": 4},
    )
    assert found == [
        "2 submits did not redirect to the result",
        "1 attempts were scored wrongly",
        "3 trainees have a certificate they should not have, or lack one",
        "4 certificates have no e-mail queued",
    ]


def exam_prepared(trainees: int) -> dict:
    questions = [[q, [10 * q + c for c in range(4)], 10 * q] for q in range(1, 21)]
    return {
        "quiz_id": 1,
        "questions": questions,
        "trainees": [
            {
                "user_id": n,
                "attempt_id": n,
                "cookie": "sessionid=s; csrftoken=t",
                "submit": f"/es/exam/attempt/{n}/submit/",
            }
            for n in range(trainees)
        ],
    }


def test_exam_answers_are_the_same_every_time_and_mostly_right():
    prepared = exam_prepared(200)
    first = [answers_for(prepared, t) for t in prepared["trainees"]]
    assert first == [answers_for(prepared, t) for t in prepared["trainees"]]
    right = sum(answers[q] == 10 * q for answers in first for q in answers) / (200 * 20)
    assert 0.7 < right < 0.8
    assert all(sorted(answers) == list(range(1, 21)) for answers in first)


class SubmitHandler(BaseHTTPRequestHandler):
    """Answers each submit with the redirect to the result after 0.2 s."""

    seen: list = []

    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"])).decode()
        SubmitHandler.seen.append((self.path, self.headers["X-CSRFToken"], body))
        time.sleep(0.2)
        self.send_response(302)
        self.send_header("Location", self.path.replace("submit/", "review/"))
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


def test_exam_submits_are_timed_from_their_scheduled_moment(monkeypatch):
    # A client that holds one connection at a time: four submits due at once
    # wait for each other in the client, and that waiting counts.
    monkeypatch.setattr(bench.exam_client, "open_limit", lambda: 1)
    server = ThreadingHTTPServer(("127.0.0.1", 0), SubmitHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    SubmitHandler.seen = []
    try:
        prepared = exam_prepared(4)
        result = exam_burst(f"http://127.0.0.1:{server.server_address[1]}", prepared, window=0)
    finally:
        server.shutdown()
        server.server_close()
    assert result["submits"] == 4 and result["errors"] == 0
    # Answered 0.2, 0.4, 0.6 and 0.8 s after the moment all four were due.
    assert result["max_ms"] >= 780 and result["p50_ms"] >= 480
    assert sorted(path for path, _token, _body in SubmitHandler.seen) == sorted(
        t["submit"] for t in prepared["trainees"]
    )
    for path, token, body in SubmitHandler.seen:
        trainee = next(t for t in prepared["trainees"] if t["submit"] == path)
        sent = parse_qs(body)
        assert token and sent["shown"] == [str(q) for q in range(1, 21)]
        assert {int(k[1:]): int(v[0]) for k, v in sent.items() if k != "shown"} == answers_for(
            prepared, trainee
        )


def test_an_exam_submit_that_finds_no_server_is_an_error():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # closed again before the burst: nobody listens
    result = exam_burst(f"http://127.0.0.1:{port}", exam_prepared(3), window=0)
    assert result["submits"] == 3 and result["errors"] == 3
