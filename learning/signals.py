"""The signals other apps listen to."""

from django.dispatch import Signal

#: Sent (``enrollment=``, ``final_attempt=``) inside the transaction that
#: decides it, when an enrolment becomes complete, and again each time a
#: completed enrolment's trainee passes a final exam (a renewal after expiry).
#: ``final_attempt`` is the final-exam attempt whose score counts
#: (``queries.final_exam_best``, or the attempt just passed when completing
#: again), None for a course without a final exam. Certificates are issued
#: and renewed from here (``certificates.receivers``).
enrollment_completed = Signal()

#: Sent (``source=``, ``target=``) while two accounts of one person are merged,
#: when ``source`` (an enrolment of the merged-away account, or the survivor's
#: own one, whichever lost) is about to be deleted in favour of ``target`` in
#: the same course. Its lesson completions and attempts have moved already;
#: certificates repoint theirs (``certificates.receivers``).
enrollment_merging = Signal()
