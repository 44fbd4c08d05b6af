"""Buyer mail past the account's retention period (see helpdesk.services.retention for the rule
and the account's setting).

A buyer's message goes once it is older than the retention period and its order (if the
conversation has one) was delivered before it: its words, quoted thread, HTML and sender name, its
attachments' bytes, and the bytes and sender of the mail it was read from. Any other stored mail
(Amazon's notices, problem mail) loses its bytes once it is older than the retention period. A
conversation nobody wrote to within the period forgets the buyer's name and relay address (a new
mail names them again).

Kept: the rows, with dates, subjects, Message-IDs and order ids (what threads a reply and tells the
case's history), attachment names and sizes, and everything the seller's people wrote (replies,
notes, calls): that is the seller's communication record, evidence in A-to-z claims. The page says
what was purged and when.
"""

from datetime import datetime

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from helpdesk.models import Case, SellerAccount
from helpdesk.services.audit import audit
from helpdesk.services.retention import PURGE_BATCH, orders_past_retention, retention_cutoff
from helpdesk.services.search import search_pending_mark

from ..models import Attachment, Conversation, Direction, InboundMail, Message


def _batches(queryset, write) -> int:
    done = 0
    while True:
        with transaction.atomic():
            ids = list(queryset.order_by("pk").values_list("pk", flat=True)[:PURGE_BATCH])
            if not ids:
                return done
            done += write(ids)


def mail_purge(*, account: SellerAccount, now: datetime | None = None) -> dict[str, int]:
    """Purge the account's buyer mail past its retention period; one audit row with the counts."""
    now = now or timezone.now()
    cutoff = retention_cutoff(account=account, now=now)
    # Conversations about an order delivered long enough ago, or about no order at all.
    past = Q(conversation__order__isnull=True) | Q(
        conversation__order__in=orders_past_retention(account=account, now=now)
    )
    counts = {"mail": 0, "messages": 0, "attachments": 0}

    def messages(ids: list[int]) -> int:
        counts["attachments"] += Attachment.objects.filter(message_id__in=ids, purged_at=None).update(
            data=b"", purged_at=now
        )
        counts["mail"] += _mail_clear(InboundMail.objects.filter(message__id__in=ids, purged_at=None), now)
        # The search rows hold copies of the buyer's words: rewritten without them.
        search_pending_mark(
            case_ids=Conversation.objects.filter(messages__id__in=ids).values_list("case_id", flat=True)
        )
        return Message.objects.filter(pk__in=ids).update(
            body_text="", quoted_text="", body_html="", sender_name="", purged_at=now
        )

    counts["messages"] = _batches(
        Message.objects.filter(
            past, conversation__account=account, direction=Direction.IN, purged_at=None, sent_at__lt=cutoff
        ),
        messages,
    )
    counts["mail"] += _batches(
        InboundMail.objects.filter(account=account, purged_at=None, arrived_at__lt=cutoff, message__isnull=True),
        lambda ids: _mail_clear(InboundMail.objects.filter(pk__in=ids), now),
    )

    def conversations(ids: list[int]) -> int:
        Case.objects.filter(conversation__id__in=ids).exclude(buyer_name="").update(buyer_name="")
        search_pending_mark(case_ids=Conversation.objects.filter(pk__in=ids).values_list("case_id", flat=True))
        return Conversation.objects.filter(pk__in=ids).update(buyer_name="", buyer_email="")

    stale = Conversation.objects.filter(account=account, last_message_at__lt=cutoff).exclude(
        buyer_name="", buyer_email=""
    )
    stale = stale.filter(Q(order__isnull=True) | Q(order__in=orders_past_retention(account=account, now=now)))
    counts["conversations"] = _batches(stale, conversations)
    with transaction.atomic():
        audit(
            verb="retention.mail_purged",
            summary=f"Buyer mail past {account.retention_days} days purged: "
            + ", ".join(f"{what} {count}" for what, count in counts.items()),
            account=account,
            after=counts,
        )
    return counts


def _mail_clear(mails, now: datetime) -> int:
    return mails.update(raw=b"", from_name="", from_address="", relay_address="", purged_at=now)
