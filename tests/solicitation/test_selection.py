"""Which delivered orders are asked for a review, and the reason shown for each."""

from datetime import datetime, time, timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from claims.kinds import ATOZ, CHARGEBACK
from feedback.kinds import FEEDBACK
from feedback.models import Feedback
from feedback.solicitation.models import RequestState, SkuExclusion, SolicitationRequest, SolicitationSettings
from feedback.solicitation.selectors import solicitation_candidates
from messaging.kinds import MESSAGE
from returns.kinds import RETURN
from tests.factories import CaseFactory, OrderFactory, OrderItemFactory

from .helpers import ON, delivered

pytestmark = pytest.mark.django_db


def rows(account, on=ON) -> dict[str, tuple[bool, str]]:
    return {
        c.order.amazon_order_id: (c.included, c.reason) for c in solicitation_candidates(account=account, on_date=on)
    }


# --- the window -------------------------------------------------------------


def test_window_edges_day_5_and_day_30_are_in_4_and_31_are_out(account):
    """Day 0 is the delivery day; both ends of Amazon's 5-30 window are included.
    The preview shows one day either side of the window and nothing further."""
    orders = {days: delivered(account, days) for days in (3, 4, 5, 30, 31, 32)}
    result = rows(account)
    assert orders[3].amazon_order_id not in result
    assert orders[32].amazon_order_id not in result
    assert result[orders[4].amazon_order_id] == (False, "delivered 4 days ago: too early (asks from day 5)")
    assert result[orders[5].amazon_order_id] == (True, "delivered 5 days ago: in the 5-30 day window")
    assert result[orders[30].amazon_order_id] == (True, "delivered 30 days ago: in the 5-30 day window")
    assert result[orders[31].amazon_order_id] == (False, "delivered 31 days ago: too late (asks until day 30)")


def test_days_are_counted_in_the_account_timezone(account):
    # 23:30 in New York on 15 March is already 16 March in UTC: still day 5 for this account.
    late_evening = delivered(account, 5, at=time(23, 30))
    early_morning = delivered(account, 4, at=time(0, 15))
    result = rows(account)
    assert result[late_evening.amazon_order_id][0] is True
    assert result[early_morning.amazon_order_id] == (False, "delivered 4 days ago: too early (asks from day 5)")


def test_the_window_follows_the_account_rules(account):
    SolicitationSettings.objects.create(account=account, window_start_days=7, window_end_days=20)
    day6, day7, day20, day21 = (delivered(account, d) for d in (6, 7, 20, 21))
    result = rows(account)
    assert result[day6.amazon_order_id] == (False, "delivered 6 days ago: too early (asks from day 7)")
    assert result[day7.amazon_order_id][0] is True
    assert result[day20.amazon_order_id] == (True, "delivered 20 days ago: in the 7-20 day window")
    assert result[day21.amazon_order_id] == (False, "delivered 21 days ago: too late (asks until day 20)")


def test_orders_without_a_delivery_date_are_not_candidates(account):
    OrderFactory(account=account, delivered_at=None)
    assert rows(account) == {}


# --- every rule that leaves an order out -----------------------------------


def _return(account, order, manager):
    CaseFactory(account=account, order=order, kind=RETURN)
    return "has a return"


def _atoz(account, order, manager):
    CaseFactory(account=account, order=order, kind=ATOZ)
    return "has an A-to-z claim"


def _chargeback(account, order, manager):
    CaseFactory(account=account, order=order, kind=CHARGEBACK)
    return "has a chargeback"


def _refunded_order(account, order, manager):
    order.status = "Refunded"
    order.save()
    return "refunded"


def _refunded_item(account, order, manager):
    OrderItemFactory(order=order, sku="LID-SPORT", item_status="Partially refunded")
    return "refunded"


def _feedback(account, order, manager):
    CaseFactory(account=account, order=order, kind=FEEDBACK)
    return "already has feedback"


