"""The composer on a buyer-message case, and the outbound pages for managers and admins.

The composer is not a page of its own: messaging's case panel includes
`outbound/composer.html` with `composer_context(request, case)`, and the views
here answer its forms: htmx swaps a partial of that template, a plain post
redirects back to the case page (a refused draft waits in the session).
"""

import functools
import uuid

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST
from django_htmx.http import HttpResponseClientRefresh, trigger_client_event

from helpdesk.models import Case, Role
from helpdesk.selectors import account_get, accounts_for, case_get, has_role
from helpdesk.services.lifecycle import InvalidTransition
from helpdesk.views.access import role_required
from helpdesk.views.queue import CASE_CHANGED
from messaging.models import Conversation

from . import canned as canned_text
from .attachments import AttachmentRefused, files_read
from .cap import contact_cap_for, contact_cap_refusal, contact_cap_update
from .forms import CannedResponseForm, ContactCapForm, EntryForm, MarkForm, OutboundSettingsForm, ReplyForm
from .models import PENDING_STATUSES, OutboundSettings
from .presence import presence_beat, presence_others
from .selectors import (
    call_prompt_get,
    call_prompts_open,
    canned_for_account,
    canned_get,
    canned_values,
    conversation_of,
    flagged_conversations,
    latest_inbound_id,
    mark_get,
    message_clock,
    open_suspicion,
    replies_of,
    reply_get,
    sender_for,
)
from .services import (
    AttachmentsBlocked,
    ComplianceBlocked,
    ReplyRefused,
    StaleReply,
    call_prompt_dismiss,
    canned_response_delete,
    canned_response_save,
    conversation_mark,
    entry_add,
    mark_review,
    outbound_settings_save,
    reply_confirm,
    reply_queue,
    reply_retry,
)

COMPOSER = "outbound/composer.html"


def _draft_key(case_id: int) -> str:
    return f"outbound:draft:{case_id}"


def _errors(exc: ValidationError) -> str:
    return " ".join(exc.messages)


def _case_url(case: Case) -> str:
    return reverse("helpdesk:case", args=[case.id])


def _delivery(case: Case, conversation) -> dict:
    replies = replies_of(conversation)
    return {
        "case": case,
        "replies": replies,
        "pending": any(reply.status in PENDING_STATUSES for reply in replies),
        "clock": message_clock(case),
    }


def _with_canned(request: HttpRequest, case: Case, conversation, *, text: str, canned_id: str) -> str:
    """The draft with the picked canned response filled in after it."""
    parts = [text.strip()]
    if canned_id.isdigit():
        canned = canned_get(request.user, canned_id=int(canned_id))
        if canned.account_id == case.account_id:
            parts.append(canned_text.fill(canned.body, canned_values(conversation=conversation, agent=request.user)))
    return "\n\n".join(part for part in parts if part)


def _reply_form(
    request: HttpRequest,
    case: Case,
    *,
    conversation,
    form: ReplyForm,
    refusal: ReplyRefused | None = None,
    latest_inbound: int | None = None,
) -> dict:
    """What the reply form partial needs (`latest_inbound`: the thread's newest buyer message, if the
    caller has read it already)."""
    text = (form["text"].value() or "") if form.is_bound else form.initial.get("text", "")
    if latest_inbound is None:
        latest_inbound = latest_inbound_id(conversation)
    # A conversation the buyer has not written in: the reply is a message they did not ask for, under the cap.
    unasked = bool(conversation.amazon_order_id) and not latest_inbound
    return {
        "case": case,
        "conversation": conversation,
        "form": form,
        "variables": " ".join(canned_text.VARIABLES),
        "unfilled": canned_text.unfilled(text),
        "refusal": refusal,
        "cap_refusal": contact_cap_refusal(account=case.account, amazon_order_id=conversation.amazon_order_id)
        if unasked
        else None,
        "canned": list(canned_for_account(case.account_id).values("id", "name")),
        "is_manager": has_role(request.user, case.account_id, Role.MANAGER),
    }


@functools.cache
def _entry_direction() -> str:
    """The note-or-call radio buttons of the composer's entry form: the same HTML on every case page
    (the form is always drawn empty there), so rendered once, not through six widget templates each time."""
    return str(EntryForm()["direction"])


