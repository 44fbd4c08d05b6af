"""The review batch counts from the delivery estimates the order sync brings in from Amazon's
Orders API, until the delivery date is known."""

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine

from feedback.solicitation.selectors import solicitation_candidates
from helpdesk.models import AmazonConnection, OrderSyncState
from helpdesk.spapi.sync import order_sync
from tests.factories import OrderFactory, OrderItemFactory
from tests.spapi import amazon_order, iso

pytestmark = pytest.mark.django_db

NEW_YORK = ZoneInfo("America/New_York")
NOW = datetime(2026, 3, 20, 19, 0, tzinfo=UTC)  # 15:00 in New York, the account's timezone
TODAY = date(2026, 3, 20)


@pytest.fixture(autouse=True)
def frozen_clock():
    with time_machine.travel(NOW, tick=False):
        yield


def synced_until(account, moment: datetime | None) -> None:
    AmazonConnection.objects.filter(account=account).update(orders_synced_until=moment)


def _latest_delivery(days_ago: int) -> str:
    """Amazon's LatestDeliveryDate: the end of the promised delivery day, `days_ago` days before today in New York."""
    return iso(datetime.combine(TODAY - timedelta(days=days_ago), time(23, 59, 59), tzinfo=NEW_YORK))


def test_the_batch_counts_from_amazons_estimate_for_shipped_orders_until_the_delivery_is_known(live_account, amazon):
    synced_until(live_account, NOW - timedelta(hours=1))
    ids = {
        "day 5": "111-0000000-0000005",
        "day 4": "111-0000000-0000004",
        "day 31": "111-0000000-0000031",
        "delivered": "111-0000000-0000010",
        "unshipped": "111-0000000-0000012",
    }
    for name, order_id in ids.items():  # imported from the order report: lines, no delivery date
        delivered_at = NOW - timedelta(days=10) if name == "delivered" else None
        order = OrderFactory(
            account=live_account, amazon_order_id=order_id, status="Unshipped", delivered_at=delivered_at
        )
        OrderItemFactory(order=order, sku="BTL-750")
    amazon.orders = [
        amazon_order(
            "shipped",
            AmazonOrderId=ids[name],
            OrderStatus="Unshipped" if name == "unshipped" else "Shipped",
            LastUpdateDate=iso(NOW - timedelta(minutes=30)),
            PurchaseDate=iso(NOW - timedelta(days=days + 6)),
            LatestDeliveryDate=_latest_delivery(days),
        )
        for name, days in (("day 5", 5), ("day 4", 4), ("day 31", 31), ("delivered", 2), ("unshipped", 12))
    ]
    amazon.orders.append(  # a shipped order we have no lines of yet
        amazon_order(
            "shipped",
            AmazonOrderId="111-0000000-0000020",
            LastUpdateDate=iso(NOW - timedelta(minutes=30)),
            PurchaseDate=iso(NOW - timedelta(days=26)),
            LatestDeliveryDate=_latest_delivery(20),
        )
    )
    assert order_sync(account=live_account).state == OrderSyncState.OK

    candidates = {c.order.amazon_order_id: c for c in solicitation_candidates(account=live_account, on_date=TODAY)}
    rows = {order_id: (c.included, c.reason, c.delivery_estimated) for order_id, c in candidates.items()}
    assert rows == {
        ids["day 5"]: (True, "expected 5 days ago: in the 5-30 day window", True),
        ids["day 4"]: (False, "expected 4 days ago: too early (asks from day 5)", True),
        ids["day 31"]: (False, "expected 31 days ago: too late (asks until day 30)", True),
        ids["delivered"]: (True, "delivered 10 days ago: in the 5-30 day window", False),
        "111-0000000-0000020": (False, "no order lines imported yet: the SKU rules cannot be checked", True),
    }
    assert candidates[ids["day 5"]].delivered_on == TODAY - timedelta(days=5)
