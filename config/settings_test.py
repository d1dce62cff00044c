"""Settings for the test suite: fast hasher, in-memory cache and mail."""

import base64
import json
import os
import tempfile
from pathlib import Path

os.environ.setdefault("DJANGO_DEBUG", "1")

from config.settings import *  # noqa: E402,F403
from config.settings import DATABASES  # noqa: E402

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
DEBUG = False
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["TEST"] = {"NAME": None}  # in memory
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="jtp-test-media-"))
STORAGES["private"] = {  # noqa: F405
    "BACKEND": "django.core.files.storage.FileSystemStorage",
    "OPTIONS": {"location": Path(tempfile.mkdtemp(prefix="jtp-test-private-"))},
}
WAGTAILADMIN_BASE_URL = "http://testserver"
# A certificate signing key made for this run (never stored): certificates are signed
# as in production. Tests of a deployment without keys override the file setting.
CERTIFICATES_SIGNING_KEYS_FILE = str(Path(tempfile.mkdtemp(prefix="jtp-test-keys-")) / "keys.json")
_seed = base64.urlsafe_b64encode(os.urandom(32)).rstrip(b"=").decode("ascii")
Path(CERTIFICATES_SIGNING_KEYS_FILE).write_text(json.dumps({"keys": [{"private": _seed}]}))
# Serve static files from the apps' folders (live-server browser tests).
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "root": {"level": "WARNING"},
}
