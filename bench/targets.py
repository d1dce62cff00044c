"""The targets the benchmark is judged by: the one place they are written down.

bench/README.md lists the same targets (a test checks they agree); every
section reports its measured value under the target's key, and
``python -m bench.run --strict`` exits non-zero when one is missed or was not
measured.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Target:
    key: str
    section: str  # the bench section that measures it (see bench.run.sections_to_run)
    description: str
    comparison: str  # "<=" or ">="
    limit: float
    unit: str

    def met(self, value: float | None) -> bool:
        if value is None or value != value:  # not measured, or NaN
            return False
        return value <= self.limit if self.comparison == "<=" else value >= self.limit

    def text(self) -> str:
        """The target as README writes it: ``≤ 1000 ms``."""
        sign = "≤" if self.comparison == "<=" else "≥"
        return f"{sign} {self.limit:g} {self.unit}"

    def format(self, value: float | None) -> str:
        if value is None or value != value:
            return "not measured"
        return f"{value:.1f} {self.unit}"


TARGETS: dict[str, Target] = {
    t.key: t
    for t in (
        Target(
            "lesson_throughput",
            "http",
            "lesson page (signed in) throughput, as a share of the bare view's",
            ">=",
            25,
            "%",
        ),
        Target(
            "course_throughput",
            "http",
            "course page (signed in) throughput, as a share of the bare view's",
            ">=",
            25,
            "%",
        ),
        Target(
            "my_learning_throughput",
            "http",
            "My learning (signed in) throughput, as a share of the bare view's",
            ">=",
            25,
            "%",
        ),
        Target(
            "anonymous_throughput",
            "http",
            "slowest anonymous page (home, catalogue, course summary), share of the bare view's",
            ">=",
            50,
            "%",
        ),
        Target("lesson_queries", "query_counts", "queries on a lesson page", "<=", 8, "queries"),
        Target(
            "exam_submit_p95",
            "exam_burst",
            "exam burst, 1,000 submits within 10 s: submit latency p95",
            "<=",
            1000,
            "ms",
        ),
        Target(
            "exam_sustained_p95",
            "exam_burst",
            "exam burst, 3,000 submits within 30 s: submit latency p95",
            "<=",
            1000,
            "ms",
        ),
        Target(
            "report_vs_sql",
            "reports",
            "by-country report time, as a multiple of the hand-written SQL's (100,000 trainees)",
            "<=",
            1.5,
            "×",
        ),
        Target(
            "report_vs_sql_1m",
            "reports_1m",
            "by-country report time, as a multiple of the hand-written SQL's (1,000,000)",
            "<=",
            1.5,
            "×",
        ),
        Target(
            "indicators_vs_sql",
            "indicators",
            "Indicators report time (a fiscal year, every table), as a multiple of the "
            "hand-written SQL's",
            "<=",
            2,
            "×",
        ),
        Target(
            "report_seconds_1m",
            "reports_1m",
            "by-country report answer time at 1,000,000 trainees",
            "<=",
            2,
            "s",
        ),
        Target(
            "certificate_warm_p50",
            "certificates",
            "certificate (es) warm render p50",
            "<=",
            30,
            "ms",
        ),
        Target(
            "certificate_bulk",
            "certificates",
            "bulk certificates per second per core",
            ">=",
            50,
            "/s",
        ),
        Target(
            "export_peak",
            "exports",
            "all-trainees CSV/XLSX export: larger tracemalloc peak",
            "<=",
            32,
            "MB",
        ),
        Target(
            "xlsx_vs_csv",
            "exports",
            "all-trainees XLSX export time, as a multiple of the CSV's",
            "<=",
            2,
            "×",
        ),
        Target(
            "lesson_slow_3g",
            "slow_3g",
            "lesson text readable and styled on slow 3G (Chromium, signed in)",
            "<=",
            5,
            "s",
        ),
    )
}


def evaluate(measured: dict[str, float | None], sections: set[str] | None = None) -> list[dict]:
    """One row per target of the ``sections`` that ran (all when None): value and status."""
    rows = []
    for target in TARGETS.values():
        if sections is not None and target.section not in sections:
            continue
        value = measured.get(target.key)
        if value is None or value != value:
            status = "not measured"
        else:
            status = "met" if target.met(value) else "MISSED"
        rows.append({"target": target, "value": value, "status": status})
    return rows


def strict_failures(rows: list[dict]) -> list[str]:
    """What makes ``--strict`` fail: every target missed or not measured."""
    return [
        f"{row['target'].key}: {row['target'].format(row['value'])} (target {row['target'].text()})"
        for row in rows
        if row["status"] != "met"
    ]
