"""Reads of the outbound app. Every queryset a view touches is scoped here or by helpdesk's selectors."""

import math
from datetime import datetime, timedelta
from email.utils import formataddr
from typing import NamedTuple

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Exists, F, OuterRef, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from helpdesk.models import Case, Deadline, DeadlineState, Role, SellerAccount
from helpdesk.selectors import prefetched, scoped
from messaging.kinds import MESSAGE_RESPONSE
from messaging.models import Conversation, Direction, InboundMail, Message

from .models import (
    PENDING_STATUSES,
    CallSummaryPrompt,
    CannedResponse,
    ConversationMark,
    MarkKind,
    OutboundSettings,
    Reply,
)


def sender_for(account: SellerAccount) -> str:
    """The From of the account's replies: its outbound settings (those read with the account, if they
    were), or DEFAULT_FROM_EMAIL."""
    if type(account).outbound_settings.is_cached(account):
        found = getattr(account, "outbound_settings", None)  # read with it, and None if it has none
    else:
        found = OutboundSettings.objects.filter(account=account).first()
    if found is None:
        return settings.DEFAULT_FROM_EMAIL
    return formataddr((found.display_name or account.name, found.from_address))


def conversation_of(case: Case) -> Conversation:
    """The case's conversation, or 404: the composer's actions exist only on buyer conversations."""
    return get_object_or_404(Conversation.objects.select_related("order", "account"), case=case)


def latest_inbound_id(conversation: Conversation) -> int:
    """The newest buyer message of the conversation: what the composer says the agent has seen.
    Of the messages read with the conversation, if they were (the case page's thread): the newest one
    the page shows, without a query."""
    thread = prefetched(conversation, "messages")
    if thread is not None:
        return max((m.id for m in thread if m.direction == Direction.IN), default=0)
    return (
        conversation.messages.filter(direction=Direction.IN).order_by("-id").values_list("id", flat=True).first() or 0
    )


def inbound_since(conversation: Conversation, *, seen_id: int) -> list[Message]:
    """Buyer messages that arrived after the one the agent saw."""
    return list(conversation.messages.filter(direction=Direction.IN, id__gt=seen_id).order_by("sent_at", "id"))


def parent_message_id(conversation: Conversation) -> str:
    """The Message-ID of the buyer's last mail in the conversation: what a reply threads under."""
    return (
        InboundMail.objects.filter(message__conversation=conversation, message__direction=Direction.IN)
        .exclude(message_id="")
        .order_by("-received_at", "-id")
        .values_list("message_id", flat=True)
        .first()
        or ""
    )


def _thread_without(conversation: Conversation, direction: str) -> bool:
    """Whether the conversation was read with its messages (the case page's thread) and none of them
    goes `direction`: then nothing hangs on such a message, and the page asks nothing more."""
    thread = prefetched(conversation, "messages")
    return thread is not None and all(m.direction != direction for m in thread)


def replies_of(conversation: Conversation) -> list[Reply]:
    """The replies of the conversation, newest first (a reply is an outgoing message of the thread)."""
    if _thread_without(conversation, Direction.OUT):
        return []
    return list(
        Reply.objects.filter(message__conversation=conversation).select_related("message").order_by("-queued_at", "-id")
    )


def reply_get(user: AbstractBaseUser, *, reply_id: int) -> Reply:
    queryset = Reply.objects.select_related("message__conversation__case", "account")
    return get_object_or_404(scoped(queryset, user), id=reply_id)


def replies_due_ids(*, now: datetime, limit: int) -> list[int]:
    """Replies a worker should take: queued ones whose task never ran, sending ones whose lease ran out."""
    return list(
        Reply.objects.filter(status__in=PENDING_STATUSES, next_attempt_at__lte=now)
        .order_by("next_attempt_at", "id")
        .values_list("id", flat=True)[:limit]
    )


def message_clock(case: Case) -> Deadline | None:
    """The case's latest buyer-message clock, with `by_mark` telling whether a mark (not a reply) stopped it
    (a met clock's: only that one can have been)."""
    clocks = prefetched(case, "deadlines")
    if clocks is not None:
        running = [d for d in clocks if d.kind == MESSAGE_RESPONSE and d.state != DeadlineState.CANCELLED]
        clock = max(running, key=lambda d: (d.started_at, d.id), default=None)
        if clock is not None:
            clock.by_mark = clock.state == DeadlineState.MET and clock.outbound_marks.exists()
        return clock
    return (
        Deadline.objects.filter(case=case, kind=MESSAGE_RESPONSE)
        .exclude(state=DeadlineState.CANCELLED)
        .annotate(by_mark=Exists(ConversationMark.met_deadlines.through.objects.filter(deadline_id=OuterRef("pk"))))
        .order_by("-started_at", "-id")
        .first()
    )


