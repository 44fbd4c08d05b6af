"""The response to Amazon, assembled from our own records: the shipment and its delivery, the
address, the whole paper trail with the buyer, returns and refunds, and the validity verdict;
and the plain-text statement an agent edits and pastes into Seller Central's response form."""

import re
from dataclasses import dataclass
from datetime import datetime

from django.utils import timezone

from helpdesk.retention import shipping_kept_until
from messaging.models import Direction

from .models import Claim, ClaimKind
from .validity import ClaimRecord, Finding, Verdict, claim_validity
from .wording import fold

# What the paper trail Amazon reads holds: the buyer's messages, ours, and our calls (internal notes stay out).
TRAIL = (Direction.IN, Direction.OUT, Direction.CALL)


@dataclass(frozen=True)
class TrailEntry:
    at: datetime
    who: str
    subject: str
    text: str


@dataclass(frozen=True)
class EvidencePack:
    claim: Claim
    record: ClaimRecord
    verdict: Verdict
    shipping: list[tuple[str, str]]  # (label, value)
    address: tuple[str, str]  # (finding, what it says)
    trail: list[TrailEntry]
    history: list[str]  # returns, refunds and the other claims on the order, oldest first
    kept_until: datetime | None

    @property
    def tracking_number(self) -> str:
        return self.record.order.tracking_number if self.record.order else ""


def _address(record: ClaimRecord) -> tuple[str, str]:
    """Is the address the notice names the order's? Compared on the postal code and the city."""
    order, noticed = record.order, record.claim.notice_address
    if order is None:
        return Finding.UNKNOWN, "The order is not imported yet."
    ours = ", ".join(
        part for part in (order.ship_city, order.ship_state, order.ship_postal_code, order.ship_country) if part
    )
    if not noticed:
        return (
            Finding.UNKNOWN,
            f"Shipped to {ours or 'an address the order report does not give'}; the notice names none.",
        )
    said = fold(noticed)
    postal = re.sub(r"\s+", "", order.ship_postal_code).lower()
    said_compact = re.sub(r"\s+", "", said)
    same_postal = bool(postal) and postal in said_compact
    same_city = bool(order.ship_city) and fold(order.ship_city) in said
    if same_postal or (same_city and not postal):
        return Finding.HOLDS, f"Unchanged: shipped to {ours}, as the notice says ({noticed})."
    if not ours:
        return Finding.UNKNOWN, f"The notice says {noticed}; the order report gives no address."
    return Finding.FAILS, f"The notice says {noticed}, but the order went to {ours}."


def _history(record: ClaimRecord) -> list[str]:
    lines = [
        (
            case.opened_at,
            f"Return case #{case.pk} opened {record.day(case.opened_at)}: "
            f"{case.subject or 'return'} ({case.get_status_display().lower()})",
        )
        for case in record.return_cases
    ]
    lines += [
        (r.at, f"Refund of {r.amount} {record.claim.currency} on {record.day(r.at)} ({r.what})".replace(" None", ""))
        for r in record.refunds
    ]
    lines += [
        (
            c.claimed_at,
            f"{c.get_kind_display()} on {record.day(c.claimed_at)}: case #{c.case_id}, "
            f"{c.get_status_display().lower()}" + (f", {c.get_outcome_display().lower()}" if c.is_decided else ""),
        )
        for c in record.other_claims
    ]
    return [line for _, line in sorted(lines, key=lambda pair: pair[0])]


def evidence_pack(record: ClaimRecord) -> EvidencePack:
    order = record.order
    shipping = []
    if order is not None:
        delivered = record.delivered_at
        shipping = [
            (
                "Order",
                f"{order.amazon_order_id}, placed {record.local(order.purchase_date)}"
                if order.purchase_date
                else order.amazon_order_id,
            ),
            ("Ship date", record.local(order.ship_date) if order.ship_date else "not recorded"),
            ("Carrier", order.carrier or "not recorded"),
            ("Tracking number", order.tracking_number or "not recorded"),
            ("Service", order.ship_service_level or "not recorded"),
            (
                "Latest estimated delivery",
                record.local(order.estimated_delivery_date) if order.estimated_delivery_date else "not recorded",
            ),
            ("Delivery confirmation", record.local(delivered) if delivered else "none recorded"),
            ("Signature", record.claim.signed_by or "none recorded"),
        ]
    trail = [
        TrailEntry(
            at=m.sent_at,
            who={Direction.IN: "Buyer", Direction.OUT: "Seller", Direction.CALL: "Call log"}[m.direction]
            + (f" ({m.sender_name})" if m.direction == Direction.IN and m.sender_name else ""),
            subject=m.subject,
            text=m.body_text.strip(),
        )
        for m in record.thread
        if m.direction in TRAIL
    ]
    return EvidencePack(
        claim=record.claim,
        record=record,
        verdict=claim_validity(record),
        shipping=shipping,
        address=_address(record),
        trail=trail,
        history=_history(record),
        kept_until=shipping_kept_until(order) if order is not None else None,
    )


def statement_draft(pack: EvidencePack) -> str:
    """A plain-text statement for Seller Central's response form, from the pack: the agent edits it."""
    claim, record = pack.claim, pack.record
    what = "A-to-z Guarantee claim" if claim.kind == ClaimKind.ATOZ else "chargeback"
    lines = [f"Response to the {what} on order {claim.amazon_order_id}.", ""]
    if pack.shipping:
        lines.append("Shipment:")
        lines += [f"- {label}: {value}" for label, value in pack.shipping]
        lines.append("")
    lines += [f"Delivery address: {pack.address[1]}", ""]
    if pack.trail:
        lines.append("Our correspondence with the buyer:")
        lines += [
            f"- {record.local(entry.at)}, {entry.who}: {' '.join(entry.text.split())[:300]}" for entry in pack.trail
        ]
    else:
        lines.append("The buyer did not contact us about this order before the claim.")
    lines.append("")
    if pack.history:
        lines.append("Returns and refunds:")
        lines += [f"- {line}" for line in pack.history]
        lines.append("")
    contest = pack.verdict.contest
    if contest:
        lines.append("Why the claim should not be granted:")
        lines += [f"- {check.question} {check.summary[0].upper()}{check.summary[1:]}." for check in contest]
    return "\n".join(lines).strip() + "\n"


def local_now(claim: Claim) -> str:
    return f"{timezone.localtime(timezone.now(), claim.account.tzinfo):%d %b %Y %H:%M %Z}"
