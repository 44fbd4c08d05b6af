"""The outbox's part of the retention purge (helpdesk.services.retention): a reply forgets the buyer
once its conversation has (messaging.services.retention) — its relay address goes, and its subject
becomes its message's, which lost the buyer's name with the conversation. A reply still waiting to
be sent keeps its address until it is sent or has failed."""

from datetime import datetime

from django.db import transaction

from helpdesk.importing import bulk_update_by_pk
from helpdesk.models import SellerAccount
from helpdesk.services.retention import PURGE_BATCH

from .models import PENDING_STATUSES, Reply


def replies_purge(*, account: SellerAccount, now: datetime) -> dict[str, int]:
    """Clear the replies of the account's forgotten conversations (outbound's `Contribution.purge`)."""
    due = (
        Reply.objects.filter(account=account, message__conversation__buyer_email="")
        .exclude(to_address="")
        .exclude(status__in=PENDING_STATUSES)
        .order_by("pk")
    )
    done = 0
    while True:
        with transaction.atomic():
            replies = list(due.select_related("message").only("id", "subject", "message__subject")[:PURGE_BATCH])
            if not replies:
                return {"replies": done}
            for reply in replies:
                reply.to_address, reply.subject = "", reply.message.subject
            bulk_update_by_pk(replies, ["to_address", "subject"])
            done += len(replies)
