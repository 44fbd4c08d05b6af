"""Writing orders: `orders_upsert`, the one writer of Order and OrderItem rows and the per-day
order counts that follow them, and the all-orders report importer that feeds it.

Report types GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_GENERAL and
..._BY_LAST_UPDATE_GENERAL: one row per order item, upserted by
(account, amazon-order-id) and (order, sku). The report carries no buyer name
or e-mail, nor a delivery estimate, so those are never touched; a column
missing from the file leaves the field as it was.
"""

import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from functools import partial
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.db import models, transaction
from django.db.models import OuterRef, Subquery
from django.utils import timezone

from helpdesk.importing import (
    FlatFile,
    ImportResult,
    Row,
    RowError,
    RowRejected,
    bulk_update_by_pk,
    decode_report,
    legacy_encoding,
    parse_aware_datetime,
    parse_bool,
    parse_count,
    parse_money,
    parse_text,
)
from helpdesk.marketplaces import BY_SALES_CHANNEL
from helpdesk.models import Case, FulfillmentChannel, Order, OrderItem, SellerAccount
from helpdesk.models.orders import ORDER_ID_RE
from helpdesk.services.audit import audit
from helpdesk.services.defects import defects_link
from helpdesk.services.order_days import order_days_add
from helpdesk.services.retention import purged_fields

REQUIRED_COLUMNS = ("amazon-order-id", "sku")
CHUNK_ORDERS = 1000
BATCH_SIZE = 500
CANCELLED = "cancelled"

_ORDER_ID = re.compile(ORDER_ID_RE, re.ASCII)
_FULFILLMENT_CHANNELS = {
    "amazon": FulfillmentChannel.AFN,
    "afn": FulfillmentChannel.AFN,
    "merchant": FulfillmentChannel.MFN,
    "mfn": FulfillmentChannel.MFN,
}

Parser = Callable[..., Any]


def _text(model: type[models.Model], field: str) -> Parser:
    return partial(parse_text, max_length=model._meta.get_field(field).max_length)


def _title(value: str, *, column: str) -> str:
    return value[: OrderItem._meta.get_field("title").max_length]


def _fulfillment_channel(value: str, *, column: str) -> str:
    if not value:
        return ""
    try:
        return _FULFILLMENT_CHANNELS[value.lower()]
    except KeyError:
        raise RowRejected(f"bad {column} {value!r}: expected Amazon or Merchant") from None


# report column -> (model field, parser)
ORDER_COLUMNS: dict[str, tuple[str, Parser]] = {
    "merchant-order-id": ("merchant_order_id", _text(Order, "merchant_order_id")),
    "purchase-date": ("purchase_date", parse_aware_datetime),
    "last-updated-date": ("last_updated", parse_aware_datetime),
    "order-status": ("status", _text(Order, "status")),
    "fulfillment-channel": ("fulfillment_channel", _fulfillment_channel),
    "sales-channel": ("sales_channel", _text(Order, "sales_channel")),
    "ship-service-level": ("ship_service_level", _text(Order, "ship_service_level")),
    "ship-city": ("ship_city", _text(Order, "ship_city")),
    "ship-state": ("ship_state", _text(Order, "ship_state")),
    "ship-postal-code": ("ship_postal_code", _text(Order, "ship_postal_code")),
    "ship-country": ("ship_country", _text(Order, "ship_country")),
    "is-business-order": ("is_business_order", parse_bool),
}
ITEM_COLUMNS: dict[str, tuple[str, Parser]] = {
    "asin": ("asin", _text(OrderItem, "asin")),
    "product-name": ("title", _title),
    "quantity": ("quantity", parse_count),
    "item-status": ("item_status", _text(OrderItem, "item_status")),
    "currency": ("currency", _text(OrderItem, "currency")),
    "item-price": ("item_price", parse_money),
    "item-tax": ("item_tax", parse_money),
    "shipping-price": ("shipping_price", parse_money),
}


# --- the one order writer -------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class OrderWrite:
    """What a writer knows of one order, as field values: `fields` are written whether the order is
    held or new, `new_fields` only on an order created here; `items`, OrderItem field values by SKU,
    when the writer has the order's lines."""

    amazon_order_id: str
    fields: dict[str, Any]
    new_fields: dict[str, Any] = field(default_factory=dict)
    items: dict[str, dict[str, Any]] | None = None


@dataclass
class OrdersWritten:
    """What `orders_upsert` did, by Amazon order id: an order in none of the sets was left as it was."""

    created: set[str] = field(default_factory=set)
    updated: set[str] = field(default_factory=set)  # held, with a field changed
    kept_newer: set[str] = field(default_factory=set)  # held in a newer state: only blank fields were filled
    items_written: set[tuple[str, str]] = field(default_factory=set)  # (order id, SKU) of items created or changed


