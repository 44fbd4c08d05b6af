"""Telling the buyer of an order problem from its case: through the outbox, checked by the compliance
guard and the contact cap (a buyer's own request is an answer, never capped), meeting the clock."""

import re
import uuid
from datetime import timedelta

import pytest
from django.urls import reverse

from helpdesk.models import CaseStatus, Deadline
from helpdesk.models.deadlines import DeadlineState
from messaging.models import Direction, Message
from messaging.outbound.cap import contact_cap_update
from messaging.outbound.models import ContactKind, Reply, UnsolicitedContact
from messaging.services import conversation_open_for_order
from problems.kinds import CANCEL_ANSWER, CANCEL_TELL, DELAY_TELL
from problems.models import OrderProblem, ProblemKind
from problems.services import ProblemRefused, problem_flag_cancel, problem_tell, problems_detect
from tests.factories import OrderFactory

pytestmark = pytest.mark.django_db


def tell(problem, user, text="We are sorry: your order is late. It will reach you by Monday.", seen=0):
    return problem_tell(problem=problem, text=text, key=uuid.uuid4().hex, seen_message_id=seen, actor=user)


def clock(problem, kind):
    return Deadline.objects.get(case=problem.case, kind=kind)


@pytest.fixture
def late(account, unshipped, now):
    order = unshipped(timedelta(hours=-3))
    problems_detect(account=account, now=now)
    return OrderProblem.objects.get(order=order)


def test_telling_a_delay_queues_a_notice_and_meets_the_clock(late, agent):
    problem = tell(late, agent)
    reply = problem.told_reply
    assert reply.to_address == late.order.buyer_email and reply.message.direction == Direction.OUT
    assert clock(late, DELAY_TELL).state == DeadlineState.MET
    contact = UnsolicitedContact.objects.get()
    assert (contact.kind, contact.reply, contact.amazon_order_id) == (
        ContactKind.NOTICE,
        reply,
        late.order.amazon_order_id,
    )
    # Told but not shipped: the case waits for the shipment, which settles it.
    assert problem.case.status != CaseStatus.CLOSED


def test_a_forbidden_message_is_refused_and_nothing_is_sent(late, agent):
    with pytest.raises(ProblemRefused, match="Amazon's messaging rules forbid"):
        tell(late, agent, text="Sorry for the delay! Leave us 5 stars and get a free gift: www.acme-shop.com")
    assert not Reply.objects.exists() and not UnsolicitedContact.objects.exists()
    assert clock(late, DELAY_TELL).state == DeadlineState.OPEN


def test_the_contact_cap_refuses_a_notice_and_the_panel_says_so(client, late, agent, admin_user, account):
    contact_cap_update(account=account, max_per_order=1, min_hours_between=24, actor=admin_user)
    tell(late, agent)
    order = late.order
    problem_flag_cancel(order=order, reason="Out of stock", actor=agent)
    flagged = OrderProblem.objects.get(order=order, kind=ProblemKind.MUST_CANCEL)
    with pytest.raises(ProblemRefused, match=r"already been sent 1 message they did not ask for .* allows \(1\)"):
        tell(flagged, agent, text="We are very sorry: the item is out of stock and we cancelled the order.")
    client.force_login(agent)
    page = client.get(reverse("helpdesk:case", args=[flagged.case_id])).content.decode()
    assert 'data-testid="cap-refusal"' in page and "the most Acme US allows (1)" in page


def test_the_spacing_of_the_cap(late, agent, admin_user, account, now):
    contact_cap_update(account=account, max_per_order=5, min_hours_between=24, actor=admin_user)
    tell(late, agent)
    problem_flag_cancel(order=late.order, reason="Out of stock", actor=agent)
    flagged = OrderProblem.objects.get(order=late.order, kind=ProblemKind.MUST_CANCEL)
    with pytest.raises(ProblemRefused, match="at least 24 hours apart"):
        tell(flagged, agent)
    UnsolicitedContact.objects.update(at=now - timedelta(hours=25))
    assert tell(flagged, agent).told_reply is not None
    assert flagged.case.deadlines.get(kind=CANCEL_TELL).state == DeadlineState.MET


def test_answering_a_cancellation_request_is_never_capped(account, agent, admin_user, unshipped, now):
    contact_cap_update(account=account, max_per_order=1, min_hours_between=24, actor=admin_user)
    order = unshipped(timedelta(days=2))
    conversation = conversation_open_for_order(
        account=account,
        amazon_order_id=order.amazon_order_id,
        buyer_email=order.buyer_email,
        subject="Order cancellation request",
        actor=None,
    )
    request = Message.objects.create(
        conversation=conversation,
        direction=Direction.IN,
        body_text="Cancel please",
        sent_at=now,
        cancellation_request=True,
    )
    UnsolicitedContact.objects.create(account=account, amazon_order_id=order.amazon_order_id, kind="outreach", at=now)
    problems_detect(account=account, now=now)
    problem = OrderProblem.objects.get(kind=ProblemKind.BUYER_CANCEL)
    told = tell(problem, agent, text="We have cancelled your order as you asked.", seen=request.id)
    assert told.told_reply.message.conversation == conversation
    assert problem.case.deadlines.get(kind=CANCEL_ANSWER).state == DeadlineState.MET
    assert UnsolicitedContact.objects.count() == 1  # not counted


