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
            "report_vs_sql",
            "reports",
            "by-country report time, as a multiple of the hand-written SQL's",
            "<=",
            1.5,
            "×",
        ),
        Target("exam_submit_p95", "exam_burst", "exam burst: submit latency p95", "<=", 1000, "ms"),
        Target(
            "certificate_warm_p50",
            "certificates",
            "certificate (es) warm render p50",
            "<=",
            50,
            "ms",
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
