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


# --- the drill-down of one country: its own agencies only, garbage is a 400 ---

NOT_HERE = "This agency is not in Honduras."
UNKNOWN_AGENCY = "Unknown agency, or not one you may see."


def drill_down_urls(world) -> list[str]:
    """Every page of the Honduras drill-down that takes the filters."""
    hn_agency = world.agencies["HN"][0]
    return [
        f"{BASE}/countries/HN/",
        f"{BASE}/countries/HN/summary.pdf",
        f"{BASE}/agencies/{hn_agency.pk}/",
    ]


def test_pdf_with_another_countrys_agency_is_refused_with_the_reason(client, world):
    client.force_login(world.people["manager_all"])
    response = client.get(
        f"{BASE}/countries/HN/summary.pdf", {"agency": world.agencies["GT"][0].pk}
    )
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/html")
    assert NOT_HERE in response.content.decode()


@pytest.mark.parametrize("export", [None, "csv", "xlsx"])
def test_country_page_with_another_countrys_agency_is_refused(client, world, export):
    client.force_login(world.people["manager_all"])
    params = {"agency": world.agencies["GT"][0].pk}
    if export:
        params["export"] = export
    response = client.get(f"{BASE}/countries/HN/", params)
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/html")
    html = content(response).decode()
    assert NOT_HERE in html
    assert "report-table" not in html


def test_country_page_offers_only_that_countrys_agencies(client, world):
    from bs4 import BeautifulSoup

    client.force_login(world.people["manager_all"])
    response = client.get(f"{BASE}/countries/HN/")
    soup = BeautifulSoup(response.content, "html.parser")
    offered = [
        o.get_text(strip=True) for o in soup.select("select[name=agency] option") if o.get("value")
    ]
    assert sorted(offered) == ["National Police HN (HN)", "Public Ministry HN (HN)"]


def test_top_level_report_still_offers_every_visible_agency(client, world):
    from bs4 import BeautifulSoup

    client.force_login(world.people["manager_all"])
    soup = BeautifulSoup(client.get(f"{BASE}/countries/").content, "html.parser")
    offered = {
        o.get_text(strip=True) for o in soup.select("select[name=agency] option") if o.get("value")
    }
    assert {"National Police GT (GT)", "National Police HN (HN)"} <= offered


def test_country_page_with_its_own_agency_answers_200(client, world):
    client.force_login(world.people["manager_all"])
    agency = world.agencies["HN"][1]
    for url in drill_down_urls(world):
        response = client.get(url, {"agency": agency.pk})
        assert response.status_code == 200, url


def test_agency_filter_reason_is_translated_for_spanish_admins(client, world):
    manager = world.people["manager_all"]
    profile = UserProfile.get_for_user(manager)
    profile.preferred_language = "es"
    profile.save()
    client.force_login(manager)
    response = client.get(
        f"{BASE}/countries/HN/summary.pdf", {"agency": world.agencies["GT"][0].pk}
    )
    assert response.status_code == 400
    assert "Esta institución no pertenece a Honduras." in response.content.decode()


@pytest.mark.parametrize(
    "params, message",
    [
        ({"agency": "abc"}, UNKNOWN_AGENCY),
        ({"agency": "999999"}, UNKNOWN_AGENCY),
        ({"agency": "1.5"}, UNKNOWN_AGENCY),
        ({"agency": "99999999999999999999999"}, UNKNOWN_AGENCY),
        ({"agency": "²"}, UNKNOWN_AGENCY),
        ({"course": "abc"}, "Unknown course."),
        ({"course": "999999"}, "Unknown course."),
        ({"period_from": "2026-13-45"}, "Enter a valid date."),
        ({"period_to": "yesterday"}, "Enter a valid date."),
        ({"period_from": "2026-05-01", "period_to": "2026-01-01"}, "must not be after its end"),
        ({"language": "fr"}, "Unknown language."),
    ],
)
def test_garbage_filters_on_the_drill_down_are_refused(client, world, params, message):
    client.force_login(world.people["manager_all"])
    for url in drill_down_urls(world):
        response = client.get(url, params)
        assert response.status_code == 400, url
        assert message in response.content.decode(), url
    for export in ("csv", "xlsx"):
        response = client.get(f"{BASE}/countries/HN/", {**params, "export": export})
        assert response.status_code == 400, export
        assert message in content(response).decode(), export


def test_a_page_that_is_not_a_course_is_not_a_course_filter(client, world):
    from courses.models import ModulePage

    lesson = ModulePage.objects.child_of(world.courses[0]).first()
    client.force_login(world.people["manager_all"])
    for url in [*drill_down_urls(world), f"{BASE}/countries/", f"{BASE}/courses/"]:
        response = client.get(url, {"course": lesson.pk})
        assert response.status_code == 400, url
        assert "Unknown course." in response.content.decode(), url
