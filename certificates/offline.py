"""The offline verifier: what its service worker keeps on the device.

The page (``/<lang>/certificates/offline/``) and these static files are kept by
a service worker whose scope is that page's folder, so the page opens with no
network at all. The worker's cache is named after the files' contents: when one
changes, the next visit with a connection installs the new set and drops the old.
The keys and the revocation lists are not files of the worker: the page saves
them itself (they change without a new release) with the moment it fetched them.
"""

import functools
import hashlib

from django.contrib.staticfiles import finders
from django.templatetags.static import static

#: Static files the page needs, in the order it loads them.
ASSETS = (
    "css/site.css",
    "js/certificate-token.js",
    "js/offline-verifier.js",
    "img/verifier-icon.svg",
)


def asset_urls() -> list[str]:
    return [static(name) for name in ASSETS]


@functools.lru_cache(maxsize=1)
def version() -> str:
    """A short digest of the files the worker keeps (their names and contents)."""
    digest = hashlib.sha256()
    for name in ASSETS:
        digest.update(name.encode())
        path = finders.find(name)
        if path:
            with open(path, "rb") as file:
                digest.update(file.read())
    return digest.hexdigest()[:12]
