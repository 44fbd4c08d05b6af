"""Is the claim valid? Amazon's A-to-z Guarantee conditions and exclusions, and a chargeback's
liability, checked one by one against what Sellerdesk holds, each with its evidence.

Pure functions over a `ClaimRecord` (gathered by `selectors.claim_record`): no database.
A check either holds (the claim stands on that point), fails (a ground to contest it) or
cannot be told from our records. Nothing here decides: the agent reads it.
"""

from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from decimal import Decimal

from django.utils import timezone

from helpdesk.buyers import freight_forwarder, is_po_box
from helpdesk.calendars import END_OF_DAY, BusinessHours, due_time
from helpdesk.models import Case, Order, OrderItem, SellerAccount
from messaging.models import Direction, Message

from .models import Claim, ClaimKind, Ground, Liability
from .wording import fold, phrase_pattern

BUSINESS_DAYS_TO_WAIT = 2  # the buyer writes to the seller and waits two business days before claiming
DAYS_PAST_ESTIMATE = 3  # "not received" may be claimed 3 days past the latest estimated delivery date …
DAYS_AFTER_ORDER = 30  # … or 30 days after the order, whichever is sooner
RETURN = "return"  # the returns app's kind of case, by value
DIGITAL = phrase_pattern("digital")
SERVICES = phrase_pattern("services")
VALUABLES = phrase_pattern("valuables")
REFUND_PROMISE = phrase_pattern("refund_promise")
REFUSED = phrase_pattern("refused")


class Finding:
    HOLDS = "holds"  # the claim stands on this point
    FAILS = "fails"  # a ground to contest the claim
    UNKNOWN = "unknown"  # our records cannot tell

    LABELS = {HOLDS: "Holds", FAILS: "Grounds to contest", UNKNOWN: "Not known"}


@dataclass(frozen=True)
class Check:
    key: str
    question: str
    finding: str
    summary: str
    evidence: tuple[str, ...] = ()

    @property
    def finding_label(self) -> str:
        return Finding.LABELS[self.finding]


@dataclass(frozen=True)
class Refund:
    at: datetime
    amount: Decimal | None
    what: str


@dataclass
class ClaimRecord:
    """Everything our records hold about the claim's order."""

    claim: Claim
    account: SellerAccount
    order: Order | None
    items: list[OrderItem]
    thread: list[Message]  # every message of every conversation about the order, oldest first
    return_cases: list[Case]
    other_claims: list[Claim]  # the other claims and chargebacks on the same order
    refunds: list[Refund]
    calendar: BusinessHours  # the account's business days
    refused: bool = False  # a notice said the buyer refused the parcel
    now: datetime = field(default_factory=timezone.now)

    @property
    def delivered_at(self) -> datetime | None:
        if self.claim.carrier_delivered_at is not None:
            return self.claim.carrier_delivered_at
        return self.order.delivered_at if self.order else None

    @property
    def buyer_messages(self) -> list[Message]:
        return [m for m in self.thread if m.direction == Direction.IN]

    @property
    def our_messages(self) -> list[Message]:
        return [m for m in self.thread if m.direction in (Direction.OUT, Direction.CALL)]

    def local(self, moment: datetime) -> str:
        return f"{timezone.localtime(moment, self.account.tzinfo):%a %d %b %Y %H:%M %Z}"

    def day(self, moment: datetime) -> str:
        return f"{timezone.localtime(moment, self.account.tzinfo):%d %b %Y}"


@dataclass(frozen=True)
class Verdict:
    checks: list[Check]

    @property
    def contest(self) -> list[Check]:
        return [c for c in self.checks if c.finding == Finding.FAILS]

    @property
    def unknown(self) -> list[Check]:
        return [c for c in self.checks if c.finding == Finding.UNKNOWN]

    @property
    def summary(self) -> str:
        if self.contest:
            return "Grounds to contest: " + "; ".join(c.summary for c in self.contest)
        if self.unknown:
            return "The claim stands on what we know; not known: " + "; ".join(c.question for c in self.unknown)
        return "The claim looks valid on every point: a refund is likely the better answer"


def business_days_later(start: datetime, days: int, calendar: BusinessHours) -> datetime:
    """`days` whole business days after `start`: the same time of day, counting only the
    calendar's open days (its opening weekdays, neither public holidays nor closed dates)."""
    whole_days = BusinessHours(
        tz=calendar.tz,
        opening={weekday: ((time(0), END_OF_DAY),) for weekday in calendar.opening},
        holiday_country=calendar.holiday_country,
        holiday_subdivision=calendar.holiday_subdivision,
        closed_dates=calendar.closed_dates,
    )
    return due_time(start=start, duration=timedelta(days=days), hours=whole_days)


