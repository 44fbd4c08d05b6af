"""Buyer mail past the account's retention period (see helpdesk.services.retention for the rule
and the account's setting); `mail_purge` is messaging's part of the retention purge.

A buyer's message goes once it is older than the retention period and its order (if the
conversation has one) was delivered before it: its words, quoted thread, HTML and sender name, its
attachments' bytes, and the bytes and sender of the mail it was read from. Any other stored mail
(Amazon's notices, problem mail) loses its bytes and sender once it is older than the retention
period. A conversation nobody wrote to within the period forgets the buyer's name and relay address
(a new mail names them again), and the buyer's name leaves the subjects of the conversation, its
case and every message of it ("Inquiry from Amazon customer buyer (Order: …)").

Kept: the rows, with dates, subjects (without the name), Message-IDs and order ids (what threads a
reply and tells the case's history), attachment names and sizes, and everything the seller's people
wrote (replies, notes, calls): that is the seller's communication record, evidence in A-to-z
claims. The page says what was purged and when.
"""

from collections.abc import Iterable
from datetime import datetime

from django.db.models import Q

from helpdesk.importing import bulk_update_by_pk
from helpdesk.models import Case, SellerAccount
from helpdesk.services.retention import orders_past_retention, purge_in_batches, retention_cutoff, without_names
from helpdesk.services.search import search_pending_mark

from ..models import Attachment, Conversation, Direction, InboundMail, Message
from ..parsing.amazon import SUBJECT_BUYER_RE


def subject_without_buyer(subject: str, names: Iterable[str] = ()) -> str:
    """`subject` without the buyer's name: the one Amazon's subject line gives ("… from Amazon customer
    Cathy (Order: …)", in the marketplaces' languages) and any of `names`."""
    named = [found.group("name") for found in SUBJECT_BUYER_RE.finditer(subject)]
    return without_names(subject, [*names, *named])


def _subjects_clear(rows, names_of) -> None:
    """Rewrite the subject of each of `rows` (model instances of one model) without the names
    `names_of(row)` gives."""
    changed = []
    for row in rows:
        subject = subject_without_buyer(row.subject, names_of(row))
        if subject != row.subject:
            row.subject = subject
            changed.append(row)
    bulk_update_by_pk(changed, ["subject"])


def mail_purge(*, account: SellerAccount, now: datetime) -> dict[str, int]:
    """Purge the account's buyer mail past its retention period (messaging's `Contribution.purge`)."""
    cutoff = retention_cutoff(account=account, now=now)
    # Conversations about an order delivered long enough ago, or about no order at all.
    past = Q(conversation__order__isnull=True) | Q(
        conversation__order__in=orders_past_retention(account=account, now=now)
    )
    counts = {"mail": 0, "messages": 0, "attachments": 0}

    def messages(ids: list[int]) -> None:
        counts["attachments"] += Attachment.objects.filter(message_id__in=ids, purged_at=None).update(
            data=b"", purged_at=now
        )
        purged = (
            Message.objects.filter(pk__in=ids)
            .select_related("conversation")
            .only("id", "subject", "sender_name", "conversation__buyer_name")
        )
        _subjects_clear(purged, lambda m: [m.sender_name, m.conversation.buyer_name])
        counts["mail"] += _mail_clear(InboundMail.objects.filter(message__id__in=ids, purged_at=None), now)
        # The search rows hold copies of the buyer's words: rewritten without them.
        search_pending_mark(
            case_ids=Conversation.objects.filter(messages__id__in=ids).values_list("case_id", flat=True)
        )
        Message.objects.filter(pk__in=ids).update(
            body_text="", quoted_text="", body_html="", sender_name="", purged_at=now
        )

    counts["messages"] = purge_in_batches(
        Message.objects.filter(
            past, conversation__account=account, direction=Direction.IN, purged_at=None, sent_at__lt=cutoff
        ),
        messages,
    )
    counts["mail"] += purge_in_batches(
        InboundMail.objects.filter(account=account, purged_at=None, arrived_at__lt=cutoff, message__isnull=True),
        lambda ids: _mail_clear(InboundMail.objects.filter(pk__in=ids), now),
    )

    def conversations(ids: list[int]) -> None:
        stale = list(Conversation.objects.filter(pk__in=ids).select_related("case"))
        names = {c.pk: [c.buyer_name, c.case.buyer_name] for c in stale}
        _subjects_clear(stale, lambda c: names[c.pk])
        cases = {c.case_id: names[c.pk] for c in stale}
        _subjects_clear([c.case for c in stale], lambda case: cases[case.pk])
        _subjects_clear(
            Message.objects.filter(conversation_id__in=ids).only("id", "conversation_id", "subject"),
            lambda m: names[m.conversation_id],
        )
        Case.objects.filter(conversation__id__in=ids).exclude(buyer_name="").update(buyer_name="")
        search_pending_mark(case_ids=[c.case_id for c in stale])
        Conversation.objects.filter(pk__in=ids).update(buyer_name="", buyer_email="")

    stale = Conversation.objects.filter(account=account, last_message_at__lt=cutoff).exclude(
        buyer_name="", buyer_email=""
    )
    stale = stale.filter(Q(order__isnull=True) | Q(order__in=orders_past_retention(account=account, now=now)))
    counts["conversations"] = purge_in_batches(stale, conversations)
    return counts


def _mail_clear(mails, now: datetime) -> int:
    """Clear the mails' bytes and sender, and the sender's name from their subjects."""
    mails = list(mails.only("id", "subject", "from_name"))
    _subjects_clear(mails, lambda mail: [mail.from_name.removesuffix(" - Amazon Marketplace")])
    return InboundMail.objects.filter(pk__in=[mail.pk for mail in mails]).update(
        raw=b"", from_name="", from_address="", relay_address="", purged_at=now
    )
