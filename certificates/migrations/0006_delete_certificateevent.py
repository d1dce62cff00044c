from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("certificates", "0005_certificate_events_to_audit_log"),
    ]

    operations = [migrations.DeleteModel(name="CertificateEvent")]
