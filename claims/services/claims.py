"""A claim's life: opened once per order and kind, answered (evidence, representation or a
refund), decided by Amazon, appealed or accepted. Every move goes through
`helpdesk.services.lifecycle`: the claim's status through `transition`, the case's clocks
through `case_open`, `deadline_start` and `case_clocks_meet`, its status through `case_transition`.
"""

import hashlib
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils import timezone

from helpdesk.models import CaseStatus, Order, SellerAccount
from helpdesk.models.deadlines import UNMET_STATES
from helpdesk.services.audit import audit
from helpdesk.services.defects import defects_refresh
from helpdesk.services.lifecycle import (
    InvalidTransition,
    case_clocks_meet,
    case_open,
    case_transition,
    deadline_cancel,
    deadline_start,
    transition,
)
from helpdesk.services.search import search_pending_mark

from ..defects import SOURCE as DEFECT_SOURCE
from ..kinds import DECISION_APPEAL, FIRST_CLOCK, INFORMATION_CLOCK, NO_SHOW_FOLLOW_UP, RESPONSE_CLOCKS
from ..models import (
    CLAIM_TRANSITIONS,
    Claim,
    ClaimKind,
    ClaimStatus,
    Ground,
    Liability,
    Outcome,
    Response,
)

CLAIM_LOCK_CLASS = 0x434C4D31  # the advisory-lock namespace of (account, kind, order) claim keys
# What the agent may answer with, by kind of claim.
RESPONSES = {
    ClaimKind.ATOZ: (Response.EVIDENCE, Response.REFUND_FULL, Response.REFUND_PARTIAL),
    ClaimKind.CHARGEBACK: (Response.REPRESENT, Response.REFUND_FULL),
}
REFUNDS = frozenset({Response.REFUND_FULL, Response.REFUND_PARTIAL})


@dataclass(frozen=True)
class ClaimFacts:
    """What a source says of a claim; empty values say nothing."""

    reason: str = ""
    ground: str = Ground.OTHER
    liability: str = Liability.UNKNOWN
    amount: Decimal | None = None
    currency: str = ""
    address: str = ""


def _claim_key_lock(account_id: int, kind: str, amazon_order_id: str) -> None:
    """Hold, until commit, the lock on one claim key: two notices (or a notice and a Finances
    event) about the same claim never open two. SQLite writes one transaction at a time."""
    if connection.vendor != "postgresql":
        return
    key = int.from_bytes(
        hashlib.blake2b(f"{account_id}|{kind}|{amazon_order_id}".encode(), digest_size=4).digest(), "big", signed=True
    )
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(%s, %s)", [CLAIM_LOCK_CLASS, key])


def _subject(kind: str, facts: ClaimFacts) -> str:
    what = ClaimKind(kind).label
    said = facts.reason or (Ground(facts.ground).label if facts.ground != Ground.OTHER else "")
    return f"{what}: {said}" if said else what


@transaction.atomic
def claim_open(
    *,
    account: SellerAccount,
    kind: str,
    amazon_order_id: str,
    claimed_at: datetime,
    source: str,
    facts: ClaimFacts,
    response_clock: bool = True,
    actor: AbstractBaseUser | None = None,
) -> tuple[Claim, bool]:
    """The claim of this kind on this order, opened with its case (and, with `response_clock`,
    the kind's response clock from `claimed_at`) if there is none yet. Returns (claim, opened).

    A claim already open takes what `facts` adds to what it knew."""
    _claim_key_lock(account.id, kind, amazon_order_id)
    claim = (
        Claim.objects.select_for_update(of=("self",))
        .select_related("case", "account")
        .filter(account=account, kind=kind, amazon_order_id=amazon_order_id)
        .first()
    )
    if claim is not None:
        claim_facts_fill(claim=claim, facts=facts)
        return claim, False
    order = Order.objects.filter(account=account, amazon_order_id=amazon_order_id).first()
    case = case_open(
        account=account,
        kind=kind,
        order=order,
        amazon_order_id=amazon_order_id,
        subject=_subject(kind, facts),
        opened_at=claimed_at,
        clock=FIRST_CLOCK[kind] if response_clock else None,
        actor=actor,
    )
    claim = Claim.objects.create(
        account=account,
        case=case,
        kind=kind,
        amazon_order_id=amazon_order_id,
        source=source,
        claimed_at=claimed_at,
        reason=facts.reason,
        ground=facts.ground,
        liability=facts.liability,
        amount=facts.amount,
        currency=facts.currency or (order.currency if order else ""),
        notice_address=facts.address,
    )
    defects_refresh(account_id=account.id, source=DEFECT_SOURCE, refs=[claim.pk])
    return claim, True


