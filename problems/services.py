"""Writes of order problems: finding them in the order data (`problems_detect`, after every order
import and sync, and every few minutes as time passes), flagging an order that must be cancelled, and
telling the buyer through the messaging outbox.

Detection is set-based and idempotent: one query finds each kind of new problem for the account, a
unique constraint keeps one problem per order and kind, and running it twice changes nothing.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Exists, OuterRef, QuerySet, Subquery
from django.db.models.functions import Lower
from django.utils import timezone

from helpdesk.models import Activity, Case, CaseStatus, FulfillmentChannel, Order, SellerAccount
from helpdesk.models.cases import ACTIVE_STATUSES
from helpdesk.services.audit import audit
from helpdesk.services.deadlines import clock_times, policy_get, policy_snapshot
from helpdesk.services.lifecycle import (
    case_clocks_meet,
    case_settle,
    case_transition,
    cases_open,
    deadlines_start,
)
from messaging.models import Direction, Message
from messaging.outbound.models import ContactKind
from messaging.outbound.services import ReplyRefused, reply_queue
from messaging.services import conversation_open_for_order

from .kinds import CANCEL_ANSWER, CANCEL_TELL, DELAY_TELL, ORDER_PROBLEM, SHIP_BY
from .models import OrderProblem, ProblemKind
from .selectors import buyer_target, is_cancelled, is_shipped

# Order statuses, lower-cased, as the Orders API and the order reports spell them.
UNSHIPPED_STATUSES = ("unshipped", "partiallyshipped", "partially shipped")
# Amazon's word that an order cannot be fulfilled.
UNFULFILLABLE_STATUSES = ("unfulfillable",)
# Cancellation requests looked at: a request older than this has been dealt with one way or another.
REQUEST_LOOKBACK = timedelta(days=30)
# An order whose latest ship date passed longer ago than this is stale data (a report's old status), not news.
LATE_LOOKBACK = timedelta(days=30)

NO_RELAY_ADDRESS = (
    "There is no Amazon relay address for this buyer yet: no message from them and no order sync gave one. "
    "Write to them from Seller Central's Buyer-Seller Messaging, then mark the buyer told."
)


class ProblemRefused(Exception):
    """The action cannot be taken; the message says why."""


@dataclass
class Detected:
    opened: int = 0
    late: int = 0
    shipped: int = 0
    settled: int = 0

    def summary(self) -> str:
        return (
            f"{self.opened} order problem{'s' if self.opened != 1 else ''} opened, {self.late} now late, "
            f"{self.shipped} shipped, {self.settled} settled"
        )


def _orders(account: SellerAccount) -> QuerySet[Order]:
    return Order.objects.filter(account=account).annotate(status_lower=Lower("status"))


def _subject(kind: str, order: Order) -> str:
    return f"{ProblemKind(kind).label}: order {order.amazon_order_id}"


class _Policies:
    """The account's policy snapshots, read once a detection: when a clock started at a time is due."""

    def __init__(self, account: SellerAccount):
        self.account = account
        self._snapshots: dict[str, dict] = {}

    def snapshot(self, kind: str) -> dict:
        if kind not in self._snapshots:
            policy = policy_get(account=self.account, kind=kind)
            policy.account = self.account
            self._snapshots[kind] = policy_snapshot(policy)
        return self._snapshots[kind]

    def stated(self, *, kind: str, started_at: datetime, by: datetime | None) -> datetime | None:
        """`by` when it comes before the policy's due time (the clock is then due at `by`), else None."""
        if by is None:
            return None
        _, due = clock_times(snapshot=self.snapshot(kind), started_at=started_at)
        return by if by < due else None


@dataclass
class _Found:
    """One problem to open: its order, its fields, and its clock's start and stated due (None: the policy's)."""

    order: Order
    fields: dict
    starts: datetime
    due: datetime | None = None


