"""The per-day order counts (`OrderDay`): moved by every write that creates an order or
changes its purchase date or fulfilment channel, rebuilt from the orders when the account's
days change meaning."""

from collections import Counter
from collections.abc import Iterable
from datetime import datetime

from django.db import connection, transaction
from django.db.models import Count, Q
from django.db.models.functions import TruncDate
from django.utils import timezone

from helpdesk.models import FulfillmentChannel, Order, OrderDay, SellerAccount

# (purchase time, fulfilment channel) of one order as it is counted
Counted = tuple[datetime | None, str] | datetime | None


def _split(moment: Counted) -> tuple[datetime | None, str]:
    return moment if isinstance(moment, tuple) else (moment, "")


def order_days_add(*, account: SellerAccount, added: Iterable[Counted] = (), removed: Iterable[Counted] = ()) -> None:
    """Count orders purchased at the `added` times (with their fulfilment channel, where known) into
    the account's days, and out of the `removed` ones (a purchase date or channel that changed). Call
    in the transaction that wrote the orders."""
    tz = account.tzinfo
    delta: Counter = Counter()
    for sign, moments in ((1, added), (-1, removed)):
        for moment in moments:
            at, channel = _split(moment)
            if at is None:
                continue
            day = timezone.localtime(at, tz).date()
            delta[day, "orders"] += sign
            if channel in (FulfillmentChannel.AFN, FulfillmentChannel.MFN):
                delta[day, channel.lower()] += sign
    days = sorted({day for day, _ in delta})
    rows = [(account.pk, day, delta[day, "orders"], delta[day, "afn"], delta[day, "mfn"]) for day in days]
    rows = [row for row in rows if any(row[2:])]
    if not rows:
        return
    table = OrderDay._meta.db_table
    with connection.cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO {table} (account_id, day, orders, afn, mfn) VALUES (%s, %s, %s, %s, %s) "
            f"ON CONFLICT (account_id, day) DO UPDATE SET orders = {table}.orders + excluded.orders, "
            f"afn = {table}.afn + excluded.afn, mfn = {table}.mfn + excluded.mfn",
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
        .annotate(
            orders=Count("id"),
            afn=Count("id", filter=Q(fulfillment_channel=FulfillmentChannel.AFN)),
            mfn=Count("id", filter=Q(fulfillment_channel=FulfillmentChannel.MFN)),
        )
        .order_by("day")
    )
    days = OrderDay.objects.bulk_create(OrderDay(account=account, **row) for row in counts)
    return len(days)
