import pytest

from accounts.scoping import countries_visible_to, trainees_visible_to
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def people():
    hn_trainee = factories.trainee(code="HN")
    gt_trainee = factories.trainee(code="GT")
    hn = hn_trainee.country
    return {
        "hn_trainee": hn_trainee,
        "gt_trainee": gt_trainee,
        "manager_hn": factories.manager(countries=[hn]),
        "manager_all": factories.manager(),
        "trainer": factories.staff("Trainers"),
        "admin": factories.user(is_superuser=True, is_staff=True),
    }


def test_manager_with_country_sees_only_that_country(people):
    visible = set(trainees_visible_to(people["manager_hn"]))
    assert visible == {people["hn_trainee"]}
    assert [c.code for c in countries_visible_to(people["manager_hn"])] == ["HN"]


def test_manager_without_country_sees_all_trainees_but_no_staff(people):
    visible = set(trainees_visible_to(people["manager_all"]))
    assert visible == {people["hn_trainee"], people["gt_trainee"]}


def test_superuser_sees_all_trainees(people):
    assert set(trainees_visible_to(people["admin"])) == {
        people["hn_trainee"],
        people["gt_trainee"],
    }


@pytest.mark.parametrize("role", ["trainer", "hn_trainee"])
def test_trainers_and_trainees_see_no_one(people, role):
    assert not trainees_visible_to(people[role]).exists()
    assert not countries_visible_to(people[role]).exists()
