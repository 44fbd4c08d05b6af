"""The Finances sync: Amazon's guarantee-claim and chargeback events, read every hour
(`claims.tasks.sync_finances`) through the account's SP-API connection. This is the worker's
side. Each event is stored as Amazon sent it (once: by its hash) before it is applied: it
finds its claim (or opens it, with a note that no notice mail told us of it) and records what
Amazon took, the final debit; a debit is a decision charged to the seller, a later credit
that makes it whole a decision in the seller's favour. State and cursor on `FinancesSync`,
failures handled as the order sync handles them.
"""

from contextlib import closing
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal

from django.db import transaction
from django.db.models import Q, Sum
from django.utils import timezone

from helpdesk.models import SellerAccount
from helpdesk.services.audit import audit
from helpdesk.spapi.client import SpApiError, TransientSpApiError
from helpdesk.spapi.credentials import CredentialsUnreadable
from helpdesk.spapi.selectors import amazon_connection_for

from ..finances import FinancesAccessDenied, ReadEvent, finances_reader_for
from ..kinds import ATOZ, CHARGEBACK
from ..models import ClaimSource, FinancesEvent, FinancesList, FinancesSync, FinancesSyncState, Outcome
from .claims import ClaimFacts, claim_decide, claim_open

# One listFinancialEvents window: 30 days while catching up (Amazon allows 180).
FINANCES_WINDOW = timedelta(days=30)
# PostedBefore at least two minutes in the past, as Amazon asks; five leave room for clock skew.
FINANCES_LAG = timedelta(minutes=5)
# A first sync reads back this far: a chargeback may be debited 90 days after it was represented.
FINANCES_BACKFILL = timedelta(days=120)
FAILURES = frozenset({FinancesSyncState.AUTH_FAILED, FinancesSyncState.ERROR})
KIND_OF = {FinancesList.GUARANTEE_CLAIM: ATOZ, FinancesList.CHARGEBACK: CHARGEBACK}


@dataclass(frozen=True)
class FinancesSyncResult:
    state: str
    message: str


def finances_sync(*, account: SellerAccount, attempt: int = 1, final_attempt: bool = True) -> FinancesSyncResult:
    """Read the account's claim and chargeback events posted since its cursor, window by window,
    store each, apply it to its claim, and record how it went. A transient failure is recorded
    as retrying and re-raised for the task to retry (an error on the final attempt); refused
    credentials are an authorization failure, never retried."""
    try:
        reader = finances_reader_for(amazon_connection_for(account))
    except CredentialsUnreadable as exc:
        return _record(account=account, state=FinancesSyncState.AUTH_FAILED, message=str(exc))
    if reader is None:
        return _record(
            account=account,
            state=FinancesSyncState.ERROR,
            message="No SP-API credentials configured: Finances events cannot be read from Amazon.",
        )
    sync = FinancesSync.objects.filter(account=account).first()
    now = timezone.now()
    until = now - FINANCES_LAG
    start = (sync.synced_until if sync else None) or now - FINANCES_BACKFILL
    stored = applied = 0
    try:
        while start < until:
            end = min(start + FINANCES_WINDOW, until)
            pages = reader.pages(marketplace_id=account.marketplace_id, posted_after=start, posted_before=end)
            with closing(pages):
                for page in pages:
                    stored += finances_events_store(account=account, events=page)
            applied += finances_events_apply(account=account)
            _cursor_advance(account=account, until=end)
            start = end
    except TransientSpApiError as exc:
        failure = f"{exc.http_status or 'no answer'} {exc.code}: {exc.message}"
        if not final_attempt:
            _record(account=account, state=FinancesSyncState.RETRYING, message=f"Attempt {attempt} failed: {failure}")
            raise
        return _record(
            account=account, state=FinancesSyncState.ERROR, message=f"Gave up after {attempt} attempts: {failure}"
        )
    except FinancesAccessDenied as exc:
        return _record(
            account=account,
            state=FinancesSyncState.AUTH_FAILED,
            message=f"{exc.http_status or ''} {exc.code}: {exc.message}".strip(),
        )
    except SpApiError as exc:
        return _record(
            account=account, state=FinancesSyncState.ERROR, message=f"{exc.http_status} {exc.code}: {exc.message}"
        )
    return _record(
        account=account,
        state=FinancesSyncState.OK,
        message=f"Claim and chargeback events read: {stored} new, {applied} applied to their claims",
    )


