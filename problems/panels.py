import uuid
from datetime import timedelta

from django.http import HttpRequest
from django.utils import timezone

from helpdesk.models import Case
from messaging.outbound.cap import contact_cap_refusal
from messaging.outbound.selectors import latest_inbound_id

from .forms import FlagForm, TellForm
from .models import ProblemKind
from .selectors import buyer_target, conversation_for_order, is_cancelled, is_shipped, problem_for_case
from .wording import problem_message

# A delay's proposed new date, when Amazon gave no delivery window to measure it by.
DEFAULT_TRANSIT = timedelta(days=5)


def draft_key(problem_id: int) -> str:
    """Where a refused message waits in the session for the panel to show it again."""
    return f"problems.draft.{problem_id}"


def _new_date(order):
    """A late order's proposed new delivery date: today plus the transit Amazon's window allowed."""
    transit = DEFAULT_TRANSIT
    if order.estimated_delivery_date and order.latest_ship_date:
        transit = max(order.estimated_delivery_date - order.latest_ship_date, timedelta(days=1))
    return timezone.localdate(timezone.now() + transit + timedelta(days=1), timezone=order.account.tzinfo)


def case_panel(request: HttpRequest, case: Case) -> tuple[str, dict]:
    """What this app shows on the case page: the problem, whether the order shipped, the buyer's request,
    and the message that tells the buyer (drafted, checked by the compliance guard and the contact cap)."""
    problem = problem_for_case(case)
    if problem is None:
        return "problems/case_panel.html", {"problem": None}
    order = problem.order
    order.account = case.account
    shipped, cancelled = is_shipped(order), is_cancelled(order)
    if problem.kind == ProblemKind.BUYER_CANCEL and problem.request_message is not None:
        conversation = problem.request_message.conversation
    else:
        conversation = conversation_for_order(order)
    context = {
        "problem": problem,
        "order": order,
        "shipped": shipped,
        "cancelled": cancelled,
        "conversation": conversation,
        "target": buyer_target(order),
        "told": problem.told_at is not None,
        "tell_answers": problem.kind == ProblemKind.BUYER_CANCEL,
    }
    if problem.told_at is None and not case.is_final:
        item = order.items.values_list("title", flat=True).first() or ""
        text = request.session.pop(draft_key(problem.id), "") or problem_message(
            kind=problem.kind,
            shipped=shipped,
            order_id=order.amazon_order_id,
            buyer=order.buyer_name,
            item=item[:80],
            seller=request.user.get_full_name() or case.account.name,
            new_date=_new_date(order) if problem.kind == ProblemKind.LATE else None,
            marketplace=case.account.marketplace,
        )
        context["tell_form"] = TellForm(
            auto_id="problem_%s",
            initial={
                "text": text,
                "key": uuid.uuid4().hex,
                "seen_message_id": latest_inbound_id(conversation) if conversation else 0,
            },
        )
        if problem.kind != ProblemKind.BUYER_CANCEL:
            context["cap_refusal"] = contact_cap_refusal(account=case.account, amazon_order_id=order.amazon_order_id)
    if problem.kind == ProblemKind.LATE and not shipped and not cancelled:
        context["flag_form"] = FlagForm(
            auto_id="flag_%s",
            accounts=[case.account],
            initial={"account": case.account_id, "amazon_order_id": order.amazon_order_id},
        )
    return "problems/case_panel.html", context
