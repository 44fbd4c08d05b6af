"""The managers' dashboard and Amazon's metrics page over a large history.

Seeds (in SQL, fast) 5 seller accounts (two of them in New York time) with 50 agents and one
manager of all five, 1,000,000 message cases over the last 90 days, each with its order, its
conversation of three messages (3,000,000) and one buyer-message clock (1,000,000: most answered,
some late, some breached and met or never met, some "no response needed", some still running),
and negative feedback on about 1.2% of the orders. The seed goes around the services, so the kept
figures are then counted once from the raw rows (`metrics_rebuild`, what `manage.py rebuild_metrics`
runs); then a few hundred clocks are started, met and swept through the services, which keep the
figures as they go.

Prints the plans of the pages' queries, then: the dashboard's p95 (all five accounts, 30 days) and
the metrics page's (one account), their query counts (the same empty as full: `queries_constant`),
and `metrics_exact`: the page's response-time counts (7/30/90 days) and order defect rate (per
fulfilment channel) equal to a slow reference computation over the raw rows, for every account.

    DATABASE_URL=postgres://postgres@127.0.0.1/sellerdesk_bench_dash .venv/bin/python bench/dashboard.py [--scale 0.05]
"""

import sys
from pathlib import Path

sys.path[0] = str(Path(__file__).resolve().parent.parent)

import time  # noqa: E402
from datetime import timedelta  # noqa: E402

from bench.common import figure, median, orders_insert, page_times, percentile, setup  # noqa: E402

args = setup(__doc__)

from django.contrib.auth import get_user_model  # noqa: E402  (Django is set up by setup())
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402

from helpdesk import metrics  # noqa: E402
from helpdesk.models import Case, Membership, SellerAccount  # noqa: E402
from helpdesk.services.deadlines import deadlines_sweep  # noqa: E402
from helpdesk.services.lifecycle import case_open, deadline_meet  # noqa: E402
from helpdesk.services.metrics import metrics_rebuild  # noqa: E402

CASES = int(1_000_000 * args.scale)
ACCOUNTS = 5
AGENTS_PER_ACCOUNT = 10
LIVE_OPERATIONS = 60  # per account, through the services after the rebuild
REQUESTS = 30
User = get_user_model()


def accounts_and_people() -> tuple[list[SellerAccount], User]:
    accounts = []
    manager, _ = User.objects.get_or_create(username="bench-dash-manager", defaults={"first_name": "Maya"})
    for n in range(1, ACCOUNTS + 1):
        account, _ = SellerAccount.objects.get_or_create(
            slug=f"bench-dash-{n}",
            defaults={
                "name": f"Bench {n}",
                "merchant_id": f"ABENCHDASH{n:03d}",
                "marketplace": "US",
                "timezone": "America/New_York" if n > 3 else "UTC",
            },
        )
        accounts.append(account)
        Membership.objects.get_or_create(user=manager, account=account, defaults={"role": "manager"})
        for a in range(AGENTS_PER_ACCOUNT):
            agent, _ = User.objects.get_or_create(
                username=f"bench-dash-{n}-agent-{a}", defaults={"first_name": f"Agent {n}.{a}"}
            )
            Membership.objects.get_or_create(user=agent, account=account, defaults={"role": "agent"})
    return accounts, manager


SEED_CASES = """
INSERT INTO helpdesk_case (account_id, kind, order_id, amazon_order_id, subject, buyer_name, status, priority,
    assignee_id, opened_at, closed_at, next_due_at, next_warn_at, updated_at)
SELECT o.account_id, 'message', o.id, o.amazon_order_id, 'Where is my order?', o.buyer_name,
       CASE WHEN o.id %% 100 < 13 AND o.id %% 100 <> 6 AND o.id %% 100 <> 8 THEN 'open' ELSE 'closed' END,
       1, (SELECT array_agg(m.user_id ORDER BY m.user_id) FROM helpdesk_membership m
           WHERE m.account_id = o.account_id AND m.role = 'agent')[1 + (o.id / 7) %% %(agents)s],
       CASE WHEN o.id %% 100 < 5 THEN now() - (1 + o.id %% 20) * interval '1 hour'
            ELSE o.purchase_date + (o.id %% 30) * interval '1 hour' END,
       NULL, NULL, NULL, now()
FROM helpdesk_order o WHERE o.account_id = ANY(%(accounts)s) ORDER BY o.id
"""

