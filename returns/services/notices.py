"""Amazon's return-authorisation notice, taken over from mail reading.

Amazon mails the seller (`order-update@amazon.<tld>`, "Return authorization request for order #
…", localised) when a request needs the seller's decision. The notice opens the return's case
with the 48-hour clock from the time the mail reached the seller — or, when the returns report
brought the same request first, joins it (same order; same Amazon RMA id when the mail names
one) and dates it precisely where the report gave only the day. Idempotent: a notice taken
twice is one return.
"""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from helpdesk.models import Case, Order, OrderItem, SellerAccount
from helpdesk.services.audit import audit
from helpdesk.services.lifecycle import case_open, deadline_restart
from helpdesk.services.search import search_pending_mark
from messaging.models import InboundMail
from messaging.parsing import parse_mail

from ..kinds import RETURN, RETURN_RESPONSE
from ..mailtext import NoticeItem, read_notice
from ..models import Channel, Return, ReturnItem, ReturnStatus
from ..rules import order_keys, unit_price_of
from .importing import NOTICE_KEY_PREFIX

# A notice and a report row of the same order, requested this close together, are one request.
SAME_REQUEST_WITHIN = timedelta(days=3)


class NoticeUnreadable(Exception):
    """The notice does not say which order it is about: mail reading shows it, retryable."""


@transaction.atomic
def return_notice_take(*, mail: InboundMail) -> Return:
    """Open (or join) the return request a notice mail tells of. The handler registered for mail
    kind `return_request`; mail reading calls it after commit and retries it on failure."""
    if not mail.amazon_order_id:
        raise NoticeUnreadable("the return notice names no order id")
    account = SellerAccount.objects.select_for_update().get(pk=mail.account_id)
    found = Return.objects.filter(account=account, notice_mail=mail).first()
    if found is not None:
        return found
    parsed = parse_mail(bytes(InboundMail.objects.values_list("raw", flat=True).get(pk=mail.pk)))
    notice = read_notice(parsed.text)
    requested_at = mail.received_at or mail.arrived_at
    ret = _same_request(account=account, mail=mail, rma_id=notice.rma_id, requested_at=requested_at)
    if ret is not None:
        return _join(ret=ret, mail=mail, requested_at=requested_at, comments=notice.comments)
    order = Order.objects.filter(account=account, amazon_order_id=mail.amazon_order_id).first()
    items = _items(order, notice.items)
    subject = f"Return request: {items[0].title or items[0].sku or mail.amazon_order_id}" if items else mail.subject
    case = case_open(
        account=account,
        kind=RETURN,
        order=order,
        amazon_order_id=mail.amazon_order_id,
        subject=(subject + (f" ({items[0].reason})" if items and items[0].reason else ""))[:300],
        opened_at=requested_at,
        clock=RETURN_RESPONSE,
    )
    ret = Return.objects.create(
        account=account,
        case=case,
        channel=Channel.MFN,
        amazon_order_id=mail.amazon_order_id,
        key=notice.rma_id or f"{NOTICE_KEY_PREFIX}{mail.pk}",
        rma_id=notice.rma_id,
        status=ReturnStatus.REQUESTED,
        amazon_status="Pending authorization",
        requested_at=requested_at,
        customer_comments=notice.comments,
        notice_mail=mail,
        buyer_name=order.buyer_name if order else "",
        buyer_known=order is not None,
        **order_keys(order),
    )
    for item in items:
        item.ret, item.account_id = ret, account.id
    ReturnItem.objects.bulk_create(items)
    audit(
        verb="return.notice",
        summary=f"Return request for order {mail.amazon_order_id} from Amazon's notice (mail #{mail.pk})",
        case=case,
        account=account,
        after={"mail": mail.pk, "rma_id": notice.rma_id},
    )
    return ret


def _same_request(*, account: SellerAccount, mail: InboundMail, rma_id: str, requested_at) -> Return | None:
    """The seller-fulfilled return of the order this notice is about, if a report brought it first."""
    returns = Return.objects.filter(account=account, amazon_order_id=mail.amazon_order_id, channel=Channel.MFN)
    if rma_id:
        found = returns.filter(key=rma_id).first()
        if found is not None:
            return found
    return (
        returns.filter(
            notice_mail__isnull=True,
            requested_at__gte=requested_at - SAME_REQUEST_WITHIN,
            requested_at__lte=requested_at + SAME_REQUEST_WITHIN,
        )
        .order_by("requested_at", "id")
        .first()
    )


def _join(*, ret: Return, mail: InboundMail, requested_at, comments: str) -> Return:
    """The report's return and the notice's are one: keep the notice, and its time where the report
    gave only the day (the clock then runs from it)."""
    ret = Return.objects.select_for_update().select_related("account").get(pk=ret.pk)
    ret.notice_mail = mail
    ret.customer_comments = ret.customer_comments or comments
    fields = ["notice_mail", "customer_comments", "updated_at"]
    same_day = timezone.localdate(ret.requested_at, ret.account.tzinfo) == timezone.localdate(
        requested_at, ret.account.tzinfo
    )
    if not ret.requested_time_known and same_day:
        ret.requested_at, ret.requested_time_known = requested_at, True
        fields += ["requested_at", "requested_time_known"]
        case = Case.objects.filter(pk=ret.case_id).first()
        unmet = case.deadlines.filter(kind=RETURN_RESPONSE, state__in=["open", "breached"]).first() if case else None
        if unmet is not None:
            deadline_restart(deadline=unmet, started_at=requested_at)
    ret.save(update_fields=fields)
    search_pending_mark(case_ids=[ret.case_id])
    audit(
        verb="return.notice",
        summary=f"Amazon's notice (mail #{mail.pk}) joined to the return already imported",
        case=ret.case,
        account=ret.account,
    )
    return ret


def _items(order: Order | None, found: list[NoticeItem]) -> list[ReturnItem]:
    """The notice's items as return items: the SKU from the order's line with the same ASIN or title, or
    its only line; an item the order does not tell stays without SKU until the report brings it."""
    lines = list(OrderItem.objects.filter(order=order)) if order is not None else []
    items: dict[str, ReturnItem] = {}
    for notice_item in found or [NoticeItem()]:
        line = next((li for li in lines if notice_item.sku and li.sku == notice_item.sku), None)
        line = line or next((li for li in lines if notice_item.asin and li.asin == notice_item.asin), None)
        line = line or next((li for li in lines if notice_item.title and li.title == notice_item.title), None)
        if line is None and len(lines) == 1:
            line = lines[0]
        sku = line.sku if line else notice_item.sku
        if sku in items:
            items[sku].quantity += notice_item.quantity
            continue
        items[sku] = ReturnItem(
            sku=sku,
            asin=notice_item.asin or (line.asin if line else ""),
            title=notice_item.title or (line.title if line else ""),
            quantity=notice_item.quantity,
            reason=notice_item.reason,
            unit_price=unit_price_of({"item_price": line.item_price, "quantity": line.quantity}) if line else None,
        )
    return list(items.values())
