"""Delivering replies: the worker's side of the outbox.

A reply queued by `services.reply_queue` is claimed here with a conditional
update and a lease before the worker talks to the mail server, so the same reply
is sent once however many workers or retries run; a worker that dies after
claiming leaves the lease to expire and the delivery sweep to hand the row to
another worker. Sending meets the buyer-message clock at the time the agent
sent the reply, not the worker's. Amazon's delivery-failure notices come back
here too (`outbound_mark_bounced`, registered as their handler).
"""

import logging
import smtplib
from datetime import datetime, timedelta

from django.contrib.auth.models import AbstractBaseUser
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from helpdesk.services.lifecycle import case_clocks_meet, transition
from messaging.kinds import MESSAGE_RESPONSE
from messaging.models import DELIVERY_FAILURE_KINDS, InboundMail

from .models import REPLY_TRANSITIONS, Reply, ReplyStatus

logger = logging.getLogger(__name__)

MAILER = "default"
LEASE = timedelta(minutes=5)
# A queued reply's task normally runs within seconds; after this the delivery sweep hands it out again.
DISPATCH_GRACE = timedelta(minutes=2)
TRANSPORT_ERRORS = (smtplib.SMTPException, OSError)


@transaction.atomic
def reply_transition(
    *,
    reply: Reply,
    to: str,
    actor: AbstractBaseUser | None = None,
    attempt: int | None = None,
    error: str = "",
    next_attempt_at: datetime | None = None,
) -> Reply | None:
    """Move a reply through its status map, with its audit row. Moving to sent meets
    the buyer-message clocks started before the agent queued it, at that time.

    With `attempt`, the caller is the worker that claimed it: the move happens only
    while it still holds the lease (None if another worker took it over)."""
    reply = Reply.objects.select_for_update(of=("self",)).select_related("message__conversation__case").get(pk=reply.pk)
    if attempt is not None and (reply.status != ReplyStatus.SENDING or reply.attempts != attempt):
        logger.warning("reply %s: lease of attempt %s lost, outcome not recorded", reply.pk, attempt)
        return None
    now = timezone.now()
    error = error[:500]
    also: dict = {"error": error}
    if to == ReplyStatus.SENT:
        also["sent_at"] = now
    if to == ReplyStatus.QUEUED:
        also["next_attempt_at"] = next_attempt_at or now + DISPATCH_GRACE
    if reply.status == ReplyStatus.FAILED:
        # The retry button: the agent sends it again now, so the clock stops now if it goes out.
        also["queued_at"] = now
    summaries = {
        ReplyStatus.SENT: f"Reply sent to {reply.to_address}",
        ReplyStatus.FAILED: f"Reply could not be delivered: {error}",
        ReplyStatus.QUEUED: "Reply queued again" + (f" after an error: {error}" if error else ""),
    }
    reply = transition(
        reply,
        to=to,
        transitions=REPLY_TRANSITIONS,
        refusal=lambda r, to: f"A {r.get_status_display().lower()} reply cannot become {to}.",
        also=also,
        verb=f"reply.{to}",
        summary=summaries.get(to, ""),
        actor=actor,
        case=lambda r: r.message.conversation.case,
        after={"reply": reply.pk},
        locked=True,
    )
    if to == ReplyStatus.SENT:
        case_clocks_meet(
            case=reply.message.conversation.case,
            kinds=[MESSAGE_RESPONSE],
            started_by=reply.queued_at,
            at=reply.queued_at,
            actor=reply.message.author,
        )
    return reply


def reply_claim(*, reply_id: int, now: datetime | None = None) -> Reply | None:
    """Take a reply for sending: a queued one, or a sending one whose lease ran out.

    One conditional update: of any number of workers, one gets the row."""
    now = now or timezone.now()
    claimed = Reply.objects.filter(
        Q(status=ReplyStatus.QUEUED) | Q(status=ReplyStatus.SENDING, next_attempt_at__lte=now), pk=reply_id
    ).update(status=ReplyStatus.SENDING, next_attempt_at=now + LEASE, attempts=F("attempts") + 1)
    if not claimed:
        return None
    return Reply.objects.select_related("message").get(pk=reply_id)


def _email(reply: Reply) -> EmailMessage:
    headers = {"Message-ID": f"<{reply.email_message_id}>"}
    if reply.in_reply_to:
        headers["In-Reply-To"] = f"<{reply.in_reply_to}>"
        headers["References"] = f"<{reply.in_reply_to}>"
    email = EmailMessage(
        subject=reply.subject,
        body=reply.message.body_text,
        from_email=reply.from_address,
        to=[reply.to_address],
        headers=headers,
    )
    for attachment in reply.message.attachments.all():
        email.attach(attachment.filename, bytes(attachment.data), attachment.content_type)
    return email


def _retry_delay(attempts: int) -> timedelta:
    return timedelta(seconds=min(30 * 2 ** max(attempts - 1, 0), 600))


def reply_send(*, reply_id: int, retry: bool = False) -> Reply | None:
    """Claim the reply and send it through the mailer. Returns None when there was
    nothing to do (sent already, or another worker holds it).

    A transport error with `retry` puts it back in the queue and re-raises, for the
    task's autoretry; otherwise, or for any other error, the reply fails with the
    error shown on the thread and a retry button."""
    reply = reply_claim(reply_id=reply_id)
    if reply is None:
        return None
    attempt = reply.attempts
    try:
        _email(reply).send(using=MAILER)
    except Exception as exc:  # noqa: BLE001 - every error is recorded on the reply, none is lost
        error = f"{type(exc).__name__}: {exc}"
        if retry and isinstance(exc, TRANSPORT_ERRORS):
            reply_transition(
                reply=reply,
                to=ReplyStatus.QUEUED,
                attempt=attempt,
                error=error,
                next_attempt_at=timezone.now() + _retry_delay(attempt) + DISPATCH_GRACE,
            )
            raise
        logger.warning("reply %s failed: %s", reply.pk, error)
        return reply_transition(reply=reply, to=ReplyStatus.FAILED, attempt=attempt, error=error)
    return reply_transition(reply=reply, to=ReplyStatus.SENT, attempt=attempt)


def outbound_mark_bounced(*, mail: InboundMail) -> Reply | None:
    """The handler of Amazon's delivery-failure notices (a bounce or an opt-out): the reply fails,
    with the reason on the thread. Matched by the Message-ID the notice quotes, else
    by the relay address (the latest reply sent there before the notice). Idempotent."""
    if mail.kind not in DELIVERY_FAILURE_KINDS or mail.account_id is None:
        return None
    sent = Reply.objects.filter(account_id=mail.account_id, status=ReplyStatus.SENT)
    if mail.original_message_id:
        reply = sent.filter(email_message_id=mail.original_message_id).first()
    elif mail.relay_address:
        reply = (
            sent.filter(to_address__iexact=mail.relay_address, sent_at__lte=mail.received_at)
            .order_by("-sent_at", "-id")
            .first()
        )
    else:
        return None
    if reply is None:
        return None
    reason = f"Amazon did not deliver it ({mail.get_kind_display().lower()}): {mail.subject}"
    return reply_transition(reply=reply, to=ReplyStatus.FAILED, error=reason.strip().rstrip(":"))
