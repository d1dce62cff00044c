"""The door to vetting: the enrolment gate, what a course page shows, the cleared signal.

Other apps import from here, never from this app's other modules
(tests/test_app_layers.py checks it).
"""

from .models import VettingRecord, VettingRequest
from .queries import Gate, course_state, current_record, waiting_courses
from .services import enrolment_gate, vetting_decide
from .signals import vetting_cleared

__all__ = [
    "Gate",
    "VettingRecord",
    "VettingRequest",
    "course_state",
    "current_record",
    "enrolment_gate",
    "vetting_cleared",
    "vetting_decide",
    "waiting_courses",
]
