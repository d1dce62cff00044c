"""Asks for a new summary of the group reports (run it every few minutes from cron)."""

from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Recomputes the summary the by-country and by-agency reports read for large "
        "programmes: enqueued as a task for the workers, or run here with --now."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--now", action="store_true", help="Run it in this process and wait for it."
        )

    def handle(self, *args, now, **options):
        if now:
            from reports.services import report_summary_refresh

            rows = report_summary_refresh()
            self.stdout.write(f"Report summary refreshed: {rows} rows.")
            return
        from reports.tasks import report_summary_refresh_task

        result = report_summary_refresh_task.enqueue()
        self.stdout.write(f"Report summary refresh enqueued: {result.id}.")
