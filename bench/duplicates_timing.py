"""The likely-duplicates list over every trainee of a bench database:
``python -m bench.duplicates_timing [RUNS]`` (``BENCH_DATABASE_NAME=bench_1m`` for
the million-trainee database ``bench.run`` makes for ``reports_1m``).

Times ``reports.queries.duplicates.duplicate_groups`` as an administrator sees
it (every trainee, one query on the agency and name-key index), the median of
RUNS, and prints it with the number of trainees, the groups found and the
queries made. Needs the database migrated (``bench.run`` does it).
"""

import statistics
import sys
import time


def main(argv=None) -> None:
    from bench.environment import setup_django

    setup_django()
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from accounts.api import User, trainees_visible_to
    from reports.queries.duplicates import duplicate_groups

    runs = int((argv or sys.argv[1:] or ["5"])[0])
    administrator = User.objects.filter(is_superuser=True).order_by("pk").first()
    scope = trainees_visible_to(administrator)
    seconds = []
    for _ in range(runs):
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            groups = duplicate_groups(scope)
            seconds.append(time.perf_counter() - started)
    print(
        f"likely duplicates over {scope.count()} trainees: {len(groups)} groups, "
        f"{len(queries)} query, median {statistics.median(seconds) * 1000:.1f} ms of {runs} runs"
    )


if __name__ == "__main__":
    main()
