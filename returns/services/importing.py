"""Import Amazon's returns reports (the layout is detected: `returns.reports`).

Idempotent by Amazon's ids: a seller-fulfilled return is its order and Amazon RMA id, an FBA
return its order and licence plate. The file is kept as received first (`helpdesk.services.
imports`); rows are written in chunks, each in one transaction.

A new seller-fulfilled return opens its `return` case, linked to its order when it is held (the
order writer links it when the order arrives later). A request still awaiting the seller's
decision carries the 48-hour response clock from the request time; one Amazon already authorised,
closed or refunded opens without a clock, but is still work until received, graded and refunded.
A return known from its notice mail (no RMA id yet) is the same return as the report's row for
its order: the row brings its RMA id. A return the report shows further along than we hold it
(authorised, received, refunded or closed in Seller Central) moves there, meeting its clock.
FBA returns open no case: their units come graded by FBA's disposition.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone

from helpdesk.importing import (
    ImportResult,
    RowError,
    among,
    bulk_update_by_pk,
    copy_insert,
    cycle_collector_paused,
    decode_report,
    legacy_encoding,
)
from helpdesk.models import CaseStatus, Order, Priority, SellerAccount
from helpdesk.services.audit import audit
from helpdesk.services.lifecycle import cases_open_values
from helpdesk.services.search import search_pending_mark

from ..kinds import RETURN, RETURN_RESPONSE
from ..models import Channel, GradedBy, Return, ReturnedUnit, ReturnItem, ReturnStatus
from ..reports import LAYOUT_NAMES, ItemLine, ReturnRecord, read_records
from ..rules import (
    STATUS_ORDER,
    disposition_for,
    grade_from_fba_disposition,
    status_from_amazon,
)
from ..tasks import refresh_figures
from .decisions import return_amazon_moves

CHUNK_ROWS = 5000
NOTICE_KEY_PREFIX = "mail:"
RETURN_FIELDS = {
    "rma_id",
    "merchant_rma_id",
    "amazon_status",
    "order_date",
    "label_type",
    "label_cost",
    "currency",
    "return_carrier",
    "tracking_id",
    "label_paid_by",
    "a_to_z_claim",
    "is_prime",
    "return_type",
    "invoice_number",
    "order_amount",
    "order_quantity",
    "refunded_amount",
    "safet_claim_id",
    "safet_reason",
    "safet_state",
    "fulfillment_center",
    "license_plate",
    "disposition",
    "fba_status",
    "customer_comments",
}
ITEM_FIELDS = ["asin", "title", "quantity", "reason", "in_policy", "category", "refund_amount", "amazon_resolution"]

Progress = Callable[[int, int], None]


def returns_import(
    *,
    account: SellerAccount,
    data: bytes,
    actor: AbstractBaseUser | None = None,
    progress: Progress | None = None,
    refresh_later: bool = True,
) -> ImportResult:
    """Upsert the returns of a returns report (any of the three layouts) for `account`.

    A row counts as imported when its return or item was created or changed, as unchanged when it
    matched what we hold, and as rejected, with its line and reason, when it cannot be read; a
    rejected row never stops the others. Raises `ReportError` when the whole file is unusable.
    Afterwards a worker refreshes the account's figures (unless `refresh_later` is False: the caller
    does, as the demo seeder, which runs before any worker or broker)."""
    text = decode_report(data, fallback_encoding=legacy_encoding(account.marketplace))
    with cycle_collector_paused():
        layout, records = read_records(text, tz=account.tzinfo)
        total = _count_rows(text, layout)
        result = ImportResult()
        if progress:
            progress(0, total)
        chunk: list[ReturnRecord] = []
        done = 0
        for record in records:
            if isinstance(record, RowError):
                result.reject(record.line, record.reason)
                done += 1
                continue
            chunk.append(record)
            if len(chunk) >= CHUNK_ROWS:
                _write(account=account, records=chunk, result=result, actor=actor)
                done += len(chunk)
                chunk = []
                if progress:
                    progress(done, max(total, done))
        with transaction.atomic():
            _write(account=account, records=chunk, result=result, actor=actor)
            done += len(chunk)
            audit(
                verb="returns.imported",
                summary=f"{LAYOUT_NAMES[layout].capitalize()}: {result.summary_line()}",
                actor=actor,
                account=account,
            )
            if refresh_later:
                refresh_figures.delay_on_commit(account.id)
        if progress:
            progress(done, max(total, done))
    return result


def _count_rows(text: str, layout: str) -> int:
    if layout == "mfn_xml":
        return text.count("<return_details>")
    return sum(1 for line in text.split("\n")[1:] if line.strip())


@dataclass
class _Group:
    """The rows of one return in a chunk."""

    first: ReturnRecord
    lines: list[int] = field(default_factory=list)
    items: dict[str, ItemLine] = field(default_factory=dict)
    fields: dict[str, Any] = field(default_factory=dict)
    received_on: Any = None


def _group(records: list[ReturnRecord]) -> dict[tuple[str, str], _Group]:
    groups: dict[tuple[str, str], _Group] = {}
    for record in records:
        key = (record.amazon_order_id, record.key)
        group = groups.get(key)
        if group is None:  # most returns are one row: its values as they are
            fields = dict(record.fields)
            received_on = fields.pop("received_on", None)
            groups[key] = _Group(record, [record.line], {item.sku: item for item in record.items}, fields, received_on)
            continue
        group.lines.append(record.line)
        for name, value in record.fields.items():
            if name == "received_on":
                group.received_on = group.received_on or value
            elif value not in (None, "") or name not in group.fields:
                group.fields[name] = value
        for item in record.items:
            group.items[item.sku] = item
    return groups


@transaction.atomic
def _write(
    *, account: SellerAccount, records: list[ReturnRecord], result: ImportResult, actor: AbstractBaseUser | None
) -> None:
    if not records:
        return
    # Serialise the writers of one account's returns (imports, notices), so two cannot both create one.
    SellerAccount.objects.select_for_update().filter(pk=account.pk).exists()
    groups = _group(records)
    order_ids = {order_id for order_id, _ in groups}
    held: dict[tuple[str, str], Return] = {}
    notice_only: dict[str, list[Return]] = {}
    for ret in Return.objects.filter(account=account, amazon_order_id__in=among(order_ids)).order_by(
        "requested_at", "id"
    ):
        held[(ret.amazon_order_id, ret.key)] = ret
        if ret.key.startswith(NOTICE_KEY_PREFIX):
            notice_only.setdefault(ret.amazon_order_id, []).append(ret)
    items_of: dict[int, dict[str, ReturnItem]] = {}
    if held:
        for item in ReturnItem.objects.filter(ret__in=held.values()):
            items_of.setdefault(item.ret_id, {})[item.sku] = item
    # The orders held: their buyer's name now; their buyer keys and line prices later, from the worker that
    # refreshes the figures after the import (`returns.figures.returns_link_orders`).
    orders = {
        order_id: (pk, name)
        for pk, order_id, name in Order.objects.filter(account=account, amazon_order_id__in=among(order_ids))
        .order_by()
        .values_list("id", "amazon_order_id", "buyer_name")
    }
    now = timezone.now()
    new_returns: list[dict[str, Any]] = []  # field values: written with COPY, no model instances
    new_items: dict[int, list[dict[str, Any]]] = {}  # by index in new_returns
    changed_returns: list[Return] = []
    changed_fields: set[str] = set()
    changed_items: list[ReturnItem] = []
    changed_item_fields: set[str] = set()
    extra_items: list[ReturnItem] = []
    moves: list[tuple[Return, _Group]] = []

    for (order_id, key), group in groups.items():
        record = group.first
        order = orders.get(order_id)
        ret = held.get((order_id, key))
        adopted = False
        if ret is None and record.channel == Channel.MFN and notice_only.get(order_id):
            ret = notice_only[order_id].pop(0)  # the request its notice told us of: the report brings its RMA id
            ret.key, adopted = key, True
            changed_fields.add("key")
            changed_returns.append(ret)
        if ret is None:
            new_items[len(new_returns)] = [_new_item(account=account, line=line) for line in group.items.values()]
            new_returns.append(_new_return(account=account, group=group, order=order, now=now))
            result.imported += len(group.lines)
            continue
        changes = {name for name in RETURN_FIELDS if name in group.fields and _differs(ret, name, group.fields[name])}
        if ret.buyer_purged_at:  # a report imported again never brings the purged buyer's words back
            changes.discard("customer_comments")
        for name in changes:
            setattr(ret, name, group.fields[name])
        item_changed = False
        held_items = items_of.setdefault(ret.pk, {})
        for line in group.items.values():
            item = held_items.get(line.sku) or (held_items.pop("", None) if line.sku else None)
            if item is None:
                extra_items.append(ReturnItem(ret=ret, **_new_item(account=account, line=line)))
                item_changed = True
                continue
            held_items[line.sku] = item
            values = {name: getattr(line, name) for name in ITEM_FIELDS} | {"sku": line.sku}
            if item.unit_price is None and line.unit_price is not None:
                values["unit_price"] = line.unit_price
            fields = {name for name, value in values.items() if value not in (None, "") and _differs(item, name, value)}
            for name in fields:
                setattr(item, name, values[name])
            if fields:
                changed_items.append(item)
                changed_item_fields |= fields
                item_changed = True
        target = _status_for(group)
        moving = STATUS_ORDER[target] > STATUS_ORDER[ret.status] or (
            target == ReturnStatus.CLOSED and ret.status != ReturnStatus.CLOSED and not ret.is_final
        )
        moving = moving or (group.received_on is not None and ret.received_on is None and not ret.is_fba)
        if moving:
            moves.append((ret, group))
        if changes:
            if ret not in changed_returns:
                changed_returns.append(ret)
            changed_fields |= changes
        if changes or item_changed or moving or adopted:
            result.imported += len(group.lines)
        else:
            result.unchanged += len(group.lines)

    _create(account=account, returns=new_returns, items=new_items, orders=orders, actor=actor, now=now)
    for ret in changed_returns:
        ret.updated_at = now
    bulk_update_by_pk(changed_returns, [*sorted(changed_fields), "updated_at"])
    bulk_update_by_pk(changed_items, sorted(changed_item_fields))
    ReturnItem.objects.bulk_create(extra_items)
    touched = {item.ret_id for item in [*changed_items, *extra_items]}
    search_pending_mark(case_ids=[ret.case_id for ret in held.values() if ret in changed_returns or ret.pk in touched])
    for ret, group in moves:
        ret.account = account
        return_amazon_moves(
            ret=ret,
            to=_status_for(group),
            received_on=group.received_on,
            refunded_amount=group.fields.get("refunded_amount"),
        )


def _differs(obj, name: str, value) -> bool:
    current = getattr(obj, name)
    if isinstance(current, Decimal) and isinstance(value, Decimal):
        return current.compare(value) != 0
    return current != value


def _status_for(group: _Group) -> str:
    """Where the report puts the return: Amazon's status, and further along if it came back or was refunded."""
    if group.first.channel == Channel.AFN:
        return ReturnStatus.RECEIVED
    status = status_from_amazon(group.fields.get("amazon_status", ""))
    if status in (ReturnStatus.REQUESTED, ReturnStatus.AUTHORISED):
        if group.fields.get("refunded_amount"):
            return ReturnStatus.REFUNDED
        if group.received_on is not None:
            return ReturnStatus.RECEIVED
    return status


