from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from demo.accounts import DEMO_ACCOUNTS, DEMO_PASSWORD
from demo.seed import seed_demo


class Command(BaseCommand):
    help = (
        "Create the demo site, courses (English and Spanish) and demo accounts. "
        "Idempotent. Refuses to run with DEBUG off unless --force is given."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--trainees",
            type=int,
            default=0,
            help="Also add this many synthetic trainees spread over the partner countries.",
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="Run even though DEBUG is off (never on a production database).",
        )

    def handle(self, *args, trainees, force, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "DEBUG is off: seed_demo creates accounts with a published password. "
                "Use --force only on a database that is not production."
            )
        if trainees < 0:
            raise CommandError("--trainees must be 0 or more.")
        result = seed_demo(trainees=trainees)
        self.stdout.write(
            self.style.SUCCESS(
                "Demo ready: {courses} courses, {accounts} demo accounts, "
                "{synthetic_trainees_added} synthetic trainees added.".format(**result)
            )
        )
        self.stdout.write(f"Demo accounts (password {DEMO_PASSWORD}):")
        for email, _name, _country, _language, role, _managed in DEMO_ACCOUNTS:
            self.stdout.write(f"  {email:<26} {role.label}")
