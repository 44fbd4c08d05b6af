"""What must be kept, and for how long, whatever a purge removes.

Amazon's A-to-z Guarantee and chargeback processes ask the seller for the ship date, the
carrier, the tracking number, the delivery confirmation and the address it went to, months
after the order. So an order's shipping record is kept at least `SHIPPING_RECORD_MONTHS`
calendar months after the order date, and for as long as any case on the order is active (a
chargeback may be decided 90 days after the seller represented it). A purge of buyer personal
data removes none of `SHIPPING_RECORD_FIELDS` from an order that `orders_shipping_purgeable`
leaves out; `shipping_purge_check` refuses one order.
"""

import calendar
from datetime import datetime

from django.db.models import Exists, OuterRef, QuerySet

from helpdesk.models import Case, Order
from helpdesk.models.cases import ACTIVE_STATUSES

SHIPPING_RECORD_MONTHS = 6
SHIPPING_RECORD_FIELDS = (
    "purchase_date",
    "ship_date",
    "carrier",
    "tracking_number",
    "ship_service_level",
    "estimated_delivery_date",
    "delivered_at",
    "ship_city",
    "ship_state",
    "ship_postal_code",
    "ship_country",
)


class RetentionError(Exception):
    """A purge reached for a record that must still be kept."""


def months_after(moment: datetime, months: int) -> datetime:
    """The same day and time `months` calendar months later (earlier when negative), on the
    month's last day when it is shorter."""
    index = moment.month - 1 + months
    year, month = moment.year + index // 12, index % 12 + 1
    return moment.replace(year=year, month=month, day=min(moment.day, calendar.monthrange(year, month)[1]))


def shipping_kept_until(order: Order) -> datetime | None:
    """Until when the order's shipping record is kept at least (None: the order date is unknown,
    so it is kept)."""
    if order.purchase_date is None:
        return None
    return months_after(order.purchase_date, SHIPPING_RECORD_MONTHS)


def orders_shipping_purgeable(orders: QuerySet[Order], *, now: datetime) -> QuerySet[Order]:
    """The orders whose shipping record a purge may remove: ordered more than
    `SHIPPING_RECORD_MONTHS` months before `now` or earlier, with no active case on them."""
    active = Case.objects.filter(order=OuterRef("pk"), status__in=ACTIVE_STATUSES)
    return orders.filter(purchase_date__lte=months_after(now, -SHIPPING_RECORD_MONTHS)).exclude(Exists(active))


def shipping_purge_check(order: Order, *, now: datetime) -> None:
    """Raise `RetentionError` unless the order's shipping record may be purged at `now`."""
    kept_until = shipping_kept_until(order)
    if kept_until is None or kept_until > now:
        raise RetentionError(
            f"Order {order.amazon_order_id}: its shipping record is kept at least "
            f"{SHIPPING_RECORD_MONTHS} months after the order date"
            + (f" (until {kept_until:%d %b %Y})." if kept_until else "; the order date is unknown.")
        )
    if order.cases.filter(status__in=ACTIVE_STATUSES).exists():
        raise RetentionError(f"Order {order.amazon_order_id}: a case on it is still active.")