def _open(
    *,
    account: SellerAccount,
    found: list[_Found],
    kind: str,
    clock: str | None,
    now: datetime,
    actor: AbstractBaseUser | None = None,
) -> list[OrderProblem]:
    """Open one case and problem each, with its clock, in bulk (a few statements whatever the number)."""
    if not found:
        return []
    cases = [
        Case(
            account=account,
            kind=ORDER_PROBLEM,
            order=item.order,
            amazon_order_id=item.order.amazon_order_id,
            subject=_subject(kind, item.order),
            buyer_name=item.order.buyer_name,
            opened_at=now,
        )
        for item in found
    ]
    cases_open(
        cases=cases,
        clock=clock,
        clock_starts=[item.starts for item in found] if clock else None,
        clock_dues=[item.due for item in found] if clock else None,
        actor=actor,
    )
    return OrderProblem.objects.bulk_create(
        [
            OrderProblem(account=account, case=case, order=item.order, kind=kind, **item.fields)
            for case, item in zip(cases, found, strict=True)
        ]
    )


def _without(kind: str) -> Exists:
    return Exists(OrderProblem.objects.filter(order_id=OuterRef("pk"), kind=kind))


def _open_late(account: SellerAccount, now: datetime, result: Detected, policies: _Policies) -> None:
    """Seller-fulfilled orders still unshipped as their latest ship date comes within the ship-by
    policy's duration (a clock due at that date), or has passed (a clock to tell the buyer)."""
    horizon = timedelta(seconds=policies.snapshot(SHIP_BY)["duration_s"])
    orders = list(
        _orders(account)
        .filter(
            ship_date__isnull=True,
            latest_ship_date__isnull=False,
            latest_ship_date__lte=now + horizon,
            latest_ship_date__gte=now - LATE_LOOKBACK,
            fulfillment_channel=FulfillmentChannel.MFN,
            status_lower__in=UNSHIPPED_STATUSES,
        )
        .exclude(_without(ProblemKind.LATE))
        .order_by("latest_ship_date", "pk")
    )
    nearing = [
        _Found(order, {"known_at": now}, starts=now, due=order.latest_ship_date)
        for order in orders
        if order.latest_ship_date > now
    ]
    late = [
        _Found(
            order,
            {"known_at": now, "late_at": order.latest_ship_date},
            starts=now,
            due=policies.stated(kind=DELAY_TELL, started_at=now, by=order.estimated_delivery_date),
        )
        for order in orders
        if order.latest_ship_date <= now
    ]
    _open(account=account, found=nearing, kind=ProblemKind.LATE, clock=SHIP_BY, now=now)
    _open(account=account, found=late, kind=ProblemKind.LATE, clock=DELAY_TELL, now=now)
    result.opened += len(orders)
    result.late += len(late)


def _open_unfulfillable(account: SellerAccount, now: datetime, result: Detected) -> None:
    orders = list(
        _orders(account).filter(status_lower__in=UNFULFILLABLE_STATUSES).exclude(_without(ProblemKind.MUST_CANCEL))
    )
    found = [
        _Found(order, {"known_at": now, "reason": f"Amazon's order data: {order.status}"}, now) for order in orders
    ]
    _open(account=account, found=found, kind=ProblemKind.MUST_CANCEL, clock=CANCEL_TELL, now=now)
    result.opened += len(found)


def _open_buyer_cancels(account: SellerAccount, now: datetime, result: Detected, policies: _Policies) -> None:
    """Relayed cancellation requests about orders we hold, each order's first one: answered before the
    order ships (due by its latest ship date when that is still ahead and sooner than the policy's)."""
    requests = (
        Message.objects.filter(
            cancellation_request=True,
            direction=Direction.IN,
            sent_at__gte=now - REQUEST_LOOKBACK,
            conversation__account=account,
        )
        .exclude(conversation__amazon_order_id="")
        .annotate(
            order_pk=Subquery(
                Order.objects.filter(account=account, amazon_order_id=OuterRef("conversation__amazon_order_id")).values(
                    "pk"
                )[:1]
            )
        )
        .filter(order_pk__isnull=False)
        .exclude(Exists(OrderProblem.objects.filter(order_id=OuterRef("order_pk"), kind=ProblemKind.BUYER_CANCEL)))
        .order_by("sent_at", "pk")
    )
    first: dict[int, Message] = {}
    for message in requests:
        first.setdefault(message.order_pk, message)
    if not first:
        return
    orders = {order.pk: order for order in Order.objects.filter(pk__in=list(first))}
    found = []
    for pk, message in first.items():
        order, shipped_at = orders[pk], _shipped_at(orders[pk])
        by = order.latest_ship_date if shipped_at is None else None
        found.append(
            _Found(
                order,
                {"known_at": message.sent_at, "request_message": message, "shipped_seen_at": shipped_at},
                starts=message.sent_at,
                due=policies.stated(kind=CANCEL_ANSWER, started_at=message.sent_at, by=by),
            )
        )
    _open(account=account, found=found, kind=ProblemKind.BUYER_CANCEL, clock=CANCEL_ANSWER, now=now)
    result.opened += len(found)


