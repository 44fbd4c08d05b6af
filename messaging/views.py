"""The ingestion page (upload, recent mail, problems, Amazon notices), downloads, and the admins'
mailbox pages."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseGone
from django.shortcuts import redirect, render
from django.utils.csp import CSP
from django.utils.http import content_disposition_header
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.csp import csp_override
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST

from helpdesk.models import Role
from helpdesk.registry import registry
from helpdesk.selectors import account_get, account_ids_for, accounts_for
from helpdesk.services.lifecycle import InvalidTransition
from helpdesk.views.access import role_required

from .forms import AssignAccountForm, MailboxForm, MailUploadForm
from .models import Mailbox
from .selectors import (
    attachment_get,
    inbound_get,
    inbound_problems,
    inbound_recent,
    mailbox_events,
    mailbox_get,
    mailboxes_for,
    message_get,
    notice_get,
    notices_unhandled,
    problem_get,
)
from .services import (
    MailboxError,
    inbound_assign,
    inbound_retry,
    mail_upload,
    mailbox_env_allowed,
    mailbox_save,
    mailbox_test,
    notice_retry,
)


def _inbox_context(request: HttpRequest, form: MailUploadForm | None = None) -> dict:
    accounts = list(accounts_for(request.user))
    managed = list(accounts_for(request.user, min_role=Role.MANAGER))
    return {
        "form": form or MailUploadForm(accounts=accounts),
        "recent": inbound_recent(request.user),
        "problems": inbound_problems(request.user),
        "notices": list(notices_unhandled(account_ids=account_ids_for(request.user))),
        "handled_kinds": set(registry.notice_kinds()),
        "managed_ids": {a.id for a in managed},
        "assign_accounts": managed,
    }


@role_required()
def inbox(request: HttpRequest) -> HttpResponse:
    template = "messaging/inbox.html#mail" if request.htmx else "messaging/inbox.html"
    return render(request, template, _inbox_context(request))


@require_POST
@role_required()
def inbox_upload(request: HttpRequest) -> HttpResponse:
    accounts = list(accounts_for(request.user))
    form = MailUploadForm(request.POST, request.FILES, accounts=accounts)
    if not form.is_valid():
        return render(request, "messaging/inbox.html", _inbox_context(request, form), status=400)
    chosen = form.cleaned_data["account"]
    result = mail_upload(
        mails=((upload.name, upload.read()) for upload in form.cleaned_data["files"]),  # one at a time
        accounts=accounts,
        chosen=account_get(request.user, account_id=chosen) if chosen else None,
        actor=request.user,
    )
    messages.success(request, result.summary_line())
    for name, reason in result.problems + result.warnings:
        messages.warning(request, f"{name}: {reason}")
    return redirect("messaging:inbox")


def _after_problem_action(request: HttpRequest) -> HttpResponse:
    if request.htmx:
        return render(request, "messaging/inbox.html#mail", _inbox_context(request))
    return redirect("messaging:inbox")


@require_POST
@role_required(Role.MANAGER)
def inbox_retry(request: HttpRequest, mail_id: int) -> HttpResponse:
    mail = problem_get(request.user, mail_id=mail_id)
    try:
        mail = inbound_retry(mail=mail, actor=request.user)
    except InvalidTransition as exc:
        messages.error(request, str(exc))
    else:
        if mail.problem:
            messages.warning(request, f"Mail #{mail.id} still has a problem: {mail.problem}")
        else:
            messages.success(request, f"Mail #{mail.id} read: {mail.get_kind_display().lower()}.")
    return _after_problem_action(request)


@require_POST
@role_required(Role.MANAGER)
def inbox_assign(request: HttpRequest, mail_id: int) -> HttpResponse:
    mail = problem_get(request.user, mail_id=mail_id)
    managed = list(accounts_for(request.user, min_role=Role.MANAGER))
    form = AssignAccountForm(request.POST, accounts=managed)
    if not form.is_valid():
        return HttpResponse("Choose one of the accounts you manage.", status=400)
    account = account_get(request.user, account_id=form.cleaned_data["account"], min_role=Role.MANAGER)
    try:
        mail = inbound_assign(mail=mail, account=account, actor=request.user)
    except (InvalidTransition, ValidationError) as exc:
        messages.error(request, " ".join(getattr(exc, "messages", [str(exc)])))
    else:
        messages.success(request, f"Mail #{mail.id} assigned to {account.name}.")
    return _after_problem_action(request)


@require_POST
@role_required(Role.MANAGER)
def notice_retry_view(request: HttpRequest, mail_id: int) -> HttpResponse:
    mail = notice_get(request.user, mail_id=mail_id)
    try:
        taken = notice_retry(mail=mail, actor=request.user)
    except InvalidTransition as exc:
        messages.error(request, str(exc))
    else:
        if taken:
            messages.success(request, f"Mail #{mail.id} was taken over.")
        else:
            messages.warning(request, f"Mail #{mail.id} still could not be taken over: see its error.")
    return _after_problem_action(request)


def _download(data: bytes, *, filename: str, content_type: str) -> HttpResponse:
    """Always a download, never rendered in the page's origin."""
    response = HttpResponse(data, content_type=content_type or "application/octet-stream")
    response["Content-Disposition"] = content_disposition_header(True, filename or "download")
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "sandbox"
    return response


