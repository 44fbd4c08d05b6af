"""Writes: settings, SKU exclusions, the daily run (which queues the sending of each
request: `sending`), and the order sync that brings Amazon's delivery estimates in."""

import re
from collections import Counter
from contextlib import closing
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from helpdesk.models import SellerAccount
from helpdesk.models.orders import ORDER_ID_RE
from helpdesk.services.audit import audit
from helpdesk.services.orders import OrderWrite, orders_upsert

from .credentials import FIELDS, CredentialsUnreadable, encrypt
from .models import ORDER_SYNC_FAILURES, OrderSyncState, SkuExclusion, SolicitationRequest, SolicitationSettings
from .orders_api import OrdersAccessDenied, orders_reader_for
from .selectors import queued_request_ids, solicitation_candidates, solicitation_settings_for
from .sending import send_solicitation
from .spapi import SpApiError, TransientSpApiError

RULE_FIELDS = ("window_start_days", "window_end_days", "max_sku_return_rate")
# One getOrders window: an hour in steady state, a day at a time while catching up.
ORDER_SYNC_WINDOW = timedelta(days=1)
# Amazon wants LastUpdatedBefore at least two minutes in the past; five leaves room for clock skew.
ORDER_SYNC_LAG = timedelta(minutes=5)
# A first sync reads back this far: orders delivered up to 30 days ago were last updated (shipped) before that.
ORDER_SYNC_BACKFILL = timedelta(days=45)


def _settings_locked(account: SellerAccount) -> SolicitationSettings:
    """The account's settings row, created with the defaults if needed, locked until the transaction ends."""
    SolicitationSettings.objects.get_or_create(account=account)
    return SolicitationSettings.objects.select_for_update().get(account=account)


# --- settings ------------------------------------------------------------


@transaction.atomic
def solicitation_pause(*, account: SellerAccount, paused: bool, actor: AbstractBaseUser) -> SolicitationSettings:
    """Pause (or resume) solicitation for the account. Pausing also holds requests still queued."""
    rules = _settings_locked(account)
    if rules.paused != paused:
        rules.paused = paused
        rules.save(update_fields=["paused", "updated_at"])
        audit(
            verb="solicitation.paused" if paused else "solicitation.resumed",
            summary=f"Review requests {'paused' if paused else 'resumed'} for {account.name}",
            actor=actor,
            account=account,
            before={"paused": not paused},
            after={"paused": paused},
        )
    return rules


@transaction.atomic
def solicitation_rules_update(
    *,
    account: SellerAccount,
    window_start_days: int,
    window_end_days: int,
    max_sku_return_rate: Decimal,
    actor: AbstractBaseUser,
) -> SolicitationSettings:
    rules = _settings_locked(account)
    values = {
        "window_start_days": window_start_days,
        "window_end_days": window_end_days,
        "max_sku_return_rate": max_sku_return_rate,
    }
    changed = [field for field in RULE_FIELDS if getattr(rules, field) != values[field]]
    if changed:
        before = {field: str(getattr(rules, field)) for field in changed}
        for field in changed:
            setattr(rules, field, values[field])
        rules.save(update_fields=[*changed, "updated_at"])
        audit(
            verb="solicitation.rules_changed",
            summary=f"Review request rules changed for {account.name}: {', '.join(changed)}",
            actor=actor,
            account=account,
            before=before,
            after={field: str(values[field]) for field in changed},
        )
    return rules


@transaction.atomic
def spapi_credentials_update(
    *,
    account: SellerAccount,
    actor: AbstractBaseUser,
    refresh_token: str = "",
    client_id: str = "",
    client_secret: str = "",
    clear: bool = False,
) -> list[str]:
    """Store the given credentials encrypted (a blank value keeps the stored one), or
    clear all three. Returns the names changed; the audit row names them, never their values."""
    rules = _settings_locked(account)
    values = {"refresh_token": refresh_token, "client_id": client_id, "client_secret": client_secret}
    changed = []
    for name, (field, _setting) in FIELDS.items():
        new = "" if clear else values[name].strip()
        if (clear and getattr(rules, field)) or (not clear and new):
            setattr(rules, field, encrypt(new))
            changed.append(name)
    if changed:
        rules.save(update_fields=[FIELDS[name][0] for name in changed] + ["updated_at"])
        action = "removed" if clear else "set"
        audit(
            verb="solicitation.credentials_changed",
            summary=f"SP-API credentials {action} for {account.name}: {', '.join(changed)}",
            actor=actor,
            account=account,
        )
    return changed


