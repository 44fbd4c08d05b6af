"""The agent's decision on a return request: the in-policy check shown first; authorise with a label,
close with a reason, or refund without return; each tells the buyer through the outbox, past the
compliance guard, and meets the 48-hour clock."""

import uuid
from datetime import datetime, time, timedelta
from decimal import Decimal

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from helpdesk.models import Case, CaseStatus
from messaging.models import Conversation
from messaging.outbound.delivery import reply_send
from messaging.outbound.models import Reply, ReplyStatus
from returns.models import CloseReason, DecisionKind, LabelChoice, Return, ReturnDecision, ReturnStatus
from returns.selectors import buyer_target
from returns.services import DecisionRefused, return_decide, window_override_add
from returns.wording import decision_message
from tests.factories import OrderFactory, OrderItemFactory
from tests.outbound.helpers import buyer_mail, receive

from .conftest import mfn_report, mfn_row, run_import

pytestmark = pytest.mark.django_db

RELAY = "x9k2m4q7w1e3r5t@marketplace.amazon.com"
ORDER_ID = "112-4455667-1122334"


@pytest.fixture
def order(account):
    order = OrderFactory(
        account=account,
        amazon_order_id=ORDER_ID,
        buyer_name="Kim Miller",
        buyer_email=RELAY,
        delivered_at=timezone.now() - timedelta(days=12),
    )
    OrderItemFactory(order=order, sku="FLASK-1L-BLK", item_price="34.99")
    return order


@pytest.fixture
def request_(account, order) -> Return:
    """A request awaiting the seller: its case carries the 48-hour clock from the request."""
    day = (timezone.localdate(timezone=account.tzinfo)).strftime("%d-%b-%Y")
    run_import(account, mfn_report([mfn_row(ORDER_ID, "Dk3mPq7ZRRMA", "FLASK-1L-BLK", day=day, status="Pending")]))
    return Return.objects.select_related("case", "account").get()


def decide(ret, agent, kind, text="", key=None, seen=0, **choices):
    text = text or decision_message(
        marketplace="US",
        kind=kind,
        order_id=ORDER_ID,
        buyer_name="Kim Miller",
        seller="Alice",
        label=choices.get("label", ""),
        reason=choices.get("close_reason", ""),
    )
    return return_decide(
        ret=ret, kind=kind, message=text, key=key or uuid.uuid4().hex, seen_message_id=seen, actor=agent, **choices
    )


def test_authorising_with_a_prepaid_label_tells_the_buyer_and_meets_the_clock(request_, agent, order):
    decision = decide(request_, agent, DecisionKind.AUTHORISE, label=LabelChoice.AMAZON_PREPAID)

    ret = Return.objects.get()
    assert ret.status == ReturnStatus.AUTHORISED and decision.label == LabelChoice.AMAZON_PREPAID
    reply = decision.reply
    assert (reply.to_address, reply.status) == (RELAY, ReplyStatus.QUEUED)
    assert "Amazon will send you a prepaid return label" in reply.message.body_text
    conversation = Conversation.objects.get()
    assert conversation.amazon_order_id == ORDER_ID and reply.message.conversation == conversation
    clock = ret.case.deadlines.get()
    assert clock.state == "met" and clock.met_at == decision.decided_at
    case = Case.objects.get(pk=ret.case_id)
    assert case.status == CaseStatus.WAITING and case.next_due_at is None

    reply_send(reply_id=reply.pk)
    assert [m.to for m in mail.outbox] == [[RELAY]] and Reply.objects.get().status == ReplyStatus.SENT


def test_the_same_form_posted_twice_is_one_decision_and_a_second_decision_is_refused(request_, agent):
    key = uuid.uuid4().hex
    first = decide(request_, agent, DecisionKind.AUTHORISE, label=LabelChoice.BUYER_PAYS, key=key)
    assert decide(request_, agent, DecisionKind.AUTHORISE, label=LabelChoice.BUYER_PAYS, key=key) == first
    with pytest.raises(DecisionRefused, match="already decided: authorise the return"):
        decide(request_, agent, DecisionKind.CLOSE, close_reason=CloseReason.OUTSIDE_WINDOW)
    assert ReturnDecision.objects.count() == 1 and Reply.objects.count() == 1


