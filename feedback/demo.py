"""Demo feedback for `seed_demo`: negative feedback in the marketplace's language, each with its removal case."""

from collections.abc import Iterator
from datetime import datetime, timedelta

from django.utils import timezone

from helpdesk.models import Order, SellerAccount

from .services import feedback_create

# (rating, comment, days ago) per marketplace: each opens its removal case with the 60-day clock.
FEEDBACK = {
    "US": [(1, "Arrived late and the box was crushed.", 10), (2, "Seller never answered my question.", 50)],
    "DE": [(1, "Kam zu spät an, der Karton war zerdrückt.", 10), (2, "Verkäufer antwortet nicht auf Nachrichten.", 50)],
}


def seed(*, account: SellerAccount, orders: Iterator[Order], people: dict, now: datetime) -> None:
    today = timezone.localdate(now, timezone=account.tzinfo)
    for rating, comments, age in FEEDBACK.get(account.marketplace, []):
        order = next(orders)
        feedback_create(
            account=account,
            amazon_order_id=order.amazon_order_id,
            date=today - timedelta(days=age),
            rating=rating,
            comments=comments,
            rater_email=order.buyer_email,
        )
