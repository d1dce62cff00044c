"""Public verification: status, any way of typing a code, unknown codes, throttling."""

import pytest

from certificates.services import certificate_reissue, certificate_revoke
from certificates.throttle import limit

from .conftest import expire

pytestmark = pytest.mark.django_db

UNKNOWN = "2222-3333-4444-5555"


def verify(client, code, language="en", **extra):
    return client.get(f"/{language}/certificates/verify/{code}/", **extra)


def test_valid_certificate_shows_valid_holder_course_and_dates(client, certificate):
    response = verify(client, certificate.display_code)
    page = response.content.decode()
    assert response.status_code == 200
    assert "This certificate is valid." in page
    assert "José Ángel Pérez Muñoz" in page
    assert "Interviewing victims" in page
    assert certificate.display_code in page


def test_verification_page_shows_minimum_personal_data(client, certificate):
    page = verify(client, certificate.display_code).content.decode()
    assert "holder.gt@example.org" not in page
    assert "Police of GT" not in page


def test_verification_page_in_spanish(client, certificate):
    page = verify(client, certificate.display_code, "es").content.decode()
    assert "Este certificado es válido." in page
    assert "Entrevista a víctimas" in page


@pytest.mark.parametrize(
    "transform", [str.lower, lambda c: c.replace("-", ""), lambda c: c.replace("-", " ")]
)
def test_code_in_any_case_or_without_dashes_leads_to_the_certificate(
    client, certificate, transform
):
    response = verify(client, transform(certificate.display_code), follow=True)
    assert response.status_code == 200
    assert "This certificate is valid." in response.content.decode()


def test_form_sends_a_typed_code_to_its_page(client, certificate):
    typed = certificate.display_code.lower().replace("-", " ")
    response = client.get("/en/certificates/verify/", {"code": typed})
    assert response.status_code == 302
    assert response["Location"] == f"/en/certificates/verify/{certificate.display_code}/"


def test_form_page_renders_empty(client):
    response = client.get("/es/certificates/verify/")
    assert response.status_code == 200
    assert "Verificar un certificado" in response.content.decode()


@pytest.mark.parametrize(
    "typed", ["abc", "7KQ4-M2ZD-X9PA-3HRTX", "UUUU-UUUU-UUUU-UUUU", "' OR 1=1 --"]
)
def test_malformed_code_in_the_form_gets_a_clear_message(client, typed):
    response = client.get("/en/certificates/verify/", {"code": typed})
    assert response.status_code == 200
    assert "This is not a certificate code. A code has 16 letters and digits" in (
        response.content.decode()
    )


def test_malformed_code_message_in_spanish(client):
    response = client.get("/es/certificates/verify/", {"code": "xyz"})
    assert "Esto no es un código de certificado." in response.content.decode()


def test_malformed_code_in_the_url_gets_the_message_not_a_500(client):
    response = verify(client, "not-a-code")
    assert response.status_code == 400
    assert "This is not a certificate code." in response.content.decode()


def test_unknown_code_gets_a_404_page_that_says_so(client, certificate):
    response = verify(client, UNKNOWN)
    assert response.status_code == 404
    assert f"No certificate has the code {UNKNOWN}." in response.content.decode()


def test_repeated_failed_look_ups_are_throttled(client, certificate):
    allowed, _window = limit()
    for _ in range(allowed):
        assert verify(client, UNKNOWN).status_code == 404
    blocked = verify(client, certificate.display_code)
    assert blocked.status_code == 429
    assert "Too many codes that do not exist were looked up" in blocked.content.decode()


def test_look_ups_made_at_the_same_time_cannot_together_pass_the_limit(
    rf, certificate, monkeypatch
):
    """Each look-up counts before it is made: ``allowed`` look-ups still running hold
    every failure the window allows, so one more started meanwhile is refused;
    one that found its certificate gives its place back."""
    import certificates.throttle
    from certificates.throttle import lookup_found, lookup_reserve

    allowed, window = limit()
    start = 1_800_000_000.0 - 1_800_000_000.0 % window  # all within one window
    monkeypatch.setattr(certificates.throttle, "_now", lambda: start)
    request = rf.get("/", REMOTE_ADDR="192.0.2.9")
    running = [lookup_reserve(request) for _ in range(allowed)]
    assert all(running)
    assert lookup_reserve(request) is None
    lookup_found(running[0])
    assert lookup_reserve(request) is not None
    assert lookup_reserve(request) is None