# One buyer-message clock per case: 0-4 running, 5-12 breached (6 and 8 then cancelled with their case,
# 9-12 met late later), 13-14 "no response needed", 15-99 answered after 1 to 40 hours.
SEED_CLOCKS = """
INSERT INTO helpdesk_deadline (case_id, account_id, kind, policy_snapshot, started_at, warn_at, due_at, state,
    warned_at, breached_at, met_at, cancelled_at, exempt, holder_id)
SELECT c.id, c.account_id, 'message_response', '{"duration_s": 86400, "warn_before_s": 21600}'::jsonb,
       c.opened_at, c.opened_at + interval '18 hours', c.opened_at + interval '24 hours',
       CASE WHEN r < 5 THEN 'open' WHEN r IN (6, 8) THEN 'cancelled' WHEN r IN (5, 7) THEN 'breached' ELSE 'met' END,
       NULL,
       CASE WHEN r BETWEEN 5 AND 12 THEN c.opened_at + interval '24 hours 1 minute'
            WHEN r >= 15 AND answer > interval '24 hours' THEN c.opened_at + interval '24 hours 1 minute' END,
       CASE WHEN r BETWEEN 9 AND 12 THEN c.opened_at + interval '30 hours'
            WHEN r IN (13, 14) THEN c.opened_at + interval '2 hours'
            WHEN r >= 15 THEN c.opened_at + answer END,
       CASE WHEN r IN (6, 8) THEN c.opened_at + interval '2 days' END,
       r IN (13, 14),
       CASE WHEN r >= 5 THEN c.assignee_id END
FROM (SELECT c.*, c.id %% 100 AS r,
             ((c.id * 7919) %% 40 + 1) * interval '1 hour' + (c.id %% 60) * interval '1 minute' AS answer
      FROM helpdesk_case c WHERE c.account_id = ANY(%(accounts)s)) c
ORDER BY c.id
"""

SEED_CONVERSATIONS = """
INSERT INTO messaging_conversation (account_id, case_id, order_id, amazon_order_id, buyer_key, buyer_email,
    buyer_name, subject, items, marketplace_id, created_at, last_message_at)
SELECT c.account_id, c.id, c.order_id, c.amazon_order_id, 'b' || c.id || '@marketplace.amazon.com',
       'b' || c.id || '+t@marketplace.amazon.com', c.buyer_name, c.subject, '[]'::jsonb, 'ATVPDKIKX0DER',
       c.opened_at, c.opened_at
FROM helpdesk_case c WHERE c.account_id = ANY(%(accounts)s) ORDER BY c.id
"""

SEED_MESSAGES = """
INSERT INTO messaging_message (conversation_id, direction, sender_name, subject, body_text, quoted_text, body_html,
    cancellation_request, sent_at, created_at)
SELECT v.id, CASE WHEN n = 2 THEN 'out' ELSE 'in' END, v.buyer_name, v.subject,
       (ARRAY['Where is my order? It was due last week.', 'The lid is cracked, can I get a replacement?',
              'Thank you, it arrived today.'])[n], '', '', false, v.created_at + n * interval '1 hour', now()
FROM messaging_conversation v CROSS JOIN generate_series(1, 3) AS n
WHERE v.account_id = ANY(%(accounts)s) ORDER BY v.id, n
"""

