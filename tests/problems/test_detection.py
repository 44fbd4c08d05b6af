"""Order problems found in the order data: on the boundaries of the latest ship date, idempotent,
moved on as the order ships, passes its date or is cancelled; buyers' cancellation requests."""

from datetime import timedelta

import pytest

from helpdesk.models import Case, CaseStatus, Deadline
from helpdesk.models.deadlines import DeadlineState
from messaging.models import Direction, Message
from messaging.services import conversation_open_for_order
from problems.kinds import CANCEL_ANSWER, CANCEL_TELL, DELAY_TELL, ORDER_PROBLEM, SHIP_BY
from problems.models import OrderProblem, ProblemKind
from problems.services import problems_detect
from tests.factories import OrderFactory

pytestmark = pytest.mark.django_db


def _clocks(problem):
    return {d.kind: d for d in Deadline.objects.filter(case=problem.case)}


def test_latest_ship_date_now_opens_a_late_problem_with_the_delay_clock(account, unshipped, now):
    order = unshipped(timedelta(0))
    result = problems_detect(account=account, now=now)
    problem = OrderProblem.objects.get(order=order)
    assert (problem.kind, problem.late_at) == (ProblemKind.LATE, order.latest_ship_date)
    assert problem.case.kind == ORDER_PROBLEM and problem.case.order == order
    clocks = _clocks(problem)
    assert set(clocks) == {DELAY_TELL}
    # 48 hours from now, or sooner: the latest delivery date is four days out, so 48 hours.
    assert clocks[DELAY_TELL].due_at == now + timedelta(hours=48)
    assert (result.opened, result.late) == (1, 1)


def test_latest_ship_date_tomorrow_opens_a_ship_by_clock_due_then(account, unshipped, now):
    order = unshipped(timedelta(hours=20))
    problems_detect(account=account, now=now)
    problem = OrderProblem.objects.get(order=order)
    assert problem.late_at is None
    clocks = _clocks(problem)
    assert set(clocks) == {SHIP_BY}
    assert clocks[SHIP_BY].due_at == order.latest_ship_date


def test_latest_ship_date_beyond_the_horizon_opens_nothing_yet(account, unshipped, now):
    unshipped(timedelta(hours=30))  # the ship-by policy takes orders up 24 hours ahead
    unshipped(timedelta(days=-31))  # stale: an old report's status, not news
    assert problems_detect(account=account, now=now).opened == 0
    assert not OrderProblem.objects.exists()


def test_latest_ship_date_passed_a_day_ago_opens_late_due_by_the_latest_delivery_date(account, unshipped, now):
    order = unshipped(timedelta(days=-1), estimated_delivery_date=now + timedelta(hours=10))
    problems_detect(account=account, now=now)
    clocks = _clocks(OrderProblem.objects.get(order=order))
    assert clocks[DELAY_TELL].due_at == order.estimated_delivery_date  # sooner than 48 hours


def test_approaching_then_passed_adds_the_delay_clock_once(account, unshipped, now):
    order = unshipped(timedelta(hours=2))
    problems_detect(account=account, now=now)
    later = now + timedelta(hours=3)
    assert problems_detect(account=account, now=later).late == 1
    assert problems_detect(account=account, now=later).late == 0
    problem = OrderProblem.objects.get(order=order)
    assert problem.late_at == order.latest_ship_date
    clocks = _clocks(problem)
    assert set(clocks) == {SHIP_BY, DELAY_TELL}
    assert clocks[DELAY_TELL].started_at == later and clocks[DELAY_TELL].due_at == later + timedelta(hours=48)
    # The case's next due time follows its earliest unmet clock: the ship-by one, due (and breached) first.
    problem.case.refresh_from_db()
    assert problem.case.next_due_at == clocks[SHIP_BY].due_at
    assert OrderProblem.objects.count() == 1 and Case.objects.filter(kind=ORDER_PROBLEM).count() == 1


def test_detection_is_idempotent(account, unshipped, now):
    unshipped(timedelta(hours=-1))
    unshipped(timedelta(hours=5))
    assert problems_detect(account=account, now=now).opened == 2
    assert problems_detect(account=account, now=now).opened == 0
    assert OrderProblem.objects.count() == 2


def test_fba_shipped_and_cancelled_orders_are_not_late(account, unshipped, now):
    unshipped(timedelta(hours=-1), fulfillment_channel="AFN")
    unshipped(timedelta(hours=-1), status="Shipped", ship_date=now - timedelta(days=1))
    unshipped(timedelta(hours=-1), status="Cancelled")
    assert problems_detect(account=account, now=now).opened == 0


