"""Who may reach each claims URL (see tests/helpdesk/permission_rows.py for the format)."""

from datetime import UTC, datetime

from claims.models import ClaimSource, Outcome
from claims.services import ClaimFacts, claim_decide, claim_open
from tests.factories import OrderFactory

LOGIN = 302
EVERY_AGENT_GET = dict(anon=LOGIN, agent=200, manager=200, admin=200, outsider=404)
EVERY_AGENT_POST = dict(anon=LOGIN, agent=302, manager=302, admin=302, outsider=404)

ROWS = {
    "claims:evidence": ("get", EVERY_AGENT_GET),
    "claims:evidence_pdf": ("get", EVERY_AGENT_GET),
    "claims:respond": ("post", EVERY_AGENT_POST),
    "claims:statement_save": ("post", EVERY_AGENT_POST),
    "claims:outcome": ("post", EVERY_AGENT_POST),
    "claims:appeal": ("post", EVERY_AGENT_POST),
    "claims:accept": ("post", EVERY_AGENT_POST),
    "claims:tracking": ("post", EVERY_AGENT_POST),
    "claims:follow_up_start": ("post", EVERY_AGENT_POST),
    "claims:follow_up_done": ("post", EVERY_AGENT_POST),
}


def arguments(*, account, users) -> tuple[dict[str, list], dict[str, dict]]:
    """(URL args by name, POST or GET data by name) for the rows above, on `account`."""
    order = OrderFactory(account=account, amazon_order_id="111-8000000-8000000")
    claim, _ = claim_open(
        account=account,
        kind="atoz",
        amazon_order_id=order.amazon_order_id,
        claimed_at=datetime(2026, 1, 5, tzinfo=UTC),
        source=ClaimSource.MAIL,
        facts=ClaimFacts(reason="Item not received", ground="not_received"),
    )
    decided, _ = claim_open(
        account=account,
        kind="chargeback",
        amazon_order_id=order.amazon_order_id,
        claimed_at=datetime(2026, 1, 5, tzinfo=UTC),
        source=ClaimSource.MAIL,
        facts=ClaimFacts(),
    )
    claim_decide(claim=decided, outcome=Outcome.GRANTED_SELLER, at=datetime(2026, 2, 1, tzinfo=UTC))
    args = {name: [claim.id] for name in ROWS}
    args["claims:appeal"] = args["claims:accept"] = [decided.id]
    posts = {
        "claims:respond": {"response": "evidence", "statement": "Delivered and signed for."},
        "claims:statement_save": {"statement": "Delivered and signed for."},
        "claims:outcome": {"outcome": "denied"},
        "claims:appeal": {"note": "Delivered and signed for."},
        "claims:tracking": {"delivered_at": "2026-01-03T14:00", "signed_by": "J. Doe"},
        "claims:follow_up_done": {"note": "The buyer found it."},
    }
    return args, posts