def claim_facts_fill(*, claim: Claim, facts: ClaimFacts) -> Claim:
    """Fill what the claim did not know yet from a later source; what it knew stays, and what the
    retention purge removed is not filled in again."""
    filled = {}
    for field in ("reason", "amount", "currency") + (() if claim.shipping_purged_at else ("notice_address",)):
        value = getattr(facts, "address" if field == "notice_address" else field)
        if value not in (None, "") and getattr(claim, field) in (None, ""):
            filled[field] = value
    if facts.ground != Ground.OTHER and claim.ground == Ground.OTHER:
        filled["ground"] = facts.ground
    if facts.liability != Liability.UNKNOWN and claim.liability == Liability.UNKNOWN:
        filled["liability"] = facts.liability
    if filled:
        for field, value in filled.items():
            setattr(claim, field, value)
        claim.save(update_fields=[*filled, "updated_at"])
        search_pending_mark(case_ids=[claim.case_id])
        if "liability" in filled:  # a chargeback found to be payment fraud is no defect
            defects_refresh(account_id=claim.account_id, source=DEFECT_SOURCE, refs=[claim.pk])
    return claim


def _case_to(claim: Claim, status: str, actor: AbstractBaseUser | None) -> None:
    case = claim.case
    case.refresh_from_db(fields=["status"])
    if case.status != status:
        case_transition(case=case, to=status, actor=actor)


# --- the agent's answer ------------------------------------------------------------------


def _full_refund(claim: Claim) -> Decimal | None:
    if claim.amount is not None:
        return claim.amount
    order = claim.case.order
    return order.order_total if order is not None else None


@transaction.atomic
def claim_respond(
    *,
    claim: Claim,
    response: str,
    statement: str = "",
    refund_amount: Decimal | None = None,
    actor: AbstractBaseUser | None,
    at: datetime | None = None,
) -> Claim:
    """Record the agent's answer to Amazon: evidence (a chargeback's representation) with the
    statement they sent, or a refund (in full or, for an A-to-z claim, in part). It meets the
    case's response clocks; the case then waits for Amazon."""
    at = at or timezone.now()
    if response not in RESPONSES[claim.kind]:
        raise ValidationError(f"{Response(response).label} is no answer to a {claim.get_kind_display().lower()}.")
    statement = statement.strip()
    if response not in REFUNDS and not statement:
        raise ValidationError("Write the statement you sent to Amazon: it is the record of your answer.")
    if response in REFUNDS:
        full = _full_refund(claim)
        if response == Response.REFUND_FULL:
            refund_amount = full if refund_amount is None else refund_amount
            if refund_amount is None:
                raise ValidationError("Neither the claim nor the order says what a full refund is: enter the amount.")
        elif refund_amount is None or refund_amount <= 0:
            raise ValidationError("A partial refund needs the amount refunded.")
        elif full is not None and refund_amount >= full:
            raise ValidationError(f"A partial refund is less than the full {full}: choose a full refund instead.")
    else:
        refund_amount = None
    claim = transition(
        claim,
        to=ClaimStatus.REFUNDED if response in REFUNDS else ClaimStatus.RESPONDED,
        transitions=CLAIM_TRANSITIONS,
        refusal=lambda c, to: f"This claim is {c.get_status_display().lower()}: there is nothing to answer.",
        also={
            "response": response,
            "responded_at": at,
            "responded_by": actor if actor is not None and actor.is_authenticated else None,
            "refund_amount": refund_amount,
            **({"statement": statement} if statement else {}),
        },
        verb="claim.responded",
        summary=Response(response).label + (f": {refund_amount} {claim.currency}".rstrip() if refund_amount else ""),
        actor=actor,
        case=lambda c: c.case,
        account=lambda c: c.account,
        after={"response": response, "refund_amount": str(refund_amount) if refund_amount is not None else None},
        related=["case__order", "account"],
    )
    case_clocks_meet(case=claim.case, at=at, actor=actor, kinds=RESPONSE_CLOCKS)
    search_pending_mark(case_ids=[claim.case_id])
    _case_to(claim, CaseStatus.WAITING, actor)
    return claim


