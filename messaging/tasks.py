from datetime import timedelta

from celery import shared_task
from django.utils import timezone

from helpdesk.models import SellerAccount

from .models import InboundMail, Mailbox, MailStatus
from .services import BATCH_SIZE, inbound_process_many, mailbox_poll, notices_hand_over_due
from .services.retention import mail_purge

# Mail stored but not read this long after arrival lost its reading task (a worker
# died, Redis was flushed): the beat queues it again.
STALE_AFTER = timedelta(minutes=5)


@shared_task(ignore_result=True)
def poll_mailboxes() -> int:
    """Beat runs this every minute: one poll task per enabled mailbox, and a new
    reading task for any mail whose reading was lost."""
    mailbox_ids = list(Mailbox.objects.filter(enabled=True).values_list("id", flat=True))
    for mailbox_id in mailbox_ids:
        poll_mailbox.delay(mailbox_id)
    stale = list(
        InboundMail.objects.filter(status=MailStatus.RECEIVED, arrived_at__lt=timezone.now() - STALE_AFTER)
        .order_by("id")
        .values_list("id", flat=True)[:10_000]
    )
    for start in range(0, len(stale), BATCH_SIZE):
        read_mail.delay(stale[start : start + BATCH_SIZE])
    return len(mailbox_ids)


@shared_task(ignore_result=True)
def poll_mailbox(mailbox_id: int) -> int:
    mailbox = Mailbox.objects.select_related("account").filter(pk=mailbox_id, enabled=True).first()
    if mailbox is None:
        return 0
    return mailbox_poll(mailbox=mailbox, on_stored=queue_reading).stored


def queue_reading(mail_ids: list[int]) -> None:
    for start in range(0, len(mail_ids), BATCH_SIZE):
        read_mail.delay(mail_ids[start : start + BATCH_SIZE])


@shared_task(ignore_result=True, acks_late=True)
def read_mail(mail_ids: list[int]) -> int:
    """Idempotent: a mail already read is left alone."""
    return len(inbound_process_many(mail_ids=mail_ids))


@shared_task(ignore_result=True)
def hand_over_notices() -> int:
    """Beat runs this every minute: notices whose hand-over to their app failed, or was lost, are tried again."""
    return notices_hand_over_due()


@shared_task(ignore_result=True)
def purge_mail() -> int:
    """Beat runs this daily: every account's buyer mail past its retention period (idempotent)."""
    accounts = list(SellerAccount.objects.order_by("id"))
    for account in accounts:
        mail_purge(account=account)
    return len(accounts)
