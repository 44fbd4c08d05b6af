"""Detection after the order data changes: an order report imported, an order sync finished.

The core runs both and names no app; this app listens for the rows that record their end (the import
job saved as done, the Amazon connection saved with the sync's result) and queues the account's
detection after that commit. No rule lives here: the task calls `services.problems_detect`."""

from helpdesk.importing import ORDERS_REPORT
from helpdesk.models import AmazonConnection, ImportJob, OrderSyncState

from .tasks import detect_account


def after_import(sender, instance: ImportJob, update_fields=None, **kwargs) -> None:
    if instance.kind == ORDERS_REPORT and instance.status == ImportJob.Status.DONE:
        detect_account.delay_on_commit(instance.account_id)


def after_sync(sender, instance: AmazonConnection, update_fields=None, **kwargs) -> None:
    if update_fields and "order_sync_state" in update_fields and instance.order_sync_state == OrderSyncState.OK:
        detect_account.delay_on_commit(instance.account_id)
