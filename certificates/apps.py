from django.apps import AppConfig, apps
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
        from accounts.models import PROGRAM_MANAGERS_GROUP
        from accounts.roles import EXTRA_GROUP_PERMISSIONS
        from courses.services import course_completed

        from . import receivers

        course_completed.connect(
            receivers.issue_on_course_completed, dispatch_uid="certificates.issue"
        )
        # assessments may be installed after certificates (or not at all).
        if apps.is_installed("assessments"):
            try:
                from assessments.signals import final_exam_passed
            except ImportError:  # the quiz app has not shipped its signal yet
                final_exam_passed = None
            if final_exam_passed is not None:
                final_exam_passed.connect(
                    receivers.renew_on_final_exam_passed, dispatch_uid="certificates.renew"
                )
        granted = EXTRA_GROUP_PERMISSIONS.setdefault(PROGRAM_MANAGERS_GROUP, [])
        for permission in MANAGER_PERMISSIONS:
            if permission not in granted:
                granted.append(permission)
