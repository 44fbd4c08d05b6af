"""Writes on one feedback: entering it by hand, its case and removal clock, its status, its public response."""

import re
from datetime import date, datetime, time
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from feedback.defects import SOURCE as DEFECT_SOURCE
from feedback.kinds import FEEDBACK, FEEDBACK_REMOVAL
from feedback.models import FEEDBACK_TRANSITIONS, Feedback, FeedbackSource, FeedbackStatus
from helpdesk.models import Order, SellerAccount
from helpdesk.models.orders import ORDER_ID_RE
from helpdesk.services.audit import audit
from helpdesk.services.deadlines import clock_times, policy_get, policy_snapshot
from helpdesk.services.defects import defects_refresh
from helpdesk.services.lifecycle import case_open, case_settle, transition

_ORDER_ID = re.compile(ORDER_ID_RE, re.ASCII)


def removal_snapshot(*, account: SellerAccount) -> dict[str, Any]:
    """The account's removal-window policy, as the deadline engine would apply it."""
    return policy_snapshot(policy_get(account=account, kind=FEEDBACK_REMOVAL))


def removal_window(*, feedback: Feedback, snapshot: dict[str, Any]) -> tuple[datetime, datetime]:
    """(start, end) of the removal window: from the start of the feedback day in the account's time zone."""
    start = datetime.combine(feedback.date, time.min, tzinfo=feedback.account.tzinfo)
    _, end = clock_times(snapshot=snapshot, started_at=start)
    return start, end


def feedback_case_open(
    *, feedback: Feedback, snapshot: dict[str, Any], actor: AbstractBaseUser | None, now: datetime
) -> None:
    """Open the removal case of a negative or neutral feedback, with its clock while the window is open.

    Call inside a transaction. A feedback past its window gets a case and no clock: it is permanent."""
    start, end = removal_window(feedback=feedback, snapshot=snapshot)
    window_open = end > now
    case = case_open(
        account=feedback.account,
        kind=FEEDBACK,
        order=feedback.order,
        amazon_order_id=feedback.amazon_order_id,
        subject=f"{feedback.rating}★ feedback: {feedback.comments}"[:300],
        opened_at=now,
        clock=FEEDBACK_REMOVAL if window_open else None,
        clock_started_at=start,
        actor=actor,
    )
    feedback.case = case
    Feedback.objects.filter(pk=feedback.pk).update(case=case)
    if not window_open:
        closed = timezone.localtime(end, feedback.account.tzinfo)
        audit(
            verb="feedback.permanent",
            summary=f"No removal clock: the removal window closed on {closed:%d %b %Y}; this feedback is permanent",
            actor=actor,
            case=case,
        )


def feedback_local_today(*, account: SellerAccount) -> date:
    return timezone.localdate(timezone=account.tzinfo)


@transaction.atomic
def feedback_create(
    *,
    account: SellerAccount,
    amazon_order_id: str,
    date: date,
    rating: int,
    comments: str,
    rater_email: str = "",
    actor: AbstractBaseUser | None = None,
) -> Feedback:
    """Record a feedback by hand; a negative or neutral one opens its removal case."""
    if not _ORDER_ID.fullmatch(amazon_order_id):
        raise ValidationError("An Amazon order id looks like 123-1234567-1234567.")
    if not 1 <= rating <= 5:
        raise ValidationError("The rating is 1 to 5 stars.")
    if date > feedback_local_today(account=account):
        raise ValidationError("The feedback date is in the future.")
    feedback = Feedback(
        account=account,
        amazon_order_id=amazon_order_id,
        order=Order.objects.filter(account=account, amazon_order_id=amazon_order_id).first(),
        date=date,
        rating=rating,
        comments=comments.strip(),
        rater_email=rater_email.strip(),
        source=FeedbackSource.MANUAL,
    )
    try:
        with transaction.atomic():
            feedback.save()
    except IntegrityError:
        raise ValidationError(f"Order {amazon_order_id} already has feedback dated {date:%Y-%m-%d}.") from None
    audit(
        verb="feedback.entered",
        summary=f"{rating}★ feedback on order {amazon_order_id} entered by hand",
        actor=actor,
        account=account,
    )
    if feedback.is_critical:
        feedback_case_open(
            feedback=feedback, snapshot=removal_snapshot(account=account), actor=actor, now=timezone.now()
        )
    defects_refresh(account_id=account.id, source=DEFECT_SOURCE, refs=[feedback.pk])
    return feedback


def feedback_case_settle(*, feedback: Feedback, actor: AbstractBaseUser | None, at: datetime) -> None:
    """The feedback no longer hurts: meet its removal clock and close its case. Call inside a transaction."""
    if feedback.case is not None:
        case_settle(case=feedback.case, at=at, actor=actor, kinds=[FEEDBACK_REMOVAL])


@transaction.atomic
def feedback_transition(*, feedback: Feedback, to: str, actor: AbstractBaseUser | None) -> Feedback:
    """Move a feedback through its status map. Once gone (removed, struck, withdrawn), its case is settled."""
    feedback = transition(
        feedback,
        to=to,
        transitions=FEEDBACK_TRANSITIONS,
        refusal=lambda f, to: (
            f"This feedback is {f.get_status_display().lower()}: it cannot become {FeedbackStatus(to).label.lower()}."
        ),
        verb="feedback.status",
        summary=f"Feedback {FeedbackStatus(to).label.lower()}",
        actor=actor,
        account=lambda f: f.account,
        case=lambda f: f.case,
        related=["case", "account"],
    )
    feedback_case_settle(feedback=feedback, actor=actor, at=timezone.now())
    defects_refresh(account_id=feedback.account_id, source=DEFECT_SOURCE, refs=[feedback.pk])
    return feedback


@transaction.atomic
def feedback_response_save(*, feedback: Feedback, text: str, posted: bool, actor: AbstractBaseUser | None) -> Feedback:
    """Keep a draft of the public response, or record the response as posted on Amazon."""
    text = text.strip()
    if not text:
        raise ValidationError("Write the response first.")
    feedback = Feedback.objects.select_for_update(of=("self",)).select_related("case", "account").get(pk=feedback.pk)
    if posted:
        feedback.response, feedback.response_posted_at, feedback.response_draft = text, timezone.now(), ""
        fields, verb, summary = (
            ["response", "response_posted_at", "response_draft"],
            "feedback.response_posted",
            "Public response recorded as posted",
        )
    else:
        feedback.response_draft = text
        fields, verb, summary = ["response_draft"], "feedback.response_drafted", "Public response drafted"
    feedback.save(update_fields=[*fields, "updated_at"])
    audit(
        verb=verb,
        summary=summary,
        actor=actor,
        account=feedback.account,
        case=feedback.case,
        after={"text": text[:400]},
    )
    return feedback
