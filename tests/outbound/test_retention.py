"""A reply forgets the buyer once its conversation has (the retention purge, helpdesk.services.retention):
its relay address goes and its subject loses the buyer's name; a reply still waiting to go keeps its address."""

from datetime import timedelta

from django.utils import timezone

from helpdesk.services.retention import personal_data_purge
from messaging.models import Direction, Message
from messaging.outbound.models import Reply, ReplyStatus


def _reply(conversation, agent, *, status: str, key: str) -> Reply:
    subject = f"Re: {conversation.subject}"
    message = Message.objects.create(
        conversation=conversation,
        direction=Direction.OUT,
        author=agent,
        subject=subject,
        body_text="On its way.",
        sent_at=timezone.now(),
    )
    return Reply.objects.create(
        account=conversation.account,
        message=message,
        key=key,
        status=status,
        to_address=conversation.buyer_email,
        from_address="support@acme-goods.example",
        subject=subject,
        email_message_id=f"sellerdesk.out.{key}@acme-goods.example",
    )


def test_a_reply_forgets_the_buyer_with_its_conversation(account, agent, conversation):
    sent = _reply(conversation, agent, status=ReplyStatus.SENT, key="sent")
    waiting = _reply(conversation, agent, status=ReplyStatus.QUEUED, key="waiting")
    assert "Cathy" in sent.subject
    personal_data_purge(account=account, now=timezone.now() + timedelta(days=10))
    sent.refresh_from_db()
    assert sent.to_address and "Cathy" in sent.subject, "inside the retention period nothing changes"
    counts = personal_data_purge(account=account, now=timezone.now() + timedelta(days=100))
    sent.refresh_from_db()
    waiting.refresh_from_db()
    assert sent.to_address == "" and "Cathy" not in sent.subject and sent.subject == sent.message.subject
    assert sent.subject.startswith("Re: Shipping inquiry from Amazon customer buyer (Order: ")
    assert waiting.to_address == conversation.buyer_email, "a reply waiting to go keeps its address"
    assert counts["outbound.replies"] == 1
    assert personal_data_purge(account=account, now=timezone.now() + timedelta(days=100))["outbound.replies"] == 0