def _shipped_at(order: Order) -> datetime | None:
    if order.ship_date:
        return order.ship_date
    return timezone.now() if is_shipped(order) else None


def _active(account: SellerAccount, kind: str) -> QuerySet[OrderProblem]:
    return (
        OrderProblem.objects.filter(account=account, kind=kind, case__status__in=ACTIVE_STATUSES)
        .select_related("case__account", "order", "request_message")
        .order_by("pk")
    )


def _follow_late(account: SellerAccount, now: datetime, result: Detected, policies: _Policies) -> None:
    """Move the open late-order problems on: cancelled, shipped, or now past the latest ship date (the
    clock to tell the buyer starts; those are written in bulk, as a catching-up sync brings many)."""
    became_late = []
    for problem in _active(account, ProblemKind.LATE):
        order, case = problem.order, problem.case
        if is_cancelled(order):
            case_transition(case=case, to=CaseStatus.CLOSED, actor=None)
            audit(verb="order_problem.cancelled", summary="The order was cancelled: nothing left to ship", case=case)
            result.settled += 1
        elif is_shipped(order):
            shipped_at = order.ship_date or now
            problem.shipped_seen_at = now
            problem.save(update_fields=["shipped_seen_at"])
            case_clocks_meet(case=case, at=shipped_at, actor=None, kinds=[SHIP_BY])
            result.shipped += 1
            if problem.late_at is None or problem.told_at is not None:
                case_settle(case=case, at=shipped_at, actor=None)
                result.settled += 1
        elif problem.late_at is None and order.latest_ship_date and order.latest_ship_date <= now:
            problem.late_at = order.latest_ship_date
            became_late.append(problem)
    if not became_late:
        return
    OrderProblem.objects.bulk_update(became_late, ["late_at"])
    deadlines_start(
        cases=[problem.case for problem in became_late],
        kind=DELAY_TELL,
        starts=[now] * len(became_late),
        dues=[
            policies.stated(kind=DELAY_TELL, started_at=now, by=problem.order.estimated_delivery_date)
            for problem in became_late
        ],
    )
    written = timezone.now()
    Activity.objects.bulk_create(
        Activity(
            account_id=account.pk,
            case_id=problem.case_id,
            created_at=written,
            verb="order_problem.late",
            summary="Past the latest ship date, not shipped: tell the buyer",
        )
        for problem in became_late
    )
    result.late += len(became_late)


def _follow_buyer_cancels(account: SellerAccount, now: datetime, result: Detected) -> None:
    for problem in _active(account, ProblemKind.BUYER_CANCEL):
        order, case, request = problem.order, problem.case, problem.request_message
        if problem.shipped_seen_at is None and is_shipped(order):
            problem.shipped_seen_at = order.ship_date or now
            problem.save(update_fields=["shipped_seen_at"])
            audit(verb="order_problem.shipped", summary="The order shipped before the request was answered", case=case)
        answer = (
            Message.objects.filter(
                conversation_id=request.conversation_id, direction=Direction.OUT, sent_at__gte=request.sent_at
            )
            .order_by("sent_at")
            .first()
            if request is not None
            else None
        )
        if answer is not None:
            problem.told_at = answer.sent_at
            problem.save(update_fields=["told_at"])
            case_settle(case=case, at=answer.sent_at, actor=None)
            result.settled += 1
        elif is_cancelled(order):
            case_settle(case=case, at=now, actor=None)
            audit(verb="order_problem.cancelled", summary="The order was cancelled as the buyer asked", case=case)
            result.settled += 1


def problems_detect(*, account: SellerAccount, now: datetime | None = None) -> Detected:
    """Open the account's new order problems and move the open ones on (late, shipped, cancelled,
    answered). One detection per account at a time; running it again changes nothing."""
    now = now or timezone.now()
    result = Detected()
    with transaction.atomic():
        SellerAccount.objects.select_for_update().filter(pk=account.pk).exists()
        policies = _Policies(account)
        _open_late(account, now, result, policies)
        _open_unfulfillable(account, now, result)
        _open_buyer_cancels(account, now, result, policies)
        _follow_late(account, now, result, policies)
        _follow_buyer_cancels(account, now, result)
        if result.opened or result.late or result.shipped or result.settled:
            audit(verb="order_problem.detected", summary=result.summary(), account=account)
    return result