def _composer(request: HttpRequest, case: Case, *, conversation) -> dict:
    latest_inbound = latest_inbound_id(conversation)
    form = ReplyForm(
        initial={
            "key": uuid.uuid4().hex,
            "seen": latest_inbound,
            # A draft the server refused, or one a template was inserted into without htmx.
            "text": request.session.pop(_draft_key(case.id), ""),
        }
    )
    return {
        **_reply_form(request, case, conversation=conversation, form=form, latest_inbound=latest_inbound),
        "call_prompts": call_prompts_open(conversation),
        "presence": presence_others(case=case, user=request.user),
        "suspicion": open_suspicion(conversation),
        "entry_direction": _entry_direction(),
        **_delivery(case, conversation),
    }


def composer_context(request: HttpRequest, case: Case, conversation: Conversation | None) -> dict:
    """For messaging's case panel, given the case's conversation (which it has read already):
    `{% if composer %}{% include "outbound/composer.html" %}{% endif %}` with this merged in.
    `composer` is None for a case without a conversation."""
    return {"composer": _composer(request, case, conversation=conversation) if conversation else None}


def _refused_form(form: ReplyForm, conversation) -> ReplyForm:
    """The agent's draft again, with the thread's newest message counted as seen now that it is shown."""
    data = form.data.copy()
    data["seen"] = latest_inbound_id(conversation)
    data["approval_reason"] = ""
    return ReplyForm(data)


def _queue(**kwargs) -> None:
    """reply_queue, a case without a conversation being 404 as for every composer action."""
    try:
        reply_queue(**kwargs)
    except Conversation.DoesNotExist as exc:
        raise Http404("This case has no conversation.") from exc


@require_POST
@role_required()
def reply(request: HttpRequest, case_id: int) -> HttpResponse:
    # With its account (the audit rows and the form shown again read it), not its order or assignee.
    case = case_get(request.user, case_id=case_id, related=["account"])
    form = ReplyForm(request.POST, request.FILES)
    refusal: ReplyRefused | ValidationError | None = None
    if form.is_valid():
        try:
            try:
                files = files_read(form.cleaned_data["attachments"])
            except AttachmentRefused as exc:
                raise AttachmentsBlocked(f"{exc} Attach the files again once they fit.") from exc
            _queue(
                case=case,
                author=request.user,
                body=form.cleaned_data["text"],
                key=form.cleaned_data["key"],
                seen_message_id=form.cleaned_data["seen"],
                approval_reason=form.cleaned_data["approval_reason"],
                files=files,
            )
        except (ReplyRefused, ValidationError) as exc:
            refusal = exc
        else:
            if request.htmx:
                return HttpResponseClientRefresh()
            messages.success(request, "Reply queued; it goes out in a moment.")
            return redirect(_case_url(case))
    # Read only for a form shown again: a reply that went through needs no more than reply_queue reads.
    conversation = conversation_of(case)
    if request.htmx:
        if isinstance(refusal, ReplyRefused):
            form = _refused_form(form, conversation)
        elif refusal is not None:
            form.add_error(None, _errors(refusal))
        context = _reply_form(
            request,
            case,
            conversation=conversation,
            form=form,
            refusal=refusal if isinstance(refusal, ReplyRefused) else None,
        )
        return render(request, f"{COMPOSER}#reply-form", {"composer": context})
    request.session[_draft_key(case.id)] = request.POST.get("text", "")
    if refusal is None:
        messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))
    elif isinstance(refusal, ValidationError):
        messages.error(request, _errors(refusal))
    else:
        messages.error(request, str(refusal))
        if isinstance(refusal, StaleReply):
            for message in refusal.newer:
                messages.warning(request, f"New from the buyer: {message.body_text[:300]}")
        elif isinstance(refusal, ComplianceBlocked):
            for label, finding in refusal.labelled:
                messages.warning(request, f"{label}: “{finding.text}” — {finding.explanation}")
    return redirect(_case_url(case))


@role_required()
def insert(request: HttpRequest, case_id: int) -> HttpResponse:
    """The "Insert template" control: the canned response filled in after the draft. With
    htmx (GET) the reply form comes back; a plain post keeps the result for the case page."""
    case = case_get(request.user, case_id=case_id)
    conversation = conversation_of(case)
    data = request.POST if request.method == "POST" else request.GET
    text = _with_canned(request, case, conversation, text=data.get("text", ""), canned_id=data.get("canned", ""))
    if not request.htmx:
        if request.method == "POST":
            request.session[_draft_key(case.id)] = text
        return redirect(_case_url(case))
    form = ReplyForm(
        initial={
            "key": data.get("key") or uuid.uuid4().hex,
            "seen": data.get("seen") or latest_inbound_id(conversation),
            "text": text,
        }
    )
    context = _reply_form(request, case, conversation=conversation, form=form)
    return render(request, f"{COMPOSER}#reply-form", {"composer": context})


