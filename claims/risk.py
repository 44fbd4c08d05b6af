"""Repeat claimants, for the managers' risk list (`helpdesk.risk`): the same buyer behind claims,
chargebacks or refunds on more than one order. A buyer is recognised across orders by their
relay address, their name and postal code (`helpdesk.buyers`), or the shipping address the
notices give, normalised (PO boxes and spacing written any way). Shown, never acted on."""

from collections import defaultdict
from datetime import datetime, timedelta

from django.utils import timezone

from helpdesk.buyers import buyer_keys
from helpdesk.risk import RiskSignal

from .models import Claim, ClaimKind, Response

WINDOW = timedelta(days=365)
MIN_ORDERS = 2  # claims, chargebacks or refunds on this many orders make a repeat claimant


def _keys(claim: Claim) -> list[str]:
    order = claim.case.order
    keys = buyer_keys(
        email=order.buyer_email if order else "",
        name=order.buyer_name if order else claim.case.buyer_name,
        postal_code=order.ship_postal_code if order else "",
        country=order.ship_country if order else "",
    )
    # The address the notice gives, normalised as every app normalises one (helpdesk.buyers).
    return keys + buyer_keys(address=claim.notice_address)


def _what(claim: Claim) -> str:
    if claim.response in (Response.REFUND_FULL, Response.REFUND_PARTIAL):
        return "refund"
    return "claim" if claim.kind == ClaimKind.ATOZ else "chargeback"


def signals(*, account_ids: list[int], now: datetime | None = None) -> list[RiskSignal]:
    """One signal per buyer with claims, chargebacks or refunds on `MIN_ORDERS` orders or more in a year."""
    since = (now or timezone.now()) - WINDOW
    claims = list(
        Claim.objects.filter(account_id__in=list(account_ids), claimed_at__gte=since)
        .select_related("case__order")
        .order_by("claimed_at", "id")
    )
    # Claims sharing any key are one buyer (per account): a union of the key sets.
    parent: dict[int, int] = {}

    def root(index: int) -> int:
        while parent.setdefault(index, index) != index:
            index = parent[index]
        return index

    first_with: dict[tuple[int, str], int] = {}
    keys = [_keys(claim) for claim in claims]
    for index, claim in enumerate(claims):
        for key in keys[index]:
            other = first_with.setdefault((claim.account_id, key), index)
            parent[root(index)] = root(other)
    groups: dict[int, list[int]] = defaultdict(list)
    for index in range(len(claims)):
        groups[root(index)].append(index)

    found = []
    for members in groups.values():
        group = [claims[i] for i in members]
        if len({c.amazon_order_id for c in group}) < MIN_ORDERS:
            continue
        latest = group[-1]
        counts: dict[str, int] = defaultdict(int)
        for claim in group:
            counts[_what(claim)] += 1
        order = latest.case.order
        name = (order.buyer_name if order else "") or latest.case.buyer_name or "Unknown buyer"
        postal = order.ship_postal_code if order else ""
        found.append(
            RiskSignal(
                account_id=latest.account_id,
                buyer=f"{name}, {postal}" if postal else name,
                buyer_keys=tuple(dict.fromkeys(k for i in members for k in keys[i])),
                signal=", ".join(f"{n} {what}{'s' if n > 1 else ''}" for what, n in sorted(counts.items()))
                + f" on {len({c.amazon_order_id for c in group})} orders in a year",
                evidence="; ".join(
                    f"{c.amazon_order_id}: {c.get_kind_display().lower()} {c.claimed_at:%d %b %Y}"
                    + (f", {c.get_response_display().lower()}" if c.response else "")
                    for c in group
                ),
                at=latest.claimed_at,
                case_id=latest.case_id,
                amazon_order_id=latest.amazon_order_id,
            )
        )
    return found