# --- SKU exclusions --------------------------------------------------------


@transaction.atomic
def sku_exclusion_add(*, account: SellerAccount, sku: str, reason: str, actor: AbstractBaseUser) -> SkuExclusion:
    sku = sku.strip()
    if SkuExclusion.objects.filter(account=account, sku=sku).exists():
        raise ValidationError(f"SKU {sku} is already excluded.")
    exclusion = SkuExclusion.objects.create(account=account, sku=sku, reason=reason.strip(), excluded_by=actor)
    audit(
        verb="solicitation.sku_excluded",
        summary=f"SKU {sku} excluded from review requests" + (f": {exclusion.reason}" if exclusion.reason else ""),
        actor=actor,
        account=account,
        after={"sku": sku, "reason": exclusion.reason},
    )
    return exclusion


@transaction.atomic
def sku_exclusion_remove(*, exclusion: SkuExclusion, actor: AbstractBaseUser) -> None:
    exclusion.delete()
    audit(
        verb="solicitation.sku_included",
        summary=f"SKU {exclusion.sku} no longer excluded from review requests",
        actor=actor,
        account=exclusion.account,
        before={"sku": exclusion.sku, "reason": exclusion.reason},
    )


# --- the run -----------------------------------------------------------------


@dataclass(frozen=True)
class RunResult:
    looked_at: int
    created: int
    queued: int


@transaction.atomic
def solicitation_run(*, account: SellerAccount, on_date: date, actor: AbstractBaseUser | None = None) -> RunResult:
    """Create a request for every included order and queue the sending of every queued request.

    Requests still queued from an earlier run (a lost task, a pause) are queued again.
    One run per account at a time; running it again creates nothing new.
    """
    rules = _settings_locked(account)  # serialises runs of one account
    if rules.paused:
        return RunResult(looked_at=0, created=0, queued=0)
    candidates = solicitation_candidates(account=account, on_date=on_date)
    created = SolicitationRequest.objects.bulk_create(
        [SolicitationRequest(account=account, order=c.order, created_by=actor) for c in candidates if c.included]
    )
    queued = queued_request_ids(account)
    for request_id in queued:
        send_solicitation.delay_on_commit(request_id)
    audit(
        verb="solicitation.run",
        summary=(
            f"Review requests for {on_date:%Y-%m-%d}: {len(created)} new of {len(candidates)} orders looked at, "
            f"{len(queued)} queued for sending"
        ),
        actor=actor,
        account=account,
        after={"on_date": on_date.isoformat(), "created": len(created), "queued": len(queued)},
    )
    return RunResult(looked_at=len(candidates), created=len(created), queued=len(queued))


# --- order sync ----------------------------------------------------------------


@dataclass(frozen=True)
class OrderSyncResult:
    state: OrderSyncState
    message: str


def order_sync_request(*, account: SellerAccount, actor: AbstractBaseUser) -> None:
    """Note that an admin asked for a sync now; the caller queues `tasks.sync_account_orders`."""
    audit(
        verb="solicitation.order_sync_requested",
        summary="Order sync from Amazon requested",
        actor=actor,
        account=account,
    )


