"""The deliberate-bug catalogue cannot go stale: every bug still applies and names real tests."""

import ast
from pathlib import Path

import pytest

from tests.deliberate_bugs import BUGS, ROOT, markdown_table


def _test_functions(path: Path) -> set[str]:
    tree = ast.parse(path.read_text())
    return {
        node.name
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.name.startswith("test")
    }


@pytest.mark.parametrize("bug", BUGS, ids=[bug.key for bug in BUGS])
def test_each_bug_still_applies_to_exactly_one_place(bug):
    source = (ROOT / bug.path).read_text()
    assert source.count(bug.original) == 1
    assert bug.replacement != bug.original


@pytest.mark.parametrize("bug", BUGS, ids=[bug.key for bug in BUGS])
def test_each_bug_names_tests_that_exist(bug):
    assert bug.tests
    for node in bug.tests:
        path, _, name = node.partition("::")
        assert name.split("[")[0] in _test_functions(ROOT / path), node


def test_keys_are_unique_and_the_docs_show_the_current_table():
    keys = [bug.key for bug in BUGS]
    assert len(keys) == len(set(keys))
    assert len(keys) >= 14
    assert markdown_table(BUGS) in (ROOT / "docs/testing.md").read_text()
