"""``manage.py accounts_name_keys``: fill the compared form of names still missing."""

from django.core.management.base import BaseCommand

from accounts.models import User
from accounts.names import fill_name_keys


class Command(BaseCommand):
    help = (
        "Stores the compared form of the name (for Likely duplicates) on every account "
        "that has none: after a rolling upgrade, for accounts the previous release wrote."
    )

    def handle(self, *args, **options):
        filled = fill_name_keys(User)
        self.stdout.write(f"{filled} account(s) given their name key.")
