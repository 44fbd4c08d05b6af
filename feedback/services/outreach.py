"""Buyer outreach about a feedback, inside Amazon's rules.

Resolve first: a resolution (refund, replacement, explanation) is recorded
before the buyer is asked to remove or change the feedback. Never an
incentive, and never a removal ask next to compensation, as the messaging
compliance checker reads them (`check_feedback_contact`). At most N contacts
per feedback, at least D days apart (per account, `OutreachSettings`).

A contact is sent through the messaging outbox as a reply on the order's
conversation with the buyer, so the composer's guards apply to it as well.
"""

from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from feedback.models import (
    OUTREACH_TRANSITIONS,
    Feedback,
    FeedbackStatus,
    OutreachContact,
    OutreachOutcome,
    OutreachPurpose,
    OutreachSettings,
    Resolution,
    ResolutionKind,
)
from helpdesk.models import SellerAccount
from helpdesk.services.audit import audit
from helpdesk.services.lifecycle import transition
from messaging.compliance.checker import Finding, check_feedback_contact
from messaging.compliance.services import compliance_check
from messaging.outbound.models import ContactKind
from messaging.outbound.services import ReplyRefused, reply_queue
from messaging.services import conversation_open_for_order

from ..selectors import outreach_target
from .feedback import feedback_case_settle, feedback_transition, removal_snapshot, removal_window

NO_RELAY_ADDRESS = (
    "There is no Amazon relay address for this buyer: the report gave no rater e-mail and no message or "
    "imported order gives one. Write to them from Seller Central's Buyer-Seller Messaging."
)


class OutreachRefused(Exception):
    """The contact breaks one of the rules; the message says which."""


def _first(findings: list[Finding], rule: str) -> Finding | None:
    return next((f for f in findings if f.rule == rule), None)


def asks_removal(text: str) -> bool:
    """Whether the message asks the buyer to remove or change the feedback, whatever the form said."""
    return _first(check_feedback_contact(text, max_chars=settings.COMPLIANCE_MAX_CHARS), "feedback_removal") is not None


def outreach_settings_get(*, account: SellerAccount) -> OutreachSettings:
    """The account's outreach limits, created with the defaults (2 contacts, 3 days apart) on first use."""
    settings, _ = OutreachSettings.objects.get_or_create(account=account)
    return settings


@transaction.atomic
def outreach_settings_update(
    *, account: SellerAccount, max_contacts: int, min_days_between: int, actor: AbstractBaseUser
) -> OutreachSettings:
    settings = OutreachSettings.objects.select_for_update().get(pk=outreach_settings_get(account=account).pk)
    before = {"max_contacts": settings.max_contacts, "min_days_between": settings.min_days_between}
    settings.max_contacts, settings.min_days_between = max_contacts, min_days_between
    settings.full_clean(exclude=["account"])
    settings.save(update_fields=["max_contacts", "min_days_between", "updated_at"])
    audit(
        verb="feedback.outreach_settings",
        summary=f"Buyer outreach: at most {max_contacts} contacts per feedback, {min_days_between} days apart",
        actor=actor,
        account=account,
        before=before,
        after={"max_contacts": max_contacts, "min_days_between": min_days_between},
    )
    return settings


@transaction.atomic
def feedback_resolution_record(
    *, feedback: Feedback, kind: str, note: str, actor: AbstractBaseUser | None
) -> Resolution:
    """Record what was done about the buyer's problem: the step that makes a removal ask possible."""
    if kind not in ResolutionKind.values:
        raise ValidationError("Choose refund, replacement or explanation.")
    if not note.strip():
        raise ValidationError("Say what was done.")
    feedback = Feedback.objects.select_related("account", "case").get(pk=feedback.pk)
    resolution = Resolution.objects.create(feedback=feedback, kind=kind, note=note.strip(), created_by=actor)
    audit(
        verb="feedback.resolved",
        summary=f"Resolution recorded: {resolution.get_kind_display().lower()}",
        actor=actor,
        account=feedback.account,
        case=feedback.case,
        after={"kind": kind, "note": resolution.note[:400]},
    )
    return resolution


