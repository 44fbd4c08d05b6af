import time

from celery import shared_task
from django.conf import settings

from helpdesk.models import SellerAccount
from helpdesk.services.deadlines import deadlines_sweep
from helpdesk.services.imports import import_job_run
from helpdesk.services.notifications import notifications_deliver
from helpdesk.services.retention import personal_data_purge
from helpdesk.services.search import search_pending_index
from helpdesk.spapi.client import TransientSpApiError
from helpdesk.spapi.selectors import connected_account_ids
from helpdesk.spapi.sync import order_sync

INDEX_RUN_S = 60  # one index-search run's share of a worker, well inside its time limit
# Backoff 60 s, 120 s, ... capped at an hour, with jitter: 6 attempts over about an hour.
SYNC_MAX_RETRIES = 5


@shared_task(ignore_result=True)
def sweep_deadlines() -> int:
    """Beat runs this every few seconds; any number may run at once."""
    result = deadlines_sweep(batch_size=settings.SWEEP_BATCH_SIZE)
    if result.total:
        deliver_notifications.delay()
    return result.total


@shared_task(ignore_result=True, time_limit=300)
def index_search() -> int:
    """Beat runs this every few seconds: the search rows of cases whose text changed, in batches,
    until none is left or a minute has passed (the next run goes on; any number may run at once)."""
    total, stop = 0, time.monotonic() + INDEX_RUN_S
    while time.monotonic() < stop and (indexed := search_pending_index(batch_size=settings.SEARCH_BATCH_SIZE)):
        total += indexed
    return total


@shared_task(ignore_result=True)
def deliver_notifications() -> int:
    return notifications_deliver()


@shared_task(ignore_result=True, acks_late=True)
def run_import(job_id: int) -> None:
    """Idempotent: a job already running or done is left alone."""
    import_job_run(job_id=job_id)


@shared_task(ignore_result=True)
def purge_personal_data() -> int:
    """Beat runs this daily: every account's buyer data past its retention period (idempotent)."""
    accounts = list(SellerAccount.objects.order_by("id"))
    for account in accounts:
        personal_data_purge(account=account)
    return len(accounts)


@shared_task(ignore_result=True)
def sync_orders() -> int:
    """Beat runs this every hour: one order sync per account with SP-API credentials."""
    account_ids = connected_account_ids()
    for account_id in account_ids:
        sync_account_orders.delay(account_id)
    return len(account_ids)


@shared_task(
    bind=True,
    ignore_result=True,
    acks_late=True,  # reading orders and writing what Amazon says is idempotent
    autoretry_for=(TransientSpApiError,),
    retry_backoff=60,
    retry_backoff_max=3600,
    retry_jitter=True,
    max_retries=SYNC_MAX_RETRIES,
)
def sync_account_orders(self, account_id: int) -> None:
    """Queued by the hourly `sync_orders` and by an admin's "Sync orders now"."""
    account = SellerAccount.objects.filter(id=account_id).first()
    if account is not None:
        order_sync(
            account=account, attempt=self.request.retries + 1, final_attempt=self.request.retries >= self.max_retries
        )
