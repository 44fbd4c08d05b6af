"""Conversations the seller starts: a message to a buyer who has not written about the order."""

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction

from helpdesk.buyers import relay_key
from helpdesk.models import CaseStatus, Order, SellerAccount
from helpdesk.services.cases import case_assign
from helpdesk.services.lifecycle import case_open, case_transition

from ..kinds import MESSAGE
from ..models import Conversation
from ..parsing import is_relay_address
from .reading import conversation_keys_lock


@transaction.atomic
def conversation_open_for_order(
    *,
    account: SellerAccount,
    amazon_order_id: str,
    buyer_email: str,
    subject: str,
    buyer_name: str = "",
    actor: AbstractBaseUser | None,
) -> Conversation:
    """The buyer's conversation about the order, opened if there is none yet.

    A new one gets a buyer-message case, held by whoever writes, that waits for the
    buyer: no clock runs until they write back, and then ingestion files their mail
    here (same account, order and relay key), reopens the case and starts the
    24-hour clock. Only Amazon's relay address may be written to."""
    buyer_email = buyer_email.strip()
    if not is_relay_address(buyer_email):
        raise ValidationError(
            f"“{buyer_email}” is not an Amazon relay address: buyers may only be written to through Amazon."
        )
    key = (account.pk, amazon_order_id, relay_key(buyer_email))
    conversation_keys_lock({key})
    found = Conversation.objects.filter(account=account, amazon_order_id=amazon_order_id, buyer_key=key[2]).first()
    if found is not None:
        return found
    order = Order.objects.filter(account=account, amazon_order_id=amazon_order_id).first()
    case = case_open(
        account=account,
        kind=MESSAGE,
        order=order,
        amazon_order_id=amazon_order_id,
        subject=subject,
        buyer_name=buyer_name,
        actor=actor,
    )
    if actor is not None:
        case = case_assign(case=case, assignee=actor, actor=actor)
    case = case_transition(case=case, to=CaseStatus.WAITING, actor=actor)
    return Conversation.objects.create(
        account=account,
        case=case,
        amazon_order_id=amazon_order_id,
        order=order,
        buyer_key=key[2],
        buyer_email=buyer_email,
        buyer_name=case.buyer_name,
        subject=subject,
        marketplace_id=account.marketplace_id,
    )
