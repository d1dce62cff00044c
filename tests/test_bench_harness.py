"""The benchmark harness's own arithmetic and checks (bench/): no database, no server."""

import re
import shutil
import statistics
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from bench.exam import summarise
from bench.load import WrkError, parse_wrk_output, wrk
from bench.pages import Page, check_page, interleave, page_title
from bench.report import run_problems, run_section
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
