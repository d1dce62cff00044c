"""Content pages reach the learner parts through named hooks (core.page_hooks)."""

import pytest
from django.core.exceptions import ImproperlyConfigured
from wagtail import hooks

from core import page_hooks


def test_the_last_function_registered_under_a_name_is_called():
    with hooks.register_temporarily("test.slot", lambda x: f"first {x}"):
        with hooks.register_temporarily("test.slot", lambda x: f"second {x}"):
            assert page_hooks.call("test.slot", 1) == "second 1"


def test_an_unfilled_slot_is_a_set_up_error_that_names_it():
    with pytest.raises(ImproperlyConfigured, match="test.nobody"):
        page_hooks.call("test.nobody")


def test_every_slot_the_pages_call_is_filled():
    import re
    from pathlib import Path

    from learning.wagtail_hooks import PAGE_HOOKS

    root = Path(__file__).resolve().parents[2]
    called = set()
    for app in ("courses", "assessments"):
        for path in (root / app).rglob("*.py"):
            called |= set(re.findall(r'page_hooks\.call\(\s*"([\w.]+)"', path.read_text()))
    assert called and called <= set(PAGE_HOOKS)
    for name in called:
        assert hooks.get_hooks(name), name
