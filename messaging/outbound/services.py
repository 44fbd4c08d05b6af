"""Writes of the outbound app: replies, notes and calls, marks, canned responses and
each account's sender.

A reply is queued in one transaction (its thread Message, its `Reply` outbox row,
the audit row) and handed to a Celery worker after commit; `delivery` is the
worker's side (claim, send, record the outcome).
"""

from datetime import datetime
from email.utils import parseaddr

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from helpdesk.models import Case, CaseStatus, Role, SellerAccount
from helpdesk.selectors import has_role
from helpdesk.services.audit import audit
from helpdesk.services.cases import case_assign
from helpdesk.services.lifecycle import InvalidTransition, case_clocks_meet, case_transition
from helpdesk.services.search import search_pending_mark
from messaging.compliance.checker import Finding, rule_label
from messaging.compliance.services import compliance_approve, compliance_blocked, compliance_check
from messaging.kinds import MESSAGE_RESPONSE
from messaging.models import Attachment, Conversation, Direction, Message
from messaging.parsing import strip_reply_prefixes

from .attachments import MAX_FILES, MAX_TOTAL_BYTES, OutboundFile, names_refusal
from .canned import unfilled, unknown_variables
from .cap import contact_cap_lock, contact_cap_refusal, contact_record
from .delivery import DISPATCH_GRACE, reply_transition
from .models import (
    CallSummaryPrompt,
    CannedResponse,
    ContactKind,
    ConversationMark,
    MarkKind,
    OutboundSettings,
    PromptOutcome,
    Reply,
    ReplyStatus,
)
from .selectors import inbound_since, parent_message_id, sender_for
from .tasks import send_reply

# A reply moves a case in these statuses to waiting on the buyer; a resolved or closed one stays as it is.
ANSWERABLE = frozenset({CaseStatus.NEW, CaseStatus.OPEN})


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


class UnfilledVariables(ReplyRefused):
    """A template's variable the order had no value for is still in the reply."""

    def __init__(self, placeholders: list[str]):
        self.placeholders = placeholders
        super().__init__(
            f"Fill in {', '.join(placeholders)} before sending: this order has no value for "
            f"{'it' if len(placeholders) == 1 else 'them'} yet."
        )


class ContactCapReached(ReplyRefused):
    """One more message the buyer did not ask for would break the account's cap."""


class AttachmentsBlocked(ReplyRefused):
    """A file is more than Amazon takes, or its name breaks the messaging rules."""


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


