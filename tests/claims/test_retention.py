"""The address a claim's notice gives and who signed for the parcel are chargeback evidence: the retention
purge (helpdesk.services.retention) keeps them with the order's shipping record, 6 months after the order
date and while the claim is worked, then removes them."""

from datetime import UTC, datetime, timedelta

import pytest

from claims.kinds import CHARGEBACK
from claims.models import Claim, ClaimKind, ClaimNotice, ClaimSource
from helpdesk.models import CaseStatus
from helpdesk.retention import months_after
from helpdesk.services.retention import personal_data_purge
from messaging.models import InboundMail, MailSource
from tests.factories import CaseFactory, OrderFactory

NOW = datetime(2027, 6, 1, 3, 0, tzinfo=UTC)
ADDRESS = "12 Elm Street, Portland, OR 97201"


def _claim(account, *, order_id: str, order_months_ago: int | None, status: str) -> Claim:
    """A chargeback on an order placed `order_months_ago` (None: an order not held, the claim 7 months ago)."""
    ordered = months_after(NOW, -(order_months_ago or 7))
    order = None
    if order_months_ago is not None:
        order = OrderFactory(
            account=account, amazon_order_id=order_id, purchase_date=ordered, delivered_at=ordered + timedelta(days=3)
        )
    case = CaseFactory(account=account, kind=CHARGEBACK, order=order, amazon_order_id=order_id, status=status)
    claim = Claim.objects.create(
        account=account,
        case=case,
        kind=ClaimKind.CHARGEBACK,
        amazon_order_id=order_id,
        source=ClaimSource.MAIL,
        claimed_at=ordered + timedelta(days=20),
        notice_address=ADDRESS,
        signed_by="J. MILLER",
    )
    mail = InboundMail.objects.create(
        account=account, source=MailSource.UPLOAD, source_ref=order_id, raw=b"", message_id=f"<{order_id}@amazon>"
    )
    ClaimNotice.objects.create(claim=claim, mail=mail, what="new", sent_at=claim.claimed_at, facts={"address": ADDRESS})
    return claim


def _evidence(claim: Claim) -> tuple:
    claim.refresh_from_db()
    return claim.notice_address, claim.signed_by, claim.notices.get().facts.get("address", "")


@pytest.mark.parametrize(
    ("order_months_ago", "status", "kept"),
    [
        (5, CaseStatus.CLOSED, True),
        (7, CaseStatus.OPEN, True),
        (7, CaseStatus.CLOSED, False),
        (None, CaseStatus.CLOSED, False),
    ],
    ids=["inside-six-months", "claim-still-worked", "past-six-months", "order-not-held-claim-past-six-months"],
)
def test_the_claims_evidence_is_kept_six_months_after_the_order_and_while_worked(
    account, order_months_ago, status, kept
):
    claim = _claim(account, order_id="112-6634021-9901227", order_months_ago=order_months_ago, status=status)
    counts = personal_data_purge(account=account, now=NOW)
    assert counts["claims.claims"] == (0 if kept else 1)
    assert _evidence(claim) == ((ADDRESS, "J. MILLER", ADDRESS) if kept else ("", "", ""))
    assert claim.amazon_order_id and claim.claimed_at, "the claim itself stays"
