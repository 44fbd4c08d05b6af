from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from helpdesk.models import Role
from helpdesk.registry import registry
from helpdesk.selectors import accounts_for, clock_stats

from .access import role_required

WINDOWS = (7, 30, 90)


@role_required(Role.MANAGER)
def dashboard(request: HttpRequest) -> HttpResponse:
    """Per account: clocks met on time, met late, breached and open, over 7, 30 and 90 days, then
    each app's own figures (the sections it registered)."""
    rows = [
        {"account": account, "windows": [clock_stats(account_ids=[account.id], days=days) for days in WINDOWS]}
        for account in accounts_for(request.user, min_role=Role.MANAGER)
    ]
    context = {"rows": rows, "windows": WINDOWS, "sections": registry.dashboard_sections()}
    return render(request, "helpdesk/dashboard.html", context)
