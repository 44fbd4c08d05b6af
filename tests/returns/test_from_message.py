"""A buyer's message asking to return an item, in any language the product reads, offers the agent to
open the return from it: a return case linked to the order and the conversation, with its 48-hour clock
from the message."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from helpdesk.models import Activity, Deadline
from messaging.intents import asks_for_return
from messaging.models import Direction, Message
from messaging.services import conversation_open_for_order
from returns.kinds import RETURN, RETURN_RESPONSE
from returns.models import Return, ReturnStatus
from tests.factories import OrderFactory, OrderItemFactory

pytestmark = pytest.mark.django_db

ASKS = [
    "Hello, the shoes are too small. I would like to return them, how do I get a return label?",
    "Guten Tag, ich möchte den Artikel zurücksenden, er passt nicht.",
    "Bonjour, je voudrais retourner ce produit, il est abîmé.",
    "Hola, quiero devolver el pedido porque llegó roto.",
    "Buongiorno, vorrei restituire il prodotto, non funziona.",
]
NOT_ASKS = [
    "Where is my parcel? It was due yesterday.",
    "Thank you, it arrived safely and works perfectly.",
    "Wann wird meine Bestellung versendet?",
    "I returned home yesterday and found the parcel at my door, thanks!",
]


@pytest.mark.parametrize("text", ASKS)
def test_asks_for_a_return_in_each_language(text):
    assert asks_for_return(text)


@pytest.mark.parametrize("text", NOT_ASKS)
def test_other_messages_do_not(text):
    assert asks_for_return(text) == ""


@pytest.fixture
def asked(account):
    order = OrderFactory(account=account, delivered_at=timezone.now() - timedelta(days=5))
    OrderItemFactory(order=order, sku="SHOE-42", title="Running shoes, size 42")
    conversation = conversation_open_for_order(
        account=account,
        amazon_order_id=order.amazon_order_id,
        buyer_email=order.buyer_email,
        subject="Return inquiry",
        actor=None,
    )
    message = Message.objects.create(
        conversation=conversation,
        direction=Direction.IN,
        body_text=ASKS[1],
        sent_at=timezone.now() - timedelta(hours=2),
    )
    return order, conversation, message


def test_the_conversation_offers_to_open_the_return_and_it_opens(client, agent, asked):
    order, conversation, message = asked
    client.force_login(agent)
    page = client.get(reverse("helpdesk:case", args=[conversation.case_id])).content.decode()
    assert 'data-testid="return-offer"' in page and "zurücksenden" in page
    response = client.post(reverse("returns:from_message", args=[message.id]))
    ret = Return.objects.get()
    assert response.status_code == 302 and response["Location"].startswith(reverse("helpdesk:case", args=[ret.case_id]))
    assert (ret.status, ret.amazon_order_id, ret.case.kind, ret.case.order) == (
        ReturnStatus.REQUESTED,
        order.amazon_order_id,
        RETURN,
        order,
    )
    assert ret.customer_comments == ASKS[1] and [i.sku for i in ret.items.all()] == ["SHOE-42"]
    clock = Deadline.objects.get(case=ret.case, kind=RETURN_RESPONSE)
    assert clock.started_at == message.sent_at and clock.due_at == message.sent_at + timedelta(hours=48)
    assert Activity.objects.filter(verb="return.opened_here", case=conversation.case).exists()
    # Once open, the offer leads to it; opening again is the same return.
    page = client.get(reverse("helpdesk:case", args=[conversation.case_id])).content.decode()
    assert 'data-testid="return-existing"' in page
    client.post(reverse("returns:from_message", args=[message.id]))
    assert Return.objects.count() == 1


def test_no_offer_without_an_ask(client, agent, asked):
    _, conversation, message = asked
    message.body_text = NOT_ASKS[0]
    message.save()
    client.force_login(agent)
    page = client.get(reverse("helpdesk:case", args=[conversation.case_id])).content.decode()
    assert 'data-testid="return-offer"' not in page


def test_an_fba_order_is_amazons_to_return(client, agent, asked):
    order, conversation, message = asked
    order.fulfillment_channel = "AFN"
    order.save()
    client.force_login(agent)
    page = client.get(reverse("helpdesk:case", args=[conversation.case_id])).content.decode()
    assert "Amazon takes its returns" in page
    client.post(reverse("returns:from_message", args=[message.id]))
    assert not Return.objects.exists()


def test_another_accounts_message_is_not_found(client, outsider, asked):
    _, _, message = asked
    client.force_login(outsider)
    assert client.post(reverse("returns:from_message", args=[message.id])).status_code == 404
