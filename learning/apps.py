from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LearningConfig(AppConfig):
    name = "learning"
    verbose_name = _("Learning records")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from accounts.api import account_merging
        from core import personal_pages
        from vetting.api import vetting_cleared

        from .merging import learning_on_account_merging
        from .models import Attempt, Enrollment, ModuleCompletion
        from .services import enrollments_on_vetting_cleared

        # Two accounts of one person merged: their records move to the survivor.
        account_merging.connect(learning_on_account_merging, dispatch_uid="learning.merging")
        # A clearance: the trainee's requests waiting for vetting become enrolments.
        vetting_cleared.connect(enrollments_on_vetting_cleared, dispatch_uid="learning.vetting")

        # What My learning, course and lesson pages show of a trainee's records:
        # any change makes their stored pages stale (core/personal_pages.py).
        personal_pages.follow(Enrollment)
        personal_pages.follow(Attempt)
        personal_pages.follow(ModuleCompletion, user_of=completion_user)


def completion_user(completion):
    from .models import Enrollment

    return (
        Enrollment.objects.filter(pk=completion.enrollment_id)
        .values_list("user_id", flat=True)
        .first()
    )
