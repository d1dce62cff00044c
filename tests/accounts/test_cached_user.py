"""The signed-in user is read from the cache, and every change to the account
reaches the next page at once."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.backends import user_key
from tests import factories

pytestmark = pytest.mark.django_db


def my_learning(client):
    return client.get(reverse("my_learning"))


def test_the_user_row_is_read_once_then_from_the_cache(client):
    trainee = factories.trainee()
    client.force_login(trainee)
    assert my_learning(client).status_code == 200
    assert cache.get(user_key(trainee.pk)) is not None
    with CaptureQueriesContext(connection) as ctx:
        assert my_learning(client).status_code == 200
    assert not [q for q in ctx.captured_queries if '"accounts_user"' in q["sql"]]


def test_deactivating_an_account_signs_it_out_at_once(client):
    trainee = factories.trainee()
    client.force_login(trainee)
    assert my_learning(client).status_code == 200
    trainee.is_active = False
    trainee.save()
    response = my_learning(client)
    assert response.status_code == 302 and "login" in response["Location"]


def test_a_password_change_elsewhere_ends_this_session(client):
    trainee = factories.trainee()
    client.force_login(trainee)
    assert my_learning(client).status_code == 200
    trainee.set_password("another-long-passphrase-2026")
    trainee.save()
    response = my_learning(client)
    assert response.status_code == 302 and "login" in response["Location"]


def test_a_name_change_shows_at_once(client):
    trainee = factories.trainee(full_name="Ana Pérez")
    client.force_login(trainee)
    assert my_learning(client).status_code == 200
    trainee.full_name = "Ana María Pérez"
    trainee.save()
    profile = client.get(reverse("profile")).content.decode()
    assert "Ana María Pérez" in profile


def test_a_deleted_account_is_signed_out(client):
    trainee = factories.trainee()
    client.force_login(trainee)
    assert my_learning(client).status_code == 200
    trainee.delete()
    response = my_learning(client)
    assert response.status_code == 302
