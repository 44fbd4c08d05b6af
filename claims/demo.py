"""A demo A-to-z claim (held by the agent) and chargeback for `seed_demo`, their clocks running."""

from collections.abc import Iterator
from datetime import datetime, timedelta

from helpdesk.models import Order, SellerAccount
from helpdesk.services.cases import case_assign

from .kinds import ATOZ, CHARGEBACK
from .models import ClaimSource, Ground, Liability
from .services import ClaimFacts, claim_open


def seed(*, account: SellerAccount, orders: Iterator[Order], people: dict, now: datetime) -> None:
    order = next(orders)
    claim, _ = claim_open(
        account=account,
        kind=ATOZ,
        amazon_order_id=order.amazon_order_id,
        claimed_at=now - timedelta(hours=30),
        source=ClaimSource.MAIL,
        facts=ClaimFacts(reason="Item not received", ground=Ground.NOT_RECEIVED, amount=order.order_total),
    )
    case_assign(case=claim.case, assignee=people["agent"], actor=people["manager"])
    order = next(orders)
    claim_open(
        account=account,
        kind=CHARGEBACK,
        amazon_order_id=order.amazon_order_id,
        claimed_at=now - timedelta(days=3),
        source=ClaimSource.MAIL,
        facts=ClaimFacts(
            reason="Merchandise not received",
            ground=Ground.NOT_RECEIVED,
            liability=Liability.SERVICE,
            amount=order.order_total,
        ),
    )