def test_a_message_amazon_forbids_is_refused_and_nothing_is_decided(request_, agent):
    with pytest.raises(DecisionRefused, match="Amazon's messaging rules forbid this reply"):
        decide(
            request_,
            agent,
            DecisionKind.AUTHORISE,
            text="Print the label at https://returns.example.com or mail me at help@acme.example",
            label=LabelChoice.SELLER_LABEL,
        )
    ret = Return.objects.get()
    assert ret.status == ReturnStatus.REQUESTED and not ReturnDecision.objects.exists() and not Reply.objects.exists()
    assert ret.case.deadlines.get().state == "open"


def test_closing_with_a_reason_settles_the_case(request_, agent):
    decision = decide(request_, agent, DecisionKind.CLOSE, close_reason=CloseReason.OUTSIDE_WINDOW)

    ret = Return.objects.get()
    assert ret.status == ReturnStatus.CLOSED and decision.close_reason == CloseReason.OUTSIDE_WINDOW
    assert "after the end of the return window" in decision.reply.message.body_text
    case = Case.objects.get(pk=ret.case_id)
    assert case.status == CaseStatus.CLOSED and case.deadlines.get().state == "met"


def test_a_returnless_refund_records_the_refund_and_settles_the_case(request_, agent):
    decide(request_, agent, DecisionKind.RETURNLESS, refund_amount=Decimal("34.99"))

    ret = Return.objects.get()
    assert ret.status == ReturnStatus.REFUNDED and ret.refund.amount == Decimal("34.99")
    assert Case.objects.get(pk=ret.case_id).status == CaseStatus.CLOSED


@pytest.mark.parametrize(
    ("kind", "choices", "refusal"),
    [
        (DecisionKind.AUTHORISE, {}, "Choose the return label"),
        (DecisionKind.CLOSE, {}, "Choose the reason for closing"),
        (DecisionKind.RETURNLESS, {}, "Give the amount refunded"),
    ],
)
def test_each_decision_needs_its_choice(request_, agent, kind, choices, refusal):
    with pytest.raises(DecisionRefused, match=refusal):
        decide(request_, agent, kind, **choices)


def test_without_a_relay_address_the_decision_is_recorded_and_the_clock_met(account, agent):
    run_import(account, mfn_report([mfn_row("113-0000000-0000001", "NoRelayyRRMA", "X", status="Pending")]))
    ret = Return.objects.get()

    decision = decide(ret, agent, DecisionKind.AUTHORISE, label=LabelChoice.AMAZON_PREPAID)

    assert decision.reply is None and not Reply.objects.exists()
    assert Return.objects.get().case.deadlines.get().state == "met"


def test_the_reply_goes_into_the_buyers_existing_conversation(request_, agent, account):
    receive(account, buyer_mail(text="I want to send the flask back.", when=timezone.now(), order_id=ORDER_ID))
    conversation = Conversation.objects.get()
    target = buyer_target(request_, request_.case.order)
    assert target.conversation == conversation and target.seen_message_id > 0
    with pytest.raises(DecisionRefused, match="The buyer wrote again while you were typing"):
        decide(request_, agent, DecisionKind.AUTHORISE, label=LabelChoice.AMAZON_PREPAID)  # an older page
    decision = decide(
        request_, agent, DecisionKind.AUTHORISE, label=LabelChoice.AMAZON_PREPAID, seen=target.seen_message_id
    )
    assert decision.reply.message.conversation == conversation and Conversation.objects.count() == 1
    assert decision.reply.to_address == conversation.buyer_email


# --- the in-policy check --------------------------------------------------------------------------------


def panel(client, user, ret) -> str:
    client.force_login(user)
    return client.get(reverse("helpdesk:case", args=[ret.case_id])).content.decode()


def test_the_case_page_shows_the_in_policy_verdict_before_the_decision(client, agent, request_):
    page = panel(client, agent, request_)
    verdict = page.split('data-testid="policy-verdict"')[1].split("</div>")[0]
    assert "In policy." in verdict and "Requested 12 days after delivery" in verdict and "the 30-day window" in verdict
    assert 'aria-label="Authorise the return"' in page and 'aria-label="Close the request"' in page
    assert "Amazon will send you a prepaid return label" in page  # the drafted instructions
    assert f"sent to the buyer at {RELAY}" in page
    items = page.split('data-testid="return-items"')[1].split("</table>")[0]
    assert "FLASK-1L-BLK" in items and "34.99 USD" in items  # the return's item, at the order line's price
    assert 'name="refund_amount" id="returnless_refund_amount" step="0.01" min="0.01" required value="34.99"' in page


