"""Delivering replies: the worker's side of the outbox.

A reply queued by `services.reply_queue` is claimed here with a conditional
update and a lease before the worker talks to the mail server, so the same reply
is sent once however many workers or retries run; a worker that dies after
claiming leaves the lease to expire and the delivery sweep to hand the row to
another worker. Sending meets the buyer-message clock at the time the agent
sent the reply, not the worker's. Amazon's delivery-failure notices come back
here too (`outbound_mark_bounced`, registered as their handler).

Sent once, not twice: the message carries the Message-ID stored when the agent
queued it, and the moment the worker starts handing the message itself to the
mail server (SMTP DATA) is committed on the row (`handed_at`, see
`helpdesk.mail`). An attempt that stops after that without an outcome (the
worker died, or the server's answer never came) may have delivered the reply:
the reply becomes *unconfirmed* and is not sent again by itself; the agent
confirms it or sends it again (docs/mail-trust-and-delivery.md). Mail read later
settles it when it can: a verified delivery failure naming it fails it
(`outbound_mark_bounced`), and a mail answering it, or the reply itself come back
into the mailbox, confirms it (`replies_confirm_answered`).
"""

import logging
import smtplib
from datetime import datetime, timedelta
from functools import partial

from django.contrib.auth.models import AbstractBaseUser
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from helpdesk.mail import AcceptanceUnknown, mail_send_once
from helpdesk.services.audit import audit
from helpdesk.services.lifecycle import InvalidTransition, case_clocks_meet, transition
from messaging.kinds import MESSAGE_RESPONSE
from messaging.models import DELIVERY_FAILURE_KINDS, InboundMail
from messaging.parsing import message_id_key

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
    # The worker's own success, arriving after the sweep made its reply unconfirmed, still settles it.
    held = reply.status == ReplyStatus.SENDING or (to == ReplyStatus.SENT and reply.status == ReplyStatus.UNCONFIRMED)
    if attempt is not None and (not held or reply.attempts != attempt):
        logger.warning("reply %s: lease of attempt %s lost, outcome not recorded", reply.pk, attempt)
        return None
    now = timezone.now()
    error = error[:500]
    also: dict = {"error": error}
    if to == ReplyStatus.SENT:
        also["sent_at"] = now
    if to == ReplyStatus.QUEUED:
        also["next_attempt_at"] = next_attempt_at or now + DISPATCH_GRACE
    if to == ReplyStatus.QUEUED and reply.status in {ReplyStatus.FAILED, ReplyStatus.UNCONFIRMED}:
        # The retry button: the agent sends it again now, so the clock stops now if it goes out.
        also["queued_at"] = now
    confirmed = reply.status == ReplyStatus.UNCONFIRMED and attempt is None
    summaries = {
        ReplyStatus.SENT: f"Reply to {reply.to_address} confirmed as sent"
        if confirmed
        else f"Reply sent to {reply.to_address}",
        ReplyStatus.FAILED: f"Reply could not be delivered: {error}",
        ReplyStatus.QUEUED: "Reply queued again" + (f" after an error: {error}" if error else ""),
        ReplyStatus.UNCONFIRMED: f"Reply may have gone out, unconfirmed: {error}",
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
    """Take a reply for sending: a queued one, or a sending one whose lease ran out before its
    message was handed to the mail server.

    One conditional update: of any number of workers, one gets the row. A sending one whose lease
    ran out after its message was handed over may have gone out: it becomes unconfirmed instead."""
    now = now or timezone.now()
    _unconfirm_abandoned(reply_id=reply_id, now=now)
    claimed = Reply.objects.filter(
        Q(status=ReplyStatus.QUEUED) | Q(status=ReplyStatus.SENDING, next_attempt_at__lte=now, handed_at__isnull=True),
        pk=reply_id,
    ).update(status=ReplyStatus.SENDING, next_attempt_at=now + LEASE, attempts=F("attempts") + 1, handed_at=None)
    if not claimed:
        return None
    return Reply.objects.select_related("message").get(pk=reply_id)


def _unconfirm_abandoned(*, reply_id: int, now: datetime) -> None:
    abandoned = (
        Reply.objects.filter(pk=reply_id, status=ReplyStatus.SENDING, next_attempt_at__lte=now, handed_at__isnull=False)
        .values_list("attempts", "handed_at")
        .first()
    )
    if abandoned is not None:
        attempt, handed_at = abandoned
        reply_transition(
            reply=Reply(pk=reply_id),
            to=ReplyStatus.UNCONFIRMED,
            attempt=attempt,
            error=f"the worker sending it stopped after handing it to the mail server at {handed_at:%H:%M:%S} UTC",
        )


class LeaseLost(Exception):
    """Another worker holds the reply now: this one must not send it."""


def _mark_handed(reply_id: int, attempt: int) -> None:
    """Committed before the message itself goes to the mail server, while this attempt still holds the lease."""
    held = Reply.objects.filter(pk=reply_id, status=ReplyStatus.SENDING, attempts=attempt).update(
        handed_at=timezone.now()
    )
    if not held:
        raise LeaseLost(f"reply {reply_id}: attempt {attempt} lost its lease before sending")


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
        mail_send_once(_email(reply), mailer=MAILER, before_data=partial(_mark_handed, reply.pk, attempt))
    except LeaseLost as exc:
        logger.warning("%s", exc)
        return None
    except AcceptanceUnknown as exc:
        logger.warning("reply %s may have gone out: %s", reply.pk, exc)
        return reply_transition(reply=reply, to=ReplyStatus.UNCONFIRMED, attempt=attempt, error=str(exc))
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
    by the relay address (the latest reply sent there before the notice). Idempotent.

    Only a notice proved to come from Amazon (messaging.trust) fails the reply; an unverified one is
    recorded on the case and changes nothing."""
    if mail.kind not in DELIVERY_FAILURE_KINDS or mail.account_id is None:
        return None
    # An unconfirmed reply that Amazon bounced did reach it: the bounce settles it as failed.
    sent = Reply.objects.filter(account_id=mail.account_id, status__in=[ReplyStatus.SENT, ReplyStatus.UNCONFIRMED])
    if mail.original_message_id:
        reply = (
            sent.select_related("message__conversation__case").filter(email_message_id=mail.original_message_id).first()
        )
    elif mail.relay_address:
        reply = (
            sent.select_related("message__conversation__case")
            .filter(to_address__iexact=mail.relay_address, sent_at__lte=mail.received_at)
            .order_by("-sent_at", "-id")
            .first()
        )
    else:
        return None
    if reply is None:
        return None
    if not mail.sender_verified:
        # Anyone can write "we were unable to deliver" from Amazon's address: a reply is never failed
        # (and so never sent again) on the word of a sender nothing proved.
        audit(
            verb="reply.bounce_unverified",
            summary=f"A {mail.get_kind_display().lower()} about this reply came from a sender that could not be "
            f"verified as Amazon ({mail.sender_check_detail or 'no proof'}): the reply stays sent",
            case=reply.message.conversation.case,
            after={"reply": reply.pk, "mail": mail.pk},
        )
        return None
    reason = f"Amazon did not deliver it ({mail.get_kind_display().lower()}): {mail.subject}"
    return reply_transition(reply=reply, to=ReplyStatus.FAILED, error=reason.strip().rstrip(":"))


def replies_confirm_answered(*, batch_size: int = 500) -> int:
    """Unconfirmed replies that mail read since proves delivered become sent (their clocks met at the
    time the agent sent them): a mail answering one — its In-Reply-To or References ends with the
    reply's Message-ID, as a buyer's reply or an automatic answer does — or the reply itself, come
    back into the account's mailbox with its own Message-ID (a copy its mail server delivered there).

    The Message-ID carries the composer's random key, and no one is shown it: only a mail system
    that received the reply can name it, so the proof needs no verified sender. A delivery failure
    naming it is no such proof: `outbound_mark_bounced` takes those. Returns the replies confirmed."""
    confirmed, after = 0, 0
    while batch := list(
        Reply.objects.filter(status=ReplyStatus.UNCONFIRMED, pk__gt=after)
        .order_by("pk")
        .only("id", "account_id", "email_message_id")[:batch_size]
    ):
        after = batch[-1].pk
        mails = InboundMail.objects.filter(account_id__in={r.account_id for r in batch}).exclude(
            kind__in=DELIVERY_FAILURE_KINDS
        )
        answers = {
            (account_id, message_id): mail_id
            for mail_id, account_id, message_id in mails.filter(
                original_message_id__in={r.email_message_id for r in batch}
            ).values_list("id", "account_id", "original_message_id")
        }
        copies = {
            (account_id, key): mail_id
            for mail_id, account_id, key in mails.filter(
                dedupe_key__in={message_id_key(r.email_message_id) for r in batch}
            ).values_list("id", "account_id", "dedupe_key")
        }
        for reply in batch:
            answer = answers.get((reply.account_id, reply.email_message_id))
            copy = copies.get((reply.account_id, message_id_key(reply.email_message_id)))
            if answer is not None or copy is not None:
                confirmed += _confirm_by_mail(reply, mail_id=answer or copy, answered=answer is not None)
    return confirmed


@transaction.atomic
def _confirm_by_mail(reply: Reply, *, mail_id: int, answered: bool) -> bool:
    try:
        settled = reply_transition(reply=reply, to=ReplyStatus.SENT)
    except InvalidTransition:
        return False  # settled meanwhile (the agent's buttons, a bounce)
    received_at = InboundMail.objects.values_list("received_at", flat=True).get(pk=mail_id)
    audit(
        verb="reply.confirmed_by_mail",
        summary=f"The mail received {received_at:%d %b %Y %H:%M} UTC (incoming mail #{mail_id}) "
        + ("answers this reply" if answered else "is this reply, delivered")
        + ": it reached the mail server, so it counts as sent",
        case=settled.message.conversation.case,
        after={"reply": reply.pk, "mail": mail_id},
    )
    return True
