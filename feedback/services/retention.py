"""Feedback's part of the retention purge (helpdesk.services.retention): the rater's address (their
Amazon relay address) goes once the feedback is older than the account's retention period and its
order, if held, was delivered before it, whatever the removal case's state: outreach about an older
feedback reaches the buyer only through a conversation they opened again. The rating, the comment
(public on Amazon) and our response stay: the removal workflow and the order defect rate need them."""

from datetime import datetime

from django.db.models import Q

from helpdesk.models import SellerAccount
from helpdesk.services.retention import orders_past_retention, purge_in_batches, retention_cutoff
from helpdesk.services.search import search_pending_mark

from ..models import Feedback


def feedback_purge(*, account: SellerAccount, now: datetime) -> dict[str, int]:
    """Clear the raters' addresses past the retention period (feedback's `Contribution.purge`)."""
    due = Feedback.objects.filter(
        Q(order__isnull=True) | Q(order__in=orders_past_retention(account=account, now=now)),
        account=account,
        rater_purged_at=None,
        date__lt=retention_cutoff(account=account, now=now).date(),
    )

    def raters(ids: list[int]) -> None:
        search_pending_mark(case_ids=Feedback.objects.filter(pk__in=ids).values_list("case_id", flat=True))
        Feedback.objects.filter(pk__in=ids).update(rater_email="", rater_purged_at=now)

    return {"raters": purge_in_batches(due, raters)}
