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
    "evaluation",
    "learning",
    "privacy",
    "reports",
    "vetting",
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


def test_the_app_import_graph_has_no_circle():
    assert circles(app_imports()) == KNOWN_CIRCLES


#: The layers, bottom up: an app may import only apps of lower layers.
LAYERS = [
    {"core"},
    {"accounts"},
    {"courses"},
    {"assessments", "vetting"},
    {"learning"},
    {"certificates", "evaluation"},
    {"reports", "privacy", "demo"},
    {"config"},
]


def test_each_app_imports_only_the_layers_below_it():
    layer_of = {app: n for n, layer in enumerate(LAYERS) for app in layer}
    assert set(layer_of) == set(APPS)
    upward = {
        (app, other)
        for app, others in app_imports().items()
        for other in others
        if layer_of[other] >= layer_of[app]
    }
    assert upward == set()


#: Apps other apps reach only through their ``api.py`` (core is a library;
#: config is the project's wiring).
DOORS = {
    "accounts",
    "courses",
    "assessments",
    "learning",
    "certificates",
    "vetting",
    "evaluation",
}


def imports_past_the_door() -> list[str]:
    found = []
    for app in APPS:
        if app == "config":
            continue
        for path in (ROOT / app).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            for node in ast.walk(ast.parse(path.read_text())):
                modules = []
                if isinstance(node, ast.Import):
                    modules = [alias.name for alias in node.names]
                elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                    modules = [node.module]
                for module in modules:
                    top, _, rest = module.partition(".")
                    if top in DOORS and top != app and rest != "api":
                        found.append(f"{path.relative_to(ROOT)}: {module}")
    return found


def test_apps_reach_each_other_through_their_api_only():
    assert imports_past_the_door() == []


def test_the_door_check_sees_an_import_past_the_door(tmp_path, monkeypatch):
    app = tmp_path / "reports"
    app.mkdir()
    (app / "bad.py").write_text("from learning.models import Enrollment\n")
    for other in APPS:
        if other != "reports":
            (tmp_path / other).mkdir()
    monkeypatch.setitem(globals(), "ROOT", tmp_path)
    assert imports_past_the_door() == ["reports/bad.py: learning.models"]


def test_core_and_accounts_import_no_app_above_them():
    edges = app_imports()
    assert edges["core"] == set()
    assert edges["accounts"] <= {"core"}
