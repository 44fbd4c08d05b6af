from celery import shared_task

from helpdesk.models import SellerAccount
from helpdesk.spapi.client import TransientSpApiError
from helpdesk.spapi.selectors import connected_account_ids

from .services.finances import finances_sync

# Backoff 60 s, 120 s, ... capped at an hour, with jitter, as the order sync: 6 attempts over about an hour.
SYNC_MAX_RETRIES = 5


@shared_task(ignore_result=True)
def sync_finances() -> int:
    """Beat runs this every hour: one Finances sync per account connected to Amazon."""
    account_ids = connected_account_ids()
    for account_id in account_ids:
        sync_account_finances.delay(account_id)
    return len(account_ids)


@shared_task(
    bind=True,
    ignore_result=True,
    acks_late=True,  # events are stored by their hash and applied once: idempotent
    autoretry_for=(TransientSpApiError,),
    retry_backoff=60,
    retry_backoff_max=3600,
    retry_jitter=True,
    max_retries=SYNC_MAX_RETRIES,
    soft_time_limit=900,  # days of financial events, a page at a time, throttled by Amazon
    time_limit=960,
)
def sync_account_finances(self, account_id: int) -> None:
    account = SellerAccount.objects.filter(id=account_id).first()
    if account is not None:
        finances_sync(
            account=account, attempt=self.request.retries + 1, final_attempt=self.request.retries >= self.max_retries
        )
