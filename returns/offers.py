"""The offer on a buyer's conversation (registered with `messaging.offers`): when the buyer's latest
messages ask to send something back, open the return from the message — or go to the order's return
already open."""

from django.http import HttpRequest

from helpdesk.models import Case
from messaging.intents import asks_for_return
from messaging.models import Conversation, Direction

from .models import Channel, Return, ReturnStatus

# How many of the buyer's latest messages are read for the ask.
LATEST = 3


def return_offer(request: HttpRequest, case: Case, conversation: Conversation) -> tuple[str, dict] | None:
    if not conversation.amazon_order_id:
        return None
    # The thread is prefetched for the panel: no query for the messages.
    inbound = [m for m in conversation.messages.all() if m.direction == Direction.IN and not m.purged_at]
    asking = next(((m, words) for m in reversed(inbound[-LATEST:]) if (words := asks_for_return(m.body_text))), None)
    if asking is None:
        return None
    message, words = asking
    existing = (
        Return.objects.filter(
            account_id=conversation.account_id, amazon_order_id=conversation.amazon_order_id, channel=Channel.MFN
        )
        .exclude(status=ReturnStatus.CLOSED)
        .only("id", "case_id", "status")
        .first()
    )
    fba = case.order is not None and case.order.is_fba
    return "returns/offer.html", {"message": message, "words": words, "existing": existing, "fba": fba}