@require_POST
@role_required()
def presence(request: HttpRequest, case_id: int) -> HttpResponse:
    """The composer's heartbeat: every 10 seconds, and on input with typing=1."""
    case = case_get(request.user, case_id=case_id)
    presence_beat(case=case, user=request.user, typing=request.POST.get("typing") == "1")
    context = {"case": case, "presence": presence_others(case=case, user=request.user)}
    return render(request, f"{COMPOSER}#presence", {"composer": context})


@role_required()
def delivery(request: HttpRequest, case_id: int) -> HttpResponse:
    """The replies' delivery states and the clock; polled while a reply is on its way."""
    case = case_get(request.user, case_id=case_id)
    if not request.htmx:
        return redirect(_case_url(case))
    context = _delivery(case, conversation_of(case))
    response = render(request, f"{COMPOSER}#delivery", {"composer": context})
    if not context["pending"]:
        # The last poll: the reply went out (or failed) and the clock moved, so the case page's own
        # cards (status, clocks, work) fetch themselves again and agree with the composer.
        trigger_client_event(response, CASE_CHANGED)
    return response


@require_POST
@role_required()
def call_prompt_dismiss_view(request: HttpRequest, prompt_id: int) -> HttpResponse:
    """No written summary of a logged call will be sent: the reason is required, and audited."""
    prompt = call_prompt_get(request.user, prompt_id=prompt_id)
    try:
        call_prompt_dismiss(prompt=prompt, reason=request.POST.get("reason", ""), actor=request.user)
    except ValidationError as exc:
        messages.error(request, _errors(exc))
    else:
        messages.success(request, "Call summary prompt dismissed.")
    return redirect(_case_url(prompt.conversation.case) + "#call-prompts")


@require_POST
@role_required()
def retry(request: HttpRequest, reply_id: int) -> HttpResponse:
    return _delivery_action(request, reply_id, reply_retry, "Reply queued again.")


@require_POST
@role_required()
def confirm(request: HttpRequest, reply_id: int) -> HttpResponse:
    """An unconfirmed reply the agent found in Seller Central's message history."""
    return _delivery_action(request, reply_id, reply_confirm, "Reply confirmed as sent.")


def _delivery_action(request: HttpRequest, reply_id: int, action, done: str) -> HttpResponse:
    found = reply_get(request.user, reply_id=reply_id)
    case = found.message.conversation.case
    try:
        action(reply=found, actor=request.user)
    except InvalidTransition as exc:
        if request.htmx:
            return HttpResponse(str(exc), status=409)
        messages.error(request, str(exc))
        return redirect(_case_url(case))
    if request.htmx:
        context = _delivery(case, found.message.conversation)
        return render(request, f"{COMPOSER}#delivery", {"composer": context})
    messages.success(request, done)
    return redirect(_case_url(case))


@require_POST
@role_required()
def entry(request: HttpRequest, case_id: int) -> HttpResponse:
    case = case_get(request.user, case_id=case_id)
    conversation_of(case)
    form = EntryForm(request.POST)
    if form.is_valid():
        try:
            message = entry_add(
                case=case, direction=form.cleaned_data["direction"], body=form.cleaned_data["body"], author=request.user
            )
            messages.success(request, f"{message.get_direction_display()} added to the thread.")
        except ValidationError as exc:
            messages.error(request, _errors(exc))
    else:
        messages.error(request, "Write the note or the call summary first.")
    return redirect(_case_url(case))


@require_POST
@role_required()
def mark(request: HttpRequest, case_id: int) -> HttpResponse:
    case = case_get(request.user, case_id=case_id)
    conversation_of(case)
    form = MarkForm(request.POST)
    if form.is_valid():
        found = conversation_mark(
            case=case, kind=form.cleaned_data["kind"], reason=form.cleaned_data["reason"], actor=request.user
        )
        messages.success(request, f"Marked {found.get_kind_display().lower()}; the response clock is stopped.")
    else:
        messages.error(request, "Say why the conversation needs no response, or why it is suspicious.")
    return redirect(_case_url(case))


# --- managers -----------------------------------------------------------------------


@role_required(Role.MANAGER)
def flagged(request: HttpRequest) -> HttpResponse:
    return render(request, "outbound/flagged.html", {"marks": list(flagged_conversations(request.user)[:200])})


@require_POST
@role_required(Role.MANAGER)
def review(request: HttpRequest, mark_id: int) -> HttpResponse:
    found = mark_get(request.user, mark_id=mark_id)
    if mark_review(mark=found, actor=request.user):
        messages.success(request, f"Case #{found.conversation.case_id} reviewed.")
    return redirect("outbound:flagged")