@transaction.atomic
def orders_upsert(*, account: SellerAccount, orders: list[OrderWrite], keep_newer: bool = False) -> OrdersWritten:
    """Create or update the account's orders (one `OrderWrite` per order), moving the per-day order
    counts in the same transaction.

    Where an order's items are given they are upserted by SKU, and its total becomes the sum of their
    prices (`_order_total`, counting the items already held too). With `keep_newer`, an order held in a
    newer state than the one written (a later `last_updated`) only has its blank fields filled.
    """
    written = OrdersWritten()
    if not orders:
        return written
    # Serialise the writers of one account, so two of them cannot both insert the same new order.
    SellerAccount.objects.select_for_update().filter(pk=account.pk).exists()
    held = {
        order.amazon_order_id: order
        for order in Order.objects.filter(account=account, amazon_order_id__in=[w.amazon_order_id for w in orders])
    }
    items_by_order: dict[int, dict[str, OrderItem]] = defaultdict(dict)
    if any(write.items is not None for write in orders):
        for item in OrderItem.objects.filter(order__in=[order.pk for order in held.values()]):
            items_by_order[item.order_id][item.sku] = item

    new_orders: list[Order] = []
    changed_orders: list[Order] = []
    new_items: list[OrderItem] = []
    changed_items: list[OrderItem] = []
    order_fields: set[str] = set()
    item_fields: set[str] = set()
    # Purchase times counted into, and out of, the account's per-day order counts.
    counted_in: list[tuple[datetime | None, str]] = []
    counted_out: list[tuple[datetime | None, str]] = []
    for write in orders:
        order_id = write.amazon_order_id
        order = held.get(order_id)
        created = order is None
        if created:
            order = Order(account=account, amazon_order_id=order_id, **write.new_fields)
            new_orders.append(order)
            written.created.add(order_id)
        purchased = (order.purchase_date, order.fulfillment_channel)
        kept_newer = keep_newer and not created and _holds_newer(order, write.fields.get("last_updated"))
        if kept_newer:
            written.kept_newer.add(order_id)
        fields = write.fields
        if not created and (purged := purged_fields(order)):
            fields = {name: value for name, value in fields.items() if name not in purged}
        changes = _assign(order, _blanks_of(order, fields) if kept_newer else fields)
        if created or {"purchase_date", "fulfillment_channel"} & changes:
            counted_in.append((order.purchase_date, order.fulfillment_channel))
            if not created:
                counted_out.append(purchased)

        if write.items is not None:
            items = {} if created else items_by_order[order.pk]
            for sku, values in write.items.items():
                item = items.get(sku)
                if item is None:
                    item = items[sku] = OrderItem(order=order, sku=sku)
                    _assign(item, values)
                    new_items.append(item)
                    written.items_written.add((order_id, sku))
                elif item_changes := _assign(item, values):
                    changed_items.append(item)
                    item_fields |= item_changes
                    written.items_written.add((order_id, sku))
            changes |= _assign(order, {"order_total": _order_total(order, items.values())})

        if changes and not created:
            changed_orders.append(order)
            order_fields |= changes
            written.updated.add(order_id)

    now = timezone.now()
    Order.objects.bulk_create(new_orders, batch_size=BATCH_SIZE)
    for order in changed_orders:
        order.updated_at = now
    bulk_update_by_pk(changed_orders, [*sorted(order_fields), "updated_at"])
    OrderItem.objects.bulk_create(new_items, batch_size=BATCH_SIZE)
    bulk_update_by_pk(changed_items, sorted(item_fields))
    order_days_add(account=account, added=counted_in, removed=counted_out)
    _cases_link(account=account, order_ids=written.created)
    defects_link(account=account, order_ids=written.created | written.updated)
    return written


def _cases_link(*, account: SellerAccount, order_ids: set[str]) -> None:
    """Cases opened about these orders before they were imported (a claim on an order the report has
    not brought yet) get their order now."""
    if order_ids:
        Case.objects.filter(account=account, order__isnull=True, amazon_order_id__in=order_ids).update(
            order=Subquery(
                Order.objects.filter(account=account, amazon_order_id=OuterRef("amazon_order_id")).values("pk")[:1]
            )
        )


def _holds_newer(order: Order, last_updated: datetime | None) -> bool:
    return bool(order.last_updated and last_updated and order.last_updated > last_updated)


def _blanks_of(order: Order, values: dict[str, Any]) -> dict[str, Any]:
    """The values for the order's fields that are blank (None or "")."""
    return {name: value for name, value in values.items() if getattr(order, name) in (None, "")}


# --- the all-orders report --------------------------------------------------------------


@dataclass
class _Line:
    """One accepted report row, parsed."""

    order_id: str
    sku: str
    order: dict[str, Any]
    item: dict[str, Any]


