"""The per-SKU figures the managers' returns page reads, kept by workers.

Counting a year of a large account's orders per SKU takes seconds, so the page never does it:
a worker writes each SKU's figures for the last 30, 90 and 365 days (`SkuFigures`) and the
units per return reason (`ReasonFigures`), after every import, hourly (the windows move and
orders arrive), and for the SKUs of a return when it is graded, refunded or decided (those
refreshes keep the units sold from the last full one).

- units sold: the SKU's order lines bought in the window (cancelled ones not counted);
- units returned: the items of returns requested in the window; their value at the unit's sale
  price (the order line's, else the report's order amount per unit); a request closed without a
  refund costs nothing;
- recovered: each graded unit's worth, its sale price times the share its grade recovers
  (the account's shares, a SKU's own where set); write-offs; units that were not the one shipped;
- FBA fees on FBA units the seller does not restock (return to seller, or disposal for a write-off;
  standard or oversize), the referral fee refunded on refunded units, the return labels the seller
  paid (shared over the return's units);
- cost of returns = returned value − recovered − referral fee refund + FBA fees + labels.
"""

from collections import Counter, defaultdict
from collections.abc import Collection
from datetime import datetime, time, timedelta
from decimal import Decimal

from django.db import transaction
from django.db.models import Exists, Max, OuterRef, Q, Sum
from django.utils import timezone

from helpdesk.importing import bulk_update_by_pk
from helpdesk.models import Order, OrderItem, SellerAccount

from .models import (
    Channel,
    Disposition,
    ReasonFigures,
    Return,
    ReturnedUnit,
    ReturnItem,
    ReturnSettings,
    ReturnStatus,
    SkuFigures,
)
from .rules import fba_fee, money, order_keys, referral_refund, unit_price_of, unit_worth
from .selectors import recovery_rates

WINDOWS = (30, 90, 365)
CANCELLED = "cancelled"
MONEY_FIELDS = ("returned_value", "graded_value", "recovered", "fees", "referral_refund", "label_cost")
COUNT_FIELDS = ("sold_units", "returns", "returned_units", "graded_units", "write_offs", "mismatched")
LINK_BATCH = 2000


def _window_starts(account: SellerAccount, now: datetime) -> dict[int, datetime]:
    today = timezone.localdate(now, timezone=account.tzinfo)
    return {
        days: datetime.combine(today - timedelta(days=days - 1), time.min, tzinfo=account.tzinfo) for days in WINDOWS
    }


def returns_link_orders(*, account: SellerAccount) -> int:
    """Returns whose order is held take the buyer keys from it, and their items the order lines'
    prices where the report gave none. Imports leave this to the worker (it is work that can wait);
    a return imported before its order is linked once the order arrives. Returns how many were linked."""
    held = Order.objects.filter(account=account, amazon_order_id=OuterRef("amazon_order_id"))
    waiting = Return.objects.filter(account=account, buyer_known=False, buyer_purged_at=None).filter(Exists(held))
    linked = 0
    while batch := list(waiting.only("id", "amazon_order_id", "address_key")[:LINK_BATCH]):
        orders = {
            order.amazon_order_id: order
            for order in Order.objects.filter(account=account, amazon_order_id__in={r.amazon_order_id for r in batch})
        }
        for ret in batch:
            keys = order_keys(orders[ret.amazon_order_id])
            ret.email_key, ret.name_key = keys["email_key"], keys["name_key"]
            ret.buyer_known = True
        with transaction.atomic():
            bulk_update_by_pk(batch, ["email_key", "name_key", "buyer_known"])
            lines = {
                (line["order__amazon_order_id"], line["sku"]): line
                for line in OrderItem.objects.filter(order__in=orders.values()).values(
                    "order__amazon_order_id", "sku", "item_price", "quantity"
                )
            }
            priced = []
            for item in ReturnItem.objects.filter(ret__in=batch, unit_price__isnull=True).select_related("ret"):
                item.unit_price = unit_price_of(lines.get((item.ret.amazon_order_id, item.sku)))
                if item.unit_price is not None:
                    priced.append(item)
            bulk_update_by_pk(priced, ["unit_price"])
        linked += len(batch)
    return linked


def _sales(account: SellerAccount, starts: dict[int, datetime]) -> tuple[dict[str, dict[int, int]], dict[str, str]]:
    """(units sold per SKU in each window, each SKU's product title): one aggregate over the year's order lines."""
    rows = (
        OrderItem.objects.filter(order__account=account, order__purchase_date__gte=starts[max(WINDOWS)])
        .exclude(order__status__iexact=CANCELLED)
        .exclude(item_status__iexact=CANCELLED)
        .values("sku")
        .annotate(
            title=Max("title"),
            **{
                f"w{days}": Sum("quantity", filter=Q(order__purchase_date__gte=start)) for days, start in starts.items()
            },
        )
    )
    sold = {row["sku"]: {days: row[f"w{days}"] or 0 for days in WINDOWS} for row in rows}
    return sold, {row["sku"]: row["title"] or "" for row in rows}