def _buyer_returned(account, order, manager):
    earlier = delivered(account, 200, skus=("OTHER",), buyer_email=order.buyer_email)
    CaseFactory(account=account, order=earlier, kind=RETURN)
    return f"buyer returned another order ({earlier.amazon_order_id})"


def _buyer_refunded(account, order, manager):
    earlier = delivered(account, 200, skus=("OTHER",), buyer_email=order.buyer_email, status="Refunded")
    return f"buyer was refunded on another order ({earlier.amazon_order_id})"


def _sku_excluded(account, order, manager):
    SkuExclusion.objects.create(account=account, sku="BTL-750", excluded_by=manager, reason="lid leaks")
    return "SKU BTL-750 excluded by Mona: lid leaks"


def _sku_returns(account, order, manager):
    # 7 orders with the SKU in the last 90 days (this one included), 1 returned: 14.3 %.
    for n in range(6):
        other = OrderFactory(account=account, purchase_date=order.purchase_date - timedelta(days=n + 1))
        OrderItemFactory(order=other, sku="BTL-750")
        if n == 0:
            CaseFactory(account=account, order=other, kind=RETURN)
    return "SKU BTL-750 returns 14.3% > 10%"


def _already_requested(account, order, manager):
    SolicitationRequest.objects.create(
        account=account,
        order=order,
        state=RequestState.SENT,
        requested_at=datetime(2026, 3, 10, 9, 0, tzinfo=account.tzinfo),
    )
    return "already requested on 10 Mar 2026 (sent)"


def _paused(account, order, manager):
    SolicitationSettings.objects.create(account=account, paused=True)
    return "solicitation paused"


RULES = [
    _return,
    _atoz,
    _chargeback,
    _refunded_order,
    _refunded_item,
    _feedback,
    _buyer_returned,
    _buyer_refunded,
    _sku_excluded,
    _sku_returns,
    _already_requested,
    _paused,
]


@pytest.mark.parametrize("rule", RULES, ids=[rule.__name__.strip("_") for rule in RULES])
def test_each_rule_leaves_the_order_out_with_its_reason(account, manager, rule):
    order = delivered(account, 12)
    assert rows(account)[order.amazon_order_id] == (True, "delivered 12 days ago: in the 5-30 day window")
    expected = rule(account, order, manager)
    assert rows(account)[order.amazon_order_id] == (False, expected)


def test_feedback_rows_of_the_feedback_app_count(account):
    """The one join into the feedback app: feedback.Feedback by account and order id."""
    order = delivered(account, 12)
    Feedback.objects.create(
        account=account, amazon_order_id=order.amazon_order_id, order=order, date=ON - timedelta(days=2), rating=5
    )
    assert rows(account)[order.amazon_order_id] == (False, "already has feedback")


def test_a_request_already_made_is_the_reason_even_outside_the_window(account):
    order = delivered(account, 31)
    SolicitationRequest.objects.create(
        account=account,
        order=order,
        state=RequestState.NOT_ELIGIBLE,
        requested_at=datetime(2026, 2, 24, 12, tzinfo=account.tzinfo),
    )
    assert rows(account)[order.amazon_order_id] == (False, "already requested on 24 Feb 2026 (not eligible)")


# --- a dry run's "would send" ------------------------------------------------


def _would_send(account, order):
    return SolicitationRequest.objects.create(
        account=account,
        order=order,
        state=RequestState.WOULD_SEND,
        requested_at=datetime(2026, 3, 12, 9, tzinfo=account.tzinfo),
    )


def test_while_dry_a_would_send_leaves_the_order_out(account):
    order = delivered(account, 12)
    _would_send(account, order)
    assert rows(account)[order.amazon_order_id] == (
        False,
        "dry run recorded “would send” on 12 Mar 2026, nothing reached Amazon: "
        "asked for real once SP-API credentials are configured",
    )


