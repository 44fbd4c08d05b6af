"""The seller's answer to a return request, and the refund.

The agent decides on the case page: authorise (with the return label: Amazon's prepaid label, the
seller's own, or postage paid by the buyer), close with a reason Amazon accepts, or refund without
a return. Each decision tells the buyer through the messaging outbox — a reply on the order's
conversation with them, opened if there is none, with the composer's compliance and stale-reply
guards — and meets the 48-hour clock, all in one transaction. A decision taken in Seller Central
arrives with the returns report and is recorded as Amazon's.
"""

from datetime import date, datetime
from decimal import Decimal

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from helpdesk.models import Case, CaseStatus
from helpdesk.services.audit import audit
from helpdesk.services.lifecycle import case_clocks_meet, case_transition
from messaging.outbound.services import ReplyRefused, reply_queue
from messaging.services import conversation_open_for_order

from ..kinds import RETURN_RESPONSE
from ..models import (
    CloseReason,
    DecisionKind,
    DecisionSource,
    LabelChoice,
    Return,
    ReturnDecision,
    ReturnedUnit,
    ReturnRefund,
    ReturnStatus,
)
from ..selectors import buyer_target, order_for, restocking_for
from .lifecycle import figures_refresh_later, return_receive, return_settle_if_done, return_transition, units_for


class DecisionRefused(Exception):
    """The decision cannot be taken or its message cannot be sent; the message says why."""


NO_RELAY_ADDRESS = (
    "No Amazon relay address is known for this buyer (no message from them, no buyer e-mail on the order): "
    "the decision is recorded here, and Amazon tells the buyer of the decision you take in Seller Central."
)


@transaction.atomic
def return_decide(
    *,
    ret: Return,
    kind: str,
    message: str,
    key: str,
    seen_message_id: int,
    actor: AbstractBaseUser,
    label: str = "",
    close_reason: str = "",
    refund_amount: Decimal | None = None,
    now: datetime | None = None,
) -> ReturnDecision:
    """Take the seller's decision on a request awaiting it, tell the buyer, meet the clock.

    Idempotent by `key`, the form's: the same form posted twice is one decision. Raises
    DecisionRefused (nothing written) when the request is decided already, a choice is missing, or
    the message breaks Amazon's messaging rules."""
    now = now or timezone.now()
    ret = Return.objects.select_for_update(of=("self",)).select_related("account", "case__order").get(pk=ret.pk)
    existing = ReturnDecision.objects.filter(ret=ret).select_related("reply").first()
    if existing is not None:
        if existing.reply is not None and existing.reply.key == key:
            return existing
        raise DecisionRefused(f"This request was already decided: {existing.get_kind_display().lower()}.")
    if ret.status != ReturnStatus.REQUESTED:
        raise DecisionRefused(f"This return is {ret.get_status_display().lower()}: there is no request to decide.")
    if kind not in DecisionKind.values:
        raise DecisionRefused("Choose authorise, close or refund without return.")
    if kind == DecisionKind.AUTHORISE and label not in LabelChoice.values:
        raise DecisionRefused("Choose the return label: Amazon's prepaid label, your own, or the buyer pays.")
    if kind == DecisionKind.CLOSE and close_reason not in CloseReason.values:
        raise DecisionRefused("Choose the reason for closing the request: Amazon asks for one.")
    if kind == DecisionKind.RETURNLESS and (refund_amount is None or refund_amount <= 0):
        raise DecisionRefused("Give the amount refunded.")
    message = message.strip()
    order = order_for(ret)
    target = buyer_target(ret, order)
    reply = None
    if target.address:
        if not message:
            raise DecisionRefused("Write the message to the buyer: it tells them what happens next.")
        try:
            conversation = conversation_open_for_order(
                account=ret.account,
                amazon_order_id=ret.amazon_order_id,
                buyer_email=target.address,
                subject=f"Your return for order {ret.amazon_order_id}",
                buyer_name=order.buyer_name if order else ret.buyer_name,
                actor=actor,
            )
            reply = reply_queue(
                case=conversation.case,
                author=actor,
                body=message,
                key=key,
                seen_message_id=seen_message_id,
                unsolicited=False,  # the answer to the buyer's return request
            )
        except ReplyRefused as exc:
            raise DecisionRefused(str(exc)) from exc
        except ValidationError as exc:
            raise DecisionRefused(" ".join(exc.messages)) from exc
    decision = ReturnDecision.objects.create(
        ret=ret,
        kind=kind,
        label=label if kind == DecisionKind.AUTHORISE else "",
        close_reason=close_reason if kind == DecisionKind.CLOSE else "",
        message=message,
        reply=reply,
        decided_by=actor,
        decided_at=now,
    )
    what = {
        DecisionKind.AUTHORISE: f"Return authorised: {LabelChoice(label).label.lower()}" if label else "",
        DecisionKind.CLOSE: f"Request closed: {CloseReason(close_reason).label.lower()}" if close_reason else "",
        DecisionKind.RETURNLESS: f"Refunded without return: {refund_amount} {ret.currency}".strip(),
    }[kind]
    told = f"; buyer told at {reply.to_address}" if reply else "; no relay address, the buyer was not written to"
    audit(
        verb="return.decided",
        summary=what + told,
        actor=actor,
        case=ret.case,
        account=ret.account,
        after={"decision": kind, "label": label, "close_reason": close_reason, "reply": reply.pk if reply else None},
    )
    if kind == DecisionKind.AUTHORISE:
        return_transition(ret=ret, to=ReturnStatus.AUTHORISED, actor=actor, summary="Return authorised")
    elif kind == DecisionKind.CLOSE:
        return_transition(ret=ret, to=ReturnStatus.CLOSED, actor=actor, summary="Return request closed")
    else:
        ReturnRefund.objects.create(ret=ret, amount=refund_amount, refunded_by=actor, refunded_at=now)
        return_transition(ret=ret, to=ReturnStatus.REFUNDED, actor=actor, summary="Refunded without return")
    _after_decision(ret=ret, actor=actor, at=now)
    return decision


