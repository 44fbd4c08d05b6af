"""Who may reach each order-problem URL (see tests/helpdesk/permission_rows.py for the format)."""

import uuid
from datetime import timedelta

from django.utils import timezone

from problems.services import problems_detect
from tests.factories import OrderFactory

LOGIN = 302

ROWS = {
    "problems:page": ("get", dict(anon=LOGIN, agent=200, manager=200, admin=200, outsider=200)),
    # The outsider's own account list does not hold the order's account: the form refuses it.
    "problems:flag": ("post", dict(anon=LOGIN, agent=302, manager=302, admin=302, outsider=400)),
    "problems:tell": ("post", dict(anon=LOGIN, agent=302, manager=302, admin=302, outsider=404)),
}


def arguments(*, account, users) -> tuple[dict[str, list], dict[str, dict]]:
    now = timezone.now()
    late = OrderFactory(
        account=account,
        status="Unshipped",
        ship_date=None,
        latest_ship_date=now - timedelta(hours=2),
        estimated_delivery_date=now + timedelta(days=3),
    )
    flagged = OrderFactory(account=account, status="Unshipped", ship_date=None)
    problems_detect(account=account, now=now)
    problem = late.problems.get()
    args = {"problems:tell": [problem.id]}
    posts = {
        "problems:flag": {"account": account.id, "amazon_order_id": flagged.amazon_order_id, "reason": "Out of stock"},
        "problems:tell": {"text": "", "key": uuid.uuid4().hex, "seen_message_id": 0},
    }
    return args, posts
