"""Report work done outside the request: the summary of the group reports.

With DJANGO_TASKS_BACKEND=immediate (local, tests) it runs at once, in the
process that enqueued it; in production a `db_worker` takes it.
"""

from django_tasks import task


@task()
def report_summary_refresh_task() -> int:
    from .services import report_summary_refresh

    return report_summary_refresh()
