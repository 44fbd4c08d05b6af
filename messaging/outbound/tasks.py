from celery import shared_task
from django.utils import timezone

from .delivery import TRANSPORT_ERRORS, replies_confirm_answered, reply_send
from .selectors import replies_due_ids

MAX_RETRIES = 5


@shared_task(
    bind=True,
    ignore_result=True,
    autoretry_for=TRANSPORT_ERRORS,
    retry_backoff=30,
    retry_backoff_max=600,
    retry_jitter=True,
    max_retries=MAX_RETRIES,
)
def send_reply(self, reply_id: int) -> None:
    """Idempotent: the reply is claimed before it is sent, so a second run (a retry,
    a duplicate delivery, another worker) sends nothing."""
    reply_send(reply_id=reply_id, retry=self.request.retries < MAX_RETRIES)


@shared_task(ignore_result=True)
def deliver_due_replies(limit: int = 200) -> int:
    """Beat runs this: hands out again the replies whose task was lost or whose worker died."""
    due = replies_due_ids(now=timezone.now(), limit=limit)
    for reply_id in due:
        send_reply.delay(reply_id)
    return len(due)


@shared_task(ignore_result=True)
def confirm_answered_replies() -> int:
    """Beat runs this every minute: unconfirmed replies that mail read since proves delivered become sent."""
    return replies_confirm_answered()
