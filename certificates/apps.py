from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

#: Model permissions program managers need for the certificates admin.
MANAGER_PERMISSIONS = [
    ("certificates", "view_certificate"),
    ("certificates", "change_certificate"),
]


class CertificatesConfig(AppConfig):
    name = "certificates"
    verbose_name = _("Certificates")

    def ready(self):
        from accounts.api import EXTRA_GROUP_PERMISSIONS, PROGRAM_MANAGERS_GROUP, account_merging
        from core import personal_pages
        from learning.api import enrollment_completed, enrollment_merging

        from . import receivers
        from .models import Certificate

        # My learning lists the trainee's certificates (core/personal_pages.py).
        personal_pages.follow(Certificate)

        enrollment_completed.connect(
            receivers.certificate_on_enrollment_completed, dispatch_uid="certificates.completed"
        )
        account_merging.connect(
            receivers.certificates_on_account_merging, dispatch_uid="certificates.merging"
        )
        enrollment_merging.connect(
            receivers.certificates_on_enrollment_merging,
            dispatch_uid="certificates.enrollment_merging",
        )
        granted = EXTRA_GROUP_PERMISSIONS.setdefault(PROGRAM_MANAGERS_GROUP, [])
        for permission in MANAGER_PERMISSIONS:
            if permission not in granted:
                granted.append(permission)
