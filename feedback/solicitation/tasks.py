"""The daily run and the hourly order sync. Sending one request is `sending.send_solicitation`,
which the run queues: it sits below the services, so nothing here is imported back."""

from celery import shared_task
from django.utils import timezone

from helpdesk.models import SellerAccount

from .selectors import active_account_ids, order_sync_account_ids
from .services import order_sync, solicitation_run
from .spapi import TransientSpApiError

# Backoff 60 s, 120 s, ... capped at an hour, with jitter: 6 attempts over about an hour.
SYNC_MAX_RETRIES = 5


@shared_task(ignore_result=True)
def solicit_daily() -> int:
    """Beat runs this once a day: one run per account that is not paused."""
    account_ids = active_account_ids()
    for account_id in account_ids:
        solicit_account.delay(account_id)
    return len(account_ids)


@shared_task(ignore_result=True)
def solicit_account(account_id: int) -> None:
    """Today's batch for one account, "today" in the account's timezone."""
    account = SellerAccount.objects.filter(id=account_id).first()
    if account is not None:
        solicitation_run(account=account, on_date=timezone.localdate(timezone=account.tzinfo))


@shared_task(ignore_result=True)
def sync_orders() -> int:
    """Beat runs this every hour: one order sync per account with SP-API credentials."""
    account_ids = order_sync_account_ids()
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
    account = SellerAccount.objects.filter(id=account_id).first()
    if account is not None:
        order_sync(
            account=account, attempt=self.request.retries + 1, final_attempt=self.request.retries >= self.max_retries
        )