def _new_return(
    *, account: SellerAccount, group: _Group, order: tuple[int, str] | None, now: datetime
) -> dict[str, Any]:
    record = group.first
    return {
        "account_id": account.id,
        "channel": record.channel,
        "amazon_order_id": record.amazon_order_id,
        "key": record.key,
        "status": _status_for(group),
        "requested_at": record.requested_at,
        "requested_time_known": record.requested_time_known,
        "received_on": group.received_on,
        "buyer_name": order[1] if order is not None else "",
        "buyer_known": False,  # the worker takes the buyer keys from the order
        "created_at": now,
        "updated_at": now,
        **{name: value for name, value in group.fields.items() if name in RETURN_FIELDS},
    }


def _new_item(*, account: SellerAccount, line: ItemLine) -> dict[str, Any]:
    return {
        "account_id": account.id,
        "sku": line.sku,
        "unit_price": line.unit_price,
        **{name: getattr(line, name) for name in ITEM_FIELDS},
    }


def _case_status(status: str, *, has_units: bool) -> str:
    """The case of a return Amazon already moved on: waiting for the parcel, work when it came back."""
    if status == ReturnStatus.AUTHORISED:
        return CaseStatus.WAITING
    if status == ReturnStatus.RECEIVED or (status == ReturnStatus.REFUNDED and has_units):
        return CaseStatus.OPEN
    if status in (ReturnStatus.REFUNDED, ReturnStatus.CLOSED):
        return CaseStatus.CLOSED
    return CaseStatus.NEW


