"""Removal requests to Amazon: record one, then record Amazon's answer."""

from datetime import date, timedelta

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from feedback.models import REMOVAL_TRANSITIONS, Feedback, FeedbackStatus, RemovalOutcome, RemovalReason, RemovalRequest
from helpdesk.services.audit import audit
from helpdesk.services.lifecycle import transition

from .feedback import feedback_local_today, feedback_transition, removal_snapshot, removal_window

# Amazon's answer -> what becomes of the feedback.
FEEDBACK_STATUS_FOR = {RemovalOutcome.REMOVED: FeedbackStatus.REMOVED, RemovalOutcome.STRUCK: FeedbackStatus.STRUCK}


@transaction.atomic
def removal_request_create(
    *,
    feedback: Feedback,
    reason: str,
    submitted_on: date,
    note: str = "",
    actor: AbstractBaseUser | None,
) -> RemovalRequest:
    """Record that a removal was asked of Amazon. One may be pending at a time, and only inside the window."""
    feedback = Feedback.objects.select_for_update(of=("self",)).select_related("account", "case").get(pk=feedback.pk)
    if not feedback.is_live:
        raise ValidationError(f"This feedback is already {feedback.get_status_display().lower()}.")
    if not feedback.is_critical:
        raise ValidationError("This feedback is positive: there is nothing to remove.")
    if reason not in RemovalReason.values:
        raise ValidationError("Choose the reason given to Amazon.")
    # A day of slack: the person may sit in another time zone than the account.
    if not feedback.date <= submitted_on <= feedback_local_today(account=feedback.account) + timedelta(days=1):
        raise ValidationError("The request was submitted between the feedback date and today.")
    _, closes = removal_window(feedback=feedback, snapshot=removal_snapshot(account=feedback.account))
    if timezone.now() >= closes:
        raise ValidationError(
            f"The removal window closed on {timezone.localtime(closes, feedback.account.tzinfo):%d %b %Y}: "
            "Amazon no longer removes this feedback."
        )
    try:
        with transaction.atomic():
            request = RemovalRequest.objects.create(
                feedback=feedback, reason=reason, submitted_on=submitted_on, note=note.strip(), created_by=actor
            )
    except IntegrityError:
        raise ValidationError("A removal request is already pending: record Amazon's answer first.") from None
    audit(
        verb="feedback.removal_requested",
        summary=f"Removal requested from Amazon on {submitted_on:%d %b %Y}: {request.get_reason_display().lower()}",
        actor=actor,
        account=feedback.account,
        case=feedback.case,
        after={"reason": reason, "submitted_on": submitted_on.isoformat()},
    )
    return request


@transaction.atomic
def removal_request_transition(
    *, removal_request: RemovalRequest, to: str, actor: AbstractBaseUser | None
) -> RemovalRequest:
    """Record Amazon's answer. Removed or struck through meets the removal clock and closes the case;
    a refusal leaves the case open for outreach."""
    request = transition(
        removal_request,
        to=to,
        field="outcome",
        transitions=REMOVAL_TRANSITIONS,
        refusal=lambda r, to: (
            f"This removal request is already {r.get_outcome_display().lower()}: "
            f"it cannot become {RemovalOutcome(to).label.lower()}."
        ),
        also={"decided_at": timezone.now()},
        verb="feedback.removal_answered",
        summary=f"Amazon answered the removal request: {RemovalOutcome(to).label.lower()}",
        actor=actor,
        account=lambda r: r.feedback.account,
        case=lambda r: r.feedback.case,
        related=["feedback__case", "feedback__account"],
    )
    if to in FEEDBACK_STATUS_FOR:
        feedback_transition(feedback=request.feedback, to=FEEDBACK_STATUS_FOR[to], actor=actor)
    return request
