"""The revocation list (Bitstring Status List): encoding, bits, and revocation at once."""

import base64
import gzip

import pytest

from certificates import signing, status_list
from certificates.models import Certificate
from certificates.services import certificate_reissue, certificate_revoke

pytestmark = pytest.mark.django_db


def fetched_bits(client, number: int = 0) -> tuple[dict, bytes]:
    response = client.get(f"/certificates/status/{number}")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/vc+jwt"
    assert response["Cache-Control"] == "public, max-age=300"
    assert response["Access-Control-Allow-Origin"] == "*"
    token = response.content.decode()
    header = signing.b64url_decode(token.split(".")[0])
    assert b'"typ":"vc+jwt"' in header
    credential = signing.verify(token)
    return credential, status_list.decode(credential["credentialSubject"]["encodedList"])


def test_the_encoding_is_multibase_base64url_of_gzip_with_index_zero_leftmost():
    bits = status_list.bitstring([0, 9, status_list.LIST_BITS - 1])
    assert len(bits) == 16 * 1024
    assert bits[0] == 0b1000_0000 and bits[1] == 0b0100_0000 and bits[-1] == 0b0000_0001
    encoded = status_list.encode(bits)
    assert encoded.startswith("u") and "=" not in encoded and "+" not in encoded
    raw = base64.urlsafe_b64decode(encoded[1:] + "=" * (-len(encoded[1:]) % 4))
    assert gzip.decompress(raw) == bits
    assert [i for i in range(status_list.LIST_BITS) if status_list.is_revoked(bits, i)] == [
        0,
        9,
        status_list.LIST_BITS - 1,
    ]


def test_the_list_is_a_signed_bitstring_status_list_credential(client, certificate):
    credential, bits = fetched_bits(client)
    assert credential["type"] == ["VerifiableCredential", "BitstringStatusListCredential"]
    assert credential["@context"] == ["https://www.w3.org/ns/credentials/v2"]
    assert credential["id"] == "http://testserver/certificates/status/0"
    subject = credential["credentialSubject"]
    assert subject["type"] == "BitstringStatusList"
    assert subject["statusPurpose"] == "revocation"
    assert len(bits) * 8 >= 131_072
    _number, index = status_list.position(certificate)
    assert not status_list.is_revoked(bits, index)


def test_revoking_sets_the_bit_at_once_and_only_that_bit(client, certificate, manager_all):
    entry = status_list.status_entry(certificate)
    assert entry["type"] == "BitstringStatusListEntry"
    assert entry["statusListCredential"] == "http://testserver/certificates/status/0"
    index = int(entry["statusListIndex"])
    certificate_revoke(certificate=certificate, actor=manager_all, reason="Issued in error")
    _credential, bits = fetched_bits(client)
    assert status_list.is_revoked(bits, index)
    assert sum(bin(byte).count("1") for byte in bits) == 1


def test_a_replaced_certificate_is_set_and_its_successor_is_not(client, certificate, manager_all):
    newer = certificate_reissue(certificate=certificate, actor=manager_all)
    _credential, bits = fetched_bits(client)
    assert status_list.is_revoked(bits, status_list.position(certificate)[1])
    assert not status_list.is_revoked(bits, status_list.position(newer)[1])


def test_the_list_of_a_certificate_past_the_first_list(certificate):
    Certificate.objects.filter(pk=certificate.pk).update(status="revoked")
    certificate.pk = status_list.LIST_BITS + 5
    assert status_list.position(certificate) == (1, 4)
    assert status_list.status_entry(certificate)["statusListCredential"].endswith("/status/1")


def certificate_queries(client) -> list[str]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        assert client.get("/certificates/status/0").status_code == 200
    return [q["sql"] for q in captured.captured_queries]


def test_the_list_costs_two_queries_however_many_are_revoked(client, certificate):
    certificate_queries(client)  # the first request also reads the site, once
    before = certificate_queries(client)
    assert len(before) == 2  # the list exists; its certificates not valid
    copies = [Certificate(**{**_fields(certificate), "code": f"{n:016d}"}) for n in range(5)]
    Certificate.objects.bulk_create(copies)
    Certificate.objects.update(status="revoked")
    assert len(certificate_queries(client)) == len(before)


def _fields(certificate) -> dict:
    return {
        field.name: getattr(certificate, field.name)
        for field in Certificate._meta.concrete_fields
        if field.name not in ("id", "code", "enrollment")
    }


@pytest.mark.parametrize("path", ["/certificates/status/1", "/certificates/status/99999999"])
def test_a_list_that_does_not_exist_is_404(client, certificate, path):
    # Unprefixed, a 404 is sent on to the default language's page, which is a 404 too.
    assert client.get(path, follow=True).status_code == 404
