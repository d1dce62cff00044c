"""A newcomer's first minutes: `make run` says where to go and who to sign in as, quietly."""

import io
import logging
import logging.config
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings
from wagtail.models import Site

from demo.accounts import DEMO_ACCOUNTS, DEMO_PASSWORD

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.django_db
@override_settings(DEBUG=True)
def test_seed_demo_ends_with_the_demo_accounts_and_their_password():
    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    text = out.getvalue()
    assert DEMO_PASSWORD in text
    for email, *_rest in DEMO_ACCOUNTS:
        assert email in text
    # The admin's dashboard names the site, not its host.
    assert Site.objects.get(is_default_site=True).site_name == settings.WAGTAIL_SITE_NAME


def run_recipe() -> str:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    return re.search(r"^run:.*?(?=^\S)", makefile, re.M | re.S).group(0)


def test_make_run_keeps_the_set_up_quiet_and_prints_the_address_before_serving():
    recipe = run_recipe()
    migrate = next(line for line in recipe.splitlines() if "migrate" in line)
    assert "$(SETUP_OUTPUT)" in migrate  # the schema sync's SQL goes to var/log/setup.log
    before_server = recipe[: recipe.index("runserver")]
    assert "seed_demo" in before_server and "http://127.0.0.1:$(PORT)/" in before_server
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "ifdef VERBOSE" in makefile and "DJANGO_LOG_LEVEL=WARNING" in makefile


def test_the_pdf_libraries_log_warnings_only(monkeypatch):
    # The development settings' logging (the tests' own settings replace it).
    import config.settings as development

    monkeypatch.setattr(logging.getLogger("fontTools.subset"), "level", logging.NOTSET)
    logging.config.dictConfig({**development.LOGGING, "root": {"level": "DEBUG"}})
    try:
        for name in ("weasyprint", "fontTools.subset", "fontTools.ttLib"):
            assert not logging.getLogger(name).isEnabledFor(logging.INFO), name
    finally:
        logging.config.dictConfig(settings.LOGGING)


def test_the_admin_makes_no_request_to_outside_services():
    assert settings.WAGTAIL_GRAVATAR_PROVIDER_URL is None
    assert settings.WAGTAIL_ENABLE_UPDATE_CHECK is False
