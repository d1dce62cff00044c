"""Moves every certificate event into the one audit log (accounts.AuditEvent).

Each line keeps who (actor, and their e-mail as the label), when, the action,
the note and the certificate (as the line's object); it also gets the
certificate's code as target, its country and its holder as the trainee
concerned, as new certificate lines do.
"""

from django.db import migrations

BATCH = 1000


def code_display(code: str) -> str:
    return "-".join(code[i : i + 4] for i in range(0, len(code), 4))


def certificate_content_type(apps):
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_type, _created = ContentType.objects.get_or_create(
        app_label="certificates", model="certificate"
    )
    return content_type


def events_to_audit_log(apps, schema_editor):
    CertificateEvent = apps.get_model("certificates", "CertificateEvent")
    AuditEvent = apps.get_model("accounts", "AuditEvent")
    content_type = certificate_content_type(apps)
    events = CertificateEvent.objects.select_related("certificate", "actor").order_by("at", "pk")
    batch = []
    for event in events.iterator(chunk_size=BATCH):
        certificate = event.certificate
        batch.append(
            AuditEvent(
                actor_id=event.actor_id,
                actor_label=event.actor.email if event.actor is not None else "",
                action=event.action,
                target=f"certificate {code_display(certificate.code)}",
                subject_id=certificate.user_id,
                country=certificate.country_code,
                at=event.at,
                content_type=content_type,
                object_id=certificate.pk,
                note=event.note,
            )
        )
        if len(batch) >= BATCH:
            AuditEvent.objects.bulk_create(batch)
            batch = []
    AuditEvent.objects.bulk_create(batch)


def audit_log_to_events(apps, schema_editor):
    CertificateEvent = apps.get_model("certificates", "CertificateEvent")
    AuditEvent = apps.get_model("accounts", "AuditEvent")
    lines = AuditEvent.objects.filter(content_type=certificate_content_type(apps))
    CertificateEvent.objects.bulk_create(
        CertificateEvent(
            certificate_id=line.object_id,
            action=line.action,
            actor_id=line.actor_id,
            at=line.at,
            note=line.note,
        )
        for line in lines.order_by("at", "pk").iterator(chunk_size=BATCH)
    )
    lines.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0006_certificate_history_in_audit_log"),
        ("certificates", "0004_enrollment_in_learning"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(events_to_audit_log, audit_log_to_events)]
