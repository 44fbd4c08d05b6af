"""The fault tests' Celery worker: `celery worker` as production runs it, on a queue of the test's own,
with the solo pool (one process: `kill -9` stops the work where it is).

With FAULTS_CLOCK_AHEAD_S its clock runs that many seconds ahead: a worker that starts after the leases
and grace periods its killed predecessor left behind have run out (a reply's five-minute lease, the
five minutes after which unread mail is queued again), without the test sitting them out."""

import os
import sys
from datetime import UTC, datetime, timedelta


def main() -> None:
    ahead = float(os.environ.get("FAULTS_CLOCK_AHEAD_S") or 0)
    if ahead:
        import time_machine

        time_machine.travel(datetime.now(UTC) + timedelta(seconds=ahead), tick=True).start()
    from helpdesk.celery import app

    queue = os.environ["FAULTS_QUEUE"]
    # What this worker queues (a sweep's notifications, a poll's reading) goes to the test's queue too.
    app.conf.task_default_queue = queue
    app.worker_main(
        [
            "worker",
            "--pool=solo",
            "--queues",
            queue,
            "--hostname",
            os.environ["FAULTS_HOSTNAME"],
            "--loglevel",
            os.environ.get("FAULTS_LOGLEVEL", "WARNING"),
            "--without-gossip",
            "--without-mingle",
            "--without-heartbeat",
        ]
    )


if __name__ == "__main__":
    sys.exit(main())
