"""The demo's vetting (README, "Demo accounts").

trainee.hn asked to enrol in the course that requires vetting and was cleared
by the Honduras manager, which enrolled her; trainee.mx's request waits in the
queue, pending. Both go through the real gate and decision services.
"""

import datetime

from django.utils import timezone

from accounts.api import User
from courses.api import CoursePage
from learning.api import Enrollment
from vetting.api import VettingRecord, enrolment_gate, vetting_decide

CLEARED_REFERENCE = "HN-VET-2026-0117"


def seed_demo_vetting(users: dict[str, User], course: CoursePage) -> None:
    hn = users["trainee.hn@example.org"]
    mx = users["trainee.mx@example.org"]
    if not VettingRecord.objects.filter(trainee=hn).exists():
        enrolment_gate(trainee=hn, course=course)
        vetting_decide(
            trainee=hn,
            actor=users["manager.hn@example.org"],
            status=VettingRecord.Status.CLEARED,
            decision_date=timezone.localdate() - datetime.timedelta(days=20),
            reference=CLEARED_REFERENCE,
        )
        # The clearance enrolled her on the day of the decision, and she has not
        # opened the course since: her first course stays the one she is studying.
        then = timezone.now() - datetime.timedelta(days=20)
        Enrollment.objects.filter(user=hn, course=course).update(
            enrolled_at=then, last_activity_at=then
        )
    if not VettingRecord.objects.filter(trainee=mx).exists():
        enrolment_gate(trainee=mx, course=course)