def claimable_from(order: Order) -> datetime | None:
    """When a buyer may claim an item not received: 3 days past the latest estimated delivery
    date or 30 days after the order, whichever is sooner."""
    candidates = []
    if order.estimated_delivery_date is not None:
        candidates.append(order.estimated_delivery_date + timedelta(days=DAYS_PAST_ESTIMATE))
    if order.purchase_date is not None:
        candidates.append(order.purchase_date + timedelta(days=DAYS_AFTER_ORDER))
    return min(candidates) if candidates else None


def _excerpt(message: Message, length: int = 120) -> str:
    text = " ".join(message.body_text.split())
    return text if len(text) <= length else text[: length - 1] + "…"


def check_contact(record: ClaimRecord) -> Check:
    question = "Did the buyer contact you before claiming?"
    before = [m for m in record.buyer_messages if m.sent_at <= record.claim.claimed_at]
    if not before:
        return Check(
            "contact",
            question,
            Finding.FAILS,
            "the buyer never wrote to you before claiming",
            (
                "No message from the buyer about this order before the claim "
                f"of {record.local(record.claim.claimed_at)}.",
            ),
        )
    first = before[0]
    return Check(
        "contact",
        question,
        Finding.HOLDS,
        "the buyer wrote first",
        (f"{record.local(first.sent_at)}: “{_excerpt(first)}”",),
    )


def check_waited(record: ClaimRecord) -> Check:
    question = f"Did the buyer wait {BUSINESS_DAYS_TO_WAIT} business days for your answer?"
    before = [m for m in record.buyer_messages if m.sent_at <= record.claim.claimed_at]
    if not before:
        return Check("waited", question, Finding.FAILS, "the buyer did not wait: they never wrote", ())
    first = before[0]
    waited_until = business_days_later(first.sent_at, BUSINESS_DAYS_TO_WAIT, record.calendar)
    answers = [m for m in record.our_messages if first.sent_at <= m.sent_at <= record.claim.claimed_at]
    evidence = [
        f"First message {record.local(first.sent_at)}; {BUSINESS_DAYS_TO_WAIT} business days later: "
        f"{record.local(waited_until)}; claim {record.local(record.claim.claimed_at)}."
    ]
    evidence += [f"Your answer {record.local(m.sent_at)}: “{_excerpt(m)}”" for m in answers[:3]]
    if record.claim.claimed_at < waited_until:
        return Check(
            "waited", question, Finding.FAILS, "the buyer claimed before two business days had passed", tuple(evidence)
        )
    return Check("waited", question, Finding.HOLDS, "the buyer waited two business days", tuple(evidence))


def check_delivery(record: ClaimRecord) -> Check:
    question = "Was the item delivered, and on time?"
    order = record.order
    if order is None:
        return Check("delivery", question, Finding.UNKNOWN, "the order is not imported yet", ())
    evidence = []
    if order.ship_date:
        evidence.append(
            f"Shipped {record.day(order.ship_date)} with {order.carrier or 'an unnamed carrier'}"
            + (f", tracking {order.tracking_number}" if order.tracking_number else "")
            + "."
        )
    if order.estimated_delivery_date:
        evidence.append(f"Latest estimated delivery {record.day(order.estimated_delivery_date)}.")
    delivered = record.delivered_at
    if delivered is not None:
        signed = f", signed for by {record.claim.signed_by}" if record.claim.signed_by else ""
        evidence.append(f"Carrier shows it delivered {record.local(delivered)}{signed}.")
        if record.claim.ground == Ground.NOT_RECEIVED and delivered <= record.claim.claimed_at:
            return Check(
                "delivery", question, Finding.FAILS, "the carrier shows it delivered before the claim", tuple(evidence)
            )
        return Check("delivery", question, Finding.HOLDS, "delivered", tuple(evidence))
    opens = claimable_from(order)
    if record.claim.ground != Ground.NOT_RECEIVED:
        return Check("delivery", question, Finding.UNKNOWN, "no delivery confirmation recorded", tuple(evidence))
    if opens is None:
        return Check("delivery", question, Finding.UNKNOWN, "neither the order date nor an estimate is known", ())
    evidence.append(
        f"An item not received may be claimed from {record.local(opens)} ({DAYS_PAST_ESTIMATE} days past the latest "
        f"estimate or {DAYS_AFTER_ORDER} days after the order, whichever is sooner)."
    )
    if record.claim.claimed_at < opens:
        return Check("delivery", question, Finding.FAILS, "claimed before the item was late", tuple(evidence))
    return Check("delivery", question, Finding.HOLDS, "not delivered, and late when claimed", tuple(evidence))


