"""Fraud signals from returns, shown on the return's case and on the managers' risk list
(`helpdesk.risk`), never acted on:

- the same buyer (relay address, name at postal code, or return address) returning, or being
  refunded without a return, on several orders within a year;
- a returned unit graded mismatched: not the unit shipped (serial number, warranty label);
- a parcel sent back from another postal code or country than the order went to;
- a PO box or a parcel forwarder as the return address or the order's destination.
"""

from collections import defaultdict
from datetime import timedelta

from django.db.models import Count
from django.utils import timezone

from helpdesk.buyers import freight_forwarder, is_po_box
from helpdesk.models import Order
from helpdesk.risk import RiskSignal

from .models import DecisionKind, Return, ReturnedUnit, ReturnSettings

YEAR = timedelta(days=365)
KEY_FIELDS = ("email_key", "name_key", "address_key")


def _buyer(ret: Return) -> str:
    """How the risk list names the buyer of a return."""
    postal = ret.name_key.split("|")[1] if ret.name_key.count("|") >= 2 else ret.sender_postal_code
    name = ret.buyer_name or (ret.email_key.removeprefix("email:") if ret.email_key else "unknown buyer")
    return f"{name}, {postal}" if postal and ret.buyer_name else name


def _keys(ret: Return) -> tuple[str, ...]:
    return tuple(key for key in (ret.email_key, ret.name_key, ret.address_key) if key)


def _day(moment) -> str:
    local = timezone.localtime(moment)
    return f"{local.day} {local:%b %Y}"


def signals(*, account_ids: list[int]) -> list[RiskSignal]:
    """Every returns signal on the accounts: registered as the app's `risk` source."""
    since = timezone.now() - YEAR
    found = _repeated(account_ids, since=since)
    mismatched = (
        ReturnedUnit.objects.filter(account_id__in=account_ids, mismatched=True, ret__requested_at__gte=since)
        .select_related("ret")
        .order_by("id")
    )
    found += [_mismatch_signal(unit) for unit in mismatched]
    addressed = list(
        Return.objects.filter(account_id__in=account_ids, requested_at__gte=since).exclude(sender_address="")
    )
    orders = _orders_of(addressed)
    for ret in addressed:
        found += _address_signals(ret, orders.get((ret.account_id, ret.amazon_order_id)))
    return found


def _repeated(account_ids: list[int], *, since) -> list[RiskSignal]:
    """One signal per buyer key shared by returns on at least the account's threshold of orders."""
    thresholds = dict(
        ReturnSettings.objects.filter(account_id__in=account_ids).values_list("account_id", "risk_min_returns")
    )
    lowest = min([*thresholds.values(), ReturnSettings._meta.get_field("risk_min_returns").default])
    recent = Return.objects.filter(account_id__in=account_ids, requested_at__gte=since)
    keys = set()
    for field in KEY_FIELDS:
        rows = (
            recent.exclude(**{field: ""})
            .values("account_id", field)
            .annotate(orders=Count("amazon_order_id", distinct=True))
            .filter(orders__gte=lowest)
        )
        keys |= {(field, row["account_id"], row[field]) for row in rows}
    if not keys:
        return []
    returns = defaultdict(list)
    for field in KEY_FIELDS:
        wanted = {value for f, _, value in keys if f == field}
        if wanted:
            for ret in recent.filter(**{f"{field}__in": wanted}).select_related("decision").order_by("requested_at"):
                if (field, ret.account_id, getattr(ret, field)) in keys:
                    returns[(field, ret.account_id, getattr(ret, field))].append(ret)
    found, seen = [], set()
    for (field, account_id, _), rets in returns.items():
        orders = sorted({r.amazon_order_id for r in rets})
        same = frozenset(r.pk for r in rets)
        if len(orders) < thresholds.get(account_id, lowest) or same in seen:
            continue  # under the account's threshold, or the same returns already told by another key
        seen.add(same)
        found.append(repeat_signal(field, rets))
    return found


