"""Demo feedback for `seed_demo`: critical feedback in the marketplace's language, each with its removal
case and a removal verdict of its own (a product review, a fulfilment complaint on an FBA order,
profanity: Amazon strikes them; a complaint about the seller's service: it stays), one close to the
end of its 60-day window."""

from collections.abc import Iterator
from datetime import datetime, timedelta

from django.utils import timezone

from helpdesk.models import Order, SellerAccount

from .services import feedback_create

# (rating, comment, days ago, on an FBA order) per marketplace.
FEEDBACK = {
    "US": [
        (1, "The lid leaks after a week and the paint chips off. Poor quality bottle.", 2, False),
        (1, "Arrived late and the box was crushed.", 10, True),
        (2, "Seller never answered my question and refused the return.", 20, False),
        (1, "Damn thing broke on day one, crap.", 50, False),
    ],
    "DE": [
        (1, "Der Deckel ist undicht und die Farbe blättert ab. Schlechte Qualität.", 3, False),
        (1, "Kam zu spät an, der Karton war zerdrückt.", 10, True),
        (2, "Verkäufer antwortet nicht auf Nachrichten.", 50, False),
    ],
    "FR": [
        (1, "Le couvercle fuit au bout d'une semaine. Mauvaise qualité.", 4, False),
        (2, "Le vendeur n'a jamais répondu à mes messages.", 30, False),
    ],
}


def seed(*, account: SellerAccount, orders: Iterator[Order], people: dict, now: datetime) -> None:
    today = timezone.localdate(now, timezone=account.tzinfo)
    for rating, comments, age, fba in FEEDBACK.get(account.marketplace, []):
        order = next(o for o in orders if (o.fulfillment_channel == "AFN") == fba)
        feedback_create(
            account=account,
            amazon_order_id=order.amazon_order_id,
            date=today - timedelta(days=age),
            rating=rating,
            comments=comments,
            rater_email=order.buyer_email,
        )
