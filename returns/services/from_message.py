"""A return opened by the agent from a buyer's message that asks for one (messaging's conversation
offers it: `returns.offers`). Amazon wants an answer to a return request with the return's information
or the reason it is outside the window: the return case, with its 48-hour clock from the buyer's
message, is where that answer is decided and sent."""

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction

from helpdesk.models import Case, Order, SellerAccount
from helpdesk.services.audit import audit
from helpdesk.services.lifecycle import case_open
from messaging.models import Message

from ..kinds import RETURN, RETURN_RESPONSE
from ..models import Channel, Return, ReturnItem, ReturnStatus
from ..rules import order_keys
from .notices import _items

MESSAGE_KEY_PREFIX = "msg:"


@transaction.atomic
def return_open_from_message(*, message: Message, actor: AbstractBaseUser) -> Return:
    """Open the seller-fulfilled return the buyer's `message` asks for, linked to its order and
    conversation. Idempotent: the order's return already open (from this message, a notice or a
    report) is returned instead. Refuses (ValidationError) an FBA order or a message about no order."""
    conversation = message.conversation
    account = conversation.account
    SellerAccount.objects.select_for_update().filter(pk=account.pk).exists()  # one opener at a time
    if not conversation.amazon_order_id:
        raise ValidationError("This message is about no order: a return needs one.")
    found = (
        Return.objects.filter(account=account, amazon_order_id=conversation.amazon_order_id, channel=Channel.MFN)
        .exclude(status=ReturnStatus.CLOSED)
        .order_by("-requested_at")
        .first()
    )
    if found is not None:
        return found
    order = Order.objects.filter(account=account, amazon_order_id=conversation.amazon_order_id).first()
    if order is not None and order.is_fba:
        raise ValidationError("Amazon fulfilled this order: Amazon takes its returns, not the seller.")
    items = _items(order, [])
    case = case_open(
        account=account,
        kind=RETURN,
        order=order,
        amazon_order_id=conversation.amazon_order_id,
        subject=f"Return asked for in a message: {items[0].title or items[0].sku or conversation.amazon_order_id}"[
            :300
        ],
        buyer_name=conversation.buyer_name,
        opened_at=message.sent_at,
        clock=RETURN_RESPONSE,
        actor=actor,
    )
    ret = Return.objects.create(
        account=account,
        case=case,
        channel=Channel.MFN,
        amazon_order_id=conversation.amazon_order_id,
        key=f"{MESSAGE_KEY_PREFIX}{message.pk}",
        status=ReturnStatus.REQUESTED,
        requested_at=message.sent_at,
        customer_comments=message.body_text[:2000],
        buyer_name=conversation.buyer_name or (order.buyer_name if order else ""),
        buyer_known=order is not None,
        **order_keys(order),
    )
    for item in items:
        item.ret, item.account_id = ret, account.id
    ReturnItem.objects.bulk_create(items)
    audit(
        verb="return.from_message",
        summary=f"Return opened from the buyer's message of {message.sent_at:%Y-%m-%d %H:%M}",
        actor=actor,
        case=case,
        account=account,
        after={"message": message.pk, "conversation": conversation.pk},
    )
    audit(
        verb="return.opened_here",
        summary=f"A return case was opened from this conversation (case #{case.pk})",
        actor=actor,
        case=Case.objects.get(pk=conversation.case_id),
        account=account,
    )
    return ret
