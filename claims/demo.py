"""A demo A-to-z claim (held by the agent) and chargeback for `seed_demo`, their clocks running."""

from collections.abc import Iterator
from datetime import datetime, timedelta

from helpdesk.models import Order, SellerAccount
from helpdesk.services.cases import case_assign
from helpdesk.services.lifecycle import case_open

from .kinds import ATOZ, ATOZ_RESPONSE, CHARGEBACK, CHARGEBACK_RESPONSE


def seed(*, account: SellerAccount, orders: Iterator[Order], people: dict, now: datetime) -> None:
    claim = case_open(
        account=account,
        kind=ATOZ,
        order=next(orders),
        subject="A-to-z claim: item not received",
        opened_at=now - timedelta(hours=30),
        clock=ATOZ_RESPONSE,
    )
    case_assign(case=claim, assignee=people["agent"], actor=people["manager"])
    case_open(
        account=account,
        kind=CHARGEBACK,
        order=next(orders),
        subject="Chargeback: merchandise not received",
        opened_at=now - timedelta(days=3),
        clock=CHARGEBACK_RESPONSE,
    )