def test_once_live_a_would_send_no_longer_counts_and_the_reason_says_so(account, settings):
    settings.SPAPI_REFRESH_TOKEN, settings.SPAPI_CLIENT_ID, settings.SPAPI_CLIENT_SECRET = "rt", "id", "secret"
    settings.SPAPI_ACCOUNT = account.slug
    order = delivered(account, 12)
    _would_send(account, order)
    assert rows(account)[order.amazon_order_id] == (
        True,
        "delivered 12 days ago: in the 5-30 day window (a dry run on 12 Mar 2026 sent nothing)",
    )
    SolicitationRequest.objects.create(account=account, order=order, state=RequestState.SENT)
    assert rows(account)[order.amazon_order_id][1].startswith("already requested on ")


# --- the delivery date: actual, else Amazon's latest estimate ----------------


def _expected(account, days, *, status="Shipped", **fields):
    """An order with no delivery date whose Amazon latest delivery estimate is `days` days before ON."""
    when = datetime.combine(ON - timedelta(days=days), time(23, 59, 59), tzinfo=account.tzinfo)
    fields.setdefault("purchase_date", when - timedelta(days=6))
    order = OrderFactory(account=account, status=status, delivered_at=None, estimated_delivery_date=when, **fields)
    OrderItemFactory(order=order, sku="BTL-750")
    return order


def test_a_shipped_orders_estimate_stands_in_for_the_delivery_date(account):
    day4, day5, day30, day31 = (_expected(account, d) for d in (4, 5, 30, 31))
    result = rows(account)
    assert result[day4.amazon_order_id] == (False, "expected 4 days ago: too early (asks from day 5)")
    assert result[day5.amazon_order_id] == (True, "expected 5 days ago: in the 5-30 day window")
    assert result[day30.amazon_order_id] == (True, "expected 30 days ago: in the 5-30 day window")
    assert result[day31.amazon_order_id] == (False, "expected 31 days ago: too late (asks until day 30)")


def test_the_estimate_counts_only_for_shipped_orders(account):
    for status in ("Unshipped", "Pending", "Cancelled", "PartiallyShipped"):
        _expected(account, 10, status=status)
    assert rows(account) == {}


def test_the_actual_delivery_date_wins_over_the_estimate(account):
    order = delivered(account, 10, estimated_delivery_date=datetime.combine(ON, time(12), tzinfo=account.tzinfo))
    late = delivered(account, 40, estimated_delivery_date=datetime.combine(ON, time(12), tzinfo=account.tzinfo))
    candidate = {c.order.amazon_order_id: c for c in solicitation_candidates(account=account, on_date=ON)}
    assert (candidate[order.amazon_order_id].reason, candidate[order.amazon_order_id].delivery_estimated) == (
        "delivered 10 days ago: in the 5-30 day window",
        False,
    )
    assert late.amazon_order_id not in candidate


def test_an_order_bought_too_long_before_its_delivery_is_not_looked_at(account):
    """The purchase date bounds the query (it keeps it on the account/purchase-date index)."""
    in_time = delivered(account, 10, purchase_date=datetime(2025, 11, 15, tzinfo=account.tzinfo))
    long_preorder = delivered(account, 10, purchase_date=datetime(2025, 10, 1, tzinfo=account.tzinfo))
    unknown = delivered(account, 10, purchase_date=None)
    result = rows(account)
    assert in_time.amazon_order_id in result and unknown.amazon_order_id in result
    assert long_preorder.amazon_order_id not in result


def test_an_order_without_lines_is_left_out_until_they_are_imported(account):
    order = _expected(account, 10)
    order.items.all().delete()
    assert rows(account)[order.amazon_order_id] == (
        False,
        "no order lines imported yet: the SKU rules cannot be checked",
    )


# --- where each rule stops -------------------------------------------------


