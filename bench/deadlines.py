"""The deadline engine at 1,000,000 open clocks, 10,000 of them due in the same second.

The clocks are of every kind the apps register (buyer messages, returns, feedback removal,
A-to-z claims, chargebacks, their information requests, appeal windows and follow-ups), in
turn, each on a case of its own kind.

Seeds the clocks in SQL, then runs the real processes — `celery beat` ticking
the sweeper every second and a `celery worker` — against PostgreSQL and Redis,
and measures how late each of the 10,000 breaches (and its email) came after
the due second. Prints the sweep query's plan, then the figures.

WARNING: empties the cases, clocks, notifications and audit rows of the
database at DATABASE_URL first. Give it a database of its own.

    DATABASE_URL=postgres://postgres@127.0.0.1/sellerdesk_bench_clock REDIS_URL=redis://127.0.0.1:6379/14 \\
        .venv/bin/python bench/deadlines.py [--scale 0.01]
"""

import sys
from pathlib import Path

sys.path[0] = str(Path(__file__).resolve().parent.parent)

import os  # noqa: E402
import subprocess  # noqa: E402
import time  # noqa: E402
from datetime import datetime, timedelta  # noqa: E402

from bench.common import ROOT, figure, median, percentile, setup  # noqa: E402

args = setup(__doc__)

from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.utils import timezone  # noqa: E402

from helpdesk.models import Deadline, DeadlineState, Membership, Notification, SellerAccount  # noqa: E402
from helpdesk.registry import registry  # noqa: E402

OPEN = int(1_000_000 * args.scale)
DUE_TOGETHER = max(1, int(10_000 * args.scale))
LEAD_S = 5
TIMEOUT_S = 180
# (case kind, clock kind) of every registered clock: case g and its clock take pair g mod len(MIX).
MIX = [(kind.kind, clock.kind) for kind in registry.kinds() for clock in kind.clocks]
if not settings.REDIS_URL:
    sys.exit("Set REDIS_URL: the benchmark runs the real Celery worker and beat on Redis.")


def seed() -> None:
    started = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute(
            "TRUNCATE helpdesk_notification, helpdesk_activity, helpdesk_deadline, helpdesk_case"
            " RESTART IDENTITY CASCADE"
        )
    accounts = []
    for n in range(5):
        account, _ = SellerAccount.objects.get_or_create(
            slug=f"clock-{n}", defaults={"name": f"Clock {n}", "merchant_id": f"ACLOCK{n:08d}", "marketplace": "US"}
        )
        manager, _ = get_user_model().objects.get_or_create(
            username=f"clock-manager-{n}", defaults={"email": f"manager{n}@bench.test"}
        )
        Membership.objects.get_or_create(user=manager, account=account, defaults={"role": "manager"})
        accounts.append(account.id)
    snapshot = '{"duration_s": 86400, "warn_before_s": 21600, "calendar": "calendar", "timezone": "UTC"}'
    with connection.cursor() as cursor:
        cursor.execute(
            """
            INSERT INTO helpdesk_case (account_id, kind, amazon_order_id, subject, buyer_name, status, priority,
                                       opened_at, updated_at)
            SELECT (%(accounts)s::bigint[])[1 + g %% 5], (%(kinds)s::text[])[1 + g %% %(mix)s], '', 'Case ' || g,
                   'Buyer ' || g, 'new', 1, now(), now()
            FROM generate_series(1, %(n)s) AS g
            """,
            {"accounts": accounts, "n": OPEN + DUE_TOGETHER, "kinds": [k for k, _ in MIX], "mix": len(MIX)},
        )
        # The many: due from 7 hours to 30 days from now, not yet warned.
        cursor.execute(
            """
            INSERT INTO helpdesk_deadline (case_id, account_id, kind, policy_snapshot, started_at, warn_at, due_at,
                                           state)
            SELECT c.id, c.account_id, (%(clocks)s::text[])[1 + c.id %% %(mix)s], %(snapshot)s::jsonb,
                   now(), now() + interval '1 hour' + (c.id %% 40000) * interval '1 minute',
                   now() + interval '7 hours' + (c.id %% 40000) * interval '1 minute', 'open'
            FROM helpdesk_case c WHERE c.id <= %(n)s
            """,
            {"snapshot": snapshot, "n": OPEN, "clocks": [c for _, c in MIX], "mix": len(MIX)},
        )
        # The few: parked far ahead until the processes run; `make_due` moves them all to one second.
        cursor.execute(
            """
            INSERT INTO helpdesk_deadline (case_id, account_id, kind, policy_snapshot, started_at, warn_at, due_at,
                                           warned_at, state)
            SELECT c.id, c.account_id, (%(clocks)s::text[])[1 + c.id %% %(mix)s], %(snapshot)s::jsonb, now(), now(),
                   now() + interval '100 days', now(), 'open'
            FROM helpdesk_case c WHERE c.id > %(n)s
            """,
            {"snapshot": snapshot, "n": OPEN, "clocks": [c for _, c in MIX], "mix": len(MIX)},
        )
        cursor.execute(
            "UPDATE helpdesk_case c SET next_due_at = d.due_at, next_warn_at = d.warn_at"
            " FROM helpdesk_deadline d WHERE d.case_id = c.id"
        )
        cursor.execute("ANALYZE helpdesk_deadline; ANALYZE helpdesk_case")
    print(
        f"seeded {OPEN + DUE_TOGETHER:,} open clocks of {len(MIX)} kinds in {time.perf_counter() - started:.1f}s: "
        + ", ".join(clock for _, clock in MIX)
    )