def test_flagging_from_the_page_opens_the_case(client, agent, account, unshipped):
    order = unshipped(timedelta(days=3))
    client.force_login(agent)
    response = client.post(
        reverse("problems:flag"),
        {"account": account.id, "amazon_order_id": order.amazon_order_id, "reason": "Out of stock until March"},
    )
    problem = OrderProblem.objects.get(order=order)
    assert response.status_code == 302 and response["Location"] == reverse("helpdesk:case", args=[problem.case_id])
    assert problem.kind == ProblemKind.MUST_CANCEL and problem.flagged_by == agent
    page = client.get(response["Location"]).content.decode()
    assert "Must be cancelled" in page and "Out of stock until March" in page
    assert "we are unable to fulfil your order" in page  # the drafted message
    again = client.post(
        reverse("problems:flag"), {"account": account.id, "amazon_order_id": order.amazon_order_id, "reason": "x"}
    )
    assert again.status_code == 400 and "already flagged" in again.content.decode()


def test_flagging_a_shipped_or_unknown_order_is_refused(client, agent, account, now):
    shipped = OrderFactory(account=account, ship_date=now)
    client.force_login(agent)
    page = client.post(
        reverse("problems:flag"), {"account": account.id, "amazon_order_id": shipped.amazon_order_id, "reason": "x"}
    )
    assert page.status_code == 400 and "has shipped" in page.content.decode()
    unknown = client.post(
        reverse("problems:flag"), {"account": account.id, "amazon_order_id": "999-9999999-9999999", "reason": "x"}
    )
    assert unknown.status_code == 400 and "No such order" in unknown.content.decode()


def test_the_tell_form_sends_from_the_case_page(client, late, agent):
    client.force_login(agent)
    page = client.get(reverse("helpdesk:case", args=[late.case_id])).content.decode()
    assert "Not shipped by the latest ship date" in page and "not shipped" in page
    key = re.search(r'name="key" value="([0-9a-f]{32})"', page.split('data-testid="tell-form"')[1]).group(1)
    text = re.search(r'<textarea name="text" id="problem-text"[^>]*>(.*?)</textarea>', page, re.S).group(1)
    response = client.post(
        reverse("problems:tell", args=[late.id]), {"text": text, "key": key, "seen_message_id": 0}, follow=True
    )
    assert "queued to" in response.content.decode()
    late.refresh_from_db()
    assert late.told_at is not None and 'data-testid="problem-told"' in response.content.decode()


def test_the_problems_page_lists_open_problems_in_constant_queries(
    client, agent, account, unshipped, now, django_assert_max_num_queries
):
    for hours in (-5, -1, 3, 6):
        unshipped(timedelta(hours=hours))
    problems_detect(account=account, now=now)
    client.force_login(agent)
    with django_assert_max_num_queries(12):
        page = client.get(reverse("problems:page")).content.decode()
    assert page.count("Not shipped by the latest ship date") == 4


def test_a_request_after_shipment_says_so_on_the_case_and_drafts_the_return_answer(client, agent, account, now):
    order = OrderFactory(account=account, status="Shipped", ship_date=now - timedelta(days=1))
    conversation = conversation_open_for_order(
        account=account,
        amazon_order_id=order.amazon_order_id,
        buyer_email=order.buyer_email,
        subject="Order cancellation request",
        actor=None,
    )
    Message.objects.create(
        conversation=conversation,
        direction=Direction.IN,
        body_text="Wrong size, please cancel.",
        sent_at=now - timedelta(hours=1),
        cancellation_request=True,
    )
    problems_detect(account=account, now=now)
    problem = OrderProblem.objects.get(kind=ProblemKind.BUYER_CANCEL)
    client.force_login(agent)
    page = client.get(reverse("helpdesk:case", args=[problem.case_id])).content.decode()
    assert re.search(r'data-testid="problem-shipped">shipped', page)
    assert "it can no longer be cancelled" in page and "Wrong size, please cancel." in page
    assert "could no longer cancel it" in page  # the drafted answer


def test_a_request_before_shipment_says_not_shipped(client, agent, account, unshipped, now):
    order = unshipped(timedelta(days=2))
    conversation = conversation_open_for_order(
        account=account,
        amazon_order_id=order.amazon_order_id,
        buyer_email=order.buyer_email,
        subject="Order cancellation request",
        actor=None,
    )
    Message.objects.create(
        conversation=conversation, direction=Direction.IN, body_text="Cancel", sent_at=now, cancellation_request=True
    )
    problems_detect(account=account, now=now)
    problem = OrderProblem.objects.get(kind=ProblemKind.BUYER_CANCEL)
    client.force_login(agent)
    page = client.get(reverse("helpdesk:case", args=[problem.case_id])).content.decode()
    assert 'data-testid="problem-shipped">not shipped' in page and "before it ships" in page
    assert "We have cancelled your order" in page
