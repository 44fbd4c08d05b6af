"""Seller accounts, their people and roles: admins only."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from helpdesk.forms import AccountForm, AccountSettingsForm, InviteForm, RoleForm
from helpdesk.models import Invitation, Membership, Role
from helpdesk.selectors import account_get, accounts_for, invitations_pending, scoped
from helpdesk.services.accounts import account_create, account_update, membership_remove, membership_set_role
from helpdesk.services.invitations import invitation_revoke, invitation_send

from .access import role_required


@role_required(Role.ADMIN)
def accounts(request: HttpRequest) -> HttpResponse:
    form = AccountForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            account = account_create(actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, f"Seller account {account.name} created. Add its people next.")
            return redirect("helpdesk:account", account_id=account.id)
    rows = accounts_for(request.user, min_role=Role.ADMIN).prefetch_related("memberships")
    return render(request, "helpdesk/accounts.html", {"accounts": rows, "form": form})


@role_required(Role.ADMIN)
def account_detail(request: HttpRequest, account_id: int) -> HttpResponse:
    account = account_get(request.user, account_id=account_id, min_role=Role.ADMIN)
    form = AccountSettingsForm(request.POST or None, instance=account, prefix="account")
    if request.method == "POST":
        snapshot = {f: getattr(account, f) for f in form.Meta.fields}
        if form.is_valid():
            changes = dict(form.cleaned_data)
            # The form wrote onto the instance; the service compares against the stored values.
            for field, value in snapshot.items():
                setattr(account, field, value)
            try:
                account_update(account=account, actor=request.user, **changes)
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(request, "Account saved.")
                return redirect("helpdesk:account", account_id=account.id)
        for field, value in snapshot.items():
            setattr(account, field, value)
    return render(request, "helpdesk/account.html", _account_context(account, form, InviteForm(prefix="invite")))


def _account_context(account, form: AccountSettingsForm, invite_form: InviteForm) -> dict:
    return {
        "account": account,
        "form": form,
        "invite_form": invite_form,
        "members": account.memberships.select_related("user").order_by("user__username"),
        "invitations": invitations_pending(account),
        "roles": Role.choices,
    }


@require_POST
@role_required(Role.ADMIN)
def member_invite(request: HttpRequest, account_id: int) -> HttpResponse:
    """Invite an email address. The answer never says whether the address has a login elsewhere."""
    account = account_get(request.user, account_id=account_id, min_role=Role.ADMIN)
    form = InviteForm(request.POST, prefix="invite")
    if form.is_valid():
        try:
            invitation = invitation_send(account=account, actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error("email", exc)
        else:
            messages.success(request, f"Invitation sent to {invitation.email}.")
            return redirect("helpdesk:account", account_id=account.id)
    form_page = AccountSettingsForm(instance=account, prefix="account")
    return render(request, "helpdesk/account.html", _account_context(account, form_page, form), status=400)


@require_POST
@role_required(Role.ADMIN)
def invitation_revoke_view(request: HttpRequest, invitation_id: int) -> HttpResponse:
    invitation = get_object_or_404(
        scoped(Invitation.objects.select_related("account"), request.user, min_role=Role.ADMIN), id=invitation_id
    )
    invitation_revoke(invitation=invitation, actor=request.user)
    messages.success(request, f"Invitation of {invitation.email} revoked.")
    return redirect("helpdesk:account", account_id=invitation.account_id)


def _membership(request: HttpRequest, membership_id: int) -> Membership:
    return get_object_or_404(
        scoped(Membership.objects.select_related("account", "user"), request.user, min_role=Role.ADMIN),
        id=membership_id,
    )


@require_POST
@role_required(Role.ADMIN)
def member_role(request: HttpRequest, membership_id: int) -> HttpResponse:
    membership = _membership(request, membership_id)
    form = RoleForm(request.POST)
    if form.is_valid():
        try:
            membership_set_role(membership=membership, role=form.cleaned_data["role"], actor=request.user)
            messages.success(
                request, f"{membership.user.username} is now {Role(form.cleaned_data['role']).label.lower()}."
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
    return redirect("helpdesk:account", account_id=membership.account_id)


@require_POST
@role_required(Role.ADMIN)
def member_remove(request: HttpRequest, membership_id: int) -> HttpResponse:
    membership = _membership(request, membership_id)
    try:
        membership_remove(membership=membership, actor=request.user)
        messages.success(request, f"{membership.user.username} removed.")
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect("helpdesk:account", account_id=membership.account_id)
