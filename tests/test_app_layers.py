"""The apps' import graph is a DAG (imports inside functions count).

Learners' records live in `learning`, above the content apps; pages reach
their learner parts through `core.page_hooks`, never by importing it.
"""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APPS = [
    "accounts",
    "assessments",
    "certificates",
    "config",
    "core",
    "courses",
    "demo",
    "learning",
    "privacy",
    "reports",
]
KNOWN_CIRCLES: set[tuple[str, ...]] = set()


def app_imports() -> dict[str, set[str]]:
    edges: dict[str, set[str]] = {app: set() for app in APPS}
    for app in APPS:
        for path in (ROOT / app).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            for node in ast.walk(ast.parse(path.read_text())):
                if isinstance(node, ast.Import):
                    names = [alias.name for alias in node.names]
                elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                    names = [node.module]
                else:
                    continue
                edges[app].update(
                    top for top in (name.split(".")[0] for name in names) if top in APPS
                )
        edges[app].discard(app)
    return edges


def circles(edges: dict[str, set[str]]) -> set[tuple[str, ...]]:
    """Every simple cycle, written from its smallest app name onwards."""
    found = set()

    def walk(start, node, path):
        for nxt in sorted(edges[node]):
            if nxt == start:
                found.add(tuple(path))
            elif nxt not in path and nxt > start:
                walk(start, nxt, [*path, nxt])

    for app in edges:
        walk(app, app, [app])
    return found


def test_the_cycle_finder_finds_each_simple_cycle_once():
    assert circles({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == {("a", "b", "c")}
    assert circles({"a": {"b"}, "b": set(), "c": {"a"}}) == set()
    assert circles({"a": {"b", "c"}, "b": {"a"}, "c": {"a"}}) == {("a", "b"), ("a", "c")}


def test_no_new_import_circle_between_apps():
    assert circles(app_imports()) == KNOWN_CIRCLES


def test_core_and_accounts_import_no_app_above_them():
    edges = app_imports()
    assert edges["core"] == set()
    assert edges["accounts"] <= {"core"}