def orders_import(
    *,
    account: SellerAccount,
    data: bytes,
    actor: AbstractBaseUser | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> ImportResult:
    """Upsert the orders and items of an all-orders report for `account`.

    A row counts as imported when the import created or changed its order
    (including the derived order total) or its item, as unchanged when neither
    was written, and as rejected, with its line number and the reason, when it
    cannot be read; rejected rows never stop the others. Raises `ReportError`
    when the whole file is unusable. Writes one audit row with the summary.
    `progress(rows_done, rows_total)` is called once the file is read and
    after each committed chunk.
    """
    text = decode_report(data, fallback_encoding=legacy_encoding(account.marketplace))
    report = FlatFile(text, required=REQUIRED_COLUMNS)
    result = ImportResult()
    writes = _read(report, result)
    total = result.rejected + sum(len(write.items) for write in writes)
    chunks = [writes[start : start + CHUNK_ORDERS] for start in range(0, len(writes), CHUNK_ORDERS)] or [[]]
    for number, chunk in enumerate(chunks, start=1):
        if progress is not None:
            progress(result.imported + result.unchanged + result.rejected, total)
        with transaction.atomic():
            _write(account=account, writes=chunk, result=result)
            # The audit row commits with the last chunk.
            if number == len(chunks):
                audit(verb="orders.imported", summary=result.summary_line(), actor=actor, account=account)
    if progress is not None:
        progress(total, total)
    return result


def _read(report: FlatFile, result: ImportResult) -> list[OrderWrite]:
    """Parse every row, rejecting the unreadable ones, into one write per order, in file order.

    An order's fields are its last row's (every row has the same columns), its currency the first
    one its rows give; its items are its rows, by SKU."""
    writes: dict[str, OrderWrite] = {}
    first_line: dict[tuple[str, str], int] = {}
    for row in report.rows():
        if isinstance(row, RowError):
            result.reject(row.line, row.reason)
            continue
        try:
            line = _parse(row)
        except RowRejected as exc:
            result.reject(row.line, str(exc))
            continue
        key = (line.order_id, line.sku)
        if key in first_line:
            result.reject(
                row.line, f"sku {line.sku!r} appears twice in order {line.order_id} (first on line {first_line[key]})"
            )
            continue
        first_line[key] = row.line
        write = writes.get(line.order_id)
        if write is None:
            write = writes[line.order_id] = OrderWrite(line.order_id, fields={}, items={})
        write.fields.update(line.order)
        if "currency" not in write.fields and line.item.get("currency"):
            write.fields["currency"] = line.item["currency"]
        write.items[line.sku] = line.item
    return list(writes.values())


def _parse(row: Row) -> _Line:
    cells = row.cells
    order_id = cells["amazon-order-id"]
    if not order_id:
        raise RowRejected("missing amazon-order-id")
    if not _ORDER_ID.fullmatch(order_id):
        raise RowRejected(f"bad amazon-order-id {order_id!r}: expected NNN-NNNNNNN-NNNNNNN")
    if not cells["sku"]:
        raise RowRejected("missing sku")
    sku = parse_text(cells["sku"], column="sku", max_length=OrderItem._meta.get_field("sku").max_length)
    order = _values(cells, ORDER_COLUMNS)
    if "sales-channel" in cells:
        marketplace = BY_SALES_CHANNEL.get(cells["sales-channel"].lower())
        order["marketplace_id"] = marketplace.marketplace_id if marketplace else ""
    return _Line(order_id, sku, order, _values(cells, ITEM_COLUMNS))


def _values(cells: dict[str, str], columns: dict[str, tuple[str, Parser]]) -> dict[str, Any]:
    return {field: parse(cells[column], column=column) for column, (field, parse) in columns.items() if column in cells}


def _write(*, account: SellerAccount, writes: list[OrderWrite], result: ImportResult) -> None:
    """Write one chunk of orders and count its rows; call inside a transaction."""
    written = orders_upsert(account=account, orders=writes)
    for write in writes:
        order_id = write.amazon_order_id
        order_written = order_id in written.created or order_id in written.updated
        for sku in write.items:
            if order_written or (order_id, sku) in written.items_written:
                result.imported += 1
            else:
                result.unchanged += 1


def _order_total(order: Order, items: Iterable[OrderItem]) -> Decimal | None:
    """Sum of item prices over items not cancelled; a cancelled order cancels all of them."""
    if order.status.lower() == CANCELLED:
        return None
    prices = [
        item.item_price for item in items if item.item_price is not None and item.item_status.lower() != CANCELLED
    ]
    return sum(prices, Decimal(0)) if prices else None


def _assign(obj: models.Model, values: dict[str, Any]) -> set[str]:
    """Set the values that differ; return the names of the fields that changed."""
    changed = set()
    for name, value in values.items():
        current = getattr(obj, name)
        if current != value:
            setattr(obj, name, value)
            changed.add(name)
    return changed
