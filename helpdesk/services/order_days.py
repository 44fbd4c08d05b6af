"""The per-day order counts (`OrderDay`): moved by every write that creates an order or
changes its purchase date, rebuilt from the orders when the account's days change meaning."""

from collections import Counter
from collections.abc import Iterable
from datetime import datetime

from django.db import connection, transaction
from django.db.models import Count
from django.db.models.functions import TruncDate
from django.utils import timezone

from helpdesk.models import Order, OrderDay, SellerAccount


def order_days_add(
    *, account: SellerAccount, added: Iterable[datetime | None] = (), removed: Iterable[datetime | None] = ()
) -> None:
    """Count orders purchased at the `added` times into the account's days, and out of the `removed`
    times' days (a purchase date that moved). Call in the transaction that wrote the orders."""
    tz = account.tzinfo
    delta: Counter = Counter()
    for moment in added:
        if moment is not None:
            delta[timezone.localtime(moment, tz).date()] += 1
    for moment in removed:
        if moment is not None:
            delta[timezone.localtime(moment, tz).date()] -= 1
    rows = [(account.pk, day, count) for day, count in sorted(delta.items()) if count]
    if not rows:
        return
    table = OrderDay._meta.db_table
    with connection.cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO {table} (account_id, day, orders) VALUES (%s, %s, %s) "
            f"ON CONFLICT (account_id, day) DO UPDATE SET orders = {table}.orders + excluded.orders",
            rows,
        )


@transaction.atomic
def order_days_rebuild(*, account: SellerAccount) -> int:
    """Count the account's orders per purchase day afresh (after a change of timezone, or a bulk
    load that went around the services). Returns the number of days with orders."""
    OrderDay.objects.filter(account=account).delete()
    counts = (
        Order.objects.filter(account=account, purchase_date__isnull=False)
        .annotate(day=TruncDate("purchase_date", tzinfo=account.tzinfo))
        .values("day")
        .annotate(orders=Count("id"))
        .order_by("day")
    )
    days = OrderDay.objects.bulk_create(OrderDay(account=account, **row) for row in counts)
    return len(days)
