"""The trainee's e-mail after a clearance, sent by a task worker (as certificates' e-mails).

With DJANGO_TASKS_BACKEND=immediate (local, tests) it runs at once, in the
process that enqueued it; in production a `db_worker` takes it.
"""

from django_tasks import task


@task()
def vetting_cleared_email_task(trainee_id: int, course_ids: list[int]) -> bool:
    from .emails import vetting_cleared_email_send

    return vetting_cleared_email_send(trainee_id=trainee_id, course_ids=course_ids)


@task()
def vetting_not_approved_email_task(trainee_id: int, course_ids: list[int]) -> bool:
    from .emails import vetting_not_approved_email_send

    return vetting_not_approved_email_send(trainee_id=trainee_id, course_ids=course_ids)
