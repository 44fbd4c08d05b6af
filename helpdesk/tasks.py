from celery import shared_task
from django.conf import settings

from helpdesk.models import SellerAccount
from helpdesk.services.deadlines import deadlines_sweep
from helpdesk.services.imports import import_job_run
from helpdesk.services.notifications import notifications_deliver
from helpdesk.services.retention import personal_data_purge


@shared_task(ignore_result=True)
def sweep_deadlines() -> int:
    """Beat runs this every few seconds; any number may run at once."""
    result = deadlines_sweep(batch_size=settings.SWEEP_BATCH_SIZE)
    if result.total:
        deliver_notifications.delay()
    return result.total


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