def make_due() -> datetime:
    """Move the parked clocks to one due second, LEAD_S from now, with the processes already running."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT date_trunc('second', now()) + %s * interval '1 second'", [LEAD_S])
        due = cursor.fetchone()[0]
        cursor.execute(
            """
            UPDATE helpdesk_deadline SET due_at = %(due)s, warn_at = %(due)s - interval '6 hours',
                   warned_at = %(due)s - interval '6 hours', started_at = %(due)s - interval '24 hours'
            WHERE case_id > %(n)s
            """,
            {"due": due, "n": OPEN},
        )
        cursor.execute(
            "UPDATE helpdesk_case SET next_due_at = %(due)s, next_warn_at = %(due)s - interval '6 hours'"
            " WHERE id > %(n)s",
            {"due": due, "n": OPEN},
        )
    print(f"{DUE_TOGETHER:,} clocks due at {due:%H:%M:%S}")
    return due


def explain_sweep() -> None:
    query = (
        Deadline.objects.filter(state=DeadlineState.OPEN, due_at__lte=timezone.now() + timedelta(seconds=LEAD_S))
        .order_by("due_at", "id")
        .select_for_update(skip_locked=True, of=("self",))
        .select_related("case")[: settings.SWEEP_BATCH_SIZE]
    )
    with transaction.atomic(), connection.cursor() as cursor:
        sql, params = query.query.sql_with_params()
        cursor.execute("EXPLAIN " + sql, params)
        plan = "\n    ".join(row[0] for row in cursor.fetchall())
    print(f"sweep query plan:\n    {plan}")
    figure("sweep_uses_index", "deadline_open_due" in plan)


seed()
explain_sweep()
env = {
    **os.environ,
    "SWEEP_INTERVAL_S": "1",
    "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
    "VAR_DIR": str(ROOT / "var" / "bench"),
}
(ROOT / "var" / "bench").mkdir(parents=True, exist_ok=True)
celery = [sys.executable, "-m", "celery", "-A", "helpdesk"]
processes = [
    subprocess.Popen([*celery, "worker", "--concurrency=2", "--loglevel=WARNING"], env=env, cwd=ROOT),
    subprocess.Popen(
        [*celery, "beat", "--loglevel=WARNING", "-s", str(ROOT / "var" / "bench" / "beat-schedule")], env=env, cwd=ROOT
    ),
]
try:
    time.sleep(8)  # let the worker and beat start
    due = make_due()
    few = Deadline.objects.filter(due_at=due)
    deadline = time.monotonic() + LEAD_S + TIMEOUT_S
    while time.monotonic() < deadline:
        breached = few.filter(state=DeadlineState.BREACHED).count()
        emailed = Notification.objects.filter(deadline__due_at=due, email_state="sent").count()
        if breached == DUE_TOGETHER and emailed >= DUE_TOGETHER:
            break
        time.sleep(0.5)
finally:
    for process in processes:
        process.terminate()
    for process in processes:
        process.wait(timeout=30)

lateness = [(b - due).total_seconds() for b in few.exclude(breached_at=None).values_list("breached_at", flat=True)]
notified = [
    (s - due).total_seconds()
    for s in Notification.objects.filter(deadline__due_at=due)
    .exclude(email_sent_at=None)
    .values_list("email_sent_at", flat=True)
]
print(f"breached {len(lateness):,} of {DUE_TOGETHER:,}; emailed {len(notified):,}")
print("the sweep runs every second; a 1-to-5-minute cron sweep would make lateness 60-300 s")
figure("open_clocks", OPEN + DUE_TOGETHER)
figure("clock_kinds", len(MIX))
figure("due_together", DUE_TOGETHER)
figure("breached", len(lateness))
figure("p50_lateness_s", median(lateness))
figure("p99_lateness_s", percentile(lateness, 99))
figure("max_lateness_s", max(lateness, default=float("nan")))
figure("clear_all_s", max(lateness, default=float("nan")))
figure("p99_emailed_s", percentile(notified, 99))
