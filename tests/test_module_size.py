"""No Python module in the project is over 500 lines (migrations are generated, so exempt)."""

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIMIT = 500
#: Folders never walked: the virtualenv, generated migrations, mutation-testing
#: copies and local run output.
SKIPPED = {".venv", ".git", "migrations", "mutants", "var"}


def line_count(path: Path) -> int:
    return len(path.read_bytes().splitlines())


def oversized(root: Path = ROOT, limit: int = LIMIT) -> list[tuple[str, int]]:
    """(path relative to ``root``, lines) of every .py file over ``limit`` lines."""
    found = []
    for folder, subfolders, files in os.walk(root):
        subfolders[:] = sorted(name for name in subfolders if name not in SKIPPED)
        for name in sorted(files):
            if name.endswith(".py"):
                path = Path(folder) / name
                lines = line_count(path)
                if lines > limit:
                    found.append((path.relative_to(root).as_posix(), lines))
    return found


def test_no_module_is_over_500_lines():
    offenders = oversized()
    assert not offenders, f"Modules over {LIMIT} lines (split them by topic):\n" + "\n".join(
        f"  {path}: {lines} lines" for path, lines in offenders
    )


def test_the_walk_skips_migrations_mutants_and_var(tmp_path):
    long = "x = 1\n" * (LIMIT + 1)
    for folder in ("app/migrations", "mutants/app", "var", ".venv/lib"):
        (tmp_path / folder).mkdir(parents=True)
        (tmp_path / folder / "long.py").write_text(long)
    (tmp_path / "app" / "exactly.py").write_text("x = 1\n" * LIMIT)
    assert oversized(tmp_path) == []
    (tmp_path / "app" / "views.py").write_text(long)
    assert oversized(tmp_path) == [("app/views.py", LIMIT + 1)]