@transaction.atomic
def claim_statement_save(*, claim: Claim, statement: str, actor: AbstractBaseUser | None) -> Claim:
    """Keep the agent's edit of the statement for Seller Central's response form."""
    claim = Claim.objects.select_for_update(of=("self",)).select_related("case", "account").get(pk=claim.pk)
    claim.statement = statement.strip()
    claim.save(update_fields=["statement", "updated_at"])
    search_pending_mark(case_ids=[claim.case_id])
    audit(verb="claim.statement_saved", summary="Statement for Amazon saved", actor=actor, case=claim.case)
    return claim


# --- Amazon's side -----------------------------------------------------------------------


@transaction.atomic
def claim_information_requested(
    *, claim: Claim, at: datetime, due_at: datetime | None, actor: AbstractBaseUser | None = None
) -> Claim:
    """Amazon (or the card issuer through Amazon) asks for more: the claim is ours to answer
    again, on a new clock due when the request says (the account's default when it says nothing)."""
    kind = INFORMATION_CLOCK[claim.kind]
    running = claim.case.deadlines.filter(kind=kind, state__in=UNMET_STATES)
    if due_at is not None and running.filter(policy_snapshot__stated_due_at=due_at.isoformat()).exists():
        return claim  # the same request, sent twice
    if claim.status in {ClaimStatus.RESPONDED, ClaimStatus.REFUNDED}:
        claim = transition(
            claim,
            to=ClaimStatus.OPEN,
            transitions=CLAIM_TRANSITIONS,
            verb="claim.information_requested",
            summary="Amazon asks for more information",
            actor=actor,
            case=lambda c: c.case,
            account=lambda c: c.account,
            related=["case", "account"],
        )
    _case_to(claim, CaseStatus.OPEN, actor)
    deadline_start(case=claim.case, kind=kind, started_at=at, due_at=due_at, actor=actor)
    return claim


@transaction.atomic
def claim_decide(
    *,
    claim: Claim,
    outcome: str,
    at: datetime,
    amount: Decimal | None = None,
    actor: AbstractBaseUser | None = None,
    source: str = "",
) -> Claim:
    """Record Amazon's decision. A response clock still running is cancelled: there is nothing
    left to answer. A decision charged to the seller keeps (or puts) the case open with the appeal
    window's clock; any other closes it. The same decision twice changes nothing."""
    if outcome == Outcome.PENDING or outcome not in Outcome.values:
        raise ValidationError("Choose Amazon's decision.")
    if claim.status == ClaimStatus.DECIDED and claim.outcome == outcome:
        if amount is not None and claim.outcome_amount is None:
            Claim.objects.filter(pk=claim.pk).update(outcome_amount=amount)
        return claim
    claim = transition(
        claim,
        to=ClaimStatus.DECIDED,
        transitions=CLAIM_TRANSITIONS,
        also={
            "outcome": outcome,
            "outcome_amount": amount if amount is not None else claim.outcome_amount,
            "decided_at": at,
        },
        verb="claim.decided",
        summary=f"Amazon's decision: {Outcome(outcome).label.lower()}"
        + (f", {amount} {claim.currency}".rstrip() if amount is not None else "")
        + (f" ({source})" if source else ""),
        actor=actor,
        case=lambda c: c.case,
        account=lambda c: c.account,
        after={"outcome": outcome, "amount": str(amount) if amount is not None else None},
        related=["case", "account"],
    )
    defects_refresh(account_id=claim.account_id, source=DEFECT_SOURCE, refs=[claim.pk])
    for unanswered in claim.case.deadlines.filter(kind__in=RESPONSE_CLOCKS, state__in=UNMET_STATES):
        deadline_cancel(deadline=unanswered, actor=actor, reason="Amazon decided")
    if outcome == Outcome.GRANTED_SELLER:
        _case_to(claim, CaseStatus.OPEN, actor)
        if not claim.case.deadlines.filter(kind=DECISION_APPEAL).exists():
            deadline_start(case=claim.case, kind=DECISION_APPEAL, started_at=at, actor=actor)
    else:
        claim.case.refresh_from_db(fields=["status"])
        if not claim.case.is_final:
            case_transition(case=claim.case, to=CaseStatus.CLOSED, actor=actor)
    return claim