def _after_decision(*, ret: Return, actor: AbstractBaseUser | None, at: datetime) -> None:
    """The clock is met when the decision is taken; an authorised return waits for its parcel."""
    if ret.case_id is None:
        return
    case = Case.objects.get(pk=ret.case_id)
    case_clocks_meet(case=case, at=at, actor=actor, kinds=[RETURN_RESPONSE])
    if not return_settle_if_done(ret=ret, actor=actor, at=at) and ret.status == ReturnStatus.AUTHORISED:
        case.refresh_from_db(fields=["status"])
        if case.status != CaseStatus.WAITING and not case.is_final:
            case_transition(case=case, to=CaseStatus.WAITING, actor=actor)
    figures_refresh_later(ret)


def return_amazon_moves(
    *, ret: Return, to: str, received_on: date | None, refunded_amount: Decimal | None, now: datetime | None = None
) -> Return:
    """Amazon's returns report shows the return further along than we hold it: it was decided,
    received, refunded or closed in Seller Central. Move it there, step by step, as Amazon's doing."""
    now = now or timezone.now()
    with transaction.atomic():
        if ret.status == ReturnStatus.REQUESTED and to != ReturnStatus.REQUESTED:
            kind = DecisionKind.CLOSE if to == ReturnStatus.CLOSED else DecisionKind.AUTHORISE
            ReturnDecision.objects.get_or_create(
                ret=ret, defaults={"kind": kind, "source": DecisionSource.AMAZON, "decided_at": now}
            )
            step = ReturnStatus.CLOSED if to == ReturnStatus.CLOSED else ReturnStatus.AUTHORISED
            return_transition(ret=ret, to=step, actor=None, summary=f"{ReturnStatus(step).label} in Seller Central")
            _after_decision(ret=ret, actor=None, at=now)
        if received_on is not None and ret.received_on is None:
            if ret.status == ReturnStatus.AUTHORISED:
                return_receive(
                    ret=ret,
                    received_on=received_on,
                    actor=None,
                    summary=f"Return delivered to the seller on {received_on:%d %b %Y} (returns report)",
                )
            else:
                _units_arrived(ret=ret, received_on=received_on)
        if to == ReturnStatus.REFUNDED and ret.status in (ReturnStatus.AUTHORISED, ReturnStatus.RECEIVED):
            ReturnRefund.objects.get_or_create(
                ret=ret,
                defaults={"amount": refunded_amount or Decimal(0), "source": DecisionSource.AMAZON, "refunded_at": now},
            )
            return_transition(ret=ret, to=ReturnStatus.REFUNDED, actor=None, summary="Refunded in Seller Central")
        if to == ReturnStatus.CLOSED and not ret.is_final:
            return_transition(ret=ret, to=ReturnStatus.CLOSED, actor=None, summary="Closed in Seller Central")
        return_settle_if_done(ret=ret, actor=None, at=now)
    return ret