SEED_FEEDBACK = """
INSERT INTO feedback_feedback (account_id, amazon_order_id, order_id, date, rating, comments, rater_email, response,
    response_draft, status, source, created_at, updated_at)
SELECT o.account_id, o.amazon_order_id, o.id, (o.purchase_date + (o.id %% 20) * interval '1 day')::date,
       1 + o.id %% 2, 'Arrived broken.', '', '', '', CASE WHEN o.id %% 5 = 0 THEN 'removed' ELSE 'live' END,
       'report', now(), now()
FROM helpdesk_order o WHERE o.account_id = ANY(%(accounts)s) AND o.id %% 83 = 0
ON CONFLICT DO NOTHING
"""


def seed(accounts: list[SellerAccount]) -> None:
    ids = [a.id for a in accounts]
    if Case.objects.filter(account_id__in=ids).count() >= CASES:
        print(f"reusing {CASES:,} seeded cases")
        return
    started = time.perf_counter()
    params = {"accounts": ids, "agents": AGENTS_PER_ACCOUNT}
    with connection.cursor() as cursor:
        orders_insert(cursor, accounts=ids, count=CASES, days=90, prefix="5")
        for name, sql in (
            ("cases", SEED_CASES),
            ("clocks", SEED_CLOCKS),
            ("conversations", SEED_CONVERSATIONS),
            ("messages", SEED_MESSAGES),
            ("feedback", SEED_FEEDBACK),
        ):
            step = time.perf_counter()
            cursor.execute(sql, params)
            print(f"seeded {cursor.rowcount:,} {name} in {time.perf_counter() - step:.1f}s", flush=True)
        cursor.execute(
            """UPDATE helpdesk_case c SET next_due_at = d.due_at, next_warn_at = d.warn_at
               FROM helpdesk_deadline d WHERE d.case_id = c.id AND d.state IN ('open', 'breached')
               AND c.account_id = ANY(%(accounts)s)""",
            params,
        )
    step = time.perf_counter()
    for account in accounts:
        metrics_rebuild(account=account)
    print(
        f"rebuilt the kept figures in {time.perf_counter() - step:.1f}s; seeded in {time.perf_counter() - started:.1f}s"
    )


def live_operations(accounts: list[SellerAccount]) -> None:
    """Clocks started and met (some late, one exempt) and swept through the services: the kept
    figures move with them."""
    now = timezone.now()
    for account in accounts:
        agents = list(Membership.objects.filter(account=account, role="agent").values_list("user", flat=True))
        for n in range(LIVE_OPERATIONS):
            started = now - timedelta(hours=30 + n)
            case = case_open(
                account=account, kind="message", subject="Live", clock="message_response", clock_started_at=started
            )
            case.assignee_id = agents[n % len(agents)]
            case.save(update_fields=["assignee"])
            if n % 3:
                clock = case.deadlines.get()
                deadline_meet(deadline=clock, at=started + timedelta(hours=n % 40), exempt=n % 10 == 1)
    deadlines_sweep()


def reference_response(account: SellerAccount, today, days: int) -> tuple[int, int, int]:
    with connection.cursor() as cursor:
        cursor.execute(
            """
            SELECT count(*) FILTER (WHERE state = 'met' AND NOT exempt),
                   count(*) FILTER (WHERE state = 'met' AND NOT exempt AND met_at - started_at <= interval '24 hours'),
                   count(*) FILTER (WHERE breached_at IS NOT NULL AND state <> 'met')
            FROM helpdesk_deadline
            WHERE account_id = %s AND kind = 'message_response'
              AND (started_at AT TIME ZONE %s)::date BETWEEN %s AND %s
            """,
            [account.id, account.timezone, today - timedelta(days=days - 1), today],
        )
        return cursor.fetchone()


