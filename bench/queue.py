"""The queue page at 1,000,000 cases over 5 seller accounts.

Seeds (in SQL, fast) 1,000,000 cases with orders, a fifth of them active, then
times the queue page server-side through Django's full request cycle: first
page, "mine", "due within 4h", 50 requests each. Prints the plan of the main
query, then the figures.

    DATABASE_URL=postgres://postgres@127.0.0.1/sellerdesk_bench .venv/bin/python bench/queue.py [--scale 0.01]
"""

import sys
from pathlib import Path

# Run as a script, this file's folder would come first on sys.path, and this
# file's name would shadow the standard library's `queue`: start from the root.
sys.path[0] = str(Path(__file__).resolve().parent.parent)

import time  # noqa: E402

from bench.common import figure, median, orders_insert, page_times, percentile, setup  # noqa: E402

args = setup(__doc__)

from django.contrib.auth import get_user_model  # noqa: E402  (Django is set up by setup())
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

from helpdesk.models import Case, Membership, SellerAccount  # noqa: E402
from helpdesk.selectors import QueueFilters, queue_cases  # noqa: E402

ACCOUNTS = 5
CASES = int(1_000_000 * args.scale)
AGENTS_PER_ACCOUNT = 20
REQUESTS = 50
User = get_user_model()


def seed() -> None:
    if Case.objects.count() >= CASES:
        print(f"reusing {Case.objects.count():,} seeded cases")
        return
    started = time.perf_counter()
    accounts = [
        SellerAccount.objects.get_or_create(
            slug=f"bench-{n}", defaults={"name": f"Bench {n}", "merchant_id": f"ABENCH{n:08d}", "marketplace": "US"}
        )[0]
        for n in range(ACCOUNTS)
    ]
    agents = []
    for account in accounts:
        for n in range(AGENTS_PER_ACCOUNT):
            user, _ = User.objects.get_or_create(username=f"bench-{account.slug}-{n}")
            Membership.objects.get_or_create(user=user, account=account, defaults={"role": "agent"})
            agents.append(user.id)
    me, _ = User.objects.get_or_create(username="bench-me", defaults={"first_name": "Bench"})
    me.set_password("bench")
    me.save()
    for account in accounts:
        Membership.objects.get_or_create(user=me, account=account, defaults={"role": "manager"})
    agents.append(me.id)
    account_ids = [a.id for a in accounts]
    with connection.cursor() as cursor:
        orders_insert(cursor, accounts=account_ids, count=CASES, days=90, prefix="1")
        cursor.execute(
            """
            INSERT INTO helpdesk_case (account_id, kind, order_id, subject, buyer_name, status, assignee_id, priority,
                opened_at, closed_at, next_due_at, next_warn_at, updated_at)
            SELECT o.account_id,
                   (ARRAY['message','feedback','return','atoz','chargeback'])[1 + (o.id %% 5)],
                   o.id, 'Case about order ' || o.amazon_order_id, o.buyer_name,
                   CASE WHEN o.id %% 5 = 0 THEN (ARRAY['new','open','waiting'])[1 + (o.id / 5) %% 3] ELSE 'closed' END,
                   CASE WHEN o.id %% 7 = 0 THEN NULL ELSE (%(agents)s::bigint[])[1 + (o.id %% %(n_agents)s)] END,
                   1, now() - interval '2 days',
                   CASE WHEN o.id %% 5 = 0 THEN NULL ELSE now() - interval '1 day' END,
                   CASE WHEN o.id %% 5 = 0
                        THEN now() + ((o.id * 7919) %% 200000) * interval '1 minute' - interval '3 days' END,
                   NULL, now()
            FROM helpdesk_order o
            """,
            {"agents": agents, "n_agents": len(agents)},
        )
        cursor.execute("ANALYZE helpdesk_case; ANALYZE helpdesk_order; ANALYZE helpdesk_membership")
    print(f"seeded {Case.objects.count():,} cases in {time.perf_counter() - started:.1f}s")


seed()
me = User.objects.get(username="bench-me")
client = Client(HTTP_HOST="localhost")
client.force_login(me)

for name, filters in [
    ("first page", QueueFilters()),
    ("mine", QueueFilters(assignee="mine")),
    ("due within 4h", QueueFilters(due_within_hours=4)),
]:
    sql, params = queue_cases(me, filters)[:51].query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql, params)
        plan = "\n    ".join(row[0] for row in cursor.fetchall())
    print(f"plan ({name}):\n    {plan}")

results = {}
for key, url in [("first", "/"), ("mine", "/?assignee=mine"), ("due4h", "/?due=4")]:
    times, queries = page_times(client, url, requests=REQUESTS)
    results[key] = (times, queries)
    print(f"{key}: median {median(times):.1f} ms, p95 {percentile(times, 95):.1f} ms, {queries} queries")

figure("cases", Case.objects.count())
for key, (times, _) in results.items():
    figure(f"median_ms_{key}", median(times))
for key, (times, _) in results.items():
    figure(f"p95_ms_{key}", percentile(times, 95))
figure("queries_per_page", max(q for _, q in results.values()))
