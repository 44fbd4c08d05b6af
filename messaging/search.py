"""What messaging gives the search box: the buyer as the conversation knows them (name, relay
address, the items the mail named), and every message of the thread — the buyer's words, our
replies, notes and call logs. Only what a message says anew is indexed, not the thread it quotes;
a purged message has no words left to index."""

from collections.abc import Iterator

from helpdesk.registry import SearchText

from .models import Conversation, Direction, Message

LABELS = {
    Direction.IN: "Buyer message",
    Direction.OUT: "Our reply",
    Direction.NOTE: "Note",
    Direction.CALL: "Call log",
}


def documents(*, case_ids: list[int]) -> Iterator[SearchText]:
    conversations = Conversation.objects.filter(case_id__in=case_ids).only(
        "id", "case_id", "buyer_name", "buyer_email", "items", "created_at"
    )
    case_of = {}
    for c in conversations:
        case_of[c.id] = c.case_id
        items = [" ".join(str(item.get(key) or "") for key in ("asin", "title")) for item in c.items or []]
        buyer = " ".join(part for part in [c.buyer_name, c.buyer_email, *items] if part.strip())
        if buyer:
            yield SearchText(c.case_id, "conversation", "Buyer", buyer, c.created_at)
    messages = (
        Message.objects.filter(conversation_id__in=case_of)
        .exclude(body_text="")
        .only("conversation_id", "direction", "body_text", "sent_at")
        .order_by("conversation_id", "sent_at", "id")
    )
    for m in messages.iterator(chunk_size=2000):
        yield SearchText(
            case_of[m.conversation_id], f"message.{m.direction}", LABELS[m.direction], m.body_text, m.sent_at
        )
