"""The signal learning listens to (vetting knows nothing of enrolments)."""

from django.dispatch import Signal

#: Sent (``trainee=``, ``course_ids=``) inside the transaction that records a
#: clearance, with the courses whose requests were waiting. ``learning``
#: enrols the trainee in each (``learning.services``).
vetting_cleared = Signal()
