"""Account work done outside the request (the set-password e-mail of a new account).

With DJANGO_TASKS_BACKEND=immediate (local, tests) it runs at once, in the
process that enqueued it; in production a `db_worker` takes it.
"""

from django_tasks import task


@task()
def account_invitation_task(user_id: int) -> bool:
    from .services import account_invitation_send

    return account_invitation_send(user_id=user_id)
