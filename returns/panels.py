import uuid

from django.http import HttpRequest
from django.utils import timezone

from helpdesk.models import Case

from .forms import DecisionForm, ReceiveForm, RefundForm
from .models import CloseReason, DecisionKind, Disposition, Grade, LabelChoice, ReturnStatus
from .risk import return_signals
from .rules import unit_price_of
from .selectors import buyer_target, order_for, restocking_for, return_for_case, verdict_for
from .wording import decision_message


def draft_key(return_id: int, kind: str) -> str:
    """Where a refused decision's message waits in the session for the panel to show it again."""
    return f"returns.draft.{return_id}.{kind}"


def decision_forms(request: HttpRequest, ret, order, target, value) -> dict[str, DecisionForm]:
    """The three decision forms, each with its message drafted in the marketplace's language."""
    seller = request.user.get_full_name() or ret.account.name
    buyer = order.buyer_name if order else ret.buyer_name
    forms = {}
    defaults = {
        DecisionKind.AUTHORISE: {"label": LabelChoice.AMAZON_PREPAID},
        DecisionKind.CLOSE: {"close_reason": CloseReason.OUTSIDE_WINDOW},
        DecisionKind.RETURNLESS: {"refund_amount": value or ret.order_amount},
    }
    for kind, initial in defaults.items():
        drafted = request.session.pop(draft_key(ret.id, kind), "")
        text = drafted or decision_message(
            marketplace=ret.account.marketplace,
            kind=kind,
            order_id=ret.amazon_order_id,
            buyer_name=buyer,
            seller=seller,
            label=initial.get("label", ""),
            reason=initial.get("close_reason", ""),
        )
        forms[kind] = DecisionForm(
            auto_id=f"{kind}_%s",
            initial={
                "kind": kind,
                "text": text,
                "key": uuid.uuid4().hex,
                "seen_message_id": target.seen_message_id,
                **initial,
            },
        )
    return forms


def case_panel(request: HttpRequest, case: Case) -> tuple[str, dict]:
    """What this app shows on the case page: the request and the in-policy verdict, the decision
    (authorise, close, refund without return, each telling the buyer), the units that came back
    and their grading, the refund with any restocking fee, and the fraud signals."""
    ret = return_for_case(case)
    if ret is None:
        return "returns/case_panel.html", {"ret": None}
    ret.case = case
    order = order_for(ret)
    items = list(ret.items.all())
    if order is not None and any(item.unit_price is None for item in items):
        # Not linked by the worker yet: the order's own lines say what each unit sold for.
        lines = {line.sku: line for line in order.items.all()}
        for item in items:
            line = lines.get(item.sku)
            if item.unit_price is None and line is not None:
                item.unit_price = unit_price_of({"item_price": line.item_price, "quantity": line.quantity})
    units = list(ret.units.select_related("item", "grader").prefetch_related("photos"))
    target = buyer_target(ret, order)
    decision = getattr(ret, "decision", None)
    refund = getattr(ret, "refund", None)
    value = sum((item.unit_price or 0) * item.quantity for item in items)  # what the returned units sold for
    context = {
        "ret": ret,
        "order": order,
        "return_items": items,  # "items" is the core's: the order's lines
        "units": units,
        "verdict": verdict_for(ret, order, items),
        "decision": decision,
        "refund": refund,
        "target": target,
        "signals": return_signals(ret),
        "awaiting_decision": ret.status == ReturnStatus.REQUESTED,
        "can_receive": ret.status in (ReturnStatus.REQUESTED, ReturnStatus.AUTHORISED) and not units,
        "can_refund": ret.status in (ReturnStatus.AUTHORISED, ReturnStatus.RECEIVED),
        "ungraded": sum(1 for unit in units if not unit.grade),
    }
    if context["awaiting_decision"]:
        context["decision_forms"] = decision_forms(request, ret, order, target, value)
    if context["can_receive"]:
        context["receive_form"] = ReceiveForm(
            auto_id="receive_%s", initial={"received_on": timezone.localdate(timezone=ret.account.tzinfo)}
        )
    context["grade_choices"] = Grade.choices
    context["disposition_choices"] = Disposition.choices
    if context["can_refund"]:
        context["restocking"] = restocking_for(ret, items, units)
        context["refund_form"] = RefundForm(auto_id="refund_%s", initial={"amount": value or ret.order_amount})
    return "returns/case_panel.html", context
