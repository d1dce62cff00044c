"""Every e-mail allauth can send is the programme's own: its name, formal Spanish, no host."""

import re
from pathlib import Path

import allauth
import pytest
from allauth.account.adapter import get_adapter
from allauth.core import context as allauth_context
from django.core import mail
from django.test import RequestFactory
from django.utils import translation

from certificates.models import CertificateSettings
from tests import factories

pytestmark = pytest.mark.django_db

ALLAUTH_EMAILS = sorted(
    path.name.removesuffix("_message.txt")
    for path in (Path(allauth.__file__).parent / "templates/account/email").glob("*_message.txt")
    if not path.name.startswith("base_")
)
INFORMAL = re.compile(
    r"\b(tu|tus|te|ti|vete|ve|comprueba|haz|has|puedes|quieres|introduce|revisa|pulsa|"
    r"recibes|olvidaste|hola de parte)\b",
    re.I,
)
HOST = "mail-host.example:8101"
CONTEXT = {
    "email": "ana@example.org",
    "activate_url": "https://training.example.org/es/accounts/confirm-email/KEY/",
    "password_reset_url": "https://training.example.org/es/accounts/password/reset/key/KEY/",
    "signup_url": "https://training.example.org/es/accounts/signup/",
    "code": "ABC123",
    "from_email": "old@example.org",
    "to_email": "new@example.org",
    "deleted_email": "old@example.org",
    "ip": "192.0.2.1",
    "user_agent": "Firefox",
    "timestamp": "2026-05-01 10:00",
}


def render(prefix: str, language: str, user=None):
    request = RequestFactory().get("/", HTTP_HOST=HOST)
    with translation.override(language), allauth_context.request_context(request):
        adapter = get_adapter(request)
        ctx = {"current_site": type("S", (), {"name": HOST, "domain": HOST})(), **CONTEXT}
        if user is not None:
            ctx["user"] = user
        return adapter.render_mail(f"account/email/{prefix}", "ana@example.org", ctx)


def without_links(text: str) -> str:
    return re.sub(r"https?://\S+", "", text)


@pytest.fixture
def programme(db):
    from wagtail.models import Site

    config = CertificateSettings.for_site(Site.objects.get(is_default_site=True))
    config.programme_name_en = "Justice Academy"
    config.programme_name_es = "Academia de Justicia"
    config.save()


def test_every_allauth_email_is_overridden():
    assert len(ALLAUTH_EMAILS) >= 13
    for prefix in ALLAUTH_EMAILS:
        for part in ("subject", "message"):
            assert (Path("templates/account/email") / f"{prefix}_{part}.txt").exists(), prefix


@pytest.mark.parametrize("prefix", ALLAUTH_EMAILS)
def test_spanish_email_names_the_programme_in_formal_spanish(programme, prefix):
    user = factories.trainee("ana@example.org", full_name="Ana Pérez")
    message = render(prefix, "es", user=user)
    text = f"{message.subject}\n{message.body}"
    assert "Academia de Justicia" in message.subject
    assert "El equipo de Academia de Justicia" in message.body
    assert "Hola, Ana Pérez:" in message.body
    assert INFORMAL.search(text) is None, INFORMAL.search(text)
    assert "mail-host" not in without_links(text) and "8101" not in without_links(text)


@pytest.mark.parametrize("prefix", ALLAUTH_EMAILS)
def test_english_email_names_the_programme(programme, prefix):
    message = render(prefix, "en")
    assert "Justice Academy" in message.subject
    assert message.body.startswith("Hello,")
    assert "The Justice Academy team" in message.body
    assert "mail-host" not in without_links(f"{message.subject}\n{message.body}")


def test_without_a_programme_setting_the_certificates_default_name_is_used():
    message = render("password_reset_key", "es")
    assert (
        message.subject
        == "Programa Internacional de Formación en Justicia: elija una contraseña nueva"
    )


def test_a_real_password_reset_from_the_spanish_page(client, programme):
    factories.trainee("reset.me@example.org")
    client.post("/es/accounts/password/reset/", {"email": "reset.me@example.org"})
    (sent,) = mail.outbox
    assert sent.subject == "Academia de Justicia: elija una contraseña nueva"
    assert "/es/accounts/password/reset/key/" in sent.body
    assert "testserver" not in without_links(sent.body)
    assert INFORMAL.search(sent.body) is None


def test_the_page_after_sign_up_speaks_formally(client):
    html = client.get("/es/accounts/confirm-email/").content.decode()
    assert "Le hemos enviado un correo electrónico" in html
    assert INFORMAL.search(re.sub(r"<[^>]+>", " ", html)) is None
