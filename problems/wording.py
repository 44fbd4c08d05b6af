"""The canned messages of order problems, drafted for the agent to read and change before sending.

Each says sorry, gives the facts the buyer needs (the new date, or that nothing will be charged), and
offers the alternative without pushing it. None is a shipping or order confirmation, none carries a
link, an address or anything in return for feedback: each passes the compliance guard as a message the
seller starts (tested in tests/problems/test_wording.py)."""

from datetime import date

from .models import ProblemKind

DELAY = (
    "Dear {buyer},\n\n"
    "We are sorry: your order {order_id} ({item}) is taking longer to leave us than we promised. "
    "We now expect it to reach you by {new_date}.\n\n"
    "If that date does not suit you, you are welcome to ask us to cancel the order, and you will not be "
    "charged for it. If it does suit you, there is nothing you need to do.\n\n"
    "We apologise for the delay.\n\n"
    "{seller}"
)
MUST_CANCEL = (
    "Dear {buyer},\n\n"
    "We are very sorry: we are unable to fulfil your order {order_id} ({item}), as the item is out of stock. "
    "We have cancelled the order, so you will not be charged for it.\n\n"
    "If you still need the item, it may be offered by other sellers on Amazon. "
    "We apologise for the inconvenience.\n\n"
    "{seller}"
)
CANCELLED_AS_ASKED = (
    "Dear {buyer},\n\n"
    "Thank you for your message. We have cancelled your order {order_id} as you asked, "
    "so you will not be charged for it.\n\n"
    "{seller}"
)
ALREADY_SHIPPED = (
    "Dear {buyer},\n\n"
    "Thank you for your message, and we are sorry: your order {order_id} had already left us when your "
    "request reached us, so we could no longer cancel it. If you do not want it, you can return it from "
    "Your Orders on Amazon once it arrives, and we will refund you when it reaches us.\n\n"
    "{seller}"
)


def problem_message(
    *, kind: str, shipped: bool, order_id: str, buyer: str, item: str, seller: str, new_date: date | None = None
) -> str:
    """The drafted message for a problem of `kind` (a buyer's request: whether the order has shipped)."""
    template = {
        ProblemKind.LATE: DELAY,
        ProblemKind.MUST_CANCEL: MUST_CANCEL,
        ProblemKind.BUYER_CANCEL: ALREADY_SHIPPED if shipped else CANCELLED_AS_ASKED,
    }[kind]
    return template.format(
        buyer=buyer.split()[0] if buyer.strip() else "customer",
        order_id=order_id,
        item=item or "your item",
        seller=seller,
        new_date=f"{new_date:%A %d %B}" if new_date else "a new date we will confirm",
    )
