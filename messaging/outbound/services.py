"""Writes of the outbound app: replies and their delivery, notes and calls, marks,
canned responses and each account's sender.

A reply is queued in one transaction (its thread Message, its `Reply` outbox row,
the audit row) and handed to a Celery worker after commit. The worker claims the
row with a conditional update and a lease before it talks to the mail server, so
the same reply is sent once however many workers or retries run; a worker that
dies after claiming leaves the lease to expire and the delivery sweep to hand
the row to another worker. Sending meets the buyer-message clock at the time the
agent sent the reply, not the worker's.
"""

import logging
import smtplib
from datetime import datetime, timedelta
from email.utils import parseaddr

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone

from helpdesk.models import Case, ClockKind, Deadline, Role, SellerAccount
from helpdesk.models.deadlines import UNMET_STATES
from helpdesk.selectors import has_role
from helpdesk.services.audit import audit
from helpdesk.services.cases import InvalidTransition
from helpdesk.services.deadlines import deadline_meet
from messaging.compliance.checker import Finding, rule_label
from messaging.compliance.services import compliance_approve, compliance_blocked, compliance_check
from messaging.models import DELIVERY_FAILURE_KINDS, Conversation, Direction, InboundMail, Message
from messaging.parsing import strip_reply_prefixes

from .canned import unknown_variables
from .models import (
    REPLY_TRANSITIONS,
    CannedResponse,
    ConversationMark,
    MarkKind,
    OutboundSettings,
    Reply,
    ReplyStatus,
)
from .selectors import inbound_since, parent_message_id, sender_for

logger = logging.getLogger(__name__)

MAILER = "default"
LEASE = timedelta(minutes=5)
# A queued reply's task normally runs within seconds; after this the delivery sweep hands it out again.
DISPATCH_GRACE = timedelta(minutes=2)
TRANSPORT_ERRORS = (smtplib.SMTPException, OSError)


class ReplyRefused(Exception):
    """A reply the server will not queue; the message says why, for the agent."""


class StaleReply(ReplyRefused):
    """The buyer wrote again after the agent loaded the thread."""

    def __init__(self, newer: list[Message]):
        self.newer = newer
        count = len(newer)
        super().__init__(
            f"The buyer wrote {'again' if count == 1 else f'{count} more messages'} while you were typing. "
            "Read the thread again, then send your reply if it still fits."
        )


class ComplianceBlocked(ReplyRefused):
    """Amazon's messaging rules forbid something in the reply."""

    def __init__(self, findings: list[Finding]):
        # (rule label, finding) for each blocking finding, in the order of the text.
        self.labelled = [(rule_label(f.rule), f) for f in findings if f.blocking]
        rules = ", ".join(dict.fromkeys(label for label, _ in self.labelled))
        super().__init__(
            f"Amazon's messaging rules forbid this reply ({rules}). Change it, or ask a manager to approve it."
        )


def _name(user: AbstractBaseUser | None) -> str:
    if user is None:
        return "Sellerdesk"
    return user.get_full_name() or user.get_username()


def _lock_conversation(case: Case) -> Conversation:
    """The case's conversation, locked: ingestion files a buyer's new message under the same lock."""
    return Conversation.objects.select_for_update(of=("self",)).select_related("account").get(case=case)


# --- replies ---------------------------------------------------------------------


@transaction.atomic
def reply_queue(
    *,
    case: Case,
    author: AbstractBaseUser,
    body: str,
    key: str,
    seen_message_id: int,
    approval_reason: str = "",
) -> Reply:
    """Queue a reply to the buyer. Idempotent by `key`: the same form posted twice is one reply.

    Refuses (StaleReply) when a buyer message newer than `seen_message_id` exists,
    and (ComplianceBlocked) while a blocking compliance finding remains, unless a
    manager of the account sends it with `approval_reason`: that approves this one
    reply, audited. An agent's approval is PermissionDenied."""
    body = body.strip()
    if not body:
        raise ValidationError("Write the reply first.")
    conversation = _lock_conversation(case)
    existing = Reply.objects.filter(key=key).select_related("message").first()
    if existing is not None:
        if existing.message.conversation_id != conversation.pk:
            raise ValidationError("This reply form is not valid any more: reload the page.")
        return existing
    newer = inbound_since(conversation, seen_id=seen_message_id)
    if newer:
        raise StaleReply(newer)
    account = conversation.account
    findings = compliance_check(text=body, account=account, order_id=conversation.amazon_order_id or None)
    approved = False
    if compliance_blocked(findings):
        if not approval_reason.strip():
            raise ComplianceBlocked(findings)
        # Refuses (PermissionDenied) anyone but a manager of the account.
        compliance_approve(
            account=account,
            text=body,
            findings=findings,
            reason=approval_reason.strip(),
            approver=author,
            reply_key=key,
        )
        approved = True

    now = timezone.now()
    sender = sender_for(account)
    domain = parseaddr(sender)[1].rpartition("@")[2] or "localhost"
    parent = parent_message_id(conversation)
    # A conversation the seller started has no buyer mail to answer yet: its own subject, no "Re:".
    topic = strip_reply_prefixes(conversation.subject) or conversation.subject or "Your message"
    answers_buyer = bool(parent) or conversation.messages.filter(direction=Direction.IN).exists()
    subject = f"Re: {topic}" if answers_buyer else topic
    message = Message.objects.create(
        conversation=conversation,
        direction=Direction.OUT,
        author=author,
        sender_name=_name(author),
        subject=subject[:300],
        body_text=body,
        sent_at=now,
    )
    reply = Reply.objects.create(
        account=account,
        message=message,
        key=key,
        to_address=conversation.buyer_email,
        from_address=sender,
        subject=subject[:300],
        email_message_id=f"sellerdesk.out.{key}@{domain}",
        in_reply_to=parent,
        queued_at=now,
        next_attempt_at=now + DISPATCH_GRACE,
    )
    audit(
        verb="reply.queued",
        summary=f"Reply to {conversation.buyer_name or 'the buyer'} queued"
        + (f"; a compliance finding approved by {_name(author)}" if approved else ""),
        actor=author,
        case=case,
        after={"reply": reply.pk, "to": reply.to_address, "approved": approved},
    )
    _dispatch(reply)
    return reply