def test_other_cases_of_the_order_do_not_leave_it_out(account):
    order = delivered(account, 12)
    CaseFactory(account=account, order=order, kind=MESSAGE)
    assert rows(account)[order.amazon_order_id][0] is True


def test_return_rate_equal_to_the_threshold_is_still_in(account):
    order = delivered(account, 12)
    for n in range(9):  # 10 orders, 1 returned: exactly 10 %
        other = OrderFactory(account=account, purchase_date=order.purchase_date - timedelta(days=n + 1))
        OrderItemFactory(order=other, sku="BTL-750")
        if n == 0:
            CaseFactory(account=account, order=other, kind=RETURN)
    assert rows(account)[order.amazon_order_id][0] is True
    SolicitationSettings.objects.create(account=account, max_sku_return_rate=Decimal("9.5"))
    assert rows(account)[order.amazon_order_id] == (False, "SKU BTL-750 returns 10% > 9.5%")


def test_return_rate_counts_the_last_90_days_and_no_cancelled_orders(account):
    order = delivered(account, 12)
    old = OrderFactory(account=account, purchase_date=order.purchase_date - timedelta(days=120))
    OrderItemFactory(order=old, sku="BTL-750")
    CaseFactory(account=account, order=old, kind=RETURN)  # too old to count
    returned = OrderFactory(account=account, purchase_date=order.purchase_date - timedelta(days=1))
    OrderItemFactory(order=returned, sku="BTL-750")
    CaseFactory(account=account, order=returned, kind=RETURN)
    for _ in range(9):  # recent orders that never shipped do not dilute the rate
        cancelled = OrderFactory(account=account, status="Cancelled", purchase_date=order.purchase_date)
        OrderItemFactory(order=cancelled, sku="BTL-750")
    assert rows(account)[order.amazon_order_id] == (False, "SKU BTL-750 returns 50% > 10%")


def test_buyers_are_linked_only_by_a_known_relay_address(account):
    order = delivered(account, 12, buyer_email="")
    other = delivered(account, 200, skus=("OTHER",), buyer_email="")
    CaseFactory(account=account, order=other, kind=RETURN)
    assert rows(account)[order.amazon_order_id][0] is True


def test_another_accounts_returns_and_exclusions_do_not_count(account, other_account, manager):
    order = delivered(account, 12)
    theirs = delivered(other_account, 200, buyer_email=order.buyer_email, status="Refunded")
    CaseFactory(account=other_account, order=theirs, kind=RETURN)
    SkuExclusion.objects.create(account=other_account, sku="BTL-750")
    assert rows(account)[order.amazon_order_id][0] is True


def test_the_first_reason_in_order_is_shown(account, manager):
    order = delivered(account, 12)
    _sku_excluded(account, order, manager)
    _return(account, order, manager)
    assert rows(account)[order.amazon_order_id] == (False, "has a return")


# --- cost -------------------------------------------------------------------


def _mixed_orders(account, manager, count):
    for n in range(count):
        order = delivered(
            account, 4 + n % 28, skus=(f"SKU-{n % 5}", "BTL-750"), buyer_email=f"b{n % 7}@marketplace.amazon.com"
        )
        if n % 4 == 0:
            CaseFactory(account=account, order=order, kind=RETURN)
        if n % 6 == 0:
            SolicitationRequest.objects.create(account=account, order=order)
    SkuExclusion.objects.get_or_create(account=account, sku="SKU-3", defaults={"excluded_by": manager})


def test_queries_do_not_grow_with_the_orders(account, manager):
    _mixed_orders(account, manager, 3)
    with CaptureQueriesContext(connection) as few:
        solicitation_candidates(account=account, on_date=ON)
    _mixed_orders(account, manager, 60)
    with CaptureQueriesContext(connection) as many:
        candidates = solicitation_candidates(account=account, on_date=ON)
        [item.sku for c in candidates for item in c.order.items.all()]
    assert len(candidates) == 63
    assert len(few.captured_queries) == len(many.captured_queries) <= 6
