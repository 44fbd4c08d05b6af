"""Order-problem pages: the open problems of the user's accounts with the form that flags an order to
be cancelled, and the case panel's action that tells the buyer."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from helpdesk.models import Role
from helpdesk.selectors import accounts_for
from helpdesk.views.access import role_required

from .forms import FlagForm, TellForm
from .panels import draft_key
from .selectors import order_find, problem_get, problems_open
from .services import ProblemRefused, problem_flag_cancel, problem_tell


def _page(request: HttpRequest, form: FlagForm | None = None, status: int = 200) -> HttpResponse:
    accounts = accounts_for(request.user, min_role=Role.AGENT)
    return render(
        request,
        "problems/page.html",
        {
            "problems": list(problems_open(request.user)[:200]),
            "flag_form": form or FlagForm(accounts=accounts, auto_id="flag_%s"),
        },
        status=status,
    )


@require_GET
@role_required()
def problems_page(request: HttpRequest) -> HttpResponse:
    return _page(request)


@require_POST
@role_required()
def flag_view(request: HttpRequest) -> HttpResponse:
    form = FlagForm(request.POST, accounts=accounts_for(request.user, min_role=Role.AGENT), auto_id="flag_%s")
    if not form.is_valid():
        return _page(request, form, status=400)
    data = form.cleaned_data
    order = order_find(request.user, account_id=data["account"], amazon_order_id=data["amazon_order_id"])
    if order is None:
        form.add_error("amazon_order_id", "No such order on this account: import or sync it first.")
        return _page(request, form, status=400)
    try:
        problem = problem_flag_cancel(order=order, reason=data["reason"], actor=request.user)
    except ProblemRefused as exc:
        form.add_error(None, str(exc))
        return _page(request, form, status=400)
    messages.success(request, f"Order {order.amazon_order_id} flagged: cancel it and tell the buyer within the clock.")
    return redirect("helpdesk:case", case_id=problem.case_id)


@require_POST
@role_required()
def tell_view(request: HttpRequest, problem_id: int) -> HttpResponse:
    problem = problem_get(request.user, problem_id=problem_id)
    back = redirect(reverse("helpdesk:case", args=[problem.case_id]) + "#problem-h")
    form = TellForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))
        return back
    data = form.cleaned_data
    try:
        problem = problem_tell(
            problem=problem,
            text=data["text"],
            key=data["key"],
            seen_message_id=data["seen_message_id"],
            actor=request.user,
        )
    except ProblemRefused as exc:
        request.session[draft_key(problem.id)] = data["text"]
        messages.error(request, f"Not sent: {exc}")
    else:
        messages.success(request, f"The buyer's message is queued to {problem.told_reply.to_address}.")
    return back
