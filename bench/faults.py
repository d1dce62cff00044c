"""Fault test: restart PostgreSQL and kill an app worker under load; lose nothing.

    python -m bench.faults        (make fault-test)

Trainees autosave quiz answers continuously against gunicorn (production
settings, PostgreSQL, Redis). Mid-run PostgreSQL is restarted, later one
gunicorn worker is killed with SIGKILL, then every trainee submits. Checks:
during the outage requests fail with 503 (never 500) and succeed again without
restarting the app; every answer the server acknowledged is in the database
(or a later one sent by the same trainee); no attempt is half written; every
attempt is scored exactly once. Writes bench/fault-results.md; exits non-zero
when a check fails. Run it on a machine whose PostgreSQL you may restart.
"""

import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter

from bench.environment import ROOT, manage, recreate_database, run_module
from bench.exam import post, submit_fields

RESULTS = ROOT / "bench" / "fault-results.md"
TRAINEES = 20
DURATION = 30.0
RESTART_AT = 6.0
KILL_AT = 18.0


def restart_postgres() -> float:
    # FAULT_PG_CLUSTER="15 main" names the cluster serving BENCH_DATABASE_URL.
    version, name = os.environ.get(
        "FAULT_PG_CLUSTER", f"{sorted(os.listdir('/etc/postgresql'))[-1]} main"
    ).split()
    started = time.monotonic()
    subprocess.run(
        ["pg_ctlcluster", "--skip-systemctl-redirect", version, name, "restart"],
        check=True,
        capture_output=True,
    )
    return time.monotonic() - started


def worker_pids(master: int) -> list[int]:
    out = subprocess.run(
        ["pgrep", "-P", str(master)], capture_output=True, text=True
    ).stdout.split()
    return [int(pid) for pid in out]