def order_sync(*, account: SellerAccount, attempt: int = 1, final_attempt: bool = True) -> OrderSyncResult:
    """Bring the account's orders up to date from Amazon's Orders API, and record how it went.

    Reads the orders Amazon updated since the account's cursor, one window at a
    time up to a few minutes ago; after each window is read to its last page the
    cursor moves to the window's end. Orders we hold are updated (where we hold
    a newer state, only our blank fields are filled); orders we do not hold are
    created (their lines come with the next order report). A failure leaves the
    cursor at the end of the last window read whole.

    Amazon unavailable (429, 5xx, network): recorded as retrying and re-raised as
    `TransientSpApiError` for the task to retry, unless `final_attempt`: then
    recorded as an error. Refused credentials or access: recorded as an
    authorization failure, never retried.
    """
    rules = solicitation_settings_for(account)
    try:
        reader = orders_reader_for(rules)
    except CredentialsUnreadable as exc:
        return _order_sync_record(account=account, state=OrderSyncState.AUTH_FAILED, message=str(exc))
    if reader is None:
        return _order_sync_record(
            account=account,
            state=OrderSyncState.ERROR,
            message="No SP-API credentials configured: orders cannot be read from Amazon.",
        )
    now = timezone.now()
    until = now - ORDER_SYNC_LAG
    start = rules.orders_synced_until or now - ORDER_SYNC_BACKFILL
    counts: Counter[str] = Counter()
    try:
        while start < until:
            end = min(start + ORDER_SYNC_WINDOW, until)
            pages = reader.pages(marketplace_id=account.marketplace_id, updated_after=start, updated_before=end)
            with closing(pages):  # its HTTP client is closed even when writing a page fails
                for page in pages:
                    counts.update(_orders_write(account=account, orders=page))
                    counts["pages"] += 1
            _order_sync_cursor_advance(account=account, until=end)
            start = end
    except TransientSpApiError as exc:
        failure = f"{exc.http_status or 'no answer'} {exc.code}: {exc.message}"
        if not final_attempt:
            _order_sync_record(
                account=account, state=OrderSyncState.RETRYING, message=f"Attempt {attempt} failed: {failure}"
            )
            raise
        return _order_sync_record(
            account=account, state=OrderSyncState.ERROR, message=f"Gave up after {attempt} attempts: {failure}"
        )
    except OrdersAccessDenied as exc:
        return _order_sync_record(
            account=account,
            state=OrderSyncState.AUTH_FAILED,
            message=f"{exc.http_status or ''} {exc.code}: {exc.message}".strip(),
        )
    except SpApiError as exc:
        return _order_sync_record(
            account=account, state=OrderSyncState.ERROR, message=f"{exc.http_status} {exc.code}: {exc.message}"
        )
    return _order_sync_record(account=account, state=OrderSyncState.OK, message=_sync_summary(counts))


def _sync_summary(counts: Counter[str]) -> str:
    summary = (
        f"Orders updated: {counts['updated']}, created: {counts['created']}, unchanged: {counts['unchanged']} "
        f"({counts['pages']} page{'s' if counts['pages'] != 1 else ''} read)"
    )
    if counts["stale"]:
        summary += f"; {counts['stale']} held a newer update: only their blanks were filled"
    if counts["bad_id"]:
        summary += f"; {counts['bad_id']} skipped: not an Amazon order id"
    return summary


def _orders_write(*, account: SellerAccount, orders: list[OrderWrite]) -> Counter[str]:
    """Write one getOrders page into the account's orders; returns what happened to how many.
    Where we hold a newer state (from the order report, or an overlapping sync), only our blanks are filled."""
    incoming = {order.amazon_order_id: order for order in orders if re.fullmatch(ORDER_ID_RE, order.amazon_order_id)}
    written = orders_upsert(account=account, orders=list(incoming.values()), keep_newer=True)
    return Counter(
        created=len(written.created),
        updated=len(written.updated),
        unchanged=len(incoming) - len(written.created) - len(written.updated),
        stale=len(written.kept_newer),
        bad_id=len(orders) - len(incoming),
    )


def _order_sync_cursor_advance(*, account: SellerAccount, until: datetime) -> None:
    """Move the cursor forward to `until`, never back (two syncs may overlap)."""
    SolicitationSettings.objects.get_or_create(account=account)
    SolicitationSettings.objects.filter(account=account).filter(
        Q(orders_synced_until__isnull=True) | Q(orders_synced_until__lt=until)
    ).update(orders_synced_until=until, updated_at=timezone.now())


@transaction.atomic
def _order_sync_record(*, account: SellerAccount, state: OrderSyncState, message: str) -> OrderSyncResult:
    """Note the sync's result on the settings page; a failure, and the recovery from one, also in the audit log."""
    rules = _settings_locked(account)
    before = rules.order_sync_state
    rules.order_sync_state, rules.order_sync_message, rules.order_sync_at = state, message[:1000], timezone.now()
    rules.save(update_fields=["order_sync_state", "order_sync_message", "order_sync_at", "updated_at"])
    failing, recovered = state in ORDER_SYNC_FAILURES, before in ORDER_SYNC_FAILURES and state == OrderSyncState.OK
    if (failing and before != state) or recovered:
        audit(
            verb=f"solicitation.order_sync_{state}",
            summary=f"Order sync from Amazon for {account.name}: {rules.get_order_sync_state_display()} — {message}",
            account=account,
            before={"state": before},
            after={"state": state},
        )
    return OrderSyncResult(state=state, message=message)
