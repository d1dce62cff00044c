"""Rate limits key on the real client, behind a proxy too, and cannot be dodged."""

import pytest

from tests import factories

pytestmark = pytest.mark.django_db

LOGIN = "/en/accounts/login/"
TOO_MANY = "Too many failed login attempts"


def fail_logins(client, count, **headers):
    for number in range(count):
        client.post(LOGIN, {"login": f"nobody{number}@example.org", "password": "wrong"}, **headers)


def sign_in(client, user, **headers):
    return client.post(LOGIN, {"login": user.email, "password": "Pass-word-2026"}, **headers)


@pytest.fixture
def trainee():
    user = factories.trainee("ana@example.org")
    user.set_password("Pass-word-2026")
    user.save()
    return user


def test_behind_one_proxy_each_visitor_has_their_own_limit(client, trainee, settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    proxy = {"REMOTE_ADDR": "10.0.0.5"}
    fail_logins(client, 10, HTTP_X_FORWARDED_FOR="198.51.100.1", **proxy)
    blocked = sign_in(client, trainee, HTTP_X_FORWARDED_FOR="198.51.100.1", **proxy)
    assert TOO_MANY in blocked.content.decode()
    other = sign_in(client, trainee, HTTP_X_FORWARDED_FOR="198.51.100.2", **proxy)
    assert other.status_code == 302
    assert client.session["_auth_user_id"] == str(trainee.pk)


def test_without_a_proxy_a_forged_header_does_not_dodge_the_limit(client, trainee, settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 0
    for number in range(10):
        fail_logins(client, 1, HTTP_X_FORWARDED_FOR=f"203.0.113.{number}")
    blocked = sign_in(client, trainee, HTTP_X_FORWARDED_FOR="203.0.113.200")
    assert TOO_MANY in blocked.content.decode()
    assert "_auth_user_id" not in client.session
