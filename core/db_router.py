"""Sends report reads to a PostgreSQL read replica when one is configured.

Only code that asks for it reads from the replica (``with replica_reads():``,
used by the program-manager reports): everything else reads from the
primary, so a trainee always sees what they just wrote.
"""

from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings

_use_replica: ContextVar[bool] = ContextVar("use_replica", default=False)
REPLICA = "replica"


@contextmanager
def replica_reads():
    """Within this block, reads go to the replica (if there is one)."""
    token = _use_replica.set(True)
    try:
        yield
    finally:
        _use_replica.reset(token)


class ReplicaRouter:
    """Reads inside ``replica_reads()`` go to the replica; all writes to default."""

    def db_for_read(self, model, **hints):
        if _use_replica.get() and REPLICA in settings.DATABASES:
            return REPLICA
        return None

    def db_for_write(self, model, **hints):
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        return True

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == "default"
