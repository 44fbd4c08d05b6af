"""The unified queue and the case page."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from helpdesk.exports import csv_response
from helpdesk.forms import PriorityForm, QueueFilterForm, StatusForm
from helpdesk.models import CaseStatus, Priority, Role
from helpdesk.models.cases import CASE_TRANSITIONS, FINAL_STATUSES
from helpdesk.registry import registry
from helpdesk.selectors import (
    QUEUE_SORTS,
    QueueFilters,
    account_ids_for,
    accounts_for,
    assignable_people,
    assignable_users,
    case_deadlines,
    case_deadlines_read,
    case_get,
    case_rows,
    case_timeline,
    has_role,
    order_other_cases,
    queue_cases,
)
from helpdesk.services.cases import case_assign, case_set_priority, case_status_set, cases_bulk_assign, may_close
from helpdesk.services.lifecycle import InvalidTransition

from .access import role_required
from .auth import safe_next

PAGE_SIZE = 30
# The client event that makes the case page's own cards fetch themselves again (see helpdesk/case.html).
CASE_CHANGED = "case-changed"
CASE_PARTS = frozenset({"head", "clocks", "work"})


def _queue_filters(request: HttpRequest) -> tuple[QueueFilterForm, QueueFilters, int, list[tuple[int, str]]]:
    """The filter form, the filters it gives, the page asked for, and the people cases may go to."""
    accounts = list(accounts_for(request.user))
    people = assignable_people(request.user)
    form = QueueFilterForm(request.GET or None, accounts=accounts, people=people, user=request.user)
    data = form.cleaned_data if form.is_valid() else {}
    filters = QueueFilters(
        kind=data.get("kind") or "",
        status=data.get("status") or "active",
        assignee=data.get("assignee") or "",
        account=data.get("account"),
        due_within_hours=data.get("due"),
        sort=data.get("sort") or "due",
    )
    return form, filters, data.get("page") or 1, people


def _queue_context(request: HttpRequest) -> dict:
    form, filters, page, people = _queue_filters(request)
    start = (page - 1) * PAGE_SIZE
    # One extra row tells whether a next page exists, without counting a million rows.
    rows = list(queue_cases(request.user, filters)[start : start + PAGE_SIZE + 1])
    query = request.GET.copy()
    query.pop("page", None)
    return {
        "headers": _headers(query, filters.sort),
        "form": form,
        "cases": rows[:PAGE_SIZE],
        "page": page,
        "has_next": len(rows) > PAGE_SIZE,
        "query": query.urlencode(),
        "assignees": [(pk, name) for pk, name in people if pk != request.user.id],
        "next_url": request.get_full_path(),
        "may_export": bool(account_ids_for(request.user, min_role=Role.MANAGER)),
    }


QUEUE_COLUMNS = [
    ("due", "Due"),
    ("kind", "Kind"),
    ("order", "Order"),
    ("buyer", "Buyer"),
    ("", "Subject"),
    ("", "Status"),
    ("assignee", "Assignee"),
    ("", "Account"),
]


def _headers(query, current: str) -> list[dict[str, str]]:
    """The queue's column headers: a sortable one carries the query that sorts by it (the other way
    round if it is the current order; the filters kept, back to the first page) and its aria-sort."""
    headers = []
    for column, label in QUEUE_COLUMNS:
        header = {"column": column, "label": label, "query": "", "state": ""}
        if column in QUEUE_SORTS:
            state = "ascending" if current == column else "descending" if current == f"-{column}" else ""
            link = query.copy()
            link["sort"] = f"-{column}" if state == "ascending" else column
            header |= {"query": link.urlencode(), "state": state}
        headers.append(header)
    return headers


@role_required()
def queue(request: HttpRequest) -> HttpResponse:
    context = _queue_context(request)
    template = "helpdesk/queue.html#results" if request.htmx else "helpdesk/queue.html"
    return render(request, template, context)


@role_required(Role.MANAGER)
def queue_export(request: HttpRequest) -> StreamingHttpResponse:
    """The queue as filtered, every page of it, for the accounts the user manages."""
    _, filters, _, _ = _queue_filters(request)
    cases = queue_cases(request.user, filters, min_role=Role.MANAGER)
    return csv_response(request, filename="queue.csv", rows=case_rows(cases), what="the queue")


def _assignee_from(request: HttpRequest, users) -> tuple[bool, object]:
    """(valid, user or None) from the posted `assignee`: "me", "" for nobody, or a user id."""
    value = request.POST.get("assignee", "")
    if value == "me":
        return True, request.user
    if value == "":
        return True, None
    by_id = {str(u.id): u for u in users}
    return (value in by_id), by_id.get(value)


@require_POST
@role_required()
def case_assign_view(request: HttpRequest, case_id: int) -> HttpResponse:
    case = case_get(request.user, case_id=case_id)
    users = list(assignable_users(request.user))
    valid, assignee = _assignee_from(request, users)
    if not valid:
        return HttpResponse("Unknown assignee.", status=400)
    try:
        case = case_assign(case=case, assignee=assignee, actor=request.user)
    except (PermissionDenied, ValidationError) as exc:
        text = " ".join(getattr(exc, "messages", [str(exc)]))
        if request.htmx:
            return HttpResponse(text, status=403 if isinstance(exc, PermissionDenied) else 400)
        messages.error(request, text)
        return redirect(safe_next(request, request.POST.get("next"), reverse("helpdesk:case", args=[case.id])))
    if request.htmx:
        case = case_get(request.user, case_id=case.id)
        next_url = safe_next(request, request.POST.get("next"), "")
        return render(request, "helpdesk/queue.html#row", {"case": case, "next_url": next_url})
    messages.success(request, f"Case #{case.id} assigned.")
    return redirect(safe_next(request, request.POST.get("next"), reverse("helpdesk:case", args=[case.id])))


@require_POST
@role_required()
def cases_bulk_assign_view(request: HttpRequest) -> HttpResponse:
    users = list(assignable_users(request.user))
    valid, assignee = _assignee_from(request, users)
    ids = [int(i) for i in request.POST.getlist("case") if i.isdigit()]
    if not valid:
        return HttpResponse("Unknown assignee.", status=400)
    try:
        assigned, refused = cases_bulk_assign(case_ids=ids, assignee=assignee, actor=request.user)
    except ValidationError as exc:
        return HttpResponse(" ".join(exc.messages), status=400)
    note = f"{assigned} case{'s' if assigned != 1 else ''} assigned."
    if refused:
        note += f" {refused} held by someone else: ask a manager."
    messages.success(request, note)
    if request.htmx:
        context = _queue_context(request)
        return render(request, "helpdesk/queue.html#results", context)
    return redirect(reverse("helpdesk:queue") + ("?" + request.GET.urlencode() if request.GET else ""))


def _case_cards(request: HttpRequest, case) -> dict:
    """What the case's own cards (head, clocks, work) show: the page's and each partial's."""
    return {
        "case": case,
        "deadlines": [(d, registry.clock(d.kind).met) for d in case_deadlines(case)],
        # (id, name) pairs, not model instances: an account's whole team is listed on every case page.
        "users": assignable_people(request.user),
        "transitions": [
            (s, CaseStatus(s).label)
            for s in CaseStatus.values
            if s in CASE_TRANSITIONS[case.status] and (s not in FINAL_STATUSES or may_close(request.user, case))
        ],
        "priorities": Priority.choices,
        "is_manager": has_role(request.user, case.account_id, Role.MANAGER),
    }


