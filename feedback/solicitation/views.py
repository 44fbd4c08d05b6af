"""Request a Review pages: tomorrow's batch, SKU exclusions, the request log (managers);
the rules (admins). The SP-API credentials are the account's (`helpdesk.views.amazon`)."""

from datetime import timedelta

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from helpdesk.models import Role, SellerAccount
from helpdesk.selectors import account_get, accounts_for, has_role
from helpdesk.spapi.credentials import spapi_connected
from helpdesk.views.access import role_required

from .forms import ExclusionForm, PreviewDateForm, RequestFilterForm, RulesForm
from .selectors import (
    settings_and_connection_for,
    sku_exclusion_get,
    sku_exclusions_for,
    solicitation_candidates,
    solicitation_requests_for,
    solicitation_settings_for,
)
from .services import (
    sku_exclusion_add,
    sku_exclusion_remove,
    solicitation_pause,
    solicitation_rules_update,
    solicitation_run,
)

REQUESTS_PER_PAGE = 50


def _today(account: SellerAccount):
    return timezone.localdate(timezone=account.tzinfo)


@role_required(Role.MANAGER)
def index(request: HttpRequest) -> HttpResponse:
    account = accounts_for(request.user, min_role=Role.MANAGER).order_by("name", "id").first()
    return redirect("solicitation:preview", account_id=account.id)


def _render_preview(
    request: HttpRequest, account: SellerAccount, *, exclusion_form: ExclusionForm | None = None, status: int = 200
) -> HttpResponse:
    tomorrow = _today(account) + timedelta(days=1)
    date_form = PreviewDateForm(request.GET or None, initial={"on": tomorrow})
    on_date = (date_form.cleaned_data["on"] if date_form.is_valid() else None) or tomorrow
    candidates = solicitation_candidates(account=account, on_date=on_date)
    rules, connection = settings_and_connection_for(account)
    context = {
        "account": account,
        "accounts": accounts_for(request.user, min_role=Role.MANAGER).order_by("name", "id"),
        "rules": rules,
        "connection": connection,
        "live": spapi_connected(connection),
        "is_admin": has_role(request.user, account.id, Role.ADMIN),
        "date_form": date_form,
        "on_date": on_date,
        "is_tomorrow": on_date == tomorrow,
        "candidates": sorted(candidates, key=lambda c: not c.included),
        "included_count": sum(c.included for c in candidates),
        "exclusions": sku_exclusions_for(account),
        "exclusion_form": exclusion_form or ExclusionForm(),
    }
    template = "solicitation/preview.html#candidates" if request.htmx else "solicitation/preview.html"
    return render(request, template, context, status=status)


@role_required(Role.MANAGER)
def preview(request: HttpRequest, account_id: int) -> HttpResponse:
    account = account_get(request.user, account_id=account_id, min_role=Role.MANAGER)
    return _render_preview(request, account)


@require_POST
@role_required(Role.MANAGER)
def pause(request: HttpRequest, account_id: int) -> HttpResponse:
    account = account_get(request.user, account_id=account_id, min_role=Role.MANAGER)
    solicitation_pause(account=account, paused=True, actor=request.user)
    messages.success(request, f"Review requests paused for {account.name}. Nothing is sent until you resume.")
    return redirect("solicitation:preview", account_id=account.id)


@require_POST
@role_required(Role.MANAGER)
def resume(request: HttpRequest, account_id: int) -> HttpResponse:
    account = account_get(request.user, account_id=account_id, min_role=Role.MANAGER)
    solicitation_pause(account=account, paused=False, actor=request.user)
    messages.success(request, f"Review requests resumed for {account.name}.")
    return redirect("solicitation:preview", account_id=account.id)


@require_POST
@role_required(Role.MANAGER)
def run(request: HttpRequest, account_id: int) -> HttpResponse:
    account = account_get(request.user, account_id=account_id, min_role=Role.MANAGER)
    if solicitation_settings_for(account).paused:
        messages.error(request, "Review requests are paused for this account: resume them first.")
        return redirect("solicitation:preview", account_id=account.id)
    result = solicitation_run(account=account, on_date=_today(account), actor=request.user)
    messages.success(
        request, f"Today's batch: {result.created} new review request{'s' if result.created != 1 else ''} queued."
    )
    return redirect("solicitation:request_log", account_id=account.id)


@require_POST
@role_required(Role.MANAGER)
def exclusion_add(request: HttpRequest, account_id: int) -> HttpResponse:
    account = account_get(request.user, account_id=account_id, min_role=Role.MANAGER)
    form = ExclusionForm(request.POST)
    if form.is_valid():
        try:
            sku_exclusion_add(account=account, actor=request.user, **form.cleaned_data)
            messages.success(request, f"SKU {form.cleaned_data['sku']} excluded from review requests.")
            return redirect("solicitation:preview", account_id=account.id)
        except ValidationError as exc:
            form.add_error("sku", exc)
    return _render_preview(request, account, exclusion_form=form, status=400)


@require_POST
@role_required(Role.MANAGER)
def exclusion_remove(request: HttpRequest, exclusion_id: int) -> HttpResponse:
    exclusion = sku_exclusion_get(request.user, exclusion_id=exclusion_id)
    sku_exclusion_remove(exclusion=exclusion, actor=request.user)
    messages.success(request, f"SKU {exclusion.sku} is asked for reviews again.")
    return redirect("solicitation:preview", account_id=exclusion.account_id)


@role_required(Role.MANAGER)
def request_log(request: HttpRequest, account_id: int) -> HttpResponse:
    account = account_get(request.user, account_id=account_id, min_role=Role.MANAGER)
    form = RequestFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    page = Paginator(solicitation_requests_for(account, state=filters.get("state", "")), REQUESTS_PER_PAGE).get_page(
        filters.get("page")
    )
    query = request.GET.copy()
    query.pop("page", None)
    context = {"account": account, "form": form, "page": page, "query": query.urlencode()}
    template = "solicitation/requests.html#rows" if request.htmx else "solicitation/requests.html"
    return render(request, template, context)


def _render_settings(
    request: HttpRequest,
    account: SellerAccount,
    *,
    rules_form: RulesForm | None = None,
    status: int = 200,
) -> HttpResponse:
    rules, connection = settings_and_connection_for(account)
    context = {
        "account": account,
        "rules_form": rules_form or RulesForm(instance=rules),
        "live": spapi_connected(connection),
    }
    return render(request, "solicitation/settings.html", context, status=status)


@role_required(Role.ADMIN)
def settings_page(request: HttpRequest, account_id: int) -> HttpResponse:
    account = account_get(request.user, account_id=account_id, min_role=Role.ADMIN)
    return _render_settings(request, account)


@require_POST
@role_required(Role.ADMIN)
def rules(request: HttpRequest, account_id: int) -> HttpResponse:
    account = account_get(request.user, account_id=account_id, min_role=Role.ADMIN)
    form = RulesForm(request.POST, instance=solicitation_settings_for(account))
    if not form.is_valid():
        return _render_settings(request, account, rules_form=form, status=400)
    solicitation_rules_update(account=account, actor=request.user, **form.cleaned_data)
    messages.success(request, "Review request rules saved.")
    return redirect("solicitation:settings", account_id=account.id)