def _dispatch(reply: Reply) -> None:
    from .tasks import send_reply

    send_reply.delay_on_commit(reply.pk)


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
    if to not in REPLY_TRANSITIONS[reply.status]:
        raise InvalidTransition(f"A {reply.get_status_display().lower()} reply cannot become {to}.")
    before = reply.status
    now = timezone.now()
    reply.status = to
    reply.error = error[:500]
    fields = ["status", "error"]
    if to == ReplyStatus.SENT:
        reply.sent_at = now
        fields.append("sent_at")
    if to == ReplyStatus.QUEUED:
        reply.next_attempt_at = next_attempt_at or now + DISPATCH_GRACE
        fields.append("next_attempt_at")
    if before == ReplyStatus.FAILED:
        # The retry button: the agent sends it again now, so the clock stops now if it goes out.
        reply.queued_at = now
        fields.append("queued_at")
    reply.save(update_fields=fields)
    case = reply.message.conversation.case
    summaries = {
        ReplyStatus.SENT: f"Reply sent to {reply.to_address}",
        ReplyStatus.FAILED: f"Reply could not be delivered: {reply.error}",
        ReplyStatus.QUEUED: "Reply queued again" + (f" after an error: {reply.error}" if reply.error else ""),
    }
    audit(
        verb=f"reply.{to}",
        summary=summaries[to],
        actor=actor,
        case=case,
        before={"status": before},
        after={"status": to, "reply": reply.pk},
    )
    if to == ReplyStatus.SENT:
        _meet_clocks(case=case, at=reply.queued_at, actor=reply.message.author)
    return reply


def _meet_clocks(*, case: Case, at: datetime, actor: AbstractBaseUser | None) -> list[Deadline]:
    """Meet the case's buyer-message clocks that were running at `at`. A clock another
    writer met in the meantime is skipped (deadline_meet rolls back its own savepoint):
    it must never undo the write this is part of."""
    met = []
    for deadline in case.deadlines.filter(kind=ClockKind.MESSAGE_RESPONSE, state__in=UNMET_STATES, started_at__lte=at):
        try:
            met.append(deadline_meet(deadline=deadline, at=at, actor=actor))
        except InvalidTransition:
            continue
    return met


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
    return EmailMessage(
        subject=reply.subject,
        body=reply.message.body_text,
        from_email=reply.from_address,
        to=[reply.to_address],
        headers=headers,
    )


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


def reply_retry(*, reply: Reply, actor: AbstractBaseUser) -> Reply:
    """The retry button on a failed reply."""
    with transaction.atomic():
        reply = reply_transition(reply=reply, to=ReplyStatus.QUEUED, actor=actor)
        _dispatch(reply)
    return reply


def outbound_mark_bounced(*, inbound_mail: InboundMail) -> Reply | None:
    """Amazon could not deliver a reply (a bounce or an opt-out notice): it fails,
    with the reason on the thread. Matched by the Message-ID the notice quotes, else
    by the relay address (the latest reply sent there before the notice). Idempotent."""
    if inbound_mail.kind not in DELIVERY_FAILURE_KINDS or inbound_mail.account_id is None:
        return None
    sent = Reply.objects.filter(account_id=inbound_mail.account_id, status=ReplyStatus.SENT)
    if inbound_mail.original_message_id:
        reply = sent.filter(email_message_id=inbound_mail.original_message_id).first()
    elif inbound_mail.relay_address:
        reply = (
            sent.filter(to_address__iexact=inbound_mail.relay_address, sent_at__lte=inbound_mail.received_at)
            .order_by("-sent_at", "-id")
            .first()
        )
    else:
        return None
    if reply is None:
        return None
    reason = f"Amazon did not deliver it ({inbound_mail.get_kind_display().lower()}): {inbound_mail.subject}"
    return reply_transition(reply=reply, to=ReplyStatus.FAILED, error=reason.strip().rstrip(":"))


