"""The header's search box: the results page and its CSV export."""

from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils.http import urlencode

from helpdesk.exports import csv_response
from helpdesk.models import Role
from helpdesk.search import QUERY_MAX, search_cases, search_export_rows
from helpdesk.selectors import account_ids_for, case_rows

from .access import role_required


def _page(request: HttpRequest) -> int:
    value = request.GET.get("page", "")
    return int(value) if value.isdigit() and 0 < int(value) < 10_000 else 1


@role_required()
def search(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()[:QUERY_MAX]
    result = search_cases(request.user, query, page=_page(request))
    context = {
        "result": result,
        "q": query,
        "query": urlencode({"q": query}),
        "may_export": bool(account_ids_for(request.user, min_role=Role.MANAGER)),
    }
    template = "helpdesk/search.html#results" if request.htmx else "helpdesk/search.html"
    return render(request, template, context)


@role_required(Role.MANAGER)
def search_export(request: HttpRequest) -> StreamingHttpResponse:
    """Every case found (not one page), of the accounts the user manages."""
    query = request.GET.get("q", "").strip()[:QUERY_MAX]
    return csv_response(
        request,
        filename="search.csv",
        rows=case_rows(search_export_rows(request.user, query)),
        what=f"the search results for “{query}”",
    )
