"""A demo return request for `seed_demo`, with its 48-hour clock running."""

from collections.abc import Iterator
from datetime import datetime, timedelta

from helpdesk.models import Order, SellerAccount
from helpdesk.services.lifecycle import case_open

from .kinds import RETURN, RETURN_RESPONSE


def seed(*, account: SellerAccount, orders: Iterator[Order], people: dict, now: datetime) -> None:
    case_open(
        account=account,
        kind=RETURN,
        order=next(orders),
        subject="Return request: item defective",
        opened_at=now - timedelta(hours=40),
        clock=RETURN_RESPONSE,
    )
