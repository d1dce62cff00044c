"""Signals other apps listen to."""

from django.dispatch import Signal

#: Sent (``enrollment=``, ``attempt=``) when a final-exam attempt is submitted
#: and passes, inside the submit transaction and after
#: ``courses.services.enrollment_update_completion`` has run. Certificates use
#: it to renew an expired certificate.
final_exam_passed = Signal()
