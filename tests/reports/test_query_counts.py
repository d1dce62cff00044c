"""Every report page and export costs the same queries with 10 or 500 trainees."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.models import User
from tests.reports.conftest import add_trainees
from tests.reports.helpers import BASE, content

pytestmark = pytest.mark.django_db


def urls(world):
    trainee = User.objects.filter(country=world.countries["HN"], enrollments__isnull=False)[0]
    agency = trainee.agency
    pages = [
        f"{BASE}/countries/",
        f"{BASE}/countries/results/",
        f"{BASE}/countries/HN/",
        f"{BASE}/agencies/{agency.pk}/",
        f"{BASE}/trainees/{trainee.pk}/",
        f"{BASE}/trainees/{trainee.pk}/print/",
        f"{BASE}/courses/",
        f"{BASE}/knowledge-gain/",
    ]
    exports = [f"{url}?export={fmt}" for url in pages[:1] + pages[2:] for fmt in ("csv", "xlsx")]
    return pages + exports + [f"{BASE}/countries/HN/summary.pdf"]


def count_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
        content(response)  # CSV is streamed: its queries run while reading
    assert response.status_code == 200, url
    return len(queries.captured_queries)


@pytest.mark.parametrize("role", ["manager_hn", "manager_all"])
def test_query_count_is_the_same_with_10_or_500_trainees(client, world, role):
    client.force_login(world.people[role])
    targets = urls(world)
    for url in targets:
        client.get(url)  # warm caches (site, content types, permissions)
    small = {url: count_queries(client, url) for url in targets}
    add_trainees(world, 490)
    large = {url: count_queries(client, url) for url in targets}
    assert large == small