def _units_arrived(*, ret: Return, received_on: date) -> None:
    """A return refunded or closed before its parcel came: the units that arrive are graded all the same."""
    Return.objects.filter(pk=ret.pk).update(received_on=received_on, updated_at=timezone.now())
    ret.received_on = received_on
    if not ret.units.exists():
        ReturnedUnit.objects.bulk_create(units_for(ret=ret, items=ret.items.all(), received_on=received_on))
    audit(
        verb="return.units_arrived",
        summary=f"Units delivered back on {received_on:%d %b %Y} (returns report): to be graded",
        case=ret.case,
        account=ret.account,
    )
    if ret.case_id:
        case = Case.objects.get(pk=ret.case_id)
        if case.is_final or case.status == CaseStatus.WAITING:
            case_transition(case=case, to=CaseStatus.OPEN, actor=None)


@transaction.atomic
def return_refund(
    *,
    ret: Return,
    amount: Decimal,
    actor: AbstractBaseUser,
    restocking_fee: Decimal = Decimal(0),
    restocking_reason: str = "",
    now: datetime | None = None,
) -> ReturnRefund:
    """Record the refund of a return that came back (or is on its way), with any restocking fee kept
    back — only where it is allowed, at most the allowed share, and with its reason."""
    now = now or timezone.now()
    ret = Return.objects.select_for_update(of=("self",)).select_related("account", "case").get(pk=ret.pk)
    if ret.status not in (ReturnStatus.AUTHORISED, ReturnStatus.RECEIVED):
        raise ValidationError(f"This return is {ret.get_status_display().lower()}: it cannot be refunded now.")
    if amount is None or amount < 0:
        raise ValidationError("Give the amount refunded.")
    restocking_fee = restocking_fee or Decimal(0)
    restocking_reason = restocking_reason.strip()
    if restocking_fee < 0:
        raise ValidationError("A restocking fee cannot be negative.")
    if restocking_fee > 0:
        items = list(ret.items.all())
        allowance = restocking_for(ret, items, list(ret.units.all()))
        if allowance.max_percent <= 0:
            raise ValidationError(allowance.why)
        base = amount + restocking_fee
        most = (base * allowance.max_percent / 100).quantize(Decimal("0.01"))
        if restocking_fee > most:
            raise ValidationError(
                f"A restocking fee of at most {most} is allowed here ({allowance.max_percent.normalize():f} % "
                f"of {base:.2f}, the unit came back materially different from what was shipped)."
            )
        if not restocking_reason:
            raise ValidationError("Say why a restocking fee is kept back: the buyer and Amazon will ask.")
    refund = ReturnRefund.objects.create(
        ret=ret,
        amount=amount,
        restocking_fee=restocking_fee,
        restocking_reason=restocking_reason if restocking_fee else "",
        refunded_by=actor,
        refunded_at=now,
    )
    fee = f", restocking fee {restocking_fee} kept back: {restocking_reason}" if restocking_fee else ""
    return_transition(ret=ret, to=ReturnStatus.REFUNDED, actor=actor, summary=f"Refunded {amount} {ret.currency}{fee}")
    return_settle_if_done(ret=ret, actor=actor, at=now)
    figures_refresh_later(ret)
    return refund
