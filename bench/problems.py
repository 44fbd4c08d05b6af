"""Order-problem detection over a large seller account, as the hourly sync and the ten-minute beat run it.

Seeds (in SQL) one account with 1,000,000 orders bought over the last 60 days; 1 in 100 of them is a
seller-fulfilled order still unshipped, its latest ship date spread from 2 days ago to 2 days ahead.
Then times `problems_detect`: the first run (opens a case a late or nearly late order, with its clock),
a second run at once (nothing new: idempotent), and a run a day later (the orders that passed their
date become late, a tenth of the late ones have shipped meanwhile). Prints the figures.

    DATABASE_URL=postgres://postgres@127.0.0.1/sellerdesk_bench_problems REDIS_URL=redis://127.0.0.1:6379/12 \\
        .venv/bin/python bench/problems.py [--scale 0.01]
"""

import sys
from pathlib import Path

# Run as a script, this file's folder would come first on sys.path, and bench/queue.py
# would shadow the standard library's `queue`: start from the root.
sys.path[0] = str(Path(__file__).resolve().parent.parent)

import time  # noqa: E402
from datetime import timedelta  # noqa: E402

from bench.common import figure, orders_insert, setup  # noqa: E402

args = setup(__doc__)

from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402

from helpdesk.models import Case, Order, SellerAccount  # noqa: E402
from helpdesk.services.deadlines import policies_ensure  # noqa: E402
from problems.kinds import ORDER_PROBLEM  # noqa: E402
from problems.models import OrderProblem  # noqa: E402
from problems.services import problems_detect  # noqa: E402

ORDERS = int(1_000_000 * args.scale)

account, _ = SellerAccount.objects.get_or_create(
    slug="bench-problems", defaults={"name": "Bench problems", "marketplace": "US", "timezone": "America/New_York"}
)
policies_ensure(account=account)
Case.objects.filter(account=account, kind=ORDER_PROBLEM).delete()
Order.objects.filter(account=account).delete()
with connection.cursor() as cursor:
    orders_insert(cursor, accounts=[account.pk], count=ORDERS, days=60, prefix="7")
    # 1 in 100 unshipped and seller-fulfilled, its latest ship date from 2 days ago to 2 days ahead.
    cursor.execute(
        """
        UPDATE helpdesk_order SET status = 'Unshipped', fulfillment_channel = 'MFN', ship_date = NULL,
            latest_ship_date = now() - interval '2 days' + (id %% 97) * interval '1 hour',
            estimated_delivery_date = now() + interval '5 days'
        WHERE account_id = %s AND id %% 100 = 0
        """,
        [account.pk],
    )
    cursor.execute("ANALYZE helpdesk_order")
unshipped = Order.objects.filter(account=account, status="Unshipped").count()


def timed(now):
    with CaptureQueriesContext(connection) as queries:
        start = time.perf_counter()
        result = problems_detect(account=account, now=now)
        seconds = time.perf_counter() - start
    return result, seconds, len(queries.captured_queries)


now = timezone.now()
first, first_s, first_q = timed(now)
second, second_s, second_q = timed(now)
# A day later: a tenth of the late orders have shipped.
with connection.cursor() as cursor:
    cursor.execute(
        "UPDATE helpdesk_order SET status = 'Shipped', ship_date = now() WHERE account_id = %s AND id %% 1000 = 0",
        [account.pk],
    )
later, later_s, later_q = timed(now + timedelta(days=1))

figure("orders", ORDERS)
figure("unshipped_orders", unshipped)
figure("first_run_opened", first.opened)
figure("first_run_s", round(first_s, 2))
figure("first_run_queries", first_q)
figure("second_run_opened", second.opened)
figure("second_run_s", round(second_s, 3))
figure("second_run_queries", second_q)
figure("day_later_newly_late", later.late)
figure("day_later_shipped", later.shipped)
figure("day_later_opened", later.opened)
figure("day_later_s", round(later_s, 2))
figure("problems", OrderProblem.objects.filter(account=account).count())