def reference_odr(account: SellerAccount, today) -> dict[str, tuple[int, int]]:
    start, end = metrics.odr_window(today)
    with connection.cursor() as cursor:
        cursor.execute(
            """SELECT fulfillment_channel, count(*) FROM helpdesk_order
               WHERE account_id = %s AND (purchase_date AT TIME ZONE %s)::date BETWEEN %s AND %s GROUP BY 1""",
            [account.id, account.timezone, start, end],
        )
        orders = dict(cursor.fetchall())
        cursor.execute(
            """SELECT coalesce(o.fulfillment_channel, ''), count(DISTINCT f.amazon_order_id)
               FROM feedback_feedback f
               LEFT JOIN helpdesk_order o ON o.account_id = f.account_id AND o.amazon_order_id = f.amazon_order_id
               WHERE f.account_id = %s AND f.rating <= 2 AND f.status = 'live' AND f.date BETWEEN %s AND %s
               GROUP BY 1""",
            [account.id, start, end],
        )
        defective = dict(cursor.fetchall())
    return {channel: (orders.get(channel, 0), defective.get(channel, 0)) for channel in ("MFN", "AFN")}


def exact(accounts: list[SellerAccount]) -> bool:
    same = True
    for account in accounts:
        today = metrics.account_today(account)
        for rate in metrics.response_rates(account=account, today=today):
            ours = (rate.answered, rate.in_24h, rate.unanswered_late)
            theirs = reference_response(account, today, rate.days)
            if ours != tuple(theirs):
                print(f"differs: {account.slug} response {rate.days} days: page {ours}, reference {theirs}")
                same = False
        reference = reference_odr(account, today)
        for figure_ in metrics.odr(account=account, today=today)[:2]:
            ours, theirs = (figure_.orders, figure_.defective), reference[figure_.channel]
            if ours != theirs:
                print(f"differs: {account.slug} ODR {figure_.channel}: page {ours}, reference {theirs}")
                same = False
    return same


def explain(client: Client, url: str) -> None:
    with CaptureQueriesContext(connection) as ctx:
        client.get(url, secure=True)
    with connection.cursor() as cursor:
        for query in ctx.captured_queries:
            if not query["sql"].lstrip().upper().startswith("SELECT"):
                continue
            cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + query["sql"])
            plan = "\n    ".join(row[0] for row in cursor.fetchall())
            print(f"plan of {url}:\n    {query['sql'][:300]}\n    {plan}")


accounts, manager = accounts_and_people()
client = Client(HTTP_HOST="localhost")
client.force_login(manager)
dashboard_url = "/dashboard/?days=30"
metrics_url = f"/metrics/?account={accounts[-1].id}"
_, empty_dashboard = page_times(client, dashboard_url, requests=1)
_, empty_metrics = page_times(client, metrics_url, requests=1)
seed(accounts)
live_operations(accounts)
with connection.cursor() as cursor:
    for table in (
        "helpdesk_case",
        "helpdesk_deadline",
        "helpdesk_order",
        "helpdesk_clockday",
        "helpdesk_orderday",
        "helpdesk_orderdefect",
        "feedback_feedback",
    ):
        cursor.execute(f"VACUUM ANALYZE {table}")
explain(client, dashboard_url)
explain(client, metrics_url)
dashboard_times, dashboard_queries = page_times(client, dashboard_url, requests=REQUESTS)
metrics_times, metrics_queries = page_times(client, metrics_url, requests=REQUESTS)

figure("cases", Case.objects.filter(account__in=accounts).count())
figure("dashboard_queries", dashboard_queries)
figure("metrics_queries", metrics_queries)
figure("dashboard_queries_empty", empty_dashboard)
figure("metrics_queries_empty", empty_metrics)
figure("queries_constant", str(dashboard_queries == empty_dashboard and metrics_queries == empty_metrics).lower())
figure("dashboard_median_ms", median(dashboard_times))
figure("metrics_p95_ms", percentile(metrics_times, 95))
figure("dashboard_p95_ms", percentile(dashboard_times, 95))
figure("metrics_exact", str(exact(accounts)).lower())