def _lock_conversation(case: Case, *related: str) -> Conversation:
    """The case's conversation, locked: ingestion files a buyer's new message under the same lock.
    With its account, and `related` (read with it, not locked)."""
    return Conversation.objects.select_for_update(of=("self",)).select_related("account", *related).get(case=case)


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
    unsolicited: bool | None = None,
    contact_kind: str = ContactKind.MESSAGE,
    files: list[OutboundFile] | tuple[OutboundFile, ...] = (),
    contact_at: datetime | None = None,
) -> Reply:
    """Queue a reply to the buyer. Idempotent by `key`: the same form posted twice is one reply.

    Refuses (StaleReply) when a buyer message newer than `seen_message_id` exists,
    (ContactCapReached) when the buyer did not ask for it and the order's contact cap is
    reached, and (ComplianceBlocked) while a blocking compliance finding remains, unless a
    manager of the account sends it with `approval_reason`: that approves this one
    reply, audited. An agent's approval is PermissionDenied.

    `unsolicited`: whether the buyer did not ask for this message (outreach, a proactive
    notice: True; the answer to a request that came another way: False); by default, a
    message on a conversation the buyer has not written in. An unsolicited one is counted
    as `contact_kind` against the cap (`messaging.outbound.cap`), at `contact_at` (the caller's
    time of the contact; now by default).

    `files` go with it (`messaging.outbound.attachments`: read and checked against Amazon's limits
    by `files_read`); a file name the compliance guard refuses refuses the reply (AttachmentsBlocked)."""
    body = body.strip()
    if not body:
        raise ValidationError("Write the reply first.")
    if placeholders := unfilled(body):
        raise UnfilledVariables(placeholders)
    conversation = _lock_conversation(case, "account__outbound_settings")  # the sender, for sender_for
    existing = Reply.objects.filter(key=key).select_related("message").first()
    if existing is not None:
        if existing.message.conversation_id != conversation.pk:
            raise ValidationError("This reply form is not valid any more: reload the page.")
        return existing
    newer = inbound_since(conversation, seen_id=seen_message_id)
    if newer:
        raise StaleReply(newer)
    account = conversation.account
    parent = parent_message_id(conversation)
    answers_buyer = bool(parent) or conversation.messages.filter(direction=Direction.IN).exists()
    capped = (not answers_buyer if unsolicited is None else unsolicited) and bool(conversation.amazon_order_id)
    if capped:
        contact_cap_lock(account=account, amazon_order_id=conversation.amazon_order_id)
        if refusal := contact_cap_refusal(
            account=account, amazon_order_id=conversation.amazon_order_id, now=contact_at
        ):
            raise ContactCapReached(refusal)
    if len(files) > MAX_FILES or sum(f.size for f in files) >= MAX_TOTAL_BYTES:
        raise AttachmentsBlocked("Amazon takes at most 5 files, under 10 MB in all, with a message.")
    refusal = names_refusal(list(files), lambda text: compliance_check(text=text, account=account))
    if refusal:
        raise AttachmentsBlocked(refusal)
    findings = compliance_check(
        text=body, account=account, order_id=conversation.amazon_order_id or None, answering=answers_buyer
    )
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
    # A conversation the seller started has no buyer mail to answer yet: its own subject, no "Re:".
    topic = strip_reply_prefixes(conversation.subject) or conversation.subject or "Your message"
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
    search_pending_mark(case_ids=[case.pk])
    Attachment.objects.bulk_create(
        Attachment(message=message, filename=f.filename, content_type=f.content_type, size=f.size, data=f.data)
        for f in files
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
    if capped:
        contact_record(
            account=account,
            amazon_order_id=conversation.amazon_order_id,
            kind=contact_kind,
            at=contact_at or now,
            reply=reply,
        )
    audit(
        verb="reply.queued",
        summary=f"Reply to {conversation.buyer_name or 'the buyer'} queued"
        + (f"; a compliance finding approved by {_name(author)}" if approved else ""),
        actor=author,
        case=case,
        after={
            "reply": reply.pk,
            "to": reply.to_address,
            "approved": approved,
            "files": [f.filename for f in files],
        },
    )
    _call_prompts_close(conversation=conversation, case=case, reply=reply, actor=author)
    _case_answered(case=case, author=author)
    _dispatch(reply)
    return reply


def _case_answered(*, case: Case, author: AbstractBaseUser) -> None:
    """Sending moves the case: it waits on the buyer now, and it is the sender's unless someone holds it.
    The row is locked once, here, with the account its audit rows hang on."""
    case = Case.objects.select_for_update(of=("self",)).select_related("account").get(pk=case.pk)
    if case.assignee_id is None:
        case = case_assign(case=case, assignee=author, actor=author)
    if case.status in ANSWERABLE:
        case_transition(case=case, to=CaseStatus.WAITING, actor=author, locked=True)


def _dispatch(reply: Reply) -> None:
    send_reply.delay_on_commit(reply.pk)


def reply_confirm(*, reply: Reply, actor: AbstractBaseUser) -> Reply:
    """The agent found an unconfirmed reply in Seller Central's message history: it went out, and the
    clock is met when the agent sent it."""
    if reply.status != ReplyStatus.UNCONFIRMED:
        raise InvalidTransition("Only a reply whose sending is unconfirmed can be confirmed.")
    return reply_transition(reply=reply, to=ReplyStatus.SENT, actor=actor)


def reply_retry(*, reply: Reply, actor: AbstractBaseUser) -> Reply:
    """The retry button on a failed reply, and "send again" on an unconfirmed one."""
    with transaction.atomic():
        reply = reply_transition(reply=reply, to=ReplyStatus.QUEUED, actor=actor)
        _dispatch(reply)
    return reply


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
    search_pending_mark(case_ids=[case.pk])
    label = Direction(direction).label
    audit(
        verb=f"conversation.{direction}",
        summary=f"{label} added: {body[:200]}",
        actor=author,
        case=case,
        after={"message": message.pk},
    )
    if direction == Direction.CALL:
        CallSummaryPrompt.objects.create(
            conversation=conversation, account_id=conversation.account_id, call=message, created_at=message.sent_at
        )
    return message


@transaction.atomic
def call_prompt_dismiss(*, prompt: CallSummaryPrompt, reason: str, actor: AbstractBaseUser) -> CallSummaryPrompt:
    """No written summary of this call will be sent: say why. Audited; a prompt closed already stays as it is."""
    reason = reason.strip()
    if not reason:
        raise ValidationError("Say why no written summary is sent to the buyer.")
    now = timezone.now()
    closed = CallSummaryPrompt.objects.filter(pk=prompt.pk, closed_at__isnull=True).update(
        outcome=PromptOutcome.DISMISSED, closed_at=now, closed_by=actor, reason=reason[:500]
    )
    prompt.refresh_from_db()
    if closed:
        audit(
            verb="conversation.call_summary_dismissed",
            summary=f"No written summary of the call of {prompt.call.sent_at:%d %b %H:%M}: {reason[:300]}",
            actor=actor,
            case=prompt.conversation.case,
            after={"prompt": prompt.pk, "reason": reason[:500]},
        )
    return prompt


def _call_prompts_close(*, conversation: Conversation, case: Case, reply: Reply, actor: AbstractBaseUser) -> None:
    """A reply to the buyer is the written record of the calls logged before it."""
    open_prompts = CallSummaryPrompt.objects.filter(
        conversation=conversation, closed_at__isnull=True, created_at__lte=reply.queued_at
    )
    for prompt in open_prompts.select_related("call"):
        prompt.outcome, prompt.closed_at, prompt.closed_by, prompt.reply = (
            PromptOutcome.SENT,
            reply.queued_at,
            actor,
            reply,
        )
        prompt.save(update_fields=["outcome", "closed_at", "closed_by", "reply"])
        audit(
            verb="conversation.call_summary_sent",
            summary=f"Written summary of the call of {prompt.call.sent_at:%d %b %H:%M} sent to the buyer",
            actor=actor,
            case=case,
            after={"prompt": prompt.pk, "reply": reply.pk},
        )


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
    met = case_clocks_meet(case=case, kinds=[MESSAGE_RESPONSE], started_by=now, at=now, actor=actor, exempt=True)
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
