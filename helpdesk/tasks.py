from celery import shared_task
from django.conf import settings

from helpdesk.services.deadlines import deadlines_sweep
from helpdesk.services.imports import import_job_run
from helpdesk.services.notifications import notifications_deliver


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
