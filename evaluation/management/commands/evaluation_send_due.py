"""Sends the follow-up questionnaires that are due, and their one reminder.

Run it periodically (cron or a systemd timer, docs/deploy.md): each run claims
what is due and queues the e-mails for the task worker; running it twice, or
on two machines at once, sends nothing twice.
"""

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from evaluation.services import follow_ups_send_due


class Command(BaseCommand):
    help = (
        "E-mails the follow-up questionnaires due (N days after completion) and one "
        "reminder to those not answered 14 days after. Idempotent: run it hourly or daily."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--now",
            help="Act as if it were this moment (ISO 8601), for tests and catching up.",
        )

    def handle(self, *args, now=None, **options):
        moment = None
        if now:
            moment = parse_datetime(now)
            if moment is None:
                raise CommandError(f"Not a date and time: {now!r}")
            if timezone.is_naive(moment):
                moment = timezone.make_aware(moment)
        done = follow_ups_send_due(now=moment)
        self.stdout.write(f"Follow-ups sent: {done['sent']}; reminders sent: {done['reminded']}.")