@role_required(Role.MANAGER)
def response_times(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "outbound/response_times.html",
        {"accounts": list(accounts_for(request.user, min_role=Role.MANAGER)), "windows": (7, 30, 90)},
    )


# --- canned responses and the sender (managers and admins) ----------------------------


def _account_page(request, account, *, form=None, sender_form=None, cap_form=None, status=200) -> HttpResponse:
    found = OutboundSettings.objects.filter(account=account).first()
    cap = contact_cap_for(account)
    context = {
        "account": account,
        "cap": cap,
        "cap_form": cap_form
        or ContactCapForm(initial={"max_per_order": cap.max_per_order, "min_hours_between": cap.min_hours_between}),
        "canned": list(canned_for_account(account.id).select_related("updated_by")),
        "form": form or CannedResponseForm(),
        "sender": sender_for(account),
        "sender_form": sender_form
        or OutboundSettingsForm(
            initial={"from_address": found.from_address, "display_name": found.display_name} if found else None
        ),
        "is_admin": has_role(request.user, account.id, Role.ADMIN),
        "variables": canned_text.VARIABLES,
    }
    return render(request, "outbound/account.html", context, status=status)


@role_required(Role.MANAGER)
def account(request: HttpRequest, account_id: int) -> HttpResponse:
    """An account's canned responses (add one with POST) and the address its replies come from."""
    found = account_get(request.user, account_id=account_id, min_role=Role.MANAGER)
    if request.method != "POST":
        return _account_page(request, found)
    form = CannedResponseForm(request.POST)
    if form.is_valid():
        try:
            canned = canned_response_save(account=found, actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            messages.success(request, f"Canned response {canned.name!r} saved.")
            return redirect("outbound:account", account_id=found.id)
    return _account_page(request, found, form=form, status=400)


def _add_errors(form, exc: ValidationError) -> None:
    for field, errors in exc.message_dict.items():
        for error in errors:
            form.add_error(field if field in form.fields else None, error)


@require_POST
@role_required(Role.ADMIN)
def sender(request: HttpRequest, account_id: int) -> HttpResponse:
    found = account_get(request.user, account_id=account_id, min_role=Role.ADMIN)
    form = OutboundSettingsForm(request.POST)
    if not form.is_valid():
        return _account_page(request, found, sender_form=form, status=400)
    outbound_settings_save(account=found, actor=request.user, **form.cleaned_data)
    messages.success(request, f"Replies now come from {sender_for(found)}.")
    return redirect("outbound:account", account_id=found.id)


@require_POST
@role_required(Role.ADMIN)
def contact_cap(request: HttpRequest, account_id: int) -> HttpResponse:
    """The admin-set cap on messages a buyer did not ask for, per order."""
    found = account_get(request.user, account_id=account_id, min_role=Role.ADMIN)
    form = ContactCapForm(request.POST)
    if not form.is_valid():
        return _account_page(request, found, cap_form=form, status=400)
    cap = contact_cap_update(account=found, actor=request.user, **form.cleaned_data)
    messages.success(
        request,
        f"At most {cap.max_per_order} message{'s' if cap.max_per_order != 1 else ''} a buyer did not ask for per "
        f"order, {cap.min_hours_between} hours apart.",
    )
    return redirect(reverse("outbound:account", args=[found.id]) + "#cap-h")


@role_required(Role.MANAGER)
def canned_edit(request: HttpRequest, canned_id: int) -> HttpResponse:
    canned = canned_get(request.user, canned_id=canned_id, min_role=Role.MANAGER)
    form = CannedResponseForm(request.POST or None, initial={"name": canned.name, "body": canned.body})
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                canned_response_save(account=canned.account, actor=request.user, canned=canned, **form.cleaned_data)
            except ValidationError as exc:
                _add_errors(form, exc)
            else:
                messages.success(request, f"Canned response {canned.name!r} saved.")
                return redirect("outbound:account", account_id=canned.account_id)
        status = 400
    context = {"canned": canned, "form": form, "variables": canned_text.VARIABLES}
    return render(request, "outbound/canned_edit.html", context, status=status)


@require_POST
@role_required(Role.MANAGER)
def canned_delete(request: HttpRequest, canned_id: int) -> HttpResponse:
    canned = canned_get(request.user, canned_id=canned_id, min_role=Role.MANAGER)
    canned_response_delete(canned=canned, actor=request.user)
    messages.success(request, f"Canned response {canned.name!r} deleted.")
    return redirect("outbound:account", account_id=canned.account_id)
