"""Claim pages: the printable evidence and its PDF, and the case panel's actions (each posts
here and returns to the case)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from helpdesk.services.lifecycle import InvalidTransition
from helpdesk.views.access import role_required

from .evidence import evidence_pack, local_now, statement_draft
from .forms import AppealForm, FollowUpForm, OutcomeForm, RespondForm, StatementForm, TrackingForm
from .models import Claim, Response
from .pdf import evidence_pdf
from .selectors import claim_get, claim_record
from .services import (
    claim_accept,
    claim_appeal,
    claim_decide,
    claim_follow_up_done,
    claim_follow_up_start,
    claim_respond,
    claim_statement_save,
    claim_tracking_record,
)


def _back(claim: Claim) -> HttpResponse:
    return redirect("helpdesk:case", case_id=claim.case_id)


def _refused(request: HttpRequest, exc: Exception) -> None:
    messages.error(request, " ".join(exc.messages) if isinstance(exc, ValidationError) else str(exc))


def _form_errors(request: HttpRequest, form) -> None:
    messages.error(request, " ".join(f"{error}" for errors in form.errors.values() for error in errors))


@role_required()
def evidence_page(request: HttpRequest, claim_id: int) -> HttpResponse:
    claim = claim_get(request.user, claim_id=claim_id)
    pack = evidence_pack(claim_record(claim))
    return render(
        request,
        "claims/evidence.html",
        {"claim": claim, "pack": pack, "statement": claim.statement or statement_draft(pack), "now": local_now(claim)},
    )


@role_required()
def evidence_pdf_view(request: HttpRequest, claim_id: int) -> HttpResponse:
    claim = claim_get(request.user, claim_id=claim_id)
    response = HttpResponse(evidence_pdf(evidence_pack(claim_record(claim))), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{claim.kind}-{claim.amazon_order_id}-evidence.pdf"'
    return response


@require_POST
@role_required()
def respond_view(request: HttpRequest, claim_id: int) -> HttpResponse:
    claim = claim_get(request.user, claim_id=claim_id)
    form = RespondForm(request.POST)
    if not form.is_valid():
        _form_errors(request, form)
        return _back(claim)
    try:
        claim = claim_respond(claim=claim, actor=request.user, **form.cleaned_data)
    except (ValidationError, InvalidTransition) as exc:
        _refused(request, exc)
    else:
        messages.success(request, f"{Response(claim.response).label}: the clock is met; waiting for Amazon's decision.")
    return _back(claim)


@require_POST
@role_required()
def statement_save_view(request: HttpRequest, claim_id: int) -> HttpResponse:
    claim = claim_get(request.user, claim_id=claim_id)
    form = StatementForm(request.POST)
    if not form.is_valid():
        _form_errors(request, form)
        return _back(claim)
    claim_statement_save(claim=claim, statement=form.cleaned_data["statement"], actor=request.user)
    messages.success(request, "Statement saved.")
    return _back(claim)


@require_POST
@role_required()
def outcome_view(request: HttpRequest, claim_id: int) -> HttpResponse:
    claim = claim_get(request.user, claim_id=claim_id)
    form = OutcomeForm(request.POST)
    if not form.is_valid():
        _form_errors(request, form)
        return _back(claim)
    try:
        claim = claim_decide(
            claim=claim,
            outcome=form.cleaned_data["outcome"],
            amount=form.cleaned_data["amount"],
            at=timezone.now(),
            actor=request.user,
            source="recorded by hand",
        )
    except (ValidationError, InvalidTransition) as exc:
        _refused(request, exc)
    else:
        messages.success(request, f"Amazon's decision recorded: {claim.get_outcome_display().lower()}.")
    return _back(claim)


@require_POST
@role_required()
def appeal_view(request: HttpRequest, claim_id: int) -> HttpResponse:
    claim = claim_get(request.user, claim_id=claim_id)
    form = AppealForm(request.POST)
    if not form.is_valid():
        _form_errors(request, form)
        return _back(claim)
    try:
        claim_appeal(claim=claim, note=form.cleaned_data["note"], actor=request.user)
    except (ValidationError, InvalidTransition) as exc:
        _refused(request, exc)
    else:
        messages.success(request, "Appeal recorded: waiting for Amazon.")
    return _back(claim)


@require_POST
@role_required()
def accept_view(request: HttpRequest, claim_id: int) -> HttpResponse:
    claim = claim_get(request.user, claim_id=claim_id)
    try:
        claim_accept(claim=claim, actor=request.user)
    except InvalidTransition as exc:
        _refused(request, exc)
    else:
        messages.success(request, "Decision accepted; the case is closed.")
    return _back(claim)


@require_POST
@role_required()
def tracking_view(request: HttpRequest, claim_id: int) -> HttpResponse:
    claim = claim_get(request.user, claim_id=claim_id)
    form = TrackingForm(request.POST)
    if not form.is_valid():
        _form_errors(request, form)
        return _back(claim)
    delivered_at = form.cleaned_data["delivered_at"]
    if delivered_at is not None and timezone.is_naive(delivered_at):
        delivered_at = timezone.make_aware(delivered_at, claim.account.tzinfo)
    try:
        claim_tracking_record(
            claim=claim, delivered_at=delivered_at, signed_by=form.cleaned_data["signed_by"], actor=request.user
        )
    except ValidationError as exc:
        _refused(request, exc)
    else:
        messages.success(request, "Carrier tracking recorded.")
    return _back(claim)


@require_POST
@role_required()
def follow_up_start_view(request: HttpRequest, claim_id: int) -> HttpResponse:
    claim = claim_get(request.user, claim_id=claim_id)
    try:
        claim_follow_up_start(claim=claim, actor=request.user)
    except InvalidTransition as exc:
        _refused(request, exc)
    else:
        messages.success(request, "No-show playbook started: the follow-up clock runs.")
    return _back(claim)


@require_POST
@role_required()
def follow_up_done_view(request: HttpRequest, claim_id: int) -> HttpResponse:
    claim = claim_get(request.user, claim_id=claim_id)
    form = FollowUpForm(request.POST)
    if not form.is_valid():
        _form_errors(request, form)
        return _back(claim)
    try:
        claim_follow_up_done(claim=claim, note=form.cleaned_data["note"], actor=request.user)
    except (ValidationError, InvalidTransition) as exc:
        _refused(request, exc)
    else:
        messages.success(request, "Follow-up recorded.")
    return _back(claim)
