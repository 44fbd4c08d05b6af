"""Importing a large returns report, and the managers' returns page, for one large seller account.

Seeds (in SQL, fast) one account with 1,000,000 orders bought over the last year, each with one
line of one of 2,000 SKUs; builds a 100,000-row seller-fulfilled returns report (Amazon's flat
file) about those orders — most returns already approved, one in ten awaiting the seller (a case
with its 48-hour clock), some received, refunded or closed — and imports it through the import job
the upload page and `import_returns` use, into an account without returns (the previous run's are
removed first). Then refreshes the per-SKU figures and times the returns page server-side through
Django's full request cycle (50 requests), against a small account's page for the query count.
Prints the plans of the page's queries, then the figures.

    DATABASE_URL=postgres://postgres@127.0.0.1/sellerdesk_bench_returns REDIS_URL=redis://127.0.0.1:6379/11 \
        .venv/bin/python bench/returns.py [--scale 0.01]

The import queues a refresh of the figures for a worker, as it does in production; the benchmark
refreshes them itself and discards what it queued (its Redis database should be its own).
"""

import sys
from pathlib import Path

# Run as a script, this file's folder would come first on sys.path, and bench/queue.py
# would shadow the standard library's `queue`: start from the root.
sys.path[0] = str(Path(__file__).resolve().parent.parent)

import time  # noqa: E402
from datetime import timedelta  # noqa: E402

from bench.common import figure, median, orders_insert, page_times, percentile, setup  # noqa: E402

args = setup(__doc__)

from django.contrib.auth import get_user_model  # noqa: E402  (Django is set up by setup())
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from helpdesk.celery import app as celery_app  # noqa: E402
from helpdesk.models import Case, ImportJob, Membership, Order, SellerAccount  # noqa: E402
from helpdesk.services.imports import import_job_create, import_job_run  # noqa: E402
from helpdesk.services.order_days import order_days_rebuild  # noqa: E402
from returns.figures import figures_refresh  # noqa: E402
from returns.kinds import RETURNS_REPORT  # noqa: E402
from returns.models import Return  # noqa: E402
from returns.selectors import returns_overview  # noqa: E402

ORDERS = int(1_000_000 * args.scale)
ROWS = int(100_000 * args.scale)
SKUS = 2000
REQUESTS = 50
User = get_user_model()
HEADER = (
    "Order ID\tOrder date\tReturn request date\tReturn request status\tAmazon RMA ID\tMerchant RMA ID\tLabel type\t"
    "Label cost\tCurrency code\tReturn carrier\tTracking ID\tLabel to be paid by\tA-to-Z Claim\tIs prime\tASIN\t"
    "Merchant SKU\tItem Name\tReturn quantity\tReturn Reason\tIn policy\tReturn type\tResolution\tInvoice number\t"
    "Return delivery date\tOrder Amount\tOrder quantity\tSafeT Action reason\tSafeT claim id\tSafeT claim state\t"
    "SafeT claim creation time\tSafeT claim reimbursement amount\tRefunded Amount"
)
REASONS = ("CR-UNWANTED_ITEM", "AMZ-PG-APP-TOO-SMALL", "CR-DEFECTIVE", "AMZ-PG-BAD-DESC", "CR-DAMAGED_BY_CARRIER")


def seed_account(slug: str, orders: int, prefix: str) -> SellerAccount:
    account, _ = SellerAccount.objects.get_or_create(
        slug=slug,
        defaults={"name": slug, "merchant_id": "ABENCHRT" + prefix * 4, "marketplace": "US", "timezone": "UTC"},
    )
    me, _ = User.objects.get_or_create(username="bench-returns-manager")
    Membership.objects.get_or_create(user=me, account=account, defaults={"role": "manager"})
    if Order.objects.filter(account=account).count() >= orders:
        return account
    with connection.cursor() as cursor:
        orders_insert(cursor, accounts=[account.id], count=orders, days=365, prefix=prefix)
        cursor.execute(
            """
            INSERT INTO helpdesk_orderitem (order_id, sku, asin, title, quantity, item_status, currency, item_price)
            SELECT o.id, 'SKU-' || lpad((o.id %% %(skus)s)::text, 4, '0'), '', 'Product ' || (o.id %% %(skus)s), 1,
                   '', 'USD', 10 + (o.id %% 50)
            FROM helpdesk_order o WHERE o.account_id = %(account)s
            ON CONFLICT DO NOTHING
            """,
            {"account": account.id, "skus": SKUS},
        )
    order_days_rebuild(account=account)
    with connection.cursor() as cursor:
        for table in ("helpdesk_order", "helpdesk_orderitem", "helpdesk_orderday"):
            cursor.execute(f"VACUUM ANALYZE {table}")
    return account


CLEARED = (
    "returns_returnedunit",
    "returns_returnitem",
    "returns_return",
    "helpdesk_searchpending",
    "helpdesk_searchdocument",
    "helpdesk_clockday",
    "helpdesk_activity",
    "helpdesk_deadline",
    "helpdesk_case",
)