def open_suspicion(conversation: Conversation) -> ConversationMark | None:
    return (
        conversation.marks.filter(kind=MarkKind.SUSPICIOUS, reviewed_at__isnull=True)
        .select_related("created_by")
        .first()
    )


# --- canned responses --------------------------------------------------------


def canned_for_account(account_id: int) -> QuerySet[CannedResponse]:
    return CannedResponse.objects.filter(account_id=account_id).order_by("name")


def canned_get(user: AbstractBaseUser, *, canned_id: int, min_role: str = Role.AGENT) -> CannedResponse:
    queryset = CannedResponse.objects.select_related("account")
    return get_object_or_404(scoped(queryset, user, min_role=min_role), id=canned_id)


def canned_values(*, conversation: Conversation, agent: AbstractBaseUser) -> dict[str, str]:
    """What a canned response's variables are filled with, for this conversation and agent."""
    order = conversation.order
    titles = [title for title in order.items.values_list("title", flat=True) if title] if order else []
    if not titles:
        titles = [item.get("title", "") for item in conversation.items if item.get("title")]
    return {
        "buyer_name": conversation.buyer_name or (order.buyer_name if order else ""),
        "order_id": conversation.amazon_order_id or (order.amazon_order_id if order else ""),
        "product_title": titles[0] if titles else "",
        "tracking_number": order.tracking_number if order else "",
        "carrier": order.carrier if order else "",
        "agent_name": agent.get_full_name() or agent.get_username(),
        "seller_name": conversation.account.name,
    }


# --- managers ----------------------------------------------------------------


def flagged_conversations(user: AbstractBaseUser) -> QuerySet[ConversationMark]:
    """Conversations marked suspicious that no manager has reviewed yet, oldest first."""
    return (
        scoped(
            ConversationMark.objects.filter(kind=MarkKind.SUSPICIOUS, reviewed_at__isnull=True),
            user,
            min_role=Role.MANAGER,
        )
        .select_related("conversation__case", "account", "created_by")
        .order_by("created_at", "id")
    )


def mark_get(user: AbstractBaseUser, *, mark_id: int) -> ConversationMark:
    queryset = ConversationMark.objects.select_related("conversation__case")
    return get_object_or_404(scoped(queryset, user, min_role=Role.MANAGER), id=mark_id)


class ResponseTimes(NamedTuple):
    median: timedelta | None
    p90: timedelta | None
    count: int


def response_times(*, account_ids: list[int], days: int, now: datetime | None = None) -> ResponseTimes:
    """(median, p90, count) of the time from a buyer's message to its answer, over the
    message clocks started in the last `days` days and met by a response. Clocks that
    "no response needed" or "suspicious" stopped are not responses and are left out,
    as Amazon leaves them out of its response-time metric. Nearest-rank percentiles,
    computed in the database: two rows are read, however many clocks there are."""
    since = (now or timezone.now()) - timedelta(days=days)
    met = (
        Deadline.objects.filter(
            account_id__in=account_ids,
            kind=MESSAGE_RESPONSE,
            state=DeadlineState.MET,
            started_at__gte=since,
        )
        .exclude(outbound_marks__isnull=False)
        .annotate(elapsed=F("met_at") - F("started_at"))
    )
    count = met.count()
    if not count:
        return ResponseTimes(median=None, p90=None, count=0)

    def percentile(p: float) -> timedelta:
        rank = max(math.ceil(p * count), 1) - 1
        return met.order_by("elapsed", "id").values_list("elapsed", flat=True)[rank]

    return ResponseTimes(median=percentile(0.5), p90=percentile(0.9), count=count)


def call_prompts_open(conversation: Conversation) -> list[CallSummaryPrompt]:
    """The calls logged on the conversation that still wait for a written summary to the buyer."""
    if _thread_without(conversation, Direction.CALL):
        return []
    return list(
        CallSummaryPrompt.objects.filter(conversation=conversation, closed_at__isnull=True)
        .select_related("call")
        .order_by("created_at", "id")
    )


def call_prompt_get(user: AbstractBaseUser, *, prompt_id: int) -> CallSummaryPrompt:
    return get_object_or_404(
        scoped(CallSummaryPrompt.objects.select_related("conversation__case", "call"), user), id=prompt_id
    )
