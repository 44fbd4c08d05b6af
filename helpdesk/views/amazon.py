"""A seller account's Amazon connection: its SP-API credentials and the order sync (admins of the account)."""

from django.contrib import messages
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from helpdesk.forms import CredentialsForm
from helpdesk.models import Role, SellerAccount
from helpdesk.selectors import account_get
from helpdesk.spapi.credentials import FIELDS, credential_sources, spapi_connected
from helpdesk.spapi.selectors import amazon_connection_for
from helpdesk.spapi.services import order_sync_request, spapi_credentials_update
from helpdesk.tasks import sync_account_orders

from .access import role_required


def _render(
    request: HttpRequest, account: SellerAccount, *, form: CredentialsForm | None = None, status: int = 200
) -> HttpResponse:
    form = form or CredentialsForm()
    connection = amazon_connection_for(account)
    sources = credential_sources(connection)
    context = {
        "account": account,
        "connection": connection,
        "connected": spapi_connected(connection),
        # (label, the setting a value may come from, where it comes from)
        "credentials": [(form[name].label, setting, sources[name]) for name, (_field, setting) in FIELDS.items()],
        "form": form,
    }
    return render(request, "helpdesk/amazon.html", context, status=status)


@role_required(Role.ADMIN)
def amazon(request: HttpRequest, account_id: int) -> HttpResponse:
    account = account_get(request.user, account_id=account_id, min_role=Role.ADMIN)
    return _render(request, account)


@require_POST
@role_required(Role.ADMIN)
def amazon_credentials(request: HttpRequest, account_id: int) -> HttpResponse:
    account = account_get(request.user, account_id=account_id, min_role=Role.ADMIN)
    form = CredentialsForm(request.POST)
    if not form.is_valid():
        return _render(request, account, form=form, status=400)
    changed = spapi_credentials_update(account=account, actor=request.user, **form.cleaned_data)
    verb = "removed" if form.cleaned_data["clear"] else "saved"
    messages.success(request, f"SP-API credentials {verb}: {', '.join(changed) or 'nothing was stored'}.")
    return redirect("helpdesk:amazon", account_id=account.id)


@require_POST
@role_required(Role.ADMIN)
def amazon_sync_orders(request: HttpRequest, account_id: int) -> HttpResponse:
    account = account_get(request.user, account_id=account_id, min_role=Role.ADMIN)
    if not spapi_connected(amazon_connection_for(account)):
        messages.error(request, "Enter the SP-API credentials first: orders are read from Amazon with them.")
    else:
        with transaction.atomic():
            order_sync_request(account=account, actor=request.user)
            sync_account_orders.delay_on_commit(account.id)
        messages.success(request, "Order sync queued: this page shows its result once it has run.")
    return redirect("helpdesk:amazon", account_id=account.id)
