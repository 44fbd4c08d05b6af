"""The feedback page and its CSV export for one large seller account.

Seeds (in SQL, fast) one account with 1,000,000 orders bought over the last
year and 200,000 feedback rows over three years (70 % positive, 10 % neutral,
20 % negative; the negative and neutral ones of the last 60 days with an open
removal case and clock, the older ones with a closed case), then times the page
server-side through Django's full request cycle (50 requests) and the whole CSV
export once. Prints the plans of the page's aggregates, then the figures.

    DATABASE_URL=postgres://postgres@127.0.0.1/sellerdesk_bench .venv/bin/python bench/feedback_page.py [--scale 0.01]
"""

import sys
from pathlib import Path

# Run as a script, this file's folder would come first on sys.path, and bench/queue.py
# would shadow the standard library's `queue`: start from the root.
sys.path[0] = str(Path(__file__).resolve().parent.parent)

import time  # noqa: E402

from bench.common import figure, median, orders_insert, page_times, percentile, setup  # noqa: E402

args = setup(__doc__)

from django.contrib.auth import get_user_model  # noqa: E402  (Django is set up by setup())
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from feedback.models import Feedback  # noqa: E402
from feedback.selectors import feedback_overview  # noqa: E402
from helpdesk.models import Membership, Order, SellerAccount  # noqa: E402
from helpdesk.services.order_days import order_days_rebuild  # noqa: E402

ORDERS = int(1_000_000 * args.scale)
FEEDBACK = int(200_000 * args.scale)
REQUESTS = 50
User = get_user_model()


def seed() -> SellerAccount:
    account, _ = SellerAccount.objects.get_or_create(
        slug="bench-feedback", defaults={"name": "Bench feedback", "merchant_id": "ABENCHFB0001", "marketplace": "US"}
    )
    me, _ = User.objects.get_or_create(username="bench-feedback-manager")
    Membership.objects.get_or_create(user=me, account=account, defaults={"role": "manager"})
    if Feedback.objects.filter(account=account).count() >= FEEDBACK:
        print(f"reusing {FEEDBACK:,} seeded feedback rows")
        return account
    started = time.perf_counter()
    with connection.cursor() as cursor:
        orders_insert(cursor, accounts=[account.id], count=ORDERS, days=365, prefix="9")
        # Feedback on every fifth order, the rating from the order's number; a date over three years.
        cursor.execute(
            """
            INSERT INTO feedback_feedback (account_id, amazon_order_id, order_id, date, rating, comments, rater_email,
                response, response_draft, status, source, created_at, updated_at)
            SELECT o.account_id, o.amazon_order_id, o.id, (now() - (o.id %% 1095) * interval '1 day')::date,
                   (ARRAY[5, 5, 5, 5, 5, 4, 4, 3, 2, 1])[1 + (o.id / 5) %% 10],
                   (ARRAY['Great seller, fast shipping.', 'Arrived late, box crushed.',
                          'Wrong item sent and no answer.', 'The handle broke after a week.'])[1 + o.id %% 4],
                   o.buyer_email, '', '', 'live', 'report', now(), now()
            FROM helpdesk_order o
            WHERE o.account_id = %(account)s AND o.id %% 5 = 0
            ORDER BY o.id
            LIMIT %(feedback)s
            ON CONFLICT DO NOTHING
            """,
            {"account": account.id, "feedback": FEEDBACK},
        )
        # A removal case for each negative or neutral one: open with its clock inside the 60 days, closed after.
        cursor.execute(
            """
            WITH critical AS (
                SELECT f.id, f.order_id, f.date, f.rating, f.date >= (now() - interval '60 days')::date AS open
                FROM feedback_feedback f WHERE f.account_id = %(account)s AND f.rating <= 3 AND f.case_id IS NULL
            ), cases AS (
                INSERT INTO helpdesk_case (account_id, kind, order_id, subject, buyer_name, status, priority,
                    opened_at, closed_at, next_due_at, next_warn_at, updated_at)
                SELECT %(account)s, 'feedback', c.order_id, c.rating || '-star feedback', '',
                       CASE WHEN c.open THEN 'new' ELSE 'closed' END, 1, c.date,
                       CASE WHEN c.open THEN NULL ELSE now() END,
                       CASE WHEN c.open THEN c.date + interval '60 days' END,
                       CASE WHEN c.open THEN c.date + interval '45 days' END, now()
                FROM critical c ORDER BY c.id
                RETURNING id, order_id
            )
            UPDATE feedback_feedback f SET case_id = cases.id FROM cases
            WHERE f.order_id = cases.order_id AND f.account_id = %(account)s
            """,
            {"account": account.id},
        )
    order_days_rebuild(account=account)  # the orders went in around the importer
    with connection.cursor() as cursor:
        # What autovacuum does on a live database: statistics, and the visibility map index-only scans need.
        for table in ("helpdesk_order", "feedback_feedback", "helpdesk_case", "helpdesk_orderday"):
            cursor.execute(f"VACUUM ANALYZE {table}")
    print(
        f"seeded {Order.objects.filter(account=account).count():,} orders, {FEEDBACK:,} feedback rows "
        f"in {time.perf_counter() - started:.1f}s"
    )
    return account


def explain_overview(account: SellerAccount) -> None:
    """The plan of every query the page's overview makes."""
    with CaptureQueriesContext(connection) as ctx:
        feedback_overview(account=account)
    with connection.cursor() as cursor:
        for query in ctx.captured_queries:
            cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + query["sql"])
            plan = "\n    ".join(row[0] for row in cursor.fetchall())
            print(f"plan:\n    {plan}")


account = seed()
explain_overview(account)
client = Client(HTTP_HOST="localhost")
client.force_login(User.objects.get(username="bench-feedback-manager"))
url = f"/feedback/?account={account.id}"
times, queries = page_times(client, url, requests=REQUESTS)

start = time.perf_counter()
response = client.get(f"/feedback/export.csv?account={account.id}", secure=True)
csv_rows = sum(chunk.count(b"\n") for chunk in response.streaming_content) - 1
csv_seconds = time.perf_counter() - start

figure("feedback", Feedback.objects.filter(account=account).count())
figure("orders", Order.objects.filter(account=account).count())
figure("queries_per_page", queries)
figure("median_ms_page", median(times))
figure("p95_ms_page", percentile(times, 95))
figure("csv_rows", csv_rows)
figure("csv_seconds", csv_seconds)
figure("csv_rows_per_second", csv_rows / csv_seconds)
