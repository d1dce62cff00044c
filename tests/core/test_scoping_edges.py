"""Who counts as a trainee (accounts.scoping): each staff mark on its own keeps an account out.

Here rather than in tests/accounts so that the mutation run, which selects tests/core,
runs it.
"""

import pytest

from accounts.scoping import trainees
from tests import factories

pytestmark = pytest.mark.django_db


def test_the_staff_flag_alone_or_administrator_alone_is_not_a_trainee():
    trainee = factories.trainee(code="HN")
    flagged = factories.user(is_staff=True)
    administrator = factories.user(is_superuser=True, is_staff=False)
    assert list(trainees()) == [trainee]
    assert flagged not in trainees()
    assert administrator not in trainees()


def test_no_user_at_all_sees_no_trainee_and_no_country():
    from accounts.scoping import countries_visible_to, trainees_visible_to

    factories.trainee(code="HN")
    assert list(trainees_visible_to(None)) == []
    assert list(countries_visible_to(None)) == []


def test_no_user_or_an_anonymous_one_does_not_see_all_countries():
    from django.contrib.auth.models import AnonymousUser

    from accounts.scoping import sees_all_countries

    assert sees_all_countries(None) is False
    assert sees_all_countries(AnonymousUser()) is False
