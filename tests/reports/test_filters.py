"""Bad filter input: a clear message, status 400, never a 500 or hidden data."""

import pytest
from wagtail.users.models import UserProfile

from tests.reports.helpers import BASE, content, screen_rows

pytestmark = pytest.mark.django_db

OUTSIDE = "Unknown country, or not one of the countries you may see."


def test_unknown_country_is_refused_with_a_message(client, world):
    client.force_login(world.people["manager_all"])
    response = client.get(f"{BASE}/countries/", {"country": "ZZ"})
    html = response.content.decode()
    assert response.status_code == 400
    assert OUTSIDE in html
    assert "report-table" not in html


def test_country_outside_the_managers_scope_is_refused_without_its_data(client, world):
    client.force_login(world.people["manager_hn"])
    response = client.get(f"{BASE}/countries/", {"country": "GT"})
    html = response.content.decode()
    assert response.status_code == 400
    assert OUTSIDE in html
    assert "Guatemala" not in html
    assert "report-table" not in html


def test_inverted_period_is_refused_with_a_message(client, world):
    client.force_login(world.people["manager_all"])
    response = client.get(
        f"{BASE}/countries/", {"period_from": "2026-05-01", "period_to": "2026-01-01"}
    )
    assert response.status_code == 400
    assert "The start of the period must not be after its end." in response.content.decode()


@pytest.mark.parametrize(
    "params, message",
    [
        ({"period_from": "yesterday"}, "Enter a valid date."),
        ({"course": "abc"}, "Unknown course."),
        ({"course": "999999"}, "Unknown course."),
        ({"agency": "999999"}, "Unknown agency, or not one you may see."),
        ({"language": "fr"}, "Unknown language."),
        ({"country": "<script>"}, OUTSIDE),
    ],
)
def test_garbage_filters_are_refused_with_a_message(client, world, params, message):
    client.force_login(world.people["manager_all"])
    for url in (f"{BASE}/countries/", f"{BASE}/courses/", f"{BASE}/knowledge-gain/"):
        response = client.get(url, params)
        assert response.status_code == 400, url
        assert message in response.content.decode(), url


def test_agency_of_another_country_is_refused_in_the_drill_down(client, world):
    gt_agency = world.agencies["GT"][0]
    client.force_login(world.people["manager_hn"])
    response = client.get(f"{BASE}/countries/HN/", {"agency": gt_agency.pk})
    assert response.status_code == 400
    assert "Unknown agency, or not one you may see." in response.content.decode()
    assert "Guatemala" not in response.content.decode()


def test_agency_not_in_the_chosen_country_is_refused(client, world):
    client.force_login(world.people["manager_all"])
    response = client.get(
        f"{BASE}/countries/", {"country": "HN", "agency": world.agencies["GT"][0].pk}
    )
    assert response.status_code == 400
    assert "This agency is not in the chosen country." in response.content.decode()


def test_export_with_bad_filters_shows_the_message_not_a_file(client, world):
    client.force_login(world.people["manager_hn"])
    for export in ("csv", "xlsx"):
        response = client.get(f"{BASE}/countries/", {"country": "GT", "export": export})
        assert response.status_code == 400
        assert response["Content-Type"].startswith("text/html")
        assert OUTSIDE in content(response).decode()


def test_pdf_with_bad_filters_shows_the_message(client, world):
    client.force_login(world.people["manager_hn"])
    response = client.get(
        f"{BASE}/countries/HN/summary.pdf", {"period_from": "2026-05-01", "period_to": "2026-01-01"}
    )
    assert response.status_code == 400
    assert "The start of the period must not be after its end." in response.content.decode()


def test_filtered_results_fragment_shows_the_message(client, world):
    client.force_login(world.people["manager_all"])
    response = client.get(f"{BASE}/countries/results/", {"country": "ZZ"})
    assert response.status_code == 200  # swapped into the page by Wagtail's filters
    assert OUTSIDE in response.content.decode()


def test_valid_country_filter_shows_only_that_country(client, world):
    client.force_login(world.people["manager_all"])
    rows = screen_rows(client.get(f"{BASE}/countries/", {"country": "GT"}))
    assert [row[0] for row in rows] == ["Guatemala"]


def test_messages_are_translated_for_spanish_admins(client, world):
    manager = world.people["manager_hn"]
    profile = UserProfile.get_for_user(manager)
    profile.preferred_language = "es"
    profile.save()
    client.force_login(manager)
    response = client.get(f"{BASE}/countries/", {"country": "GT"})
    html = response.content.decode()
    assert "País desconocido" in html
    assert "Progreso por país" in html
