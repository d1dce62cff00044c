import importlib

import pytest
from django.apps import apps as django_apps
from django.contrib.auth.models import Group

from accounts.models import PROGRAM_MANAGERS_GROUP, TRAINERS_GROUP, User
from accounts.scoping import countries_visible_to, trainees, trainees_visible_to
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def people():
    hn_trainee = factories.trainee(code="HN")
    gt_trainee = factories.trainee(code="GT")
    sv_trainee = factories.trainee(code="SV")
    hn, gt = hn_trainee.country, gt_trainee.country
    return {
        "hn_trainee": hn_trainee,
        "gt_trainee": gt_trainee,
        "sv_trainee": sv_trainee,
        "manager_hn": factories.manager(countries=[hn]),
        "manager_hn_gt": factories.manager(countries=[hn, gt]),
        "manager_none": factories.manager(all_countries=False),
        "manager_all": factories.manager(all_countries=True),
        "trainer": factories.staff("Trainers"),
        "admin": factories.user(is_superuser=True, is_staff=True),
    }


def codes(queryset) -> set[str]:
    return set(queryset.values_list("code", flat=True))


def test_manager_with_country_sees_only_that_country(people):
    visible = set(trainees_visible_to(people["manager_hn"]))
    assert visible == {people["hn_trainee"]}
    assert [c.code for c in countries_visible_to(people["manager_hn"])] == ["HN"]


def test_manager_of_two_countries_sees_both_and_not_a_third(people):
    visible = set(trainees_visible_to(people["manager_hn_gt"]))
    assert visible == {people["hn_trainee"], people["gt_trainee"]}
    assert codes(countries_visible_to(people["manager_hn_gt"])) == {"HN", "GT"}


def test_manager_without_country_and_without_all_sees_nothing(people):
    assert not trainees_visible_to(people["manager_none"]).exists()
    assert not countries_visible_to(people["manager_none"]).exists()


def test_manager_of_all_partner_countries_sees_every_trainee_but_no_staff(people):
    visible = set(trainees_visible_to(people["manager_all"]))
    assert visible == {people["hn_trainee"], people["gt_trainee"], people["sv_trainee"]}
    assert codes(countries_visible_to(people["manager_all"])) == {"HN", "GT", "SV"}


def test_all_partner_countries_means_nothing_outside_the_managers_group(people):
    # The flag alone (e.g. left on an account that is now a trainer) opens nothing.
    people["trainer"].manages_all_countries = True
    people["trainer"].save()
    assert not trainees_visible_to(people["trainer"]).exists()
    assert not countries_visible_to(people["trainer"]).exists()


def test_superuser_sees_all_trainees(people):
    assert set(trainees_visible_to(people["admin"])) == {
        people["hn_trainee"],
        people["gt_trainee"],
        people["sv_trainee"],
    }


@pytest.mark.parametrize("role", ["trainer", "hn_trainee"])
def test_trainers_and_trainees_see_no_one(people, role):
    assert not trainees_visible_to(people[role]).exists()
    assert not countries_visible_to(people[role]).exists()


@pytest.mark.parametrize("group_name", [TRAINERS_GROUP, PROGRAM_MANAGERS_GROUP])
def test_a_group_member_without_the_staff_flag_is_not_a_trainee(people, group_name):
    # e.g. a manager put in the group by hand, with a country of their own.
    member = factories.trainee(code="HN")
    member.groups.add(Group.objects.get_or_create(name=group_name)[0])
    assert member not in set(trainees())
    assert member not in set(trainees_visible_to(people["manager_hn"]))


def test_existing_managers_without_a_country_keep_all_countries_after_the_migration(people):
    """The data migration gives "all partner countries" to the managers who had it implicitly."""
    migration = importlib.import_module(
        "accounts.migrations.0004_existing_managers_keep_all_countries"
    )
    User.objects.filter(pk=people["manager_all"].pk).update(manages_all_countries=False)
    migration.keep_all_countries(django_apps, None)
    flags = dict(
        User.objects.filter(
            pk__in=[people[name].pk for name in ("manager_all", "manager_hn", "trainer")]
        ).values_list("pk", "manages_all_countries")
    )
    assert flags == {
        people["manager_all"].pk: True,
        people["manager_hn"].pk: False,  # had a country: keeps exactly that
        people["trainer"].pk: False,  # not a manager
    }