def check_refund_promise(record: ClaimRecord) -> Check:
    question = "Did you promise a refund and not make it, or make it short?"
    promises = [m for m in record.thread if m.direction == Direction.OUT and REFUND_PROMISE.search(fold(m.body_text))]
    refunded = sum((r.amount for r in record.refunds if r.amount is not None), Decimal(0))
    evidence = [f"You wrote {record.local(m.sent_at)}: “{_excerpt(m)}”" for m in promises[:3]]
    evidence += [
        f"Refund {record.local(r.at)}: {r.amount if r.amount is not None else '?'} ({r.what})" for r in record.refunds
    ]
    if not promises:
        finding = Finding.FAILS if record.claim.ground == Ground.REFUND_NOT_MADE else Finding.UNKNOWN
        return Check("refund", question, finding, "no refund was promised in your messages", tuple(evidence))
    due = record.claim.amount or (record.order.order_total if record.order else None)
    if not record.refunds:
        return Check("refund", question, Finding.HOLDS, "you promised a refund and none is recorded", tuple(evidence))
    if due is not None and refunded < due:
        return Check("refund", question, Finding.HOLDS, f"the refund is short by {due - refunded}", tuple(evidence))
    return Check("refund", question, Finding.FAILS, "the promised refund was made", tuple(evidence))


def check_exclusions(record: ClaimRecord) -> list[Check]:
    """Orders the A-to-z Guarantee does not cover, each as its own check."""
    titles = [item.title for item in record.items if item.title]
    checks = []
    digital = [t for t in titles if DIGITAL.search(fold(t)) or SERVICES.search(fold(t))]
    checks.append(
        Check(
            "digital",
            "Is the item a digital good or a service (not covered)?",
            Finding.FAILS if digital else (Finding.HOLDS if titles else Finding.UNKNOWN),
            "a digital good or a service" if digital else ("a physical item" if titles else "no items imported"),
            tuple(f"Item: {t}" for t in digital),
        )
    )
    bank = [c for c in record.other_claims if c.kind == ClaimKind.CHARGEBACK]
    checks.append(
        Check(
            "chargeback",
            "Did the buyer also dispute the payment with their bank (not covered)?",
            Finding.FAILS if bank else Finding.HOLDS,
            "a bank-initiated chargeback on the same order" if bank else "no chargeback on this order",
            tuple(f"Chargeback case #{c.case_id} of {record.day(c.claimed_at)}" for c in bank),
        )
    )
    addresses = [record.claim.notice_address]
    if record.order is not None:
        addresses.append(" ".join([record.order.ship_city, record.order.ship_state, record.order.ship_postal_code]))
    forwarder = next((f for f in map(freight_forwarder, addresses) if f), "")
    po_box = any(is_po_box(a) for a in addresses if a)
    checks.append(
        Check(
            "forwarder",
            "Was it delivered to a freight forwarder (not covered)?",
            Finding.FAILS if forwarder else Finding.HOLDS,
            f"delivered to the parcel forwarder {forwarder}" if forwarder else "no forwarder in the address",
            tuple(f"Address: {a}" for a in addresses if a.strip()) + (("A PO box address.",) if po_box else ()),
        )
    )
    valuables = [t for t in titles if VALUABLES.search(fold(t))]
    if valuables and record.claim.ground == Ground.NOT_AS_DESCRIBED:
        returned = bool(record.return_cases)
        checks.append(
            Check(
                "valuables",
                "A watch, jewellery, a collectible or fine art: was it returned per your return policy?",
                Finding.HOLDS if returned else Finding.FAILS,
                "returned" if returned else "a valuable not returned per the return policy",
                tuple(f"Item: {t}" for t in valuables) + tuple(_return_line(record, c) for c in record.return_cases),
            )
        )
    refused = record.refused or any(REFUSED.search(fold(m.body_text)) for m in record.buyer_messages)
    if refused:
        tracked = bool(record.return_cases)
        checks.append(
            Check(
                "refused",
                "A refused package: is there return tracking?",
                Finding.HOLDS if tracked else Finding.FAILS,
                "the refused package's return is recorded" if tracked else "a refused package without return tracking",
                tuple(_return_line(record, c) for c in record.return_cases),
            )
        )
    return checks


def _return_line(record: ClaimRecord, case: Case) -> str:
    return f"Return case #{case.pk} opened {record.day(case.opened_at)}: {case.get_status_display().lower()}"


def check_liability(record: ClaimRecord) -> Check:
    liability = record.claim.liability
    evidence = (f"The notice says: “{record.claim.reason}”",) if record.claim.reason else ()
    return Check(
        "liability",
        "Service or payment fraud?",
        {Liability.SERVICE: Finding.HOLDS, Liability.FRAUD: Finding.FAILS}.get(liability, Finding.UNKNOWN),
        Liability(liability).label,
        evidence,
    )


def claim_validity(record: ClaimRecord) -> Verdict:
    """Every check that applies to the claim, in the order an agent reads them."""
    if record.claim.kind == ClaimKind.CHARGEBACK:
        checks = [check_liability(record), check_delivery(record), check_contact(record)]
        return Verdict(checks)
    checks = [check_contact(record), check_waited(record), check_delivery(record), check_refund_promise(record)]
    return Verdict(checks + check_exclusions(record))