@transaction.atomic
def claim_appeal(*, claim: Claim, note: str, actor: AbstractBaseUser | None, at: datetime | None = None) -> Claim:
    """The seller appeals a decision charged to them (for a chargeback: disputes the debit).
    It meets the appeal window's clock; the case waits for Amazon."""
    at = at or timezone.now()
    if not note.strip():
        raise ValidationError("Say what the appeal puts to Amazon.")
    if claim.outcome != Outcome.GRANTED_SELLER:
        raise InvalidTransition("Only a decision charged to you can be appealed.")
    claim = transition(
        claim,
        to=ClaimStatus.APPEALED,
        transitions=CLAIM_TRANSITIONS,
        refusal=lambda c, to: f"This claim is {c.get_status_display().lower()}: it cannot be appealed now.",
        also={"appealed_at": at, "appeal_note": note.strip()},
        verb="claim.appealed",
        summary="Debit disputed with Amazon" if claim.kind == ClaimKind.CHARGEBACK else "Decision appealed to Amazon",
        actor=actor,
        case=lambda c: c.case,
        account=lambda c: c.account,
        related=["case", "account"],
    )
    case_clocks_meet(case=claim.case, at=at, actor=actor, kinds=[DECISION_APPEAL])
    search_pending_mark(case_ids=[claim.case_id])
    _case_to(claim, CaseStatus.WAITING, actor)
    return claim


@transaction.atomic
def claim_accept(*, claim: Claim, actor: AbstractBaseUser | None) -> Claim:
    """The seller lets a decision charged to them stand: the case closes (its appeal clock cancelled)."""
    claim = Claim.objects.select_for_update(of=("self",)).select_related("case", "account").get(pk=claim.pk)
    if claim.status != ClaimStatus.DECIDED:
        raise InvalidTransition("Only a decided claim can be accepted.")
    audit(verb="claim.accepted", summary="Decision accepted: no appeal", actor=actor, case=claim.case)
    _case_to(claim, CaseStatus.CLOSED, actor)
    return claim


# --- evidence and the no-show playbook ---------------------------------------------------


@transaction.atomic
def claim_tracking_record(
    *, claim: Claim, delivered_at: datetime | None, signed_by: str, actor: AbstractBaseUser | None
) -> Claim:
    """What the carrier's tracking shows, as an agent read it: delivered when, signed by whom."""
    claim = Claim.objects.select_for_update(of=("self",)).select_related("case", "account").get(pk=claim.pk)
    if delivered_at is not None and delivered_at > timezone.now():
        raise ValidationError("A delivery cannot be in the future.")
    before = {
        "delivered_at": claim.carrier_delivered_at.isoformat() if claim.carrier_delivered_at else None,
        "signed_by": claim.signed_by,
    }
    claim.carrier_delivered_at, claim.signed_by = delivered_at, signed_by.strip()
    claim.save(update_fields=["carrier_delivered_at", "signed_by", "updated_at"])
    local = timezone.localtime(delivered_at, claim.account.tzinfo) if delivered_at else None
    audit(
        verb="claim.tracking",
        summary="Carrier tracking recorded: "
        + (f"delivered {local:%d %b %Y %H:%M}" if local else "no delivery")
        + (f", signed by {claim.signed_by}" if claim.signed_by else ""),
        actor=actor,
        case=claim.case,
        before=before,
        after={"delivered_at": delivered_at.isoformat() if delivered_at else None, "signed_by": claim.signed_by},
    )
    return claim


@transaction.atomic
def claim_follow_up_start(*, claim: Claim, actor: AbstractBaseUser | None, at: datetime | None = None) -> Claim:
    """The agent follows the no-show playbook: the buyer is asked to look, and a clock says when to
    come back to it."""
    at = at or timezone.now()
    claim = Claim.objects.select_for_update(of=("self",)).select_related("case", "account").get(pk=claim.pk)
    if claim.follow_up_started_at is not None:
        raise InvalidTransition("The no-show playbook is already under way.")
    if claim.case.is_final:
        raise InvalidTransition("This case is closed.")
    claim.follow_up_started_at = at
    claim.save(update_fields=["follow_up_started_at", "updated_at"])
    audit(verb="claim.follow_up_started", summary="No-show playbook started", actor=actor, case=claim.case)
    deadline_start(case=claim.case, kind=NO_SHOW_FOLLOW_UP, started_at=at, actor=actor)
    return claim


@transaction.atomic
def claim_follow_up_done(*, claim: Claim, note: str, actor: AbstractBaseUser | None) -> Claim:
    """The agent came back to the buyer: the follow-up clock is met, with what they found."""
    if not note.strip():
        raise ValidationError("Say what came of the follow-up.")
    met = case_clocks_meet(case=claim.case, at=timezone.now(), actor=actor, kinds=[NO_SHOW_FOLLOW_UP])
    if not met:
        raise InvalidTransition("No follow-up is running on this claim.")
    audit(verb="claim.followed_up", summary=f"Followed up: {note.strip()}", actor=actor, case=claim.case)
    return claim
