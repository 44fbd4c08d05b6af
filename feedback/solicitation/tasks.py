"""The daily run. Sending one request is `sending.send_solicitation`, which the run queues:
it sits below the services, so nothing here is imported back."""

from celery import shared_task
from django.utils import timezone

from helpdesk.models import SellerAccount

from .selectors import active_account_ids
from .services import solicitation_run


@shared_task(ignore_result=True)
def solicit_daily() -> int:
    """Beat runs this once a day: one run per account that is not paused."""
    account_ids = active_account_ids()
    for account_id in account_ids:
        solicit_account.delay(account_id)
    return len(account_ids)


@shared_task(ignore_result=True, soft_time_limit=900, time_limit=960)
def solicit_account(account_id: int) -> None:
    """Today's batch for one account, "today" in the account's timezone."""
    account = SellerAccount.objects.filter(id=account_id).first()
    if account is not None:
        solicitation_run(account=account, on_date=timezone.localdate(timezone=account.tzinfo))