# --- the agents' actions ------------------------------------------------------------------------


@transaction.atomic
def problem_flag_cancel(*, order: Order, reason: str, actor: AbstractBaseUser) -> OrderProblem:
    """An agent's word that the order cannot be fulfilled (out of stock): a `must_cancel` problem with
    its 48-hour clock to cancel and tell the buyer, from now."""
    reason = reason.strip()
    if not reason:
        raise ProblemRefused("Say why the order must be cancelled (out of stock, damaged stock, …).")
    order = Order.objects.select_for_update().select_related("account").get(pk=order.pk)
    existing = OrderProblem.objects.filter(order=order, kind=ProblemKind.MUST_CANCEL).first()
    if existing is not None:
        raise ProblemRefused(f"Order {order.amazon_order_id} is already flagged to be cancelled.")
    if is_shipped(order):
        raise ProblemRefused(f"Order {order.amazon_order_id} has shipped: it can no longer be cancelled.")
    if is_cancelled(order):
        raise ProblemRefused(f"Order {order.amazon_order_id} is cancelled already.")
    now = timezone.now()
    (problem,) = _open(
        account=order.account,
        found=[_Found(order, {"known_at": now, "reason": reason[:500], "flagged_by": actor}, starts=now)],
        kind=ProblemKind.MUST_CANCEL,
        clock=CANCEL_TELL,
        now=now,
        actor=actor,
    )
    audit(
        verb="order_problem.flagged",
        summary=f"Flagged to be cancelled: {reason[:200]}",
        actor=actor,
        case=problem.case,
        after={"order": order.amazon_order_id, "reason": reason[:500]},
    )
    return problem


@transaction.atomic
def problem_tell(
    *, problem: OrderProblem, text: str, key: str, seen_message_id: int, actor: AbstractBaseUser
) -> OrderProblem:
    """Send the buyer the problem's message through the outbox (the compliance guard and, for a notice
    the buyer did not ask for, the contact cap apply) and meet the clock it answers. Idempotent by `key`."""
    problem = (
        OrderProblem.objects.select_for_update(of=("self",))
        .select_related("case__account", "order", "request_message__conversation__case", "told_reply")
        .get(pk=problem.pk)
    )
    if problem.told_reply is not None and problem.told_reply.key == key:
        return problem
    if not text.strip():
        raise ProblemRefused("Write the message to the buyer first.")
    order, case = problem.order, problem.case
    now = timezone.now()
    try:
        if problem.kind == ProblemKind.BUYER_CANCEL and problem.request_message is not None:
            reply_case = problem.request_message.conversation.case
        else:
            target = buyer_target(order)
            if not target:
                raise ProblemRefused(NO_RELAY_ADDRESS)
            reply_case = conversation_open_for_order(
                account=order.account,
                amazon_order_id=order.amazon_order_id,
                buyer_email=target,
                subject=f"Your order {order.amazon_order_id}",
                buyer_name=order.buyer_name,
                actor=actor,
            ).case
        reply = reply_queue(
            case=reply_case,
            author=actor,
            body=text,
            key=key,
            seen_message_id=seen_message_id,
            unsolicited=problem.kind != ProblemKind.BUYER_CANCEL,
            contact_kind=ContactKind.NOTICE,
        )
    except ReplyRefused as exc:
        raise ProblemRefused(str(exc)) from exc
    except ValidationError as exc:
        raise ProblemRefused(" ".join(exc.messages)) from exc
    problem.told_reply, problem.told_at = reply, now
    problem.save(update_fields=["told_reply", "told_at"])
    audit(
        verb="order_problem.told",
        summary=f"Buyer told ({problem.get_kind_display().lower()}), reply queued to {reply.to_address}",
        actor=actor,
        case=case,
        after={"reply": reply.pk},
    )
    if problem.kind == ProblemKind.LATE:
        case_clocks_meet(case=case, at=now, actor=actor, kinds=[DELAY_TELL])
        if is_shipped(order):
            case_settle(case=case, at=now, actor=actor)
    else:
        case_settle(case=case, at=now, actor=actor)
    return problem