@role_required()
def inbox_raw(request: HttpRequest, mail_id: int) -> HttpResponse:
    mail = inbound_get(request.user, mail_id=mail_id)
    if mail.purged_at:
        return HttpResponseGone("This mail was removed after the account's retention period.")
    return _download(bytes(mail.raw), filename=f"mail-{mail.id}.eml", content_type="message/rfc822")


@role_required()
def attachment_download(request: HttpRequest, attachment_id: int) -> HttpResponse:
    attachment = attachment_get(request.user, attachment_id=attachment_id)
    if attachment.purged_at:
        return HttpResponseGone("This attachment was removed after the account's retention period.")
    return _download(bytes(attachment.data), filename=attachment.filename, content_type=attachment.content_type)


# The framed message may show images from anywhere, and nothing else: no script, no style, no frame.
FORMATTED_CSP = {
    "default-src": [CSP.NONE],
    "img-src": ["https:", "data:"],
    "frame-ancestors": [CSP.SELF],
    "base-uri": [CSP.NONE],
    "form-action": [CSP.NONE],
}


@xframe_options_sameorigin
@csp_override(FORMATTED_CSP)
@role_required()
def message_formatted(request: HttpRequest, message_id: int) -> HttpResponse:
    """A buyer's message as the sender formatted it, remote images included: opened in a sandboxed
    frame of the case page only when an agent asks for the images."""
    message = message_get(request.user, message_id=message_id)
    if message.purged_at:
        return HttpResponseGone("This message was removed after the account's retention period.")
    return render(request, "messaging/formatted.html", {"message": message})


# --- mailboxes (admins) ---------------------------------------------------------------


def _mailbox_form(request: HttpRequest, mailbox: Mailbox | None = None) -> MailboxForm:
    accounts = list(accounts_for(request.user, min_role=Role.ADMIN))
    return MailboxForm(
        request.POST or None,
        accounts=accounts,
        env_choices={account.id: mailbox_env_allowed(account) for account in accounts},
        mailbox=mailbox,
    )


def _mailbox_saved(request: HttpRequest, form: MailboxForm, mailbox: Mailbox) -> bool:
    if request.method != "POST" or not form.is_valid():
        return False
    try:
        mailbox_save(
            mailbox=mailbox, changes=form.changes(), password=form.cleaned_data["password"], actor=request.user
        )
    except ValidationError as exc:
        form.add_error(None, exc)
        return False
    return True


@sensitive_post_parameters("password")
@role_required(Role.ADMIN)
def mailboxes(request: HttpRequest) -> HttpResponse:
    """The IMAP mailboxes of the admin's accounts, and the form that adds one."""
    form = _mailbox_form(request)
    if request.method == "POST" and form.is_valid():
        account = account_get(request.user, account_id=form.cleaned_data["account"], min_role=Role.ADMIN)
        mailbox = Mailbox(account=account)
        if _mailbox_saved(request, form, mailbox):
            messages.success(request, f"Mailbox {mailbox} added: it is polled every minute.")
            return redirect("messaging:mailbox", mailbox_id=mailbox.id)
    context = {"mailboxes": mailboxes_for(request.user), "form": form}
    return render(request, "messaging/mailboxes.html", context, status=400 if form.errors else 200)


@sensitive_post_parameters("password")
@role_required(Role.ADMIN)
def mailbox(request: HttpRequest, mailbox_id: int) -> HttpResponse:
    """One mailbox: its last poll and errors, its settings, a connection test."""
    found = mailbox_get(request.user, mailbox_id=mailbox_id)
    form = _mailbox_form(request, found)
    if _mailbox_saved(request, form, found):
        messages.success(request, f"Mailbox {found} saved.")
        return redirect("messaging:mailbox", mailbox_id=found.id)
    found.refresh_from_db()  # what is stored, not what a refused form set
    context = {"mailbox": found, "form": form, "events": mailbox_events(found)}
    return render(request, "messaging/mailbox.html", context, status=400 if form.errors else 200)


@require_POST
@role_required(Role.ADMIN)
def mailbox_test_view(request: HttpRequest, mailbox_id: int) -> HttpResponse:
    found = mailbox_get(request.user, mailbox_id=mailbox_id)
    try:
        messages.success(request, mailbox_test(mailbox=found, actor=request.user))
    except MailboxError as exc:
        messages.error(request, str(exc))
    return redirect("messaging:mailbox", mailbox_id=found.id)