def main():
    from bench.server import Gunicorn

    recreate_database()
    manage("migrate", "--noinput")
    manage("seed_demo", "--force")
    prepared = json.loads(run_module("bench.exam", "prepare", str(TRAINEES)))
    log = []  # (t, attempt, qid, choice, status)
    lock = threading.Lock()
    stop = threading.Event()
    events = {}

    with Gunicorn() as server:
        start = time.monotonic()

        def autosave(trainee, seed):
            rng = random.Random(seed)
            questions = trainee["questions"]
            i = 0
            while not stop.is_set():
                qid, choices = questions[i % len(questions)]
                choice = rng.choice(choices)
                status, _ = post(
                    server.url(trainee["save"]),
                    trainee["cookie"],
                    [("shown", str(qid)), (f"q{qid}", str(choice))],
                    json_reply=True,
                    timeout=10,
                )
                with lock:
                    log.append(
                        (time.monotonic() - start, trainee["attempt_id"], qid, choice, status)
                    )
                i += 1
                time.sleep(0.05)

        threads = [
            threading.Thread(target=autosave, args=(t, n))
            for n, t in enumerate(prepared["trainees"])
        ]
        for thread in threads:
            thread.start()
        time.sleep(RESTART_AT)
        events["postgres_restart_at"] = time.monotonic() - start
        events["postgres_restart_seconds"] = restart_postgres()
        time.sleep(max(0.0, KILL_AT - (time.monotonic() - start)))
        pids = worker_pids(server.process.pid)
        if pids:
            os.kill(pids[0], signal.SIGKILL)
            events["worker_killed_at"] = time.monotonic() - start
        time.sleep(max(0.0, DURATION - (time.monotonic() - start)))
        stop.set()
        for thread in threads:
            thread.join()
        submits = Counter()
        for trainee in prepared["trainees"]:
            fields = submit_fields(trainee, {})
            status, _ = post(server.url(trainee["submit"]), trainee["cookie"], fields)
            submits[status] += 1
        events["gunicorn_master_alive"] = server.process.poll() is None

    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as handle:
        json.dump({"prepared": prepared, "log": log}, handle)
    check = json.loads(run_module("bench.faults", "--verify", handle.name))
    statuses = Counter(status for *_rest, status in log)
    outage = [entry for entry in log if entry[4] != 200]
    after_outage = [
        entry
        for entry in log
        if entry[0] > events["postgres_restart_at"] + events["postgres_restart_seconds"] + 5
    ]
    recovered = bool(after_outage) and all(entry[4] in (200, 0) for entry in after_outage[-50:])
    problems = []
    if statuses.get(500):
        problems.append(f"{statuses[500]} responses were 500 (expected 503 during the outage)")
    if not recovered:
        problems.append("requests did not succeed again after the restart")
    if check["lost_answers"]:
        problems.append(f"{check['lost_answers']} acknowledged answers lost")
    if check["half_written"]:
        problems.append(f"{check['half_written']} half-written attempts")
    if check["not_scored"] or submits.get(302, 0) != TRAINEES:
        problems.append(f"submits: {dict(submits)}; not scored: {check['not_scored']}")
    first_fail = min((e[0] for e in outage), default=None)
    last_fail = max(
        (e[0] for e in outage if e[0] < events.get("worker_killed_at", 1e9)), default=None
    )
    lines = [
        "# Fault test: PostgreSQL restart and a killed worker under load",
        "",
        f"- {TRAINEES} trainees autosave quiz answers for {DURATION:.0f} s against gunicorn "
        "(2 workers, production settings, PostgreSQL, Redis).",
        f"- PostgreSQL restarted at {events['postgres_restart_at']:.1f} s "
        f"(took {events['postgres_restart_seconds']:.1f} s); one gunicorn worker killed "
        f"(SIGKILL) at {events.get('worker_killed_at', float('nan')):.1f} s; then every "
        "trainee submits.",
        f"- Responses: {dict(sorted(statuses.items()))} (0 = connection dropped by the killed "
        "worker).",
        f"- Failed requests between {first_fail or 0:.1f} s and {last_fail or 0:.1f} s; "
        f"recovered without restarting the app: {'yes' if recovered else 'NO'}; "
        f"gunicorn master still running: {events['gunicorn_master_alive']}.",
        f"- Acknowledged answers checked: {check['checked']}; lost: {check['lost_answers']}; "
        f"half-written attempts: {check['half_written']}; submits: {dict(submits)}; "
        f"attempts not scored: {check['not_scored']}.",
        "",
        f"Result: {'PASS' if not problems else 'FAIL: ' + '; '.join(problems)}",
        "",
    ]
    RESULTS.write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))
    if problems:
        sys.exit(1)


def verify(path: str) -> dict:
    """Every acknowledged save is in the database (or a later one of the same trainee)."""
    from bench.environment import setup_django

    setup_django()
    from learning.models import Answer, Attempt

    data = json.load(open(path, encoding="utf-8"))
    stored = {
        (a.attempt_id, a.question_id): a.selected_choice_ids
        for a in Answer.objects.filter(attempt__quiz_id=data["prepared"]["quiz_id"])
    }
    by_question: dict[tuple[int, int], list] = {}
    for t, attempt, qid, choice, status in sorted(data["log"]):
        by_question.setdefault((attempt, qid), []).append((t, choice, status))
    lost = checked = 0
    for key, sends in by_question.items():
        acked = [i for i, (_t, _c, status) in enumerate(sends) if status == 200]
        if not acked:
            continue
        checked += 1
        last = acked[-1]
        # The last acknowledged value, or a later send whose reply was lost.
        allowed = {sends[last][1]} | {c for _t, c, status in sends[last + 1 :] if status != 200}
        value = stored.get(key)
        if not value or value[0] not in allowed:
            lost += 1
    attempts = Attempt.objects.filter(quiz_id=data["prepared"]["quiz_id"])
    half = attempts.filter(status="submitted", score_percent__isnull=True).count()
    half += attempts.filter(status="in_progress", score_percent__isnull=False).count()
    return {
        "checked": checked,
        "lost_answers": lost,
        "half_written": half,
        "not_scored": attempts.exclude(status="submitted").count(),
    }


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--verify":
        print(json.dumps(verify(sys.argv[2])))
    else:
        main()
