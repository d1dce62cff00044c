"""E-mails of the follow-up questionnaire, sent by the task worker.

``services.follow_ups_send_due`` (run by the ``evaluation_send_due`` command
from cron or a systemd timer) claims the follow-ups due and queues one task per
e-mail; with DJANGO_TASKS_BACKEND=immediate (local, tests) it runs at once, in
production a ``db_worker`` takes it.
"""

from django_tasks import task


@task()
def follow_up_email_task(follow_up_id: int, reminder: bool) -> bool:
    from .services import follow_up_email_send

    return follow_up_email_send(follow_up_id=follow_up_id, reminder=reminder)