def repeat_signal(field: str, rets: list[Return]) -> RiskSignal:
    latest = max(rets, key=lambda r: r.requested_at)
    orders = sorted({r.amazon_order_id for r in rets})
    returnless = sum(1 for r in rets if getattr(getattr(r, "decision", None), "kind", "") == DecisionKind.RETURNLESS)
    by = {"email_key": "relay address", "name_key": "name and postal code", "address_key": "return address"}[field]
    evidence = "; ".join(f"{r.amazon_order_id} on {_day(r.requested_at)}" for r in rets[-10:])
    refunds = f", {returnless} refunded without return" if returnless else ""
    return RiskSignal(
        account_id=latest.account_id,
        buyer=_buyer(latest),
        buyer_keys=_keys(latest),
        signal=f"{len(rets)} returns on {len(orders)} orders in a year (same {by}){refunds}",
        evidence=evidence,
        at=latest.requested_at,
        case_id=latest.case_id,
        amazon_order_id=latest.amazon_order_id,
    )


def _mismatch_signal(unit: ReturnedUnit) -> RiskSignal:
    ret = unit.ret
    serials = (
        f"shipped serial {unit.shipped_serial}, returned {unit.returned_serial}"
        if unit.shipped_serial and unit.returned_serial
        else "serial or warranty label does not match"
    )
    return RiskSignal(
        account_id=ret.account_id,
        buyer=_buyer(ret),
        buyer_keys=_keys(ret),
        signal="returned unit is not the one shipped",
        evidence=f"{unit.sku} #{unit.number}: {serials}" + (f" — {unit.note}" if unit.note else ""),
        at=unit.graded_at or ret.requested_at,
        case_id=ret.case_id,
        amazon_order_id=ret.amazon_order_id,
    )


def _orders_of(rets: list[Return]) -> dict[tuple[int, str], Order]:
    wanted = defaultdict(set)
    for ret in rets:
        wanted[ret.account_id].add(ret.amazon_order_id)
    found = {}
    for account_id, order_ids in wanted.items():
        for order in Order.objects.filter(account_id=account_id, amazon_order_id__in=order_ids):
            found[(account_id, order.amazon_order_id)] = order
    return found


def _address_signals(ret: Return, order: Order | None) -> list[RiskSignal]:
    """A parcel sent from elsewhere than the order went to; a PO box or a forwarder."""
    found = []

    def signal(what: str, evidence: str) -> RiskSignal:
        return RiskSignal(
            account_id=ret.account_id,
            buyer=_buyer(ret),
            buyer_keys=_keys(ret),
            signal=what,
            evidence=evidence,
            at=ret.requested_at,
            case_id=ret.case_id,
            amazon_order_id=ret.amazon_order_id,
        )

    sender = " ".join(ret.sender_address.split())
    if order is not None and (ret.sender_postal_code or ret.sender_country):
        shipped_to = (order.ship_postal_code.replace(" ", "").upper(), order.ship_country.upper())
        sent_from = (ret.sender_postal_code.replace(" ", "").upper(), ret.sender_country.upper())
        differs = (sent_from[0] and shipped_to[0] and sent_from[0] != shipped_to[0]) or (
            sent_from[1] and shipped_to[1] and sent_from[1] != shipped_to[1]
        )
        if differs:
            found.append(
                signal(
                    "returned from another address than the order went to",
                    f"order shipped to {' '.join(filter(None, [order.ship_city, *shipped_to]))}; "
                    f"parcel sent back from {sender}",
                )
            )
    destination = " ".join(filter(None, [order.ship_city, order.ship_state] if order else []))
    for where, text in (("return address", sender), ("order's destination", destination)):
        if text and is_po_box(text):
            found.append(signal(f"PO box as the {where}", text))
        if text and (forwarder := freight_forwarder(text)):
            found.append(signal(f"parcel forwarder ({forwarder}) as the {where}", text))
    return found


def return_signals(ret: Return) -> list[RiskSignal]:
    """The signals about one return, for its case page: its buyer's other returns, its units, its addresses."""
    since = timezone.now() - YEAR
    rules = ReturnSettings.objects.filter(account_id=ret.account_id).first() or ReturnSettings()
    found, seen = [], set()
    for field in KEY_FIELDS:
        value = getattr(ret, field)
        if not value:
            continue
        rets = list(
            Return.objects.filter(account_id=ret.account_id, requested_at__gte=since, **{field: value})
            .select_related("decision")
            .order_by("requested_at")
        )
        same = frozenset(r.pk for r in rets)
        if len({r.amazon_order_id for r in rets}) >= rules.risk_min_returns and same not in seen:
            seen.add(same)
            found.append(repeat_signal(field, rets))
    found += [_mismatch_signal(unit) for unit in ret.units.filter(mismatched=True).select_related("ret")]
    order = ret.case.order if ret.case_id and ret.case.order_id else None
    if ret.sender_address or order is not None:
        found += _address_signals(ret, order)
    return found
