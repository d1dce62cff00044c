"""Which bench sections a run takes (bench/run.py): no database, no server."""

from bench.run import sections_to_run


def test_smoke_run_leaves_out_the_million_trainee_section():
    assert "reports_1m" in sections_to_run(None)
    assert "reports_1m" not in sections_to_run(None, smoke=True)
    assert "reports" in sections_to_run(None, smoke=True)


def test_million_trainee_section_runs_alone_when_named():
    assert list(sections_to_run("reports_1m")) == ["reports_1m"]
