"""Which bench sections a run takes (bench/run.py): no database, no server."""

from bench.run import sections_to_run


def test_smoke_run_leaves_out_the_million_trainee_section():
    assert "reports_1m" in sections_to_run(None)
    assert "reports_1m" not in sections_to_run(None, smoke=True)
    assert "reports" in sections_to_run(None, smoke=True)


def test_million_trainee_section_runs_alone_when_named():
    assert list(sections_to_run("reports_1m")) == ["reports_1m"]


def test_million_trainee_section_points_its_child_processes_at_its_database(monkeypatch):
    from bench import environment
    from bench.report_timing import env_1m

    env = env_1m()
    assert env["DATABASE_URL"].endswith(f"/{environment.BENCH_DB}_1m")
    # A child process (bench.generate, bench/reports.py) rebuilds its environment with
    # bench_env() from what it inherited: it must land on the same database.
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    assert environment.bench_env()["DATABASE_URL"] == env["DATABASE_URL"]
