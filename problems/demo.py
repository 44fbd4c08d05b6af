"""Demo order problems for `seed_demo`: a seller-fulfilled order nearing its latest ship date, one
past it, one flagged out of stock, and a buyer's cancellation request; then detection opens their cases."""

from collections.abc import Iterator
from datetime import datetime, timedelta

from helpdesk.models import Order, SellerAccount
from messaging.models import Direction, Message
from messaging.services import conversation_open_for_order

from .services import problem_flag_cancel, problems_detect

# (order status, latest ship date this far from now)
UNSHIPPED = [("Unshipped", timedelta(hours=10)), ("Unshipped", timedelta(hours=-20)), ("Unshipped", timedelta(days=2))]


def seed(*, account: SellerAccount, orders: Iterator[Order], people: dict, now: datetime) -> None:
    picked = []
    for status, ship_by in UNSHIPPED:
        order = next(o for o in orders if o.fulfillment_channel == "MFN")
        order.status, order.ship_date, order.delivered_at = status, None, None
        order.carrier = order.tracking_number = ""
        order.purchase_date = now + ship_by - timedelta(days=2)
        order.latest_ship_date = now + ship_by
        order.estimated_delivery_date = now + ship_by + timedelta(days=4)
        order.save()
        picked.append(order)
    problem_flag_cancel(order=picked[2], reason="Out of stock: the supplier's delivery failed", actor=people["agent"])
    asked = next(o for o in orders if o.fulfillment_channel == "MFN")
    conversation = conversation_open_for_order(
        account=account,
        amazon_order_id=asked.amazon_order_id,
        buyer_email=asked.buyer_email,
        subject=f"Order cancellation request from Amazon customer {asked.buyer_name}",
        buyer_name=asked.buyer_name,
        actor=None,
    )
    Message.objects.create(
        conversation=conversation,
        direction=Direction.IN,
        sender_name=asked.buyer_name,
        subject=conversation.subject,
        body_text="I ordered the wrong size, please cancel it.",
        sent_at=now - timedelta(hours=3),
        cancellation_request=True,
    )
    problems_detect(account=account, now=now)
