"""Sweepers against the real PostgreSQL: in parallel, killed mid-batch, with Redis flushed."""

import os
import signal
import subprocess
import sys
import threading
from datetime import UTC, datetime, timedelta

import pytest
import redis
from django.conf import settings
from django.db import connection, connections

from helpdesk.celery import app as celery_app
from helpdesk.models import Activity, Case, Deadline, DeadlineState, Notification
from helpdesk.services.deadlines import deadlines_sweep
from helpdesk.tasks import sweep_deadlines

DUE = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)
SNAPSHOT = {"duration_s": 86400, "warn_before_s": 21600, "calendar": "calendar", "timezone": "UTC"}


def _seed_due(account, count):
    cases = Case.objects.bulk_create(
        [Case(account=account, kind="message", subject=f"case {n}", next_due_at=DUE) for n in range(count)]
    )
    Deadline.objects.bulk_create(
        [
            Deadline(
                case=c,
                account=account,
                kind="message_response",
                policy_snapshot=SNAPSHOT,
                started_at=DUE - timedelta(hours=24),
                warn_at=DUE - timedelta(hours=6),
                due_at=DUE,
                warned_at=DUE - timedelta(hours=6),
            )
            for c in cases
        ]
    )


@pytest.mark.django_db(transaction=True)
def test_two_sweepers_in_parallel_transition_and_notify_each_row_once(account, manager):
    _seed_due(account, 10_000)
    barrier = threading.Barrier(2)
    results, errors = [], []

    def sweeper():
        try:
            barrier.wait()
            results.append(deadlines_sweep(now=DUE + timedelta(seconds=1), batch_size=250))
        except Exception as exc:  # surfaced below: a thread's failure must fail the test
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=sweeper) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=300)
    assert not errors
    assert sum(r.breached for r in results) == 10_000
    assert all(r.breached > 0 for r in results), "both sweepers should have claimed work"
    assert Deadline.objects.filter(state=DeadlineState.BREACHED).count() == 10_000
    assert Activity.objects.filter(verb="clock.breached").count() == 10_000
    assert Notification.objects.filter(kind="breach", user=manager).count() == 10_000
    assert Notification.objects.values("deadline_id").distinct().count() == 10_000


KILLABLE = """
import sys, time
import django
django.setup()
from helpdesk.services import deadlines
from helpdesk.models import Activity

def hang(*args, **kwargs):
    print("claimed", flush=True)
    time.sleep(600)

Activity.objects.bulk_create = hang
deadlines.deadlines_sweep(now=deadlines.timezone.now(), batch_size=1000)
"""


@pytest.mark.django_db(transaction=True)
def test_a_worker_killed_between_claim_and_commit_loses_nothing(account, manager):
    _seed_due(account, 200)
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "helpdesk.settings",
        "DATABASE_URL": _database_url(),
    }
    worker = subprocess.Popen(
        [sys.executable, "-c", KILLABLE], env=env, stdout=subprocess.PIPE, text=True, cwd=settings.BASE_DIR
    )
    try:
        assert worker.stdout.readline().strip() == "claimed"
        # While it holds its claim, another sweeper skips those rows rather than waiting or doubling them.
        assert deadlines_sweep(batch_size=1000).breached == 0
    finally:
        worker.send_signal(signal.SIGKILL)
        worker.wait(timeout=30)
    result = deadlines_sweep(batch_size=1000)
    assert result.breached == 200
    assert deadlines_sweep(batch_size=1000).breached == 0
    assert Activity.objects.filter(verb="clock.breached").count() == 200
    assert Notification.objects.filter(kind="breach").count() == 200


@pytest.mark.django_db(transaction=True)
def test_redis_flushed_between_sweeps_loses_nothing(account, manager):
    _seed_due(account, 50)
    sweep_deadlines.apply_async()  # a beat tick now waiting in Redis
    client = redis.Redis.from_url(settings.REDIS_URL)
    assert client.llen("celery") >= 1
    client.flushdb()
    assert client.llen("celery") == 0
    assert Deadline.objects.filter(state=DeadlineState.OPEN).count() == 50
    sweep_deadlines()  # the next tick, after Redis came back empty
    assert Deadline.objects.filter(state=DeadlineState.BREACHED).count() == 50
    assert Notification.objects.filter(kind="breach").count() == 50


def _database_url() -> str:
    db = connection.settings_dict
    return f"postgres://{db['USER']}@{db['HOST']}:{db['PORT'] or 5432}/{db['NAME']}"


def test_celery_points_at_redis():
    assert celery_app.conf.broker_url == settings.REDIS_URL
