"""Signals accounts sends to the apps above it (which it never imports)."""

from django.dispatch import Signal

#: Sent (``source=``, ``target=``) by ``account_merge`` inside its transaction,
#: with both user rows locked, before ``source`` is deactivated. Each app that
#: keeps rows pointing at a user moves ``source``'s rows to ``target`` (learning
#: its enrolments and attempts, certificates its certificates); a receiver
#: that raises undoes the whole merge.
account_merging = Signal()
