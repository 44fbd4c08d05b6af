"""Feedback pages: the overview and export (managers), imports, entry by hand, and the case panel's actions."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from helpdesk.exports import csv_response
from helpdesk.models import Role
from helpdesk.selectors import account_chosen, account_get, accounts_for, import_jobs
from helpdesk.services.lifecycle import InvalidTransition
from helpdesk.views.access import role_required
from helpdesk.views.imports import import_upload

from .charts import monthly_chart
from .forms import (
    FeedbackEntryForm,
    FeedbackImportForm,
    OutreachForm,
    OutreachOutcomeForm,
    OutreachSettingsForm,
    RemovalOutcomeForm,
    RemovalRequestForm,
    ResolutionForm,
    ResponseForm,
)
from .kinds import FEEDBACK_REPORT
from .models import Feedback
from .selectors import (
    WINDOWS,
    feedback_export_rows,
    feedback_get,
    feedback_overview,
    outreach_contact_get,
    removal_request_get,
)
from .services import (
    OutreachRefused,
    feedback_create,
    feedback_outreach_send,
    feedback_resolution_record,
    feedback_response_save,
    outreach_contact_transition,
    outreach_settings_get,
    outreach_settings_update,
    removal_request_create,
    removal_request_transition,
)


@role_required(Role.MANAGER)
def feedback_page(request: HttpRequest) -> HttpResponse:
    account, accounts = account_chosen(request.user, chosen=request.GET.get("account"), min_role=Role.MANAGER)
    overview = feedback_overview(account=account)
    context = {
        "overview": overview,
        "chart": monthly_chart(overview.months),
        "accounts": accounts,
        "account": account,
        "windows": WINDOWS,
        "is_admin": account.id in {a.id for a in accounts_for(request.user, min_role=Role.ADMIN)},
    }
    template = "feedback/page.html#stats" if request.htmx else "feedback/page.html"
    return render(request, template, context)


@role_required(Role.MANAGER)
def feedback_export(request: HttpRequest) -> StreamingHttpResponse:
    account, _ = account_chosen(request.user, chosen=request.GET.get("account"), min_role=Role.MANAGER)
    return csv_response(
        request,
        filename=f"feedback-{account.slug}.csv",
        rows=feedback_export_rows(account=account),
        what=f"the feedback of {account.name}",
        account=account,
    )


@role_required(Role.MANAGER)
def feedback_upload(request: HttpRequest) -> HttpResponse:
    accounts = list(accounts_for(request.user, min_role=Role.MANAGER))
    form = FeedbackImportForm(request.POST or None, request.FILES or None, accounts=accounts)
    job = import_upload(request, form=form, kind=FEEDBACK_REPORT)
    if job is not None:
        return redirect("helpdesk:import_job", job_id=job.id)
    jobs = import_jobs(request.user, kind=FEEDBACK_REPORT)[:20]
    return render(request, "feedback/import.html", {"form": form, "jobs": jobs})


@role_required()
def feedback_entry(request: HttpRequest) -> HttpResponse:
    accounts = list(accounts_for(request.user))
    form = FeedbackEntryForm(request.POST or None, accounts=accounts)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            feedback = feedback_create(
                account=account_get(request.user, account_id=data["account"]),
                amazon_order_id=data["amazon_order_id"],
                date=data["date"],
                rating=data["rating"],
                comments=data["comments"],
                rater_email=data["rater_email"],
                actor=request.user,
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            if feedback.case_id:
                messages.success(
                    request, f"{feedback.rating}★ feedback recorded; removal case #{feedback.case_id} opened."
                )
                return redirect("helpdesk:case", case_id=feedback.case_id)
            messages.success(request, f"{feedback.rating}★ feedback recorded: positive, so no case.")
            return redirect("feedback:entry")
    return render(request, "feedback/entry.html", {"form": form})


# --- the case panel's actions: each posts here and returns to the case -------------


def outreach_draft_key(feedback_id: int) -> str:
    """Where a refused contact's text waits in the session for the panel to show it again."""
    return f"feedback.outreach_draft.{feedback_id}"


def _back(feedback: Feedback) -> HttpResponse:
    if feedback.case_id:
        return redirect("helpdesk:case", case_id=feedback.case_id)
    return redirect("feedback:entry")


def _refused(request: HttpRequest, exc: Exception) -> None:
    messages.error(request, " ".join(exc.messages) if isinstance(exc, ValidationError) else str(exc))


def _form_errors(request: HttpRequest, form) -> None:
    messages.error(request, " ".join(f"{error}" for errors in form.errors.values() for error in errors))


