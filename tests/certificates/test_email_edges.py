"""The certificate e-mail: to whom, in which language, with what (and when none is sent)."""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation

from accounts.models import User
from certificates.models import Certificate
from certificates.services import certificate_email_send

pytestmark = pytest.mark.django_db


def send(certificate):
    mail.outbox.clear()
    return certificate_email_send(certificate_id=certificate.pk)


def titled(certificate):
    Certificate.objects.filter(pk=certificate.pk).update(
        course_titles={"en": "Trafficking basics", "es": "Trata: lo básico"}
    )
    certificate.refresh_from_db()
    return certificate


def test_the_email_is_in_the_holders_language_with_code_and_links(certificate):
    titled(certificate)
    User.objects.filter(pk=certificate.user_id).update(preferred_language="es")
    assert send(certificate) is True
    [email] = mail.outbox
    assert email.to == [certificate.user.email]
    assert "Trata: lo básico" in email.subject
    assert "Trata: lo básico" in email.body
    assert certificate.display_code in email.body
    with translation.override("es"):
        assert reverse("my_learning") in email.body


def test_the_holders_language_comes_before_the_certificates(certificate):
    titled(certificate)
    Certificate.objects.filter(pk=certificate.pk).update(language="es")
    User.objects.filter(pk=certificate.user_id).update(preferred_language="en")
    assert send(certificate) is True
    [email] = mail.outbox
    assert "Trafficking basics" in email.subject
    assert "Trata" not in email.subject
    assert f"Certificate code: {certificate.display_code}\n" in email.body


def test_without_a_preferred_language_the_certificates_language_is_used(certificate):
    titled(certificate)
    Certificate.objects.filter(pk=certificate.pk).update(language="es")
    User.objects.filter(pk=certificate.user_id).update(preferred_language="")
    assert send(certificate) is True
    [email] = mail.outbox
    assert "Trata: lo básico" in email.subject


def test_no_email_for_a_missing_certificate_or_holder(certificate):
    mail.outbox.clear()
    assert certificate_email_send(certificate_id=certificate.pk + 1000) is False
    User.objects.filter(pk=certificate.user_id).update(email="")
    assert send(certificate) is False
    Certificate.objects.filter(pk=certificate.pk).update(user=None)
    assert send(certificate) is False
    assert mail.outbox == []


def test_no_email_for_a_deactivated_holder(certificate):
    User.objects.filter(pk=certificate.user_id).update(is_active=False)
    assert send(certificate) is False
    assert mail.outbox == []
