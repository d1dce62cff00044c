"""Mutation score per module and overall, from the results ``mutmut run`` left in mutants/.

    python ops/mutation_score.py              # table
    python ops/mutation_score.py --survivors  # and the name of every mutant not killed
    python ops/mutation_score.py --forget-survivors  # before a run: test them again
    python ops/mutation_score.py --sync-files        # before a run: refresh non-Python files

A mutant counts as killed when a test failed (or timed out: an infinite loop
is caught too). The score is killed / tested: survivors and mutants no test
reaches count against it; mutants an interrupted run did not reach yet are
shown as unchecked. ``mutmut show <name>`` prints a mutant's diff.

mutmut keeps every verdict in mutants/ and, on the next run, only tests the
mutants of functions that changed. A survivor stays a survivor even after a
test that kills it is added, so ``make mutate`` first forgets the survivors
(``--forget-survivors``): they are tested again with the current tests.

mutmut copies a source folder's other files (translation catalogues,
templates) into mutants/ only once, when they are missing there, so a catalogue
compiled later would be stale and the tests that read it fail before any
mutant runs; ``--sync-files`` copies every changed one again.
"""

import argparse
import json
import shutil
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# mutmut's exit codes (mutmut/stats.py): what each means for the score.
KILLED = {1, 3, 36, 37, -24, 24, 152, 255}  # failed, pytest error, timeout, type check
SURVIVED = {0}
NO_TESTS = {5, 33}
NOT_CHECKED = {None}


def modules() -> list[str]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    return config["tool"]["mutmut"]["only_mutate"]


def meta_path(module: str) -> Path:
    return ROOT / "mutants" / f"{module}.meta"


def results(module: str) -> dict[str, int | None]:
    meta = meta_path(module)
    if not meta.exists():
        return {}
    return json.loads(meta.read_text("utf-8"))["exit_code_by_key"]


def forget_survivors() -> int:
    """Marks every mutant not killed as not checked, so that ``mutmut run`` tests it again."""
    forgotten = 0
    for module in modules():
        meta = meta_path(module)
        if not meta.exists():
            continue
        data = json.loads(meta.read_text("utf-8"))
        codes = data["exit_code_by_key"]
        for name, code in codes.items():
            if code is not None and code not in KILLED:
                codes[name] = None
                forgotten += 1
        meta.write_text(json.dumps(data, indent=4), "utf-8")
    return forgotten


def sync_files() -> int:
    """Copies the non-Python files of the source folders into mutants/ where they differ."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    copied = 0
    for folder in config["tool"]["mutmut"]["source_paths"]:
        for source in sorted((ROOT / folder).rglob("*")):
            if not source.is_file() or source.suffix in {".py", ".pyc"}:
                continue
            target = ROOT / "mutants" / source.relative_to(ROOT)
            if target.exists() and target.read_bytes() == source.read_bytes():
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
            copied += 1
    return copied


def tally(codes) -> dict[str, int]:
    counts = {"killed": 0, "survived": 0, "no tests": 0, "not checked": 0, "other": 0}
    for code in codes:
        if code in KILLED:
            counts["killed"] += 1
        elif code in SURVIVED:
            counts["survived"] += 1
        elif code in NO_TESTS:
            counts["no tests"] += 1
        elif code in NOT_CHECKED:
            counts["not checked"] += 1
        else:
            counts["other"] += 1
    counts["total"] = sum(counts.values())
    return counts


def percent(counts: dict[str, int]) -> str:
    """Killed among the mutants tested (an interrupted run leaves some not checked)."""
    tested = counts["total"] - counts["not checked"]
    if not tested:
        return "-"
    return f"{100 * counts['killed'] / tested:.1f} %"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--survivors", action="store_true", help="list every mutant not killed")
    parser.add_argument(
        "--forget-survivors", action="store_true", help="mark them to be tested again, then exit"
    )
    parser.add_argument(
        "--sync-files",
        action="store_true",
        help="copy changed non-Python files of the source folders into mutants/, then exit",
    )
    args = parser.parse_args(argv)
    if args.sync_files:
        print(f"{sync_files()} non-Python files copied into mutants/.")
        return 0
    if args.forget_survivors:
        print(f"{forget_survivors()} mutants not killed will be tested again.")
        return 0

    by_module = {module: results(module) for module in modules()}
    if not any(by_module.values()):
        print("No mutation results in mutants/: run `make mutate` first.")
        return 1
    header = (
        f"{'module':28} {'killed':>6} {'survived':>8} {'no tests':>8} {'unchecked':>9}"
        f" {'total':>6} {'score':>8}"
    )
    print(header)
    print("-" * len(header))
    for module, codes in by_module.items():
        c = tally(codes.values())
        print(
            f"{module:28} {c['killed']:>6} {c['survived']:>8} {c['no tests']:>8} "
            f"{c['not checked']:>9} {c['total']:>6} {percent(c):>8}"
        )
    overall = tally(code for codes in by_module.values() for code in codes.values())
    print("-" * len(header))
    print(
        f"{'overall':28} {overall['killed']:>6} {overall['survived']:>8} "
        f"{overall['no tests']:>8} {overall['not checked']:>9} {overall['total']:>6} "
        f"{percent(overall):>8}"
    )
    if overall["not checked"] or overall["other"]:
        print(
            f"({overall['not checked']} not checked, {overall['other']} suspicious or crashed:"
            " run `make mutate` again)"
        )
    if args.survivors:
        print()
        for codes in by_module.values():
            for name, code in sorted(codes.items()):
                if code is not None and code not in KILLED:
                    label = "no tests" if code in NO_TESTS else "survived" if code == 0 else code
                    print(f"{name}  [{label}]")
    return 0


if __name__ == "__main__":
    sys.exit(main())
