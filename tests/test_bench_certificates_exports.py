"""The certificates and exports sections record what their targets judge (no database)."""

import json

from bench import sections


def test_certificates_section_records_the_warm_render_and_the_bulk_rate(monkeypatch):
    timing = {
        "first_ms": 400.0,
        "warm_p50_ms": 21.0,
        "warm_p95_ms": 24.0,
        "bulk_per_second_per_core": 42.5,
        "baseline_p50_ms": 5.0,
        "renders": 60,
    }
    monkeypatch.setattr(sections, "run_module", lambda *args: json.dumps(timing))
    section = sections.certificates(smoke=False)
    assert section["measured"] == {"certificate_warm_p50": 21.0, "certificate_bulk": 42.5}
    bulk = next(line for line in section["lines"] if line.startswith("| bulk"))
    assert "42.5 certificates/s per core" in bulk and "MISSED (≥ 50 /s)" in bulk


def test_exports_section_records_the_xlsx_time_as_a_multiple_of_the_csvs(monkeypatch):
    def export(seconds):
        return {
            "seconds": seconds,
            "bytes": 1024 * 1024,
            "tracemalloc_peak_mb": 3.0,
            "maxrss_delta_mb": 1.0,
            "maxrss_mb": 90.0,
        }

    data = {
        "rows": 100000,
        "csv_rows_ok": True,
        "query_seconds": 8.0,
        "csv": export(10.0),
        "xlsx": export(12.5),
    }
    monkeypatch.setattr(sections, "run_module", lambda *args: json.dumps(data))
    section = sections.exports(smoke=False)
    assert section["measured"] == {"export_peak": 3.0, "xlsx_vs_csv": 1.25}
    assert not section["failed"]
    assert any("1.25 × (met (≤ 2 ×))" in line for line in section["lines"])
