from datetime import timedelta

from celery import shared_task
from django.utils import timezone

from .models import Mailbox
from .services import BATCH_SIZE, inbound_claim_for_reading, inbound_process_many, mailbox_poll, notices_hand_over_due
from .services.reading import DATABASE_LOST

# A batch of mail is read in well under a second a mail (hostile mail included: docs/security.md); past these the
# worker stops it (soft: the batch rolls back and each mail is read alone; hard: the worker process is replaced).
READ_SOFT_TIME_LIMIT = 120
READ_TIME_LIMIT = 150
# While a reading task is queued or running, no second one is queued for its mails. Its lease outlasts the task's
# hard limit, so a running read always holds it; a read lost with its worker or a flushed Redis is queued again
# once the lease runs out. A read the database failed (a deadlock with the other reader of the same
# conversations, a restart) tries again within seconds, still holding the lease.
READ_LEASE = timedelta(minutes=5)
# Mail stored but not read this long after arrival lost its reading task (a worker
# died, Redis was flushed): the beat queues it again.
STALE_AFTER = READ_LEASE
STALE_LIMIT = 10_000


@shared_task(ignore_result=True)
def poll_mailboxes() -> int:
    """Beat runs this every minute: one poll task per enabled mailbox, and a new
    reading task for any mail whose reading was lost."""
    mailbox_ids = list(Mailbox.objects.filter(enabled=True).values_list("id", flat=True))
    for mailbox_id in mailbox_ids:
        poll_mailbox.delay(mailbox_id)
    stale = inbound_claim_for_reading(lease=READ_LEASE, arrived_before=timezone.now() - STALE_AFTER, limit=STALE_LIMIT)
    _queue(stale)
    return len(mailbox_ids)


@shared_task(ignore_result=True, soft_time_limit=300, time_limit=360)
def poll_mailbox(mailbox_id: int) -> int:
    """An IMAP poll fetches bounded batches (docs/architecture.md), over the network: minutes at most."""
    mailbox = Mailbox.objects.select_related("account").filter(pk=mailbox_id, enabled=True).first()
    if mailbox is None:
        return 0
    return mailbox_poll(mailbox=mailbox, on_stored=queue_reading).stored


def queue_reading(mail_ids: list[int]) -> None:
    """Queue the reading of newly stored mail, each mail once."""
    _queue(inbound_claim_for_reading(lease=READ_LEASE, mail_ids=mail_ids, limit=len(mail_ids)))


def _queue(mail_ids: list[int]) -> None:
    for start in range(0, len(mail_ids), BATCH_SIZE):
        read_mail.delay(mail_ids[start : start + BATCH_SIZE])


@shared_task(
    ignore_result=True,
    acks_late=True,
    soft_time_limit=READ_SOFT_TIME_LIMIT,
    time_limit=READ_TIME_LIMIT,
    autoretry_for=DATABASE_LOST,
    retry_backoff=1,
    retry_backoff_max=60,
    max_retries=8,
)
def read_mail(mail_ids: list[int]) -> int:
    """Idempotent: a mail already read is left alone."""
    return len(inbound_process_many(mail_ids=mail_ids))


@shared_task(ignore_result=True)
def hand_over_notices() -> int:
    """Beat runs this every minute: notices whose hand-over to their app failed, or was lost, are tried again."""
    return notices_hand_over_due()
