"""Shipping records outlive any purge for at least six months after the order date, and while a case
on the order is active."""

from datetime import UTC, datetime

import pytest

from helpdesk.models import CaseStatus, Order
from helpdesk.retention import (
    SHIPPING_RECORD_FIELDS,
    RetentionError,
    months_after,
    orders_shipping_purgeable,
    shipping_kept_until,
    shipping_purge_check,
)
from tests.factories import CaseFactory, OrderFactory

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 3, 15, 12, 0, tzinfo=UTC)


def test_six_calendar_months_end_on_a_shorter_months_last_day():
    assert months_after(datetime(2025, 8, 31, 9, 0, tzinfo=UTC), 6) == datetime(2026, 2, 28, 9, 0, tzinfo=UTC)
    assert months_after(datetime(2026, 3, 31, tzinfo=UTC), -6) == datetime(2025, 9, 30, tzinfo=UTC)
    assert months_after(datetime(2025, 11, 15, tzinfo=UTC), 2) == datetime(2026, 1, 15, tzinfo=UTC)


def test_an_order_is_purgeable_only_six_months_after_its_date_and_with_no_active_case(account):
    old = OrderFactory(account=account, purchase_date=datetime(2025, 9, 14, tzinfo=UTC))
    boundary = OrderFactory(account=account, purchase_date=datetime(2025, 9, 15, 12, 0, tzinfo=UTC))
    just_inside = OrderFactory(account=account, purchase_date=datetime(2025, 9, 15, 12, 0, 1, tzinfo=UTC))
    recent = OrderFactory(account=account, purchase_date=datetime(2026, 1, 5, tzinfo=UTC))
    disputed = OrderFactory(account=account, purchase_date=datetime(2025, 6, 1, tzinfo=UTC))
    CaseFactory(account=account, order=disputed, kind="chargeback", status=CaseStatus.WAITING)
    settled = OrderFactory(account=account, purchase_date=datetime(2025, 6, 1, tzinfo=UTC))
    CaseFactory(account=account, order=settled, kind="chargeback", status=CaseStatus.CLOSED)
    undated = OrderFactory(account=account, purchase_date=None)

    purgeable = orders_shipping_purgeable(Order.objects.all(), now=NOW)
    assert set(purgeable) == {old, boundary, settled}
    shipping_purge_check(old, now=NOW)
    shipping_purge_check(boundary, now=NOW)  # six months to the second: kept long enough
    for kept in (just_inside, recent, disputed, undated):
        with pytest.raises(RetentionError, match=kept.amazon_order_id):
            shipping_purge_check(kept, now=NOW)
    assert shipping_kept_until(boundary) == NOW
    assert {"ship_date", "carrier", "tracking_number", "delivered_at", "ship_postal_code"} <= set(
        SHIPPING_RECORD_FIELDS
    )
