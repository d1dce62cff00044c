from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EvaluationConfig(AppConfig):
    name = "evaluation"
    verbose_name = _("Training evaluation")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from learning.api import enrollment_completed, enrollment_merging

        from . import receivers

        enrollment_completed.connect(
            receivers.follow_up_on_enrollment_completed, dispatch_uid="evaluation.completed"
        )
        enrollment_merging.connect(
            receivers.evaluation_on_enrollment_merged,
            dispatch_uid="evaluation.enrollment_merging",
        )
