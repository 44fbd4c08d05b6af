from django.http import HttpRequest

from helpdesk.models import Case, DeadlineState

from .evidence import evidence_pack, statement_draft
from .forms import AppealForm, FollowUpForm, OutcomeForm, TrackingForm
from .kinds import DECISION_APPEAL, NO_SHOW_FOLLOW_UP
from .models import ClaimStatus, Ground, Outcome
from .selectors import claim_for_case, claim_notices, claim_record
from .services.claims import RESPONSES


def case_panel(request: HttpRequest, case: Case) -> tuple[str, dict]:
    """What this app shows on the case page: the claim, whether it is valid (each check with its
    evidence), the evidence pack and the statement for Amazon, the agent's answer, Amazon's
    decision, and the no-show signal with its playbook."""
    claim = claim_for_case(case)
    if claim is None:
        return "claims/case_panel.html", {"claim": None}
    record = claim_record(claim)
    pack = evidence_pack(record)
    clocks = {d.kind: d for d in case.deadlines.filter(kind__in=[DECISION_APPEAL, NO_SHOW_FOLLOW_UP])}
    follow_up = clocks.get(NO_SHOW_FOLLOW_UP)
    notices = claim_notices(claim)
    context = {
        "claim": claim,
        "pack": pack,
        "notices": notices,
        "unverified_notices": sum(notice.mail.sender_unverified for notice in notices),
        "finances_events": list(claim.finances_events.order_by("posted_at", "id")),
        "statement": claim.statement or statement_draft(pack),
        "responses": RESPONSES[claim.kind],
        "can_answer": claim.status == ClaimStatus.OPEN,
        "can_decide": claim.status != ClaimStatus.DECIDED,
        "can_appeal": claim.status == ClaimStatus.DECIDED and claim.outcome == Outcome.GRANTED_SELLER,
        "can_accept": claim.status == ClaimStatus.DECIDED and not case.is_final,
        "no_show": claim.ground == Ground.NOT_RECEIVED and record.delivered_at is not None,
        "follow_up_running": follow_up is not None and follow_up.state in (DeadlineState.OPEN, DeadlineState.BREACHED),
        "outcome_form": OutcomeForm(auto_id="outcome_%s"),
        "appeal_form": AppealForm(auto_id="appeal_%s"),
        "tracking_form": TrackingForm(
            auto_id="tracking_%s",
            initial={"signed_by": claim.signed_by},
        ),
        "follow_up_form": FollowUpForm(auto_id="follow_up_%s"),
    }
    return "claims/case_panel.html", context
