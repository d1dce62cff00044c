"""``manage.py accounts_name_keys``: fill the compared form of names still missing."""

from django.core.management.base import BaseCommand

from accounts.models import User
from accounts.names import fill_name_keys


class Command(BaseCommand):
    help = (
        "Stores the compared form of the name (for Likely duplicates) on every account "
        "that has none: after a rolling upgrade, for accounts the previous release wrote."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--every",
            action="store_true",
            help="compute every account's key again (names changed by the previous release)",
        )

    def handle(self, *args, **options):
        changed = fill_name_keys(User, every=options["every"])
        self.stdout.write(f"{changed} account(s) given their name key.")
