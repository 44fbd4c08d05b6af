"""The header's search box: the results page and its CSV export."""

from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils.http import urlencode

from helpdesk.exports import csv_response
from helpdesk.models import Role
from helpdesk.search import QUERY_MAX, Position, search_cases, search_export_rows
from helpdesk.selectors import account_ids_for, case_rows

from .access import role_required


@role_required()
def search(request: HttpRequest) -> HttpResponse:
    """A page of the cases found, newest first; `?before=` (the "Older results" link) goes on from
    where the page before stopped."""
    query = request.GET.get("q", "").strip()[:QUERY_MAX]
    result = search_cases(request.user, query, before=Position.read(request.GET.get("before", "")))
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
