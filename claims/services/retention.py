"""Claims' part of the retention purge (helpdesk.services.retention). The shipping address a notice
gives and who signed for the parcel are the chargeback evidence `helpdesk.retention` keeps: they go
with the order's shipping record, 6 calendar months after the order date once no case on the order
is active (for an order not held, 6 months after the claim, which came after the order), and never
while the claim's own case is active. The claim, its notices and what was decided stay."""

from datetime import datetime

from django.db.models import Exists, OuterRef, Q

from helpdesk.importing import bulk_update_by_pk
from helpdesk.models import Order, SellerAccount
from helpdesk.models.cases import ACTIVE_STATUSES
from helpdesk.retention import SHIPPING_RECORD_MONTHS, months_after, orders_shipping_purgeable
from helpdesk.services.retention import purge_in_batches
from helpdesk.services.search import search_pending_mark

from ..models import Claim, ClaimNotice


def claims_purge(*, account: SellerAccount, now: datetime) -> dict[str, int]:
    """Clear the claims' addresses and signatures past the shipping record's term (claims' `Contribution.purge`)."""
    orders = Order.objects.filter(account=account, amazon_order_id=OuterRef("amazon_order_id"))
    due = (
        Claim.objects.filter(account=account, shipping_purged_at=None)
        .filter(
            Exists(orders_shipping_purgeable(orders, now=now))
            | (~Exists(orders) & Q(claimed_at__lte=months_after(now, -SHIPPING_RECORD_MONTHS)))
        )
        .exclude(case__status__in=ACTIVE_STATUSES)
    )

    def evidence(ids: list[int]) -> None:
        notices = [n for n in ClaimNotice.objects.filter(claim_id__in=ids).only("id", "facts") if "address" in n.facts]
        for notice in notices:
            del notice.facts["address"]
        bulk_update_by_pk(notices, ["facts"])
        search_pending_mark(case_ids=Claim.objects.filter(pk__in=ids).values_list("case_id", flat=True))
        Claim.objects.filter(pk__in=ids).update(notice_address="", signed_by="", shipping_purged_at=now)

    return {"claims": purge_in_batches(due, evidence)}
