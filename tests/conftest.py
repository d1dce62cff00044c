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


def restore_wagtail_baseline(sender=None, **kwargs):
    """What Wagtail's migrations create (locale, root page, default site), if missing.

    A transactional test ends by flushing the database; the tests that run
    after it (here or in other apps) expect the freshly migrated state.
    """
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Locale, Page, Site

    if Page.objects.filter(depth=1).exists():
        return
    # A flush recreated the content types with new ids: forget the cached ones.
    ContentType.objects.clear_cache()
    Locale.objects.get_or_create(language_code="en")
    with translation.override("en"):
        root = Page.add_root(instance=Page(title="Root", slug="root"))
        home = root.add_child(instance=Page(title="Welcome", slug="welcome"))
    Site.objects.get_or_create(
        hostname="localhost", defaults={"root_page": home, "is_default_site": True}
    )


@pytest.fixture(scope="module")
def _baseline_after_flush():
    # The flush ending each transactional test emits post_migrate: put the
    # baseline back, including after the module's last test.
    from django.db.models.signals import post_migrate

    post_migrate.connect(restore_wagtail_baseline, dispatch_uid="tests-wagtail-baseline")
    yield
    post_migrate.disconnect(dispatch_uid="tests-wagtail-baseline")


@pytest.fixture
def wagtail_baseline(_baseline_after_flush, db):
    """For transactional tests: Wagtail's migrated pages exist before and after."""
    restore_wagtail_baseline()
