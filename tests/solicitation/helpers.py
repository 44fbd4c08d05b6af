from datetime import date, datetime, time, timedelta

from tests.factories import OrderFactory, OrderItemFactory

# The date the tests ask on; the `account` fixture is in America/New_York.
ON = date(2026, 3, 20)


def delivered(account, days: int, *, on: date = ON, at: time = time(12, 0), skus=("BTL-750",), **fields):
    """An order of `account` delivered `days` days before `on` (at `at`, account time), with one item per SKU."""
    when = datetime.combine(on - timedelta(days=days), at, tzinfo=account.tzinfo)
    fields.setdefault("purchase_date", when - timedelta(days=3))
    order = OrderFactory(account=account, delivered_at=when, **fields)
    for sku in skus:
        OrderItemFactory(order=order, sku=sku)
    return order
