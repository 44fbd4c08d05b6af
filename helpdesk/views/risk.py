from collections.abc import Iterator
from datetime import UTC

from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render

from helpdesk.exports import csv_response
from helpdesk.models import Role
from helpdesk.risk import RiskBuyer, risk_buyers
from helpdesk.selectors import account_ids_for, accounts_for

from .access import role_required


@role_required(Role.MANAGER)
def risk(request: HttpRequest) -> HttpResponse:
    """Buyers with fraud signals on the accounts the user manages, from every app that reports them."""
    accounts = {a.id: a for a in accounts_for(request.user, min_role=Role.MANAGER)}
    buyers = risk_buyers(account_ids=account_ids_for(request.user, min_role=Role.MANAGER))
    return render(request, "helpdesk/risk.html", {"buyers": [(b, accounts[b.account_id]) for b in buyers]})


RISK_EXPORT_HEADER = ["Buyer", "Account", "Signal", "Evidence", "Order ID", "Case", "Latest (UTC)"]


def _risk_rows(buyers: list[RiskBuyer], accounts: dict) -> Iterator[list[str]]:
    yield RISK_EXPORT_HEADER
    for buyer in buyers:
        for s in buyer.signals:
            at = s.at.astimezone(UTC).strftime("%Y-%m-%d %H:%M")
            account = accounts[buyer.account_id].name
            yield [buyer.buyer, account, s.signal, s.evidence, s.amazon_order_id, str(s.case_id or ""), at]


@role_required(Role.MANAGER)
def risk_export(request: HttpRequest) -> StreamingHttpResponse:
    """The risk list, one row per signal, of the accounts the user manages."""
    accounts = {a.id: a for a in accounts_for(request.user, min_role=Role.MANAGER)}
    buyers = risk_buyers(account_ids=account_ids_for(request.user, min_role=Role.MANAGER))
    return csv_response(request, filename="risk.csv", rows=_risk_rows(buyers, accounts), what="the risk list")
