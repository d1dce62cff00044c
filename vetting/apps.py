from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VettingConfig(AppConfig):
    name = "vetting"
    verbose_name = _("Vetting")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from accounts.api import account_merging
        from core import personal_pages

        from .models import VettingRecord, VettingRequest
        from .services import vetting_on_account_merging

        # A course page shows whether the trainee's enrolment awaits vetting:
        # a decision or a request makes their stored pages stale.
        personal_pages.follow(VettingRecord, user_of=lambda record: record.trainee_id)
        personal_pages.follow(VettingRequest, user_of=lambda request: request.trainee_id)
        account_merging.connect(vetting_on_account_merging, dispatch_uid="vetting.merging")
