"""Slow certificate work, run by a task worker so that no request waits for it.

With DJANGO_TASKS_BACKEND=immediate (local, tests) they run at once, in the
process that enqueued them; in production a `db_worker` takes them.
"""

from django_tasks import task


@task()
def certificate_email_task(certificate_id: int) -> bool:
    from .services import certificate_email_send

    return certificate_email_send(certificate_id=certificate_id)


@task()
def certificate_zip_task(zip_id: int) -> int:
    from .services import certificate_zip_build

    return certificate_zip_build(zip_id=zip_id)
