"""What every benchmark shares: Django on DATABASE_URL, --scale, percentiles, figures."""

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def setup(
    description: str,
    default_scale: float = 1.0,
    arguments: Callable[[argparse.ArgumentParser], object] | None = None,
) -> argparse.Namespace:
    """Parse `--scale` (and what `arguments` adds) and start Django against DATABASE_URL (which must be PostgreSQL)."""
    parser = argparse.ArgumentParser(description=description, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "--scale",
        type=float,
        default=default_scale,
        help="multiply the data sizes by this (0.01 for a quick run); 1 is the full benchmark",
    )
    if arguments is not None:
        arguments(parser)
    args = parser.parse_args()
    if not os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")):
        sys.exit(
            "Set DATABASE_URL to a PostgreSQL database the benchmark may fill, e.g. postgres://postgres@127.0.0.1/sellerdesk_bench"
        )
    # Measure the production configuration, not the debug one.
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "helpdesk.settings")
    os.environ.setdefault("DEBUG", "0")
    os.environ.setdefault("SECRET_KEY", "bench-" + "x" * 60)
    os.environ.setdefault("ALLOWED_HOSTS", "localhost")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    return args


def percentile(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(p / 100 * (len(ordered) - 1))))
    return ordered[index]


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def figure(key: str, value: float | int | str) -> None:
    if isinstance(value, float):
        value = f"{value:.3f}"
    print(f"{key}: {value}", flush=True)


def orders_insert(cursor, *, accounts: list[int], count: int, days: int, prefix: str) -> None:
    """`count` amazon.com orders in one INSERT ... SELECT, spread over `accounts` and bought over the
    last `days` days; order ids start with the digit `prefix` (one per benchmark), a third are FBA."""
    cursor.execute(
        """
        INSERT INTO helpdesk_order (account_id, amazon_order_id, merchant_order_id, marketplace_id, sales_channel,
            status, fulfillment_channel, ship_service_level, carrier, tracking_number, currency, buyer_name,
            buyer_email, ship_city, ship_state, ship_postal_code, ship_country, is_business_order,
            purchase_date, created_at, updated_at)
        SELECT (%(accounts)s::bigint[])[1 + g %% cardinality(%(accounts)s::bigint[])],
               %(prefix)s || lpad((g %% 100)::text, 2, '0') || '-' || lpad((g / 100)::text, 7, '0')
                   || '-' || lpad(g::text, 7, '0'),
               '', 'ATVPDKIKX0DER', 'Amazon.com', 'Shipped', CASE WHEN g %% 3 = 0 THEN 'AFN' ELSE 'MFN' END,
               'Standard', 'UPS', '1Z' || g, 'USD', 'Buyer ' || g, %(prefix)s || 'b' || g || '@marketplace.amazon.com',
               '', '', '', 'US', false, now() - (g %% %(days)s) * interval '1 day', now(), now()
        FROM generate_series(1, %(count)s) AS g
        ON CONFLICT DO NOTHING
        """,
        {"accounts": accounts, "count": count, "days": days, "prefix": prefix},
    )


def page_times(client, url: str, *, requests: int) -> tuple[list[float], int]:
    """Milliseconds of `requests` GETs of `url` after one to warm up, and the queries of the last one."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url, secure=True)
    times, queries = [], 0
    for _ in range(requests):
        with CaptureQueriesContext(connection) as ctx:
            start = time.perf_counter()
            response = client.get(url, secure=True)
            times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (url, response.status_code)
        queries = len(ctx.captured_queries)
    return times, queries
