from celery import shared_task

from helpdesk.models import SellerAccount

from .services import problems_detect


@shared_task(ignore_result=True, soft_time_limit=300, time_limit=360)
def detect_all() -> int:
    """Every account's order problems, as time passes (an order nears or passes its latest ship date
    without new data). Returns how many accounts were looked at."""
    ids = list(SellerAccount.objects.order_by("id").values_list("id", flat=True))
    for account_id in ids:
        detect_account.delay(account_id)
    return len(ids)


@shared_task(ignore_result=True, acks_late=True, soft_time_limit=300, time_limit=360)
def detect_account(account_id: int) -> None:
    """One account's order problems, after its orders were imported or synced. Idempotent."""
    account = SellerAccount.objects.filter(pk=account_id).first()
    if account is not None:
        problems_detect(account=account)
