"""One cap on the messages a buyer did not ask for on an order: the composer says when a send would
break it, the server refuses it, admins set it; replies to the buyer are never capped."""

import uuid
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from helpdesk.models import Activity
from messaging.models import Direction, Message
from messaging.outbound.cap import contact_cap_refusal
from messaging.outbound.models import ContactCap, ContactKind, Reply, UnsolicitedContact
from messaging.outbound.services import ContactCapReached, reply_queue
from messaging.services import conversation_open_for_order
from tests.factories import OrderFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def order(account):
    return OrderFactory(account=account)


def started(order, agent):
    """A conversation the seller starts: the buyer has not written."""
    return conversation_open_for_order(
        account=order.account,
        amazon_order_id=order.amazon_order_id,
        buyer_email=order.buyer_email,
        subject=f"Your order {order.amazon_order_id}",
        actor=agent,
    )


def send(conversation, agent, text="Hello, a word about your order.", **kwargs):
    return reply_queue(
        case=conversation.case, author=agent, body=text, key=uuid.uuid4().hex, seen_message_id=0, **kwargs
    )


def test_defaults_three_per_order_a_day_apart(account, order, agent):
    conversation = started(order, agent)
    send(conversation, agent)
    with pytest.raises(ContactCapReached, match="at least 24 hours apart"):
        send(conversation, agent)
    UnsolicitedContact.objects.update(at=timezone.now() - timedelta(hours=25))
    send(conversation, agent)
    UnsolicitedContact.objects.update(at=timezone.now() - timedelta(hours=25))
    send(conversation, agent)
    UnsolicitedContact.objects.update(at=timezone.now() - timedelta(days=5))
    with pytest.raises(ContactCapReached, match=r"already been sent 3 messages .* allows \(3\)"):
        send(conversation, agent)
    assert Reply.objects.count() == 3 and UnsolicitedContact.objects.filter(kind=ContactKind.MESSAGE).count() == 3


def test_replies_to_the_buyer_are_never_capped(account, order, agent):
    conversation = started(order, agent)
    ContactCap.objects.create(account=account, max_per_order=1, min_hours_between=100)
    send(conversation, agent)
    buyer = Message.objects.create(
        conversation=conversation, direction=Direction.IN, body_text="What?", sent_at=timezone.now()
    )
    for _ in range(3):
        reply_queue(
            case=conversation.case,
            author=agent,
            body="Here is the answer.",
            key=uuid.uuid4().hex,
            seen_message_id=buyer.id,
        )
    assert Reply.objects.count() == 4 and UnsolicitedContact.objects.count() == 1


def test_every_kind_shares_the_one_cap(account, order, agent):
    ContactCap.objects.create(account=account, max_per_order=2, min_hours_between=0)
    UnsolicitedContact.objects.create(
        account=account, amazon_order_id=order.amazon_order_id, kind=ContactKind.REVIEW_REQUEST
    )
    UnsolicitedContact.objects.create(account=account, amazon_order_id=order.amazon_order_id, kind=ContactKind.NOTICE)
    assert "the most Acme US allows (2)" in contact_cap_refusal(account=account, amazon_order_id=order.amazon_order_id)
    other = OrderFactory(account=account)
    assert contact_cap_refusal(account=account, amazon_order_id=other.amazon_order_id) is None


def test_the_composer_says_when_a_send_would_break_the_cap(client, account, order, agent):
    conversation = started(order, agent)
    client.force_login(agent)
    page = client.get(reverse("helpdesk:case", args=[conversation.case_id])).content.decode()
    assert 'data-testid="cap-refusal"' not in page
    send(conversation, agent)
    page = client.get(reverse("helpdesk:case", args=[conversation.case_id])).content.decode()
    assert 'data-testid="cap-refusal"' in page and "at least 24 hours apart" in page
    response = client.post(
        reverse("outbound:reply", args=[conversation.case_id]),
        {"text": "One more thing.", "key": uuid.uuid4().hex, "seen": 0},
        follow=True,
    )
    assert "at least 24 hours apart" in response.content.decode() and Reply.objects.count() == 1


def test_admins_set_the_cap_and_it_is_audited(client, account, admin_user, manager):
    url = reverse("outbound:contact_cap", args=[account.id])
    client.force_login(manager)
    assert client.post(url, {"max_per_order": 1, "min_hours_between": 1}).status_code == 403
    client.force_login(admin_user)
    page = client.get(reverse("outbound:account", args=[account.id])).content.decode()
    assert 'data-testid="cap-max">3<' in page and 'data-testid="cap-hours">24<' in page
    assert client.post(url, {"max_per_order": 0, "min_hours_between": 1}).status_code == 400
    response = client.post(url, {"max_per_order": 2, "min_hours_between": 72}, follow=True)
    assert 'data-testid="cap-max">2<' in response.content.decode()
    cap = ContactCap.objects.get(account=account)
    assert (cap.max_per_order, cap.min_hours_between) == (2, 72)
    assert Activity.objects.filter(verb="outbound.contact_cap", actor=admin_user).count() == 1
