import pytest
from django.core.cache import cache
from django.utils import translation


@pytest.fixture(autouse=True)
def _clean_state():
    # allauth rate limits live in the cache, and a request leaves its language
    # active in the thread; neither may leak from one test to the next.
    cache.clear()
    translation.activate("en")
    yield
    cache.clear()
    translation.activate("en")


@pytest.fixture
def course_tree(db):
    from tests import factories

    return factories.course(lessons=3)