def feedback_outreach_check(*, feedback: Feedback, text: str, purpose: str, now: datetime | None = None) -> str | None:
    """Why this contact may not be made, or None when it may."""
    now = now or timezone.now()
    if purpose not in OutreachPurpose.values:
        return "Say whether the message resolves the problem or asks about the feedback."
    if reason := outreach_limits_reason(feedback=feedback, now=now):
        return reason
    text = text.strip()
    if not text:
        return "Write the message first."
    if incentive := _first(check_feedback_contact(text, max_chars=settings.COMPLIANCE_MAX_CHARS), "incentive"):
        return f"The message offers an incentive (“{incentive.text}”): Amazon forbids offering anything for feedback."
    if purpose == OutreachPurpose.REMOVAL_ASK or asks_removal(text):
        if reason := removal_ask_reason(feedback=feedback, text=text, now=now):
            return reason
    findings = compliance_check(text=text, account=feedback.account, order_id=feedback.amazon_order_id or None)
    if blocking := [f for f in findings if f.blocking]:
        return f"The message breaks Amazon's messaging rules: {blocking[0].explanation} (“{blocking[0].text}”)."
    return None


def outreach_limits_reason(*, feedback: Feedback, now: datetime) -> str | None:
    """Why no contact at all may be made now (the feedback's state, the count, the spacing), or None."""
    tz = feedback.account.tzinfo
    if not feedback.is_live:
        return f"This feedback is already {feedback.get_status_display().lower()}: there is nothing to ask for."
    if not feedback.is_critical:
        return "This feedback is positive: there is no problem to resolve."
    settings = outreach_settings_get(account=feedback.account)
    contacts = list(feedback.contacts.order_by("contacted_at").values_list("contacted_at", flat=True))
    if len(contacts) >= settings.max_contacts:
        return (
            f"The buyer has been contacted {len(contacts)} times about this feedback, the most this account allows "
            f"({settings.max_contacts}): Amazon treats more as harassment."
        )
    if contacts and now < contacts[-1] + timedelta(days=settings.min_days_between):
        next_at = contacts[-1] + timedelta(days=settings.min_days_between)
        return (
            f"The last contact was on {timezone.localtime(contacts[-1], tz):%d %b %H:%M}; contacts must be at least "
            f"{settings.min_days_between} days apart, so the next may be made from "
            f"{timezone.localtime(next_at, tz):%d %b %H:%M}."
        )
    return None


def removal_ask_reason(*, feedback: Feedback, text: str, now: datetime) -> str | None:
    """Why the buyer may not be asked to remove or change the feedback (with `text`, if given), or None."""
    if not feedback.resolutions.exists():
        return (
            "Resolve first: record the refund, replacement or explanation given to the buyer before asking "
            "them to remove or change the feedback."
        )
    if compensation := _first(
        check_feedback_contact(text, asks_removal=True, max_chars=settings.COMPLIANCE_MAX_CHARS),
        "feedback_compensation",
    ):
        return (
            f"The message asks about the feedback and mentions “{compensation.text}”: Amazon forbids asking "
            "to change or remove feedback together with compensation. Send the resolution on its own."
        )
    _, closes = removal_window(feedback=feedback, snapshot=removal_snapshot(account=feedback.account))
    if now >= closes:
        closed = timezone.localtime(closes, feedback.account.tzinfo)
        return f"The removal window closed on {closed:%d %b %Y}: the buyer can no longer remove it."
    return None


