"""Reads of order problems."""

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from helpdesk.models import Case, Order
from helpdesk.models.cases import ACTIVE_STATUSES
from helpdesk.roles import Role
from helpdesk.selectors import scoped
from messaging.models import Conversation
from messaging.parsing import is_relay_address

from .models import OrderProblem

SHIPPED_STATUSES = frozenset({"shipped", "delivered"})
CANCELLED_STATUSES = frozenset({"cancelled", "canceled"})


def is_shipped(order: Order) -> bool:
    return order.ship_date is not None or order.status.lower() in SHIPPED_STATUSES


def is_cancelled(order: Order) -> bool:
    return order.status.lower() in CANCELLED_STATUSES


def problem_for_case(case: Case) -> OrderProblem | None:
    return (
        OrderProblem.objects.select_related("order", "request_message__conversation", "told_reply", "flagged_by")
        .filter(case=case)
        .first()
    )


def problem_get(user: AbstractBaseUser, *, problem_id: int) -> OrderProblem:
    return get_object_or_404(
        scoped(OrderProblem.objects.select_related("account", "case", "order"), user, min_role=Role.AGENT),
        id=problem_id,
    )


def order_find(user: AbstractBaseUser, *, account_id: int, amazon_order_id: str) -> Order | None:
    return (
        scoped(Order.objects.select_related("account"), user, min_role=Role.AGENT)
        .filter(account_id=account_id, amazon_order_id=amazon_order_id.strip())
        .first()
    )


def problems_open(user: AbstractBaseUser) -> QuerySet[OrderProblem]:
    """The open order problems on the user's accounts, the most urgent first (one query)."""
    return (
        scoped(OrderProblem.objects.all(), user, min_role=Role.AGENT)
        .filter(case__status__in=ACTIVE_STATUSES)
        .select_related("account", "case", "order")
        .order_by("case__next_due_at", "-known_at", "id")
    )


def buyer_target(order: Order) -> str:
    """The buyer's relay address: the order's latest conversation with one, else the order's own."""
    conversation = (
        Conversation.objects.filter(account_id=order.account_id, amazon_order_id=order.amazon_order_id)
        .order_by("-last_message_at", "-id")
        .first()
    )
    if conversation is not None and is_relay_address(conversation.buyer_email):
        return conversation.buyer_email
    return order.buyer_email if is_relay_address(order.buyer_email) else ""


def conversation_for_order(order: Order) -> Conversation | None:
    return (
        Conversation.objects.filter(account_id=order.account_id, amazon_order_id=order.amazon_order_id)
        .order_by("-last_message_at", "-id")
        .first()
    )
