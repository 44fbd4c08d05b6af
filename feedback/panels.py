import uuid

from django.http import HttpRequest
from django.utils import timezone

from helpdesk.models import Case

from .forms import (
    OutreachForm,
    OutreachOutcomeForm,
    RemovalOutcomeForm,
    RemovalRequestForm,
    ResolutionForm,
    ResponseForm,
)
from .models import OutreachPurpose, RemovalOutcome, RemovalReason
from .selectors import feedback_eligibility, feedback_for_case, outreach_target
from .services.feedback import feedback_local_today, removal_snapshot, removal_window
from .services.outreach import NO_RELAY_ADDRESS, outreach_limits_reason, outreach_settings_get, removal_ask_reason
from .views import outreach_draft_key


def case_panel(request: HttpRequest, case: Case) -> tuple[str, dict]:
    """What this app shows on the case page: the feedback, its removal eligibility and window,
    the removal requests, the resolution and buyer outreach (sent through the messaging
    outbox, with the composer's live compliance check), and the public response."""
    feedback = feedback_for_case(case)
    if feedback is None:
        return "feedback/case_panel.html", {"feedback": None}
    now = timezone.now()
    eligibility = feedback_eligibility(feedback)
    _, window_end = removal_window(feedback=feedback, snapshot=removal_snapshot(account=feedback.account))
    removal_requests = list(feedback.removal_requests.select_related("created_by"))
    target = outreach_target(feedback)
    outreach_blocked = outreach_limits_reason(feedback=feedback, now=now) or (
        None if target.address else NO_RELAY_ADDRESS
    )
    removal_ask_blocked = removal_ask_reason(feedback=feedback, text="", now=now)
    outreach_form = OutreachForm(
        auto_id="outreach_%s",
        initial={
            "key": uuid.uuid4().hex,
            "seen_message_id": target.seen_message_id,
            "text": request.session.pop(outreach_draft_key(feedback.id), ""),
        },
    )
    if removal_ask_blocked:
        outreach_form.fields["purpose"].choices = [(OutreachPurpose.RESOLVE, OutreachPurpose.RESOLVE.label)]
    context = {
        "feedback": feedback,
        "eligibility": eligibility,
        "window_end": window_end,
        "window_warn": case.next_warn_at,  # the removal clock's warning (day 45), while it runs
        "window_open": window_end > now,
        "permanent": feedback.is_critical and feedback.is_live and window_end <= now,
        "removal_requests": removal_requests,
        "removal_pending": any(r.outcome == RemovalOutcome.PENDING for r in removal_requests),
        "removal_form": RemovalRequestForm(
            initial={
                "reason": eligibility.reason or RemovalReason.OTHER,
                "submitted_on": feedback_local_today(account=feedback.account),
            }
        ),
        "removal_outcome_form": RemovalOutcomeForm(),
        "resolutions": list(feedback.resolutions.select_related("created_by")),
        "resolution_form": ResolutionForm(auto_id="resolution_%s"),  # the removal form has a note too
        "contacts": list(feedback.contacts.select_related("created_by", "reply__message__conversation")),
        "outreach_target": target,
        "outreach_settings": outreach_settings_get(account=feedback.account),
        "outreach_blocked": outreach_blocked,
        "removal_ask_blocked": removal_ask_blocked,
        "outreach_form": outreach_form,
        "outreach_outcome_form": OutreachOutcomeForm(),
        "response_form": ResponseForm(initial={"text": feedback.response_draft or feedback.response}),
    }
    return "feedback/case_panel.html", context