@transaction.atomic
def feedback_outreach_send(
    *,
    feedback: Feedback,
    text: str,
    purpose: str,
    key: str,
    seen_message_id: int,
    actor: AbstractBaseUser,
    now: datetime | None = None,
) -> OutreachContact:
    """Send a contact to the buyer and record it, or raise OutreachRefused with the rule it breaks.

    The contact goes out as a reply on the order's conversation with the buyer (opened
    when there is none), through the messaging outbox: the composer's compliance guard
    and stale-reply guard apply, and the worker sends it to the relay address. One
    transaction: a refusal anywhere leaves neither a contact nor a reply. Idempotent by
    `key`, the form's: the same form posted twice is one contact."""
    now = now or timezone.now()
    # One contact at a time per feedback, so two agents cannot both pass the limit.
    feedback = (
        Feedback.objects.select_for_update(of=("self",)).select_related("account", "case", "order").get(pk=feedback.pk)
    )
    if (existing := feedback.contacts.filter(reply__key=key).first()) is not None:
        return existing
    if reason := feedback_outreach_check(feedback=feedback, text=text, purpose=purpose, now=now):
        raise OutreachRefused(reason)
    target = outreach_target(feedback)
    if not target.address:
        raise OutreachRefused(NO_RELAY_ADDRESS)
    if purpose == OutreachPurpose.RESOLVE and asks_removal(text):
        purpose = OutreachPurpose.REMOVAL_ASK
    try:
        conversation = conversation_open_for_order(
            account=feedback.account,
            amazon_order_id=feedback.amazon_order_id,
            buyer_email=target.address,
            subject=f"Your order {feedback.amazon_order_id}",
            buyer_name=feedback.order.buyer_name if feedback.order else "",
            actor=actor,
        )
        reply = reply_queue(
            case=conversation.case,
            author=actor,
            body=text,
            key=key,
            seen_message_id=seen_message_id,
            unsolicited=True,
            contact_kind=ContactKind.OUTREACH,
            contact_at=now,
        )
    except ReplyRefused as exc:
        raise OutreachRefused(str(exc)) from exc
    except ValidationError as exc:
        raise OutreachRefused(" ".join(exc.messages)) from exc
    contact = OutreachContact.objects.create(
        feedback=feedback, purpose=purpose, text=text.strip(), reply=reply, contacted_at=now, created_by=actor
    )
    audit(
        verb="feedback.buyer_contacted",
        summary=f"Buyer contacted: {contact.get_purpose_display().lower()}, reply queued to {reply.to_address}",
        actor=actor,
        account=feedback.account,
        case=feedback.case,
        after={"contact": contact.pk, "purpose": purpose, "reply": reply.pk},
    )
    return contact


@transaction.atomic
def outreach_contact_transition(
    *, contact: OutreachContact, to: str, actor: AbstractBaseUser | None, new_rating: int | None = None
) -> OutreachContact:
    """Record how the buyer answered. Removing the feedback, or raising it to 4–5 stars, settles the case."""
    if to == OutreachOutcome.BUYER_UPDATED and (new_rating is None or not 1 <= new_rating <= 5):
        raise ValidationError("Give the rating the buyer changed it to (1 to 5 stars).")
    contact = transition(
        contact,
        to=to,
        field="outcome",
        transitions=OUTREACH_TRANSITIONS,
        refusal=lambda c, to: (
            f"This contact is already marked “{c.get_outcome_display().lower()}”: "
            f"it cannot become “{OutreachOutcome(to).label.lower()}”."
        ),
        also={"outcome_at": timezone.now()},
        verb="feedback.outreach_outcome",
        summary=lambda c, _: f"Outreach outcome: {OutreachOutcome(to).label.lower()}"
        + (f" ({c.feedback.rating}★ → {new_rating}★)" if to == OutreachOutcome.BUYER_UPDATED else ""),
        actor=actor,
        account=lambda c: c.feedback.account,
        case=lambda c: c.feedback.case,
        after={"rating": new_rating} if new_rating else None,
        related=["feedback__account", "feedback__case"],
    )
    feedback = contact.feedback
    if to == OutreachOutcome.BUYER_REMOVED:
        feedback_transition(feedback=feedback, to=FeedbackStatus.WITHDRAWN, actor=actor)
    elif to == OutreachOutcome.BUYER_UPDATED:
        Feedback.objects.filter(pk=feedback.pk).update(rating=new_rating, updated_at=contact.outcome_at)
        feedback.rating = new_rating
        if not feedback.is_critical:
            feedback_case_settle(feedback=feedback, actor=actor, at=contact.outcome_at)
    return contact