def test_shipped_in_time_meets_the_clock_and_closes_the_case(account, unshipped, now):
    order = unshipped(timedelta(hours=5))
    problems_detect(account=account, now=now)
    order.status, order.ship_date = "Shipped", now + timedelta(hours=1)
    order.save()
    result = problems_detect(account=account, now=now + timedelta(hours=2))
    problem = OrderProblem.objects.get(order=order)
    assert result.shipped == 1 and problem.case.status == CaseStatus.CLOSED
    ship_by = _clocks(problem)[SHIP_BY]
    assert ship_by.state == DeadlineState.MET and ship_by.met_at == order.ship_date


def test_cancelled_late_order_closes_its_case(account, unshipped, now):
    order = unshipped(timedelta(hours=-5))
    problems_detect(account=account, now=now)
    order.status = "Cancelled"
    order.save()
    problems_detect(account=account, now=now + timedelta(hours=1))
    problem = OrderProblem.objects.get(order=order)
    assert problem.case.status == CaseStatus.CLOSED
    assert _clocks(problem)[DELAY_TELL].state == DeadlineState.CANCELLED


def test_amazon_unfulfillable_opens_a_must_cancel_problem(account, now):
    order = OrderFactory(account=account, status="Unfulfillable", ship_date=None)
    problems_detect(account=account, now=now)
    problem = OrderProblem.objects.get(order=order)
    assert problem.kind == ProblemKind.MUST_CANCEL and "Unfulfillable" in problem.reason
    assert _clocks(problem)[CANCEL_TELL].due_at == now + timedelta(hours=48)


def _request(order, *, at, text="Please cancel, I ordered the wrong colour."):
    conversation = conversation_open_for_order(
        account=order.account,
        amazon_order_id=order.amazon_order_id,
        buyer_email=order.buyer_email,
        subject="Order cancellation request from Amazon customer",
        actor=None,
    )
    return Message.objects.create(
        conversation=conversation,
        direction=Direction.IN,
        body_text=text,
        sent_at=at,
        cancellation_request=True,
    )


def test_cancellation_request_before_shipping_is_due_by_the_latest_ship_date(account, unshipped, now):
    order = unshipped(timedelta(hours=8), latest_ship_date=now + timedelta(hours=8))
    request = _request(order, at=now - timedelta(hours=1))
    problems_detect(account=account, now=now)
    problem = OrderProblem.objects.get(order=order, kind=ProblemKind.BUYER_CANCEL)
    assert problem.request_message == request and problem.shipped_seen_at is None
    # 24 hours from the request, or sooner: before the order ships.
    assert _clocks(problem)[CANCEL_ANSWER].due_at == order.latest_ship_date


def test_cancellation_request_after_shipment_says_so_and_keeps_the_policy_clock(account, now):
    order = OrderFactory(account=account, status="Shipped", ship_date=now - timedelta(days=1))
    request = _request(order, at=now - timedelta(hours=2))
    problems_detect(account=account, now=now)
    problem = OrderProblem.objects.get(order=order, kind=ProblemKind.BUYER_CANCEL)
    assert problem.shipped_seen_at == order.ship_date
    assert _clocks(problem)[CANCEL_ANSWER].due_at == request.sent_at + timedelta(hours=24)


def test_a_reply_in_the_buyers_conversation_answers_the_request(account, unshipped, now):
    order = unshipped(timedelta(hours=30))
    request = _request(order, at=now - timedelta(hours=1))
    problems_detect(account=account, now=now)
    Message.objects.create(
        conversation=request.conversation, direction=Direction.OUT, body_text="Cancelled.", sent_at=now
    )
    assert problems_detect(account=account, now=now + timedelta(minutes=10)).settled == 1
    problem = OrderProblem.objects.get(order=order)
    assert problem.told_at == now and problem.case.status == CaseStatus.CLOSED
    assert _clocks(problem)[CANCEL_ANSWER].state == DeadlineState.MET


def test_a_request_about_an_order_not_held_waits_for_the_order(account, now):
    order = OrderFactory.build(account=account)
    conversation = conversation_open_for_order(
        account=account, amazon_order_id=order.amazon_order_id, buyer_email=order.buyer_email, subject="x", actor=None
    )
    Message.objects.create(
        conversation=conversation, direction=Direction.IN, body_text="cancel", sent_at=now, cancellation_request=True
    )
    assert problems_detect(account=account, now=now).opened == 0


def test_another_accounts_orders_are_not_touched(account, other_account, unshipped, now):
    unshipped(timedelta(hours=-1))
    assert problems_detect(account=other_account, now=now).opened == 0