def test_successful_look_ups_are_not_throttled(client, certificate):
    allowed, _window = limit()
    for _ in range(allowed + 5):
        assert verify(client, certificate.display_code).status_code == 200


def test_revoked_certificate_shows_revoked_and_when_but_not_why(client, certificate, manager_gt):
    certificate_revoke(certificate=certificate, actor=manager_gt, reason="Forged transcript")
    page = verify(client, certificate.display_code).content.decode()
    assert "This certificate was revoked on" in page
    assert "Forged transcript" not in page


def test_reason_for_revoking_is_shown_to_a_manager_of_the_holders_country(
    client, certificate, manager_gt
):
    certificate_revoke(certificate=certificate, actor=manager_gt, reason="Forged transcript")
    client.force_login(manager_gt)
    assert "Forged transcript" in verify(client, certificate.display_code).content.decode()


def test_reason_for_revoking_is_hidden_from_a_manager_of_another_country(
    client, certificate, manager_gt, manager_hn
):
    certificate_revoke(certificate=certificate, actor=manager_gt, reason="Forged transcript")
    client.force_login(manager_hn)
    assert "Forged transcript" not in verify(client, certificate.display_code).content.decode()


def test_expired_certificate_shows_expired(client, certificate):
    expire(certificate)
    assert (
        "This certificate expired on" in verify(client, certificate.display_code).content.decode()
    )


def test_superseded_certificate_says_it_was_replaced_and_leads_to_the_newer_one(
    client, certificate, manager_gt
):
    new = certificate_reissue(certificate=certificate, actor=manager_gt)
    old_page = verify(client, certificate.display_code).content.decode()
    assert "replaced by a newer one" in old_page
    assert f'href="/en/certificates/verify/{new.display_code}/"' in old_page
    assert "This certificate is valid." in verify(client, new.display_code).content.decode()


def test_language_switch_keeps_the_verification_page(client, certificate):
    page = verify(client, certificate.display_code, "en").content.decode()
    assert f'href="/es/certificates/verify/{certificate.display_code}/"' in page


def test_behind_a_proxy_the_configured_header_identifies_the_client(client, certificate, settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1  # DJANGO_TRUSTED_PROXY_COUNT=1
    allowed, _window = limit()
    for _ in range(allowed):
        verify(client, UNKNOWN, HTTP_X_FORWARDED_FOR="1.1.1.1, 203.0.113.7")
    blocked = verify(client, certificate.display_code, HTTP_X_FORWARDED_FOR="203.0.113.7")
    other = verify(client, certificate.display_code, HTTP_X_FORWARDED_FOR="203.0.113.8")
    assert blocked.status_code == 429
    assert other.status_code == 200


@pytest.mark.parametrize(
    ("spent_from", "same_client", "other_client"),
    [
        (["10.0.0.1"], "10.0.0.1", "10.0.0.2"),
        # A subscriber's /64 holds countless addresses: they count as one client.
        (
            [f"2001:db8:1:2::{n + 1:x}" for n in range(20)],
            "2001:db8:1:2:ffff::1",
            "2001:db8:1:3::1",
        ),
        # A dual-stack server sees IPv4 clients as ::ffff:a.b.c.d: one per address.
        (["::ffff:203.0.113.5"], "203.0.113.5", "::ffff:198.51.100.7"),
    ],
)
def test_throttling_is_per_client_address(
    client, certificate, spent_from, same_client, other_client
):
    allowed, _window = limit()
    for n in range(allowed):
        verify(client, UNKNOWN, REMOTE_ADDR=spent_from[n % len(spent_from)])
    assert verify(client, certificate.display_code, REMOTE_ADDR=same_client).status_code == 429
    assert verify(client, certificate.display_code, REMOTE_ADDR=other_client).status_code == 200


def test_look_ups_open_again_when_the_window_ends(client, certificate, monkeypatch):
    import certificates.throttle

    allowed, window = limit()
    now = 1_800_000_000.0 - 1_800_000_000.0 % window  # the start of a window
    monkeypatch.setattr(certificates.throttle, "_now", lambda: now)
    for _ in range(allowed):
        verify(client, UNKNOWN)
    assert verify(client, certificate.display_code).status_code == 429
    monkeypatch.setattr(certificates.throttle, "_now", lambda: now + window)
    assert verify(client, certificate.display_code).status_code == 200
