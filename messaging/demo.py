"""Demo buyer conversations for `seed_demo`: clocks at several ages, one answered in time."""

from collections.abc import Iterator
from datetime import datetime, timedelta

from helpdesk.models import CaseStatus, Order, SellerAccount
from helpdesk.services.cases import case_assign
from helpdesk.services.lifecycle import case_open, case_transition, deadline_meet

from .kinds import MESSAGE, MESSAGE_RESPONSE

# (subject, received this long ago); the second is held by the agent.
CASES = [
    ("Shipping inquiry: where is my parcel?", timedelta(hours=2)),
    ("Product details: is the bottle dishwasher safe?", timedelta(hours=20)),
    ("Order cancellation request", timedelta(hours=26)),
]


def seed(*, account: SellerAccount, orders: Iterator[Order], people: dict, now: datetime) -> None:
    for index, (subject, age) in enumerate(CASES):
        case = case_open(
            account=account,
            kind=MESSAGE,
            order=next(orders),
            subject=subject,
            opened_at=now - age,
            clock=MESSAGE_RESPONSE,
        )
        if index == 1:
            case_assign(case=case, assignee=people["agent"], actor=people["manager"])
    answered = case_open(
        account=account,
        kind=MESSAGE,
        order=next(orders),
        subject="Thank you, arrived safely",
        opened_at=now - timedelta(hours=5),
        clock=MESSAGE_RESPONSE,
    )
    deadline_meet(deadline=answered.deadlines.get(), at=now - timedelta(hours=4))
    case_transition(case=answered, to=CaseStatus.RESOLVED, actor=people["agent"])
