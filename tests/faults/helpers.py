"""Work for the fault tests' workers: buyer mail as Amazon's relay sends it, stored as the IMAP poll
stores it, and what a test checks happened exactly once."""

import uuid
from collections import Counter
from datetime import timedelta

from django.db.models import Count
from django.utils import timezone

from helpdesk.models import Activity, Case, Deadline, DeadlineState
from messaging.kinds import MESSAGE, MESSAGE_RESPONSE
from messaging.models import Conversation, Direction, InboundMail, MailSource, MailStatus, Message
from messaging.outbound.models import Reply, ReplyStatus
from messaging.outbound.selectors import latest_inbound_id
from messaging.outbound.services import reply_queue
from messaging.services import inbound_process_many, inbound_receive
from tests.outbound.helpers import buyer_mail


def relay_of(buyer: int) -> str:
    return f"faultbuyer{buyer:05d}@marketplace.amazon.com"


def order_of(buyer: int) -> str:
    return f"114-{buyer:07d}-{(buyer * 7919) % 10_000_000:07d}"


def store_mails(account, buyers: list[int], *, tag: str) -> list[int]:
    """One buyer message per entry of `buyers` (a buyer may write several), stored unread as the
    IMAP poll stores them; their ids in arrival order."""
    when = timezone.now().replace(microsecond=0) - timedelta(minutes=1)
    ids = []
    for serial, buyer in enumerate(buyers):
        raw = buyer_mail(
            text=f"Hello, a question about my order ({tag} {serial}). Thanks",
            when=when,
            order_id=order_of(buyer),
            relay=relay_of(buyer),
            name=f"Buyer{buyer}",
            message_id=f"{tag}-{serial}@email.amazonses.com",
        )
        mail, created = inbound_receive(
            raw=raw, source=MailSource.IMAP, account=account, source_ref=f"INBOX:{tag}:{serial}"
        )
        assert created
        ids.append(mail.pk)
    return ids


def assert_filed_once(account, *, mails: int, buyers: int) -> None:
    """Every mail stored once and filed once: one message each, one conversation and one case per buyer
    (and order), one running 24-hour clock per case, one audit row per mail and per opened case."""
    assert InboundMail.objects.filter(account=account).count() == mails
    unread = InboundMail.objects.filter(account=account).exclude(status=MailStatus.PARSED)
    assert not unread.exists(), list(unread.values_list("id", "status", "problem")[:5])
    incoming = Message.objects.filter(conversation__account=account, direction=Direction.IN)
    assert incoming.count() == mails
    assert incoming.values("inbound_id").distinct().count() == mails
    conversations = Counter(Conversation.objects.filter(account=account).values_list("amazon_order_id", "buyer_key"))
    assert len(conversations) == buyers and set(conversations.values()) == {1}, conversations.most_common(3)
    assert Case.objects.filter(account=account, kind=MESSAGE).count() == buyers
    clocks = Counter(Deadline.objects.filter(account=account, kind=MESSAGE_RESPONSE).values_list("case_id", flat=True))
    assert len(clocks) == buyers and set(clocks.values()) == {1}, "one buyer-message clock per case"
    read = Activity.objects.filter(account=account, verb="mail.buyer_message")
    assert read.count() == mails
    opened = Activity.objects.filter(account=account, verb="case.opened").values("case_id").annotate(n=Count("id"))
    assert len(opened) == buyers and {row["n"] for row in opened} == {1}


def conversations_with_buyers(account, count: int, *, first: int = 1000) -> list[Conversation]:
    """`count` buyers who each asked a question, read in this process: conversations with a case and a running clock."""
    ids = store_mails(account, list(range(first, first + count)), tag=f"asked-{first}")
    inbound_process_many(mail_ids=ids)
    return list(Conversation.objects.filter(messages__inbound_id__in=ids).select_related("case").order_by("id"))


def queue_reply(conversation: Conversation, author) -> Reply:
    """An agent's answer, through the composer's service: the outbox row, its send task queued after commit."""
    return reply_queue(
        case=conversation.case,
        author=author,
        body="Thank you for your message. We have looked into your order and will make it right.",
        key=uuid.uuid4().hex,
        seen_message_id=latest_inbound_id(conversation),
    )


def assert_replies_met_clocks_once(replies: list[Reply]) -> None:
    """Each reply recorded sent once, and its case's buyer-message clock met once."""
    for reply in replies:
        reply.refresh_from_db()
        assert reply.status == ReplyStatus.SENT, (reply.pk, reply.status, reply.error)
        assert Activity.objects.filter(verb="reply.sent", after__reply=reply.pk).count() == 1
        case_id = reply.message.conversation.case_id
        clock = Deadline.objects.get(case_id=case_id, kind=MESSAGE_RESPONSE)
        assert clock.state == DeadlineState.MET
        assert Activity.objects.filter(case_id=case_id, verb__in=["clock.met", "clock.met_late"]).count() == 1


def seed_clocks(account, *, breaching: int, warning: int) -> list[Deadline]:
    """Open clocks, in due order: `breaching` past due a second apart, then `warning` inside their
    warning window."""
    now = timezone.now()
    snapshot = {"duration_s": 86400, "warn_before_s": 21600, "calendar": "calendar", "timezone": "UTC"}
    cases = Case.objects.bulk_create(
        [Case(account=account, kind="message", subject=f"clock {n}") for n in range(breaching + warning)]
    )
    clocks = []
    for n, case in enumerate(cases):
        due = now - timedelta(hours=2) + timedelta(seconds=n) if n < breaching else now + timedelta(hours=3)
        clocks.append(
            Deadline(
                case=case,
                account=account,
                kind="message_response",
                policy_snapshot=snapshot,
                started_at=due - timedelta(hours=24),
                warn_at=due - timedelta(hours=6),
                due_at=due,
                warned_at=due - timedelta(hours=6) if n < breaching else None,
            )
        )
    return Deadline.objects.bulk_create(clocks)