def figures_refresh(*, account_id: int, skus: Collection[str] | None = None, now: datetime | None = None) -> int:
    """Rewrite the account's figures (only those of `skus`, if given). Returns how many SKUs were written."""
    now = now or timezone.now()
    account = SellerAccount.objects.get(pk=account_id)
    if skus is None:
        returns_link_orders(account=account)
    starts = _window_starts(account, now)
    items = ReturnItem.objects.filter(account=account, ret__requested_at__gte=starts[max(WINDOWS)])
    units = ReturnedUnit.objects.filter(account=account, ret__requested_at__gte=starts[max(WINDOWS)]).exclude(grade="")
    if skus is not None:
        items, units = items.filter(sku__in=skus), units.filter(sku__in=skus)
    items = list(
        items.values(
            "id",
            "sku",
            "title",
            "quantity",
            "unit_price",
            "reason",
            "ret_id",
            "ret__requested_at",
            "ret__status",
            "ret__channel",
            "ret__refunded_amount",
            "ret__label_cost",
            "ret__label_paid_by",
        )
    )
    units = list(units.values("item_id", "sku", "grade", "disposition", "mismatched"))
    sales, titles = _sales(account, starts) if skus is None else ({}, {})

    with transaction.atomic():
        rules, _ = ReturnSettings.objects.get_or_create(account=account)
        ReturnSettings.objects.select_for_update().filter(pk=rules.pk).exists()  # one refresh of an account at a time
        existing = SkuFigures.objects.filter(account=account)
        if skus is not None:
            existing = existing.filter(sku__in=skus)
            sales = defaultdict(dict)
            for sku, days, sold, title in existing.values_list("sku", "days", "sold_units", "title"):
                sales[sku][days] = sold
                titles[sku] = title
        all_skus = {item["sku"] for item in items} | set(sales) | (set(skus) if skus else set())
        rates = recovery_rates(account, all_skus)
        figures = _compute(items=items, units=units, sales=sales, titles=titles, starts=starts, rates=rates)
        existing.delete()
        SkuFigures.objects.bulk_create(
            [
                SkuFigures(account=account, days=days, sku=sku, **values)
                for (sku, days), values in figures.items()
                if values["sold_units"] or values["returned_units"] or values["graded_units"]
            ],
            batch_size=2000,
        )
        if skus is None:
            reasons = Counter()
            for item in items:
                for days, start in starts.items():
                    if item["ret__requested_at"] >= start:
                        reasons[(days, item["reason"] or "(none given)")] += item["quantity"]
            ReasonFigures.objects.filter(account=account).delete()
            ReasonFigures.objects.bulk_create(
                [
                    ReasonFigures(account=account, days=days, reason=reason, units=n)
                    for (days, reason), n in reasons.items()
                ]
            )
            ReturnSettings.objects.filter(pk=rules.pk).update(figures_refreshed_at=now)
    return len({sku for sku, _ in figures})


def _refunded(item: dict) -> bool:
    return (
        item["ret__status"] == ReturnStatus.REFUNDED
        or item["ret__channel"] == Channel.AFN
        or bool(item["ret__refunded_amount"])
    )


def _compute(*, items, units, sales, titles, starts, rates) -> dict[tuple[str, int], dict]:
    zero = {
        **dict.fromkeys(COUNT_FIELDS, 0),
        **dict.fromkeys(MONEY_FIELDS, Decimal(0)),
        "title": "",
        "cost": Decimal(0),
    }
    figures: dict[tuple[str, int], dict] = defaultdict(lambda: dict(zero))
    for sku, sold in sales.items():
        for days, count in sold.items():
            figures[(sku, days)]["sold_units"] = count
            figures[(sku, days)]["title"] = titles.get(sku, "")
    units_of_return: Counter = Counter()
    for item in items:
        units_of_return[item["ret_id"]] += item["quantity"]
    by_item = {item["id"]: item for item in items}
    for item in items:
        price = item["unit_price"] or Decimal(0)
        sku_rates = rates[item["sku"]]
        closed_unrefunded = item["ret__status"] == ReturnStatus.CLOSED and not item["ret__refunded_amount"]
        label = Decimal(0)
        if item["ret__label_cost"] and item["ret__label_paid_by"].lower() == "seller":
            label = item["ret__label_cost"] * item["quantity"] / units_of_return[item["ret_id"]]
        refund = referral_refund(price=price, rates=sku_rates) * item["quantity"] if _refunded(item) else Decimal(0)
        for days, start in starts.items():
            if item["ret__requested_at"] < start:
                continue
            row = figures[(item["sku"], days)]
            row["title"] = row["title"] or item["title"]
            row["returns"] += 1
            row["returned_units"] += item["quantity"]
            if not closed_unrefunded:
                row["returned_value"] += price * item["quantity"]
            row["referral_refund"] += refund
            row["label_cost"] += label
    for unit in units:
        item = by_item.get(unit["item_id"])
        if item is None:
            continue
        price = item["unit_price"] or Decimal(0)
        sku_rates = rates[unit["sku"]]
        worth = unit_worth(price=price, grade=unit["grade"], rates=sku_rates)
        fee = fba_fee(disposition=unit["disposition"], rates=sku_rates) if item["ret__channel"] == Channel.AFN else 0
        for days, start in starts.items():
            if item["ret__requested_at"] < start:
                continue
            row = figures[(unit["sku"], days)]
            row["graded_units"] += 1
            row["graded_value"] += price
            row["recovered"] += worth
            row["fees"] += fee
            row["write_offs"] += unit["disposition"] == Disposition.WRITE_OFF
            row["mismatched"] += unit["mismatched"]
    for row in figures.values():
        for name in MONEY_FIELDS:
            row[name] = money(Decimal(row[name]))
        row["cost"] = (
            row["returned_value"] - row["recovered"] - row["referral_refund"] + row["fees"] + row["label_cost"]
        )
    return figures