@require_POST
@role_required()
def removal_request_create_view(request: HttpRequest, feedback_id: int) -> HttpResponse:
    feedback = feedback_get(request.user, feedback_id=feedback_id)
    form = RemovalRequestForm(request.POST)
    if not form.is_valid():
        _form_errors(request, form)
        return _back(feedback)
    try:
        removal_request_create(feedback=feedback, actor=request.user, **form.cleaned_data)
    except ValidationError as exc:
        _refused(request, exc)
    else:
        messages.success(request, "Removal request recorded: record Amazon's answer when it comes.")
    return _back(feedback)


@require_POST
@role_required()
def removal_request_outcome_view(request: HttpRequest, request_id: int) -> HttpResponse:
    removal_request = removal_request_get(request.user, request_id=request_id)
    form = RemovalOutcomeForm(request.POST)
    if not form.is_valid():
        _form_errors(request, form)
        return _back(removal_request.feedback)
    try:
        removal_request = removal_request_transition(
            removal_request=removal_request, to=form.cleaned_data["outcome"], actor=request.user
        )
    except InvalidTransition as exc:
        _refused(request, exc)
    else:
        messages.success(request, f"Amazon's answer recorded: {removal_request.get_outcome_display().lower()}.")
    return _back(removal_request.feedback)


@require_POST
@role_required()
def resolution_create_view(request: HttpRequest, feedback_id: int) -> HttpResponse:
    feedback = feedback_get(request.user, feedback_id=feedback_id)
    form = ResolutionForm(request.POST)
    if not form.is_valid():
        _form_errors(request, form)
        return _back(feedback)
    try:
        feedback_resolution_record(feedback=feedback, actor=request.user, **form.cleaned_data)
    except ValidationError as exc:
        _refused(request, exc)
    else:
        messages.success(request, "Resolution recorded.")
    return _back(feedback)


@require_POST
@role_required()
def outreach_create_view(request: HttpRequest, feedback_id: int) -> HttpResponse:
    """Every rule is enforced by the service, whatever the form offered."""
    feedback = feedback_get(request.user, feedback_id=feedback_id)
    form = OutreachForm(request.POST)
    if not form.is_valid():
        _form_errors(request, form)
        return _back(feedback)
    try:
        contact = feedback_outreach_send(feedback=feedback, actor=request.user, **form.cleaned_data)
    except OutreachRefused as exc:
        request.session[outreach_draft_key(feedback.id)] = form.cleaned_data["text"]
        messages.error(request, f"Not sent: {exc}")
    else:
        messages.success(request, f"Queued for the buyer's relay address {contact.reply.to_address}.")
    return _back(feedback)


@require_POST
@role_required()
def outreach_outcome_view(request: HttpRequest, contact_id: int) -> HttpResponse:
    contact = outreach_contact_get(request.user, contact_id=contact_id)
    form = OutreachOutcomeForm(request.POST)
    if not form.is_valid():
        _form_errors(request, form)
        return _back(contact.feedback)
    try:
        outreach_contact_transition(
            contact=contact,
            to=form.cleaned_data["outcome"],
            new_rating=form.cleaned_data["new_rating"],
            actor=request.user,
        )
    except (InvalidTransition, ValidationError) as exc:
        _refused(request, exc)
    else:
        messages.success(request, "Outcome recorded.")
    return _back(contact.feedback)


@require_POST
@role_required()
def response_save_view(request: HttpRequest, feedback_id: int) -> HttpResponse:
    feedback = feedback_get(request.user, feedback_id=feedback_id)
    form = ResponseForm(request.POST)
    if not form.is_valid():
        _form_errors(request, form)
        return _back(feedback)
    posted = request.POST.get("action") == "post"
    feedback_response_save(feedback=feedback, text=form.cleaned_data["text"], posted=posted, actor=request.user)
    messages.success(request, "Public response recorded as posted." if posted else "Draft saved.")
    return _back(feedback)


@role_required(Role.ADMIN)
def outreach_settings(request: HttpRequest, account_id: int) -> HttpResponse:
    account = account_get(request.user, account_id=account_id, min_role=Role.ADMIN)
    settings = outreach_settings_get(account=account)
    form = OutreachSettingsForm(request.POST or None, instance=settings)
    if request.method == "POST" and form.is_valid():
        outreach_settings_update(account=account, actor=request.user, **form.cleaned_data)
        messages.success(request, "Outreach limits saved.")
        return redirect(reverse("feedback:page") + f"?account={account.id}")
    return render(request, "feedback/settings.html", {"form": form, "account": account})