# --- notes, calls and marks -------------------------------------------------------

ENTRY_DIRECTIONS = frozenset({Direction.NOTE, Direction.CALL})


@transaction.atomic
def entry_add(*, case: Case, direction: str, body: str, author: AbstractBaseUser) -> Message:
    """An internal note or a call summary in the thread: the written record; it meets no clock."""
    if direction not in ENTRY_DIRECTIONS:
        raise ValidationError(f"Unknown entry kind {direction!r}.")
    body = body.strip()
    if not body:
        raise ValidationError("Write something first.")
    conversation = _lock_conversation(case)
    message = Message.objects.create(
        conversation=conversation,
        direction=direction,
        author=author,
        sender_name=_name(author),
        body_text=body,
        sent_at=timezone.now(),
    )
    label = Direction(direction).label
    audit(
        verb=f"conversation.{direction}",
        summary=f"{label} added: {body[:200]}",
        actor=author,
        case=case,
        after={"message": message.pk},
    )
    return message


@transaction.atomic
def conversation_mark(*, case: Case, kind: str, reason: str, actor: AbstractBaseUser) -> ConversationMark:
    """No response needed, or suspicious: meets the running buyer-message clocks now,
    says who and why; a suspicious conversation waits on the managers' list."""
    reason = reason.strip()
    if not reason:
        raise ValidationError("Say why.")
    conversation = _lock_conversation(case)
    now = timezone.now()
    mark = ConversationMark.objects.create(
        conversation=conversation,
        account_id=case.account_id,
        kind=kind,
        reason=reason[:500],
        created_by=actor,
        created_at=now,
    )
    met = _meet_clocks(case=case, at=now, actor=actor)
    mark.met_deadlines.set(met)
    audit(
        verb=f"conversation.{kind}",
        summary=f"Marked {MarkKind(kind).label.lower()} by {_name(actor)}: {reason}",
        actor=actor,
        case=case,
        after={"mark": mark.pk, "reason": reason, "clocks_met": len(met)},
    )
    return mark


@transaction.atomic
def mark_review(*, mark: ConversationMark, actor: AbstractBaseUser) -> bool:
    """A manager has looked at a suspicious conversation. False if someone already had."""
    if not has_role(actor, mark.account_id, Role.MANAGER):
        raise PermissionDenied("Only managers review suspicious conversations.")
    reviewed = ConversationMark.objects.filter(pk=mark.pk, reviewed_at__isnull=True).update(
        reviewed_at=timezone.now(), reviewed_by=actor
    )
    if reviewed:
        audit(
            verb="conversation.suspicious_reviewed",
            summary=f"Suspicious conversation reviewed by {_name(actor)}",
            actor=actor,
            case=mark.conversation.case,
            after={"mark": mark.pk},
        )
    return bool(reviewed)


# --- canned responses and the sender ------------------------------------------------


def _check_template(body: str) -> None:
    unknown = unknown_variables(body)
    if unknown:
        names = ", ".join("{" + name + "}" for name in unknown)
        raise ValidationError({"body": f"Unknown variable{'s' if len(unknown) > 1 else ''}: {names}."})


@transaction.atomic
def canned_response_save(
    *,
    account: SellerAccount,
    name: str,
    body: str,
    actor: AbstractBaseUser,
    canned: CannedResponse | None = None,
) -> CannedResponse:
    """Create or change a canned response. An unknown {variable} is refused here, with its name."""
    name, body = name.strip(), body.strip()
    _check_template(body)
    before = {"name": canned.name, "body": canned.body} if canned else None
    canned = canned or CannedResponse(account=account)
    canned.name, canned.body, canned.updated_by = name, body, actor
    try:
        with transaction.atomic():
            canned.save()
    except IntegrityError:
        raise ValidationError({"name": f"{account.name} already has a canned response called {name!r}."}) from None
    audit(
        verb="canned.saved",
        summary=f"Canned response {name!r} {'changed' if before else 'created'}",
        actor=actor,
        account=account,
        before=before,
        after={"name": name, "body": body},
    )
    return canned


@transaction.atomic
def canned_response_delete(*, canned: CannedResponse, actor: AbstractBaseUser) -> None:
    audit(
        verb="canned.deleted",
        summary=f"Canned response {canned.name!r} deleted",
        actor=actor,
        account=canned.account,
        before={"name": canned.name, "body": canned.body},
    )
    canned.delete()


@transaction.atomic
def outbound_settings_save(
    *, account: SellerAccount, from_address: str, display_name: str, actor: AbstractBaseUser
) -> OutboundSettings:
    found = OutboundSettings.objects.filter(account=account).first()
    before = {"from_address": found.from_address, "display_name": found.display_name} if found else None
    found = found or OutboundSettings(account=account)
    found.from_address, found.display_name = from_address.strip(), display_name.strip()
    found.save()
    audit(
        verb="outbound.sender",
        summary=f"Replies of {account.name} now come from {sender_for(account)}",
        actor=actor,
        account=account,
        before=before,
        after={"from_address": found.from_address, "display_name": found.display_name},
    )
    return found