def finances_events_store(*, account: SellerAccount, events: list[ReadEvent]) -> int:
    """Store the events as Amazon sent them; one already stored (an overlapping window) is left
    alone. Returns how many were new."""
    rows = [
        FinancesEvent(
            account=account,
            event_list=event.event_list,
            key=event.key,
            raw=event.raw,
            amazon_order_id=event.amazon_order_id,
            posted_at=event.posted_at,
            charged=event.charged,
            fees=event.fees,
            currency=event.currency,
        )
        for event in events
    ]
    before = FinancesEvent.objects.filter(account=account).count()
    FinancesEvent.objects.bulk_create(rows, ignore_conflicts=True)
    return FinancesEvent.objects.filter(account=account).count() - before


def finances_events_apply(*, account: SellerAccount) -> int:
    """Apply every stored event not applied yet, oldest first, each in its own transaction."""
    applied = 0
    pending = FinancesEvent.objects.filter(account=account, applied_at__isnull=True, problem="")
    for event_id in pending.order_by("posted_at", "id").values_list("id", flat=True):
        applied += finances_event_apply(event_id=event_id)
    return applied


@transaction.atomic
def finances_event_apply(*, event_id: int) -> int:
    """Apply one stored event to its claim (opened if no notice told us of it). Returns 1 if applied."""
    event = (
        FinancesEvent.objects.select_for_update(skip_locked=True)
        .select_related("account")
        .filter(pk=event_id, applied_at__isnull=True)
        .first()
    )
    if event is None:
        return 0
    if not event.amazon_order_id or event.posted_at is None:
        event.problem = "The event names no order or no posting date."
        event.save(update_fields=["problem"])
        return 0
    claim, opened = claim_open(
        account=event.account,
        kind=KIND_OF[event.event_list],
        amazon_order_id=event.amazon_order_id,
        claimed_at=event.posted_at,
        source=ClaimSource.FINANCES,
        facts=ClaimFacts(amount=-event.charged if event.charged < 0 else None, currency=event.currency),
        response_clock=False,
    )
    if opened:
        audit(
            verb="claim.opened_from_finances",
            summary=f"Opened from Amazon's Finances API: a {event.get_event_list_display().lower()} event posted "
            f"{timezone.localtime(event.posted_at, event.account.tzinfo):%d %b %Y} for order {event.amazon_order_id}; "
            "no notice mail told us of it",
            case=claim.case,
        )
    event.claim, event.applied_at = claim, timezone.now()
    event.save(update_fields=["claim", "applied_at"])
    net = FinancesEvent.objects.filter(claim=claim).aggregate(
        charged=Sum("charged", default=Decimal(0)), fees=Sum("fees", default=Decimal(0))
    )
    debited = -(net["charged"] + net["fees"])
    claim.debited = debited
    claim.save(update_fields=["debited", "updated_at"])
    audit(
        verb="claim.finances_event",
        summary=f"Amazon's Finances: {event.charged} {event.currency} charged, {event.fees} fees given back "
        f"({event.posted_at:%d %b %Y}); {debited} {event.currency} debited in all",
        case=claim.case,
        after={"event": event.pk, "charged": str(event.charged), "fees": str(event.fees), "debited": str(debited)},
    )
    if debited > 0 and claim.outcome != Outcome.GRANTED_SELLER:
        claim_decide(
            claim=claim, outcome=Outcome.GRANTED_SELLER, at=event.posted_at, amount=debited, source="Finances event"
        )
    elif debited <= 0 and claim.outcome == Outcome.GRANTED_SELLER:
        claim_decide(claim=claim, outcome=Outcome.DENIED, at=event.posted_at, source="Finances: debit credited back")
    return 1


def _cursor_advance(*, account: SellerAccount, until: datetime) -> None:
    """Move the cursor forward to `until`, never back (two syncs may overlap)."""
    FinancesSync.objects.get_or_create(account=account)
    FinancesSync.objects.filter(account=account).filter(
        Q(synced_until__isnull=True) | Q(synced_until__lt=until)
    ).update(synced_until=until)


@transaction.atomic
def _record(*, account: SellerAccount, state: str, message: str) -> FinancesSyncResult:
    """Note the sync's result; a failure, and the recovery from one, also in the audit log."""
    FinancesSync.objects.get_or_create(account=account)
    sync = FinancesSync.objects.select_for_update().get(account=account)
    before = sync.state
    sync.state, sync.message, sync.synced_at = state, message[:1000], timezone.now()
    sync.save(update_fields=["state", "message", "synced_at"])
    if (state in FAILURES and before != state) or (before in FAILURES and state == FinancesSyncState.OK):
        audit(
            verb=f"claims.finances_sync_{state}",
            summary=f"Finances sync from Amazon for {account.name}: {sync.get_state_display()} — {message}",
            account=account,
            before={"state": before},
            after={"state": state},
        )
    return FinancesSyncResult(state=state, message=message)