def returns_clear(account: SellerAccount) -> None:
    """The previous run's returns, their cases and what those left behind (search marks, daily clock
    figures): the import goes into an account without returns."""
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM returns_skufigures WHERE account_id = %s", [account.id])
        cursor.execute("DELETE FROM returns_reasonfigures WHERE account_id = %s", [account.id])
        mine = "SELECT id FROM returns_return WHERE account_id = %s"
        units = f"SELECT id FROM returns_returnedunit WHERE return_id IN ({mine})"
        cursor.execute(f"DELETE FROM returns_unitphoto WHERE unit_id IN ({units})", [account.id])
        for table in ("returns_returnedunit", "returns_returnitem", "returns_returndecision", "returns_returnrefund"):
            cursor.execute(f"DELETE FROM {table} WHERE return_id IN ({mine})", [account.id])
        cursor.execute("DELETE FROM returns_return WHERE account_id = %s", [account.id])
        cases = "SELECT id FROM helpdesk_case WHERE account_id = %s"
        for table in ("helpdesk_searchpending", "helpdesk_searchdocument"):
            cursor.execute(f"DELETE FROM {table} WHERE case_id IN ({cases})", [account.id])
        cursor.execute("DELETE FROM helpdesk_clockday WHERE account_id = %s", [account.id])
        cursor.execute("DELETE FROM helpdesk_activity WHERE account_id = %s", [account.id])
        cursor.execute("DELETE FROM helpdesk_deadline WHERE account_id = %s", [account.id])
        cursor.execute("DELETE FROM helpdesk_case WHERE account_id = %s", [account.id])
        # The dead rows go too: a run must not write into the previous run's bloat.
        for table in CLEARED:
            cursor.execute(f"VACUUM {table}")


def report(account: SellerAccount, rows: int) -> bytes:
    """`rows` returns of distinct orders, spread over the year, one SKU each."""
    step = max(1, Order.objects.filter(account=account).count() // max(rows, 1))
    orders = (
        Order.objects.filter(account=account)
        .order_by("id")
        .values_list("id", "amazon_order_id", "purchase_date")[: rows * step : step]
    )
    lines = [HEADER]
    for n, (pk, order_id, bought) in enumerate(orders):
        requested = bought + timedelta(days=8)
        status, delivered, refunded = "Approved", " ", ""
        if n % 10 == 0:
            status = "Pending Authorization"
        elif n % 20 == 1:
            status = "Closed"
        elif n % 20 == 3:
            delivered, refunded = (requested + timedelta(days=5)).strftime("%d-%b-%Y"), str(10 + pk % 50)
        sku = f"SKU-{pk % SKUS:04d}"
        lines.append(
            "\t".join(
                [
                    order_id,
                    bought.strftime("%d-%b-%Y"),
                    requested.strftime("%d-%b-%Y"),
                    status,
                    f"B{n:010d}RRMA",
                    " ",
                    "AmazonPrePaidLabel",
                    "4.14",
                    "USD",
                    "UPS",
                    f"1Z{n:016d}",
                    "Seller",
                    "N",
                    "N",
                    "",
                    sku,
                    f"Product {pk % SKUS}",
                    "1",
                    REASONS[n % len(REASONS)],
                    "Y",
                    "C-Returns",
                    "StandardRefund",
                    " ",
                    delivered,
                    str(10 + pk % 50),
                    "1",
                    "",
                    "",
                    "",
                    "",
                    "",
                    refunded,
                ]
            )
        )
    return ("\n".join(lines) + "\n").encode()


def explain_page(account: SellerAccount) -> None:
    with CaptureQueriesContext(connection) as ctx:
        returns_overview(account=account, days=90)
    with connection.cursor() as cursor:
        for query in ctx.captured_queries:
            cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + query["sql"])
            plan = "\n    ".join(row[0] for row in cursor.fetchall())
            print(f"plan:\n    {plan}")


started = time.perf_counter()
account = seed_account("bench-returns", ORDERS, "7")
small = seed_account("bench-returns-small", 1000, "6")
print(f"seeded {Order.objects.filter(account=account).count():,} orders in {time.perf_counter() - started:.1f}s")

returns_clear(account)
data = report(account, ROWS)
job = import_job_create(account=account, kind=RETURNS_REPORT, filename="returns.txt", raw=data)
start = time.perf_counter()
job = import_job_run(job_id=job.id)
import_seconds = time.perf_counter() - start
assert job.status == ImportJob.Status.DONE, job.failure
print(job.summary_line)

start = time.perf_counter()
figures_refresh(account_id=account.id)
refresh_seconds = time.perf_counter() - start
if not Return.objects.filter(account=small).exists():
    job = import_job_create(account=small, kind=RETURNS_REPORT, filename="returns.txt", raw=report(small, 50))
    import_job_run(job_id=job.id)
figures_refresh(account_id=small.id)
with connection.cursor() as cursor:
    for table in (
        "returns_return",
        "returns_returnitem",
        "returns_returnedunit",
        "returns_skufigures",
        "helpdesk_case",
    ):
        cursor.execute(f"VACUUM ANALYZE {table}")

explain_page(account)
client = Client(HTTP_HOST="localhost")
client.force_login(User.objects.get(username="bench-returns-manager"))
times, queries = page_times(client, f"/returns/?account={account.id}&days=90", requests=REQUESTS)
_, small_queries = page_times(client, f"/returns/?account={small.id}&days=90", requests=3)

celery_app.control.purge()  # the refreshes the imports queued: done above

figure("orders", Order.objects.filter(account=account).count())
figure("rows", ROWS)
figure("returns", Return.objects.filter(account=account).count())
figure("cases", Case.objects.filter(account=account).count())
figure("import_seconds", import_seconds)
figure("rows_per_s", ROWS / import_seconds)
figure("figures_refresh_seconds", refresh_seconds)
figure("queries_per_page", queries)
figure("queries_per_page_small_account", small_queries)
figure("median_ms", median(times))
figure("p95_ms", percentile(times, 95))
