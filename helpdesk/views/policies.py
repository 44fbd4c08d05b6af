"""The Policies page: how each clock runs, per seller account (admins only)."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from helpdesk.forms import PolicyForm
from helpdesk.models import Role
from helpdesk.registry import clock_kind_choices
from helpdesk.selectors import account_get
from helpdesk.services.deadlines import policies_ensure, policy_get, policy_retime_count, policy_update

from .access import role_required


def _forms(account, bound=None):
    forms = []
    for policy in policies_ensure(account=account):
        if bound is not None and bound.prefix == policy.kind:
            forms.append(bound)
        else:
            forms.append(PolicyForm(policy=policy, running=policy_retime_count(policy=policy), prefix=policy.kind))
    return forms


@role_required(Role.ADMIN)
def policies(request: HttpRequest, account_id: int) -> HttpResponse:
    account = account_get(request.user, account_id=account_id, min_role=Role.ADMIN)
    return render(request, "helpdesk/policies.html", {"account": account, "forms": _forms(account)})


@require_POST
@role_required(Role.ADMIN)
def policy_edit(request: HttpRequest, account_id: int, kind: str) -> HttpResponse:
    account = account_get(request.user, account_id=account_id, min_role=Role.ADMIN)
    if kind not in dict(clock_kind_choices()):
        return HttpResponse("Unknown clock.", status=404)
    policy = policy_get(account=account, kind=kind)
    form = PolicyForm(request.POST, policy=policy, running=policy_retime_count(policy=policy), prefix=kind)
    if not form.is_valid():
        return render(
            request, "helpdesk/policies.html", {"account": account, "forms": _forms(account, bound=form)}, status=400
        )
    moved = policy_update(policy=policy, changes=form.changes(), retime=form.cleaned_data["retime"], actor=request.user)
    note = f"{policy.get_kind_display()} policy saved; it applies to clocks started from now on."
    if form.cleaned_data["retime"]:
        note += f" {moved} running clock{'s' if moved != 1 else ''} re-timed."
    messages.success(request, note)
    return redirect("helpdesk:policies", account_id=account.id)
