"""The offline verifier as the server sends it: page, service worker, manifest; the
same for everyone, in both languages, within its weight budget."""

import json
import re

import pytest
from django.contrib.staticfiles import finders
from django.test import override_settings

from certificates import offline

pytestmark = pytest.mark.django_db

#: The whole page and what it loads, kept on the device (issue: at most 100 KB).
BUDGET = 100 * 1024


def worker_files(client, language: str) -> list[str]:
    worker = client.get(f"/{language}/certificates/offline/sw.js")
    assert worker.status_code == 200
    match = re.search(r"var FILES = (\[.*?\]);", worker.content.decode())
    return json.loads(match.group(1))


@pytest.mark.parametrize(
    ("language", "title", "check"),
    [
        ("en", "Offline certificate verifier", "Check"),
        ("es", "Verificador de certificados sin conexión", "Comprobar"),
    ],
)
def test_the_page_is_in_the_address_language_and_names_its_worker_and_sources(
    client, language, title, check
):
    response = client.get(f"/{language}/certificates/offline/")
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-cache"
    page = response.content.decode()
    assert f'<html lang="{language}">' in page
    assert f"<h1>{title}</h1>" in page
    assert f'<button type="submit" class="button">{check}</button>' in page
    assert 'data-keys-url="/.well-known/jwks.json"' in page
    assert 'data-lists-url="/certificates/status/"' in page
    assert f'data-worker-url="/{language}/certificates/offline/sw.js"' in page
    assert (
        f'<link rel="manifest" href="/{language}/certificates/offline/manifest.webmanifest">'
        in page
    )
    assert "<script>" not in page and "style=" not in page  # the strict CSP holds


def test_the_page_shows_nothing_of_the_person_signed_in(client, certificate):
    client.force_login(certificate.user)
    page = client.get("/en/certificates/offline/").content.decode()
    assert certificate.user.email not in page and certificate.holder_name not in page
    assert "csrfmiddlewaretoken" not in page
    assert "csrftoken" not in client.get("/en/certificates/offline/").cookies


def test_the_worker_keeps_the_page_and_every_file_it_loads(client):
    worker = client.get("/es/certificates/offline/sw.js")
    assert worker["Content-Type"] == "text/javascript; charset=utf-8"
    assert worker["Cache-Control"] == "no-cache"
    code = worker.content.decode()
    assert 'var PAGE = "/es/certificates/offline/";' in code
    assert f'var CACHE = PREFIX + "{offline.version()}";' in code
    assert 'var PREFIX = "offline-verifier-es-";' in code
    files = worker_files(client, "es")
    assert files[0] == "/es/certificates/offline/manifest.webmanifest"
    page = client.get("/es/certificates/offline/").content.decode()
    loaded = re.findall(r'(?:src|href)="(/static/[^"]+)"', page)
    assert loaded and set(loaded) <= set(files)
    for url in files[1:]:
        assert finders.find(url.removeprefix("/static/")), url


def test_the_version_follows_the_contents_of_the_files(tmp_path, settings):
    before = offline.version()
    changed = tmp_path / "js"
    changed.mkdir()
    (changed / "offline-verifier.js").write_text("// another release\n")
    with override_settings(STATICFILES_DIRS=[str(tmp_path), *settings.STATICFILES_DIRS]):
        finders.get_finder.cache_clear()
        offline.version.cache_clear()
        try:
            assert offline.version() != before
        finally:
            finders.get_finder.cache_clear()
            offline.version.cache_clear()
    assert offline.version() == before


@pytest.mark.parametrize(("language", "short"), [("en", "Verifier"), ("es", "Verificador")])
def test_the_manifest_makes_it_installable_in_its_language(client, language, short):
    response = client.get(f"/{language}/certificates/offline/manifest.webmanifest")
    assert response["Content-Type"] == "application/manifest+json"
    manifest = response.json()
    assert manifest["short_name"] == short and manifest["lang"] == language
    assert manifest["start_url"] == manifest["scope"] == f"/{language}/certificates/offline/"
    assert manifest["display"] == "standalone"
    assert manifest["icons"][0]["type"] == "image/svg+xml"
    assert client.get(manifest["icons"][0]["src"]).status_code == 200


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_page_and_everything_it_keeps_weigh_at_most_100_kb(client, language):
    total = len(client.get(f"/{language}/certificates/offline/").content)
    total += len(client.get(f"/{language}/certificates/offline/sw.js").content)
    for url in worker_files(client, language):
        response = client.get(url)
        assert response.status_code == 200, url
        body = b"".join(response.streaming_content) if response.streaming else response.content
        total += len(body)
    assert total <= BUDGET, f"{total} bytes"
