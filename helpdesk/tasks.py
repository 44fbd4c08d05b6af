import time

from celery import shared_task
from django.conf import settings

from helpdesk.models import SellerAccount
from helpdesk.services.deadlines import deadlines_sweep
from helpdesk.services.imports import import_job_run
from helpdesk.services.notifications import notifications_deliver
from helpdesk.services.retention import personal_data_purge
from helpdesk.services.search import search_pending_index
from helpdesk.services.summary import summary_recipient_ids, weekly_summary_send
from helpdesk.spapi.client import TransientSpApiError
from helpdesk.spapi.reports import ReportRefused, health_fetch_step
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


@shared_task(ignore_result=True, soft_time_limit=120, time_limit=180)
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


# An import of a large report (up to IMPORT_MAX_BYTES expanded) and a purge of every account take long; the
# rest keeps the settings' default limits (CELERY_TASK_SOFT_TIME_LIMIT, CELERY_TASK_TIME_LIMIT).
@shared_task(ignore_result=True, acks_late=True, soft_time_limit=3300, time_limit=3600)
def run_import(job_id: int) -> None:
    """Idempotent: a job already running or done is left alone."""
    import_job_run(job_id=job_id)


@shared_task(ignore_result=True, soft_time_limit=3300, time_limit=3600)
def purge_personal_data() -> int:
    """Beat runs this daily: every account's buyer data past its retention period, the core's and every
    app's (idempotent)."""
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
    soft_time_limit=900,  # days of orders, a page at a time, throttled by Amazon
    time_limit=960,
)
def sync_account_orders(self, account_id: int) -> None:
    """Queued by the hourly `sync_orders` and by an admin's "Sync orders now"."""
    account = SellerAccount.objects.filter(id=account_id).first()
    if account is not None:
        order_sync(
            account=account, attempt=self.request.retries + 1, final_attempt=self.request.retries >= self.max_retries
        )


HEALTH_POLL_S = 30
HEALTH_MAX_POLLS = 40  # twenty minutes for Amazon to make the report


@shared_task(bind=True, ignore_result=True, autoretry_for=(TransientSpApiError,), retry_backoff=60, max_retries=5)
def fetch_account_health(self, account_id: int, report_id: str = "", polls: int = 0) -> None:
    """Queued by a manager's "Fetch from Amazon": ask for the report, then look again every
    30 seconds until it is ready and imported, or Amazon refuses it (audited)."""
    account = SellerAccount.objects.filter(id=account_id).first()
    if account is None:
        return
    try:
        step = health_fetch_step(account=account, report_id=report_id)
    except ReportRefused:
        return
    if step.report_id and polls < HEALTH_MAX_POLLS:
        fetch_account_health.apply_async((account_id, step.report_id, polls + 1), countdown=HEALTH_POLL_S)


@shared_task(ignore_result=True)
def send_weekly_summaries() -> int:
    """Beat runs this on Monday mornings: one summary task per manager who wants it."""
    user_ids = summary_recipient_ids()
    for user_id in user_ids:
        send_weekly_summary.delay(user_id)
    return len(user_ids)


@shared_task(ignore_result=True, autoretry_for=(OSError,), retry_backoff=300, max_retries=5)
def send_weekly_summary(user_id: int) -> bool:
    """Idempotent: a summary already sent this week is not sent again."""
    return weekly_summary_send(user_id=user_id)
