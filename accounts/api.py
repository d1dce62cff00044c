"""The door to accounts: people, countries, agencies, roles, scoping, the audit trail.

Other apps import from here, never from this app's other modules
(tests/test_app_layers.py checks it).
"""

from .merging import account_merge, account_merge_refusal
from .models import PROGRAM_MANAGERS_GROUP, Agency, AuditEvent, PartnerCountry, User
from .names import name_key
from .roles import EXTRA_GROUP_PERMISSIONS, Role, roles_setup
from .scoping import countries_visible_to, sees_all_countries, trainees, trainees_visible_to
from .services import AccountError, account_delete, audit_event, audit_record, staff_account_save
from .signals import account_merging

__all__ = [
    "AccountError",
    "Agency",
    "AuditEvent",
    "EXTRA_GROUP_PERMISSIONS",
    "PROGRAM_MANAGERS_GROUP",
    "PartnerCountry",
    "Role",
    "User",
    "account_delete",
    "account_merge",
    "account_merge_refusal",
    "account_merging",
    "audit_event",
    "audit_record",
    "countries_visible_to",
    "roles_setup",
    "name_key",
    "sees_all_countries",
    "staff_account_save",
    "trainees",
    "trainees_visible_to",
]