def delivered_days_ago(account, days: int) -> datetime:
    """Noon in the account's timezone, `days` of its days ago: 45 times 24 hours before 04:50 UTC on 5 December
    was 21 October in New York, 44 of its days back across the end of summer time."""
    day = timezone.localdate(timezone=account.tzinfo) - timedelta(days=days)
    return datetime.combine(day, time(12), account.tzinfo)


def test_outside_the_window_and_amazons_own_flag(client, agent, account, order):
    order.delivered_at = delivered_days_ago(account, 45)
    order.save()
    day = timezone.localdate(timezone=account.tzinfo).strftime("%d-%b-%Y")
    row = mfn_row(ORDER_ID, "Late1aaaRRMA", "FLASK-1L-BLK", day=day, status="Pending", in_policy="Y")
    run_import(account, mfn_report([row]))
    page = panel(client, agent, Return.objects.get())
    assert "Outside the return window." in page and "Requested 45 days after delivery" in page
    assert "Amazon's flag and our count disagree" in page


def test_a_dated_override_lengthens_the_window(client, agent, admin_user, account, order):
    order.delivered_at = delivered_days_ago(account, 45)
    order.save()
    delivered = order.delivered_at.date()  # the account's day: the time is in its timezone
    window_override_add(
        account=account,
        actor=admin_user,
        label="Holiday returns",
        delivered_from=delivered - timedelta(days=3),
        delivered_to=delivered + timedelta(days=3),
        returnable_until=delivered + timedelta(days=60),
    )
    day = timezone.localdate(timezone=account.tzinfo).strftime("%d-%b-%Y")
    run_import(account, mfn_report([mfn_row(ORDER_ID, "Hol1aaaaRRMA", "FLASK-1L-BLK", day=day, status="Pending")]))
    page = panel(client, agent, Return.objects.get())
    assert "In policy." in page and "inside the Holiday returns window" in page


def test_without_a_delivery_date_the_check_says_so(client, agent, account):
    run_import(account, mfn_report([mfn_row("113-0000000-0000002", "NoDel1aaRRMA", "X", status="Pending")]))
    page = panel(client, agent, Return.objects.get())
    assert "Cannot tell." in page and "No delivery date is known" in page


# --- the endpoint -------------------------------------------------------------------------------------


def test_the_decide_endpoint_decides_and_returns_to_the_case(client, agent, request_):
    client.force_login(agent)
    response = client.post(
        reverse("returns:decide", args=[request_.id]),
        {
            "kind": "close",
            "close_reason": "not_returnable",
            "text": "Hello Kim, this item cannot be returned, as its product page states.",
            "key": uuid.uuid4().hex,
            "seen_message_id": 0,
        },
        follow=True,
    )
    assert response.redirect_chain[-1][0].startswith(reverse("helpdesk:case", args=[request_.case_id]))
    page = response.content.decode()
    assert "Close the request: done, the clock is met." in page and f"queued to {RELAY}" in page
    assert 'data-testid="decision"' in page and "the item is not returnable" in page.lower()


def test_a_refused_message_comes_back_to_the_form(client, agent, request_):
    client.force_login(agent)
    text = "Call us on +1 206 555 0100 and we sort it out."
    response = client.post(
        reverse("returns:decide", args=[request_.id]),
        {"kind": "authorise", "label": "seller_label", "text": text, "key": uuid.uuid4().hex, "seen_message_id": 0},
        follow=True,
    )
    page = response.content.decode()
    assert "Not decided: Amazon&#x27;s messaging rules forbid this reply" in page
    assert text in page.split('data-testid="authorise-message"')[1]  # the agent's text is kept
    assert Return.objects.get().status == ReturnStatus.REQUESTED


def test_the_draft_follows_the_label_chosen(client, agent, request_):
    client.force_login(agent)
    url = reverse("returns:draft", args=[request_.id])
    response = client.get(url, {"kind": "authorise", "label": "buyer_pays"}, HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert body.startswith("Hello Kim,") and "the postage is yours to pay" in body and "<" not in body
    assert client.get(url, {"kind": "nonsense"}).status_code == 404


def test_another_accounts_return_is_not_found(client, outsider, request_):
    client.force_login(outsider)
    response = client.post(reverse("returns:decide", args=[request_.id]), {"kind": "authorise"})
    assert response.status_code == 404
