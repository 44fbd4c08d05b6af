"""The returns rules, as plain functions over plain values: the in-policy verdict, what a grade
does with a unit, when a restocking fee is allowed, what FBA's disposition means, and what a
returned unit costs and recovers. No database here."""

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

from helpdesk.buyers import buyer_keys
from helpdesk.models import Order

from .models import Disposition, Grade, ReturnStatus

CENT = Decimal("0.01")
HUNDRED = Decimal(100)


def money(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


# --- the in-policy check ------------------------------------------------------------------


@dataclass(frozen=True)
class WindowOverride:
    label: str
    delivered_from: date
    delivered_to: date
    returnable_until: date


@dataclass(frozen=True)
class PolicyVerdict:
    """Whether a request came inside the return window, and why we think so."""

    in_policy: bool | None  # None: no delivery date known, nothing to count from
    explanation: str
    days_since_delivery: int | None = None
    window_ends: date | None = None
    delivery_estimated: bool = False
    override: str = ""
    amazon_in_policy: bool | None = None  # Amazon's own flag from the report, where it has one

    @property
    def disagrees_with_amazon(self) -> bool:
        return None not in (self.in_policy, self.amazon_in_policy) and self.in_policy != self.amazon_in_policy


def _day(value: date) -> str:
    return f"{value.day} {value:%b %Y}"


def policy_verdict(
    *,
    requested_on: date,
    delivered_on: date | None,
    delivery_estimated: bool,
    window_days: int,
    overrides: Iterable[WindowOverride] = (),
    amazon_in_policy: bool | None = None,
) -> PolicyVerdict:
    """Days since delivery against the account's return window (from delivery, the last day
    included), lengthened by a dated override whose delivery dates cover the order."""
    if delivered_on is None:
        flag = {True: " Amazon's report says in policy.", False: " Amazon's report says not in policy."}
        return PolicyVerdict(
            None,
            "No delivery date is known for this order: nothing to count the return window from."
            + flag.get(amazon_in_policy, ""),
            amazon_in_policy=amazon_in_policy,
        )
    window_ends = delivered_on + timedelta(days=window_days)
    override = ""
    for candidate in overrides:
        if (
            candidate.delivered_from <= delivered_on <= candidate.delivered_to
            and candidate.returnable_until > window_ends
        ):
            window_ends, override = candidate.returnable_until, candidate.label
    days = (requested_on - delivered_on).days
    inside = requested_on <= window_ends
    delivery = f"{'expected' if delivery_estimated else 'delivered'} {_day(delivered_on)}"
    window = f"the {override} window (until {_day(window_ends)})" if override else f"the {window_days}-day window"
    explanation = (
        f"Requested {days} day{'s' if abs(days) != 1 else ''} after delivery ({delivery}): "
        f"{'inside' if inside else 'outside'} {window}."
    )
    return PolicyVerdict(
        inside,
        explanation,
        days_since_delivery=days,
        window_ends=window_ends,
        delivery_estimated=delivery_estimated,
        override=override,
        amazon_in_policy=amazon_in_policy,
    )


# --- Amazon's word on a request ---------------------------------------------------------------

CLOSED_WORDS = ("clos", "reject", "declin", "cancel", "denied")
WAITING_WORDS = ("pending", "await", "requested")
REFUNDED_WORDS = ("refund", "complet")
AUTHORISED_WORDS = ("approv", "authori", "accept")


@lru_cache(maxsize=256)  # a report repeats a handful of words
def status_from_amazon(text: str) -> str:
    """Where Amazon's "Return request status" puts a request: closed (closed, rejected, cancelled),
    awaiting the seller ("Pending authorization"; "Pending refund" is authorised, waiting for the refund),
    refunded (refunded, completed) or authorised (approved, authorized). Anything else, or nothing, is
    a request awaiting the seller's decision: never a clock missed for a word we did not know."""
    lowered = text.casefold()
    if any(word in lowered for word in CLOSED_WORDS):
        return ReturnStatus.CLOSED
    if any(word in lowered for word in WAITING_WORDS):
        return ReturnStatus.AUTHORISED if "refund" in lowered else ReturnStatus.REQUESTED
    if any(word in lowered for word in REFUNDED_WORDS):
        return ReturnStatus.REFUNDED
    if any(word in lowered for word in AUTHORISED_WORDS):
        return ReturnStatus.AUTHORISED
    return ReturnStatus.REQUESTED


# The order a return moves in: a report that shows an earlier state than ours changes nothing.
STATUS_ORDER = {
    ReturnStatus.REQUESTED: 0,
    ReturnStatus.AUTHORISED: 1,
    ReturnStatus.RECEIVED: 2,
    ReturnStatus.REFUNDED: 3,
    ReturnStatus.CLOSED: 3,
}


# --- grades and what becomes of a unit ------------------------------------------------------

# The dispositions a grade allows, the usual one first.
DISPOSITIONS_BY_GRADE: dict[str, tuple[str, ...]] = {
    Grade.NEW: (Disposition.RESTOCK,),
    Grade.REWORK: (Disposition.REWORK,),
    Grade.USED: (Disposition.LIST_USED, Disposition.SELL_ELSEWHERE),
    Grade.NOT_RESELLABLE: (Disposition.WRITE_OFF, Disposition.SELL_ELSEWHERE),
}
# Grades that say the unit came back materially different from what was shipped.
MATERIALLY_DIFFERENT = frozenset({Grade.USED, Grade.NOT_RESELLABLE})


def disposition_for(grade: str, chosen: str = "") -> str:
    """The disposition of a unit of `grade`: `chosen` if the grade allows it, else its usual one."""
    allowed = DISPOSITIONS_BY_GRADE[grade]
    return chosen if chosen in allowed else allowed[0]


# FBA's detailed dispositions (customer returns report): only a sellable unit goes back on sale.
FBA_SELLABLE = "SELLABLE"


def grade_from_fba_disposition(disposition: str) -> str:
    """FBA grades the units it receives: SELLABLE goes back into inventory; DAMAGED, CUSTOMER_DAMAGED,
    DEFECTIVE, CARRIER_DAMAGED, DISTRIBUTOR_DAMAGED, EXPIRED and anything else are unsellable."""
    return Grade.NEW if disposition.strip().upper() == FBA_SELLABLE else Grade.NOT_RESELLABLE


# --- restocking fees ------------------------------------------------------------------------

# Words of Amazon's reason codes (CR-DEFECTIVE, AMZ-PG-BAD-DESC, DAMAGED_BY_CARRIER, SWITCHEROO, …) and of
# the reasons its notices spell out, in the marketplaces' languages, that put the fault with the seller
# or the carrier: no restocking fee then, whatever the unit looks like.
SELLER_FAULT_WORDS = frozenset(
    {
        "defective",
        "defect",
        "damaged",
        "damage",
        "switcheroo",
        "missing",
        "missed",
        "late",
        "inaccurate",
        "quality",
        "never",
        "defekt",
        "beschädigt",
        "falsch",
        "défectueux",
        "endommagé",
        "defectuoso",
        "dañado",
        "difettoso",
        "danneggiato",
    }
)
SELLER_FAULT_PHRASES = (("not", "as", "described"), ("not", "as", "desc"), ("bad", "desc"), ("wrong", "item"))
BUYER_MISTAKE_WORDS = frozenset({"ordered", "misordered", "mistake"})  # ORDERED_WRONG_ITEM: the buyer's slip


def seller_at_fault(reason: str) -> bool:
    words = [word for word in re.split(r"[\W_]+", reason.casefold()) if word]
    if BUYER_MISTAKE_WORDS.intersection(words):
        return False
    if SELLER_FAULT_WORDS.intersection(words):
        return True
    return any(
        tuple(words[i : i + len(phrase)]) == phrase for phrase in SELLER_FAULT_PHRASES for i in range(len(words))
    )


@dataclass(frozen=True)
class RestockingAllowance:
    max_percent: Decimal  # 0 when no fee may be kept
    why: str


def restocking_allowance(
    *,
    reasons: Iterable[str],
    grades: Iterable[str],
    mismatched: bool,
    category_limits: Iterable[Decimal],
    default_limit: Decimal,
) -> RestockingAllowance:
    """How much of the refund may be kept back, and why: only for a unit that came back materially
    different from what was shipped (graded used or not resellable, or not the unit shipped), never when
    the buyer's reason puts the fault with the seller, and at most the category's rule (at most 50 %)."""
    grades = [grade for grade in grades if grade]
    reasons = [reason for reason in reasons if reason]
    if faulty := next((reason for reason in reasons if seller_at_fault(reason)), None):
        return RestockingAllowance(Decimal(0), f"No restocking fee: the return reason ({faulty}) is the seller's side.")
    if not grades:
        return RestockingAllowance(Decimal(0), "No restocking fee before the units are graded.")
    if not mismatched and not any(grade in MATERIALLY_DIFFERENT for grade in grades):
        return RestockingAllowance(
            Decimal(0), "No restocking fee: every unit came back resellable as new, as it was shipped."
        )
    limits = list(category_limits)
    limit = min(limits) if limits else default_limit
    limit = min(Decimal(limit), Decimal(50))
    if limit <= 0:
        return RestockingAllowance(Decimal(0), "No restocking fee: the category rules allow none.")
    what = "not the unit shipped" if mismatched else "returned materially different from what was shipped"
    return RestockingAllowance(limit, f"Up to {limit.normalize():f} % of the refund: {what}.")


# --- recovery ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class RecoveryRates:
    """An account's recovery rules, with one SKU's exceptions applied."""

    shares: dict[str, Decimal]  # grade -> % of the sale price a unit of that grade is worth
    oversize: bool
    fee_return: Decimal  # FBA: sending the unit back to the seller, per unit
    fee_disposal: Decimal  # FBA: disposing of it
    referral_rate: Decimal  # % of the sale price Amazon charged
    referral_refund_share: Decimal  # % of that referral fee Amazon gives back on a refund
    referral_refund_cap: Decimal  # at most this per unit


def unit_worth(*, price: Decimal, grade: str, rates: RecoveryRates) -> Decimal:
    """What a graded unit is worth against its sale price."""
    return money(price * rates.shares[grade] / HUNDRED)


def fba_fee(*, disposition: str, rates: RecoveryRates) -> Decimal:
    """What FBA charges for a returned unit: nothing to restock it, a disposal fee to write it off,
    the return-to-seller fee for anything the seller reworks or sells on."""
    if disposition == Disposition.RESTOCK:
        return Decimal(0)
    return rates.fee_disposal if disposition == Disposition.WRITE_OFF else rates.fee_return


def referral_refund(*, price: Decimal, rates: RecoveryRates) -> Decimal:
    """The part of the referral fee Amazon refunds on a refunded unit: a share of it, capped per unit."""
    fee = price * rates.referral_rate / HUNDRED
    return money(min(fee * rates.referral_refund_share / HUNDRED, rates.referral_refund_cap))


# --- who returned it, and what it sold for ------------------------------------------------------


def keys_for(
    *,
    email: str = "",
    name: str = "",
    postal_code: str = "",
    country: str = "",
    sender_address: str = "",
    sender_postal_code: str = "",
    sender_country: str = "",
) -> dict[str, str]:
    """The buyer keys of a return (helpdesk.buyers): the relay address and the name at the postal code
    the order went to, the return address on the parcel once it came back."""
    found = {"email_key": "", "name_key": "", "address_key": ""}
    for key in buyer_keys(email=email, name=name, postal_code=postal_code, country=country):
        found[f"{key.split(':', 1)[0]}_key"] = key
    if sender_address.strip():
        found["address_key"] = buyer_keys(
            address=sender_address, postal_code=sender_postal_code, country=sender_country
        )[-1]
    return found


def order_keys(order: Order | None) -> dict[str, str]:
    """The buyer keys the order gives."""
    if order is None:
        return keys_for()
    return keys_for(
        email=order.buyer_email, name=order.buyer_name, postal_code=order.ship_postal_code, country=order.ship_country
    )


def unit_price_of(line: dict | None) -> Decimal | None:
    """One unit's price from an order line's values (Amazon's item price is the line's, for its quantity)."""
    if not line or line.get("item_price") is None or not line.get("quantity"):
        return None
    return (line["item_price"] / line["quantity"]).quantize(Decimal("0.01"))
