from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from helpdesk.models import Role
from helpdesk.risk import risk_buyers
from helpdesk.selectors import account_ids_for, accounts_for

from .access import role_required


@role_required(Role.MANAGER)
def risk(request: HttpRequest) -> HttpResponse:
    """Buyers with fraud signals on the accounts the user manages, from every app that reports them."""
    accounts = {a.id: a for a in accounts_for(request.user, min_role=Role.MANAGER)}
    buyers = risk_buyers(account_ids=account_ids_for(request.user, min_role=Role.MANAGER))
    return render(request, "helpdesk/risk.html", {"buyers": [(b, accounts[b.account_id]) for b in buyers]})
