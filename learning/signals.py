"""The one signal other apps listen to."""

from django.dispatch import Signal

#: Sent (``enrollment=``, ``final_attempt=``) inside the transaction that
#: decides it, when an enrolment becomes complete, and again each time a
#: completed enrolment's trainee passes a final exam (a renewal after expiry).
#: ``final_attempt`` is the final-exam attempt whose score counts
#: (``queries.final_exam_best``, or the attempt just passed when completing
#: again), None for a course without a final exam. Certificates are issued
#: and renewed from here (``certificates.receivers``).
enrollment_completed = Signal()
