"""The order sync: the account's orders brought up to date from Amazon's Orders API, every hour
(`helpdesk.tasks.sync_orders`) and when an admin asks. This is the worker's side; it is
written through `orders_upsert`, the one writer of orders, and its state is kept on the
account's `AmazonConnection`."""

import re
from collections import Counter
from contextlib import closing
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from helpdesk.models import ORDER_SYNC_FAILURES, AmazonConnection, OrderSyncState, SellerAccount
from helpdesk.models.orders import ORDER_ID_RE
from helpdesk.services.audit import audit
from helpdesk.services.orders import OrderWrite, orders_upsert

from .client import SpApiError, TransientSpApiError
from .credentials import CredentialsUnreadable
from .orders import OrdersAccessDenied, orders_reader_for
from .selectors import amazon_connection_for
from .services import amazon_connection_locked

# One getOrders window: an hour in steady state, a day at a time while catching up.
ORDER_SYNC_WINDOW = timedelta(days=1)
# Amazon wants LastUpdatedBefore at least two minutes in the past; five leaves room for clock skew.
ORDER_SYNC_LAG = timedelta(minutes=5)
# A first sync reads back this far: orders delivered up to 30 days ago were last updated (shipped) before that.
ORDER_SYNC_BACKFILL = timedelta(days=45)


@dataclass(frozen=True)
class OrderSyncResult:
    state: OrderSyncState
    message: str


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
    connection = amazon_connection_for(account)
    try:
        reader = orders_reader_for(connection)
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
    start = connection.orders_synced_until or now - ORDER_SYNC_BACKFILL
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
    AmazonConnection.objects.get_or_create(account=account)
    AmazonConnection.objects.filter(account=account).filter(
        Q(orders_synced_until__isnull=True) | Q(orders_synced_until__lt=until)
    ).update(orders_synced_until=until, updated_at=timezone.now())


@transaction.atomic
def _order_sync_record(*, account: SellerAccount, state: OrderSyncState, message: str) -> OrderSyncResult:
    """Note the sync's result on the account's connection; a failure, and the recovery from one,
    also in the audit log."""
    connection = amazon_connection_locked(account)
    before = connection.order_sync_state
    connection.order_sync_state, connection.order_sync_message = state, message[:1000]
    connection.order_sync_at = timezone.now()
    connection.save(update_fields=["order_sync_state", "order_sync_message", "order_sync_at", "updated_at"])
    failing, recovered = state in ORDER_SYNC_FAILURES, before in ORDER_SYNC_FAILURES and state == OrderSyncState.OK
    if (failing and before != state) or recovered:
        shown = connection.get_order_sync_state_display()
        audit(
            verb=f"solicitation.order_sync_{state}",
            summary=f"Order sync from Amazon for {account.name}: {shown} — {message}",
            account=account,
            before={"state": before},
            after={"state": state},
        )
    return OrderSyncResult(state=state, message=message)