def _create(
    *,
    account: SellerAccount,
    returns: list[dict[str, Any]],
    items: dict[int, list[dict[str, Any]]],
    orders: dict[str, tuple[int, str]],
    actor: AbstractBaseUser | None,
    now: datetime,
) -> None:
    """Write new returns: their cases (a clock on each request awaiting the seller), the returns,
    their items and the units that already came back."""
    if not returns:
        return
    awaiting: dict[int, dict[str, Any]] = {}  # the cases' field values, by index in `returns`
    decided: dict[int, dict[str, Any]] = {}
    for index, ret in enumerate(returns):
        if ret["channel"] != Channel.MFN:
            continue
        status = _case_status(ret["status"], has_units=ret["received_on"] is not None)
        order = orders.get(ret["amazon_order_id"])
        (awaiting if ret["status"] == ReturnStatus.REQUESTED else decided)[index] = {
            "kind": RETURN,
            "order_id": order[0] if order is not None else None,
            "amazon_order_id": ret["amazon_order_id"],
            "subject": _subject(ret, items[index]),
            "buyer_name": ret["buyer_name"],
            "status": status,
            "priority": Priority.NORMAL,
            "opened_at": now,
            "closed_at": now if status == CaseStatus.CLOSED else None,
        }
    starts = [returns[index]["requested_at"] for index in awaiting]
    for cases, clock in ((awaiting, RETURN_RESPONSE), (decided, None)):
        opened = cases_open_values(
            account=account, rows=list(cases.values()), clock=clock, clock_starts=starts if clock else None, actor=actor
        )
        for index, case_id in zip(cases, opened, strict=True):
            returns[index]["case_id"] = case_id
    return_ids = copy_insert(Return, returns)
    all_items = []
    for index, return_id in enumerate(return_ids):
        for item in items[index]:
            item["ret_id"] = return_id
            all_items.append(item)
    item_ids = copy_insert(ReturnItem, all_items)
    units = []
    by_return = dict(zip(return_ids, returns, strict=True))
    for item, item_id in zip(all_items, item_ids, strict=True):
        ret = by_return[item["ret_id"]]
        if ret["received_on"] is not None:
            units += _units(ret, item, item_id)
    copy_insert(ReturnedUnit, units)


def _units(ret: dict[str, Any], item: dict[str, Any], item_id: int) -> list[dict[str, Any]]:
    """The units of an item that came back; FBA's come graded by its disposition."""
    fba = ret["channel"] == Channel.AFN
    grade = grade_from_fba_disposition(ret.get("disposition", "")) if fba else ""
    return [
        {
            "ret_id": item["ret_id"],
            "item_id": item_id,
            "account_id": ret["account_id"],
            "sku": item["sku"],
            "number": number,
            "received_on": ret["received_on"],
            "grade": grade,
            "disposition": disposition_for(grade) if fba else "",
            "graded_by": GradedBy.AMAZON if fba else "",
            "graded_at": ret["created_at"] if fba else None,
        }
        for number in range(1, item["quantity"] + 1)
    ]


def _subject(ret: dict[str, Any], items: list[dict[str, Any]]) -> str:
    what = items[0]["title"] or items[0]["sku"] if items else ret["amazon_order_id"]
    reason = items[0]["reason"] if items else ""
    return (f"Return: {what}" + (f" ({reason})" if reason else ""))[:300]
