"""Returns' part of the retention purge (helpdesk.services.retention): who returned a parcel (their
name, the buyer keys the risk list compares, the return address on the parcel) and what they wrote
(Amazon's customer comments) go once the return was asked for and came back more than the account's
retention period ago and its order, if held, was delivered before that. The return itself, its items,
units, grades, decisions and refunds stay: the recovery figures and the seller's record need them. So
the repeated-returns signal compares a buyer's returns within the retention period only."""

from datetime import datetime

from django.db.models import Exists, OuterRef, Q

from helpdesk.models import Order, SellerAccount
from helpdesk.services.retention import orders_past_retention, purge_in_batches, retention_cutoff
from helpdesk.services.search import search_pending_mark

from ..models import Return


def returns_purge(*, account: SellerAccount, now: datetime) -> dict[str, int]:
    """Clear the returns' buyer data past the retention period (returns' `Contribution.purge`)."""
    cutoff = retention_cutoff(account=account, now=now)
    held = Order.objects.filter(account=account, amazon_order_id=OuterRef("amazon_order_id"))
    past = orders_past_retention(account=account, now=now).filter(amazon_order_id=OuterRef("amazon_order_id"))
    due = Return.objects.filter(
        ~Exists(held) | Exists(past),
        Q(received_on=None) | Q(received_on__lt=cutoff.date()),
        account=account,
        buyer_purged_at=None,
        requested_at__lt=cutoff,
    )

    def buyers(ids: list[int]) -> None:
        search_pending_mark(case_ids=Return.objects.filter(pk__in=ids).values_list("case_id", flat=True))
        Return.objects.filter(pk__in=ids).update(
            buyer_name="",
            email_key="",
            name_key="",
            address_key="",
            sender_address="",
            sender_postal_code="",
            sender_country="",
            customer_comments="",
            buyer_purged_at=now,
        )

    return {"returns": purge_in_batches(due, buyers)}