@role_required()
def case_detail(request: HttpRequest, case_id: int) -> HttpResponse:
    case = case_get(request.user, case_id=case_id)
    part = request.GET.get("part", "")
    if request.htmx and part in CASE_PARTS:
        return render(request, f"helpdesk/case.html#{part}", _case_cards(request, case))
    case_deadlines_read(case)  # once for the clocks card and the panel
    # The kind's own app renders its part of the page.
    panel_template, panel_context = registry.panel(case.kind)(request, case)
    context = {
        **panel_context,
        **_case_cards(request, case),
        "items": list(case.order.items.all()) if case.order else [],
        "timeline": list(case_timeline(case)),
        "order_cases": order_other_cases(case),
        "panel": panel_template,
    }
    return render(request, "helpdesk/case.html", context)


@require_POST
@role_required()
def case_status_view(request: HttpRequest, case_id: int) -> HttpResponse:
    case = case_get(request.user, case_id=case_id)
    form = StatusForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Choose a status.")
    else:
        try:
            case_status_set(case=case, to=form.cleaned_data["status"], actor=request.user)
            messages.success(
                request, f"Case #{case.id} is now {CaseStatus(form.cleaned_data['status']).label.lower()}."
            )
        except (InvalidTransition, PermissionDenied) as exc:
            messages.error(request, str(exc))
    return redirect("helpdesk:case", case_id=case.id)


@require_POST
@role_required()
def case_priority_view(request: HttpRequest, case_id: int) -> HttpResponse:
    case = case_get(request.user, case_id=case_id)
    if not has_role(request.user, case.account_id, Role.MANAGER):
        raise PermissionDenied("Only managers change priority.")
    form = PriorityForm(request.POST)
    if form.is_valid():
        case_set_priority(case=case, priority=form.cleaned_data["priority"], actor=request.user)
        messages.success(request, "Priority changed.")
    else:
        messages.error(request, "Choose a priority.")
    return redirect("helpdesk:case", case_id=case.id)
