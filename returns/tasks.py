from celery import shared_task

from helpdesk.models import SellerAccount

from .figures import figures_refresh


@shared_task(ignore_result=True, acks_late=True, soft_time_limit=900, time_limit=960)
def refresh_figures(account_id: int, skus: list[str] | None = None) -> int:
    """Rewrite an account's returns figures (those of `skus`, if given). Idempotent: run twice, the same figures."""
    if not SellerAccount.objects.filter(pk=account_id).exists():
        return 0
    return figures_refresh(account_id=account_id, skus=skus)


@shared_task(ignore_result=True)
def refresh_all_figures() -> int:
    """Beat runs this hourly: the windows move with the days, and orders keep arriving."""
    account_ids = list(SellerAccount.objects.order_by("id").values_list("id", flat=True))
    for account_id in account_ids:
        refresh_figures.delay(account_id)
    return len(account_ids)
