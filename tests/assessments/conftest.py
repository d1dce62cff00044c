"""Fixtures shared by the attempt tests (modules that define their own keep them)."""

import pytest

from tests import factories
from tests.assessments import helpers


@pytest.fixture
def course():
    return factories.course(lessons=1)


@pytest.fixture
def exam(course):
    return helpers.quiz(course)
