"""Cases made the way production makes them (mail read by messaging, replies and notes through the
composer's services, feedback through its service), then indexed as the beat task indexes them."""

from datetime import timedelta

import pytest
from django.utils import timezone

from helpdesk.services.search import search_pending_index
from messaging.models import Conversation
from tests.factories import AccountFactory, MembershipFactory, OrderFactory, OrderItemFactory
from tests.outbound.helpers import ORDER_ID, RELAY, buyer_mail, receive


def index() -> int:
    """Run the index-search beat task's work until nothing is marked."""
    total = 0
    while indexed := search_pending_index():
        total += indexed
    return total


def ask(account, text: str, *, order_id: str = ORDER_ID, relay: str = RELAY, name: str = "Cathy", ago: int = 10):
    """A buyer's message read by messaging's ingestion: its conversation (and case)."""
    when = timezone.now().replace(microsecond=0) - timedelta(minutes=ago)
    receive(account, buyer_mail(text=text, when=when, order_id=order_id, relay=relay, name=name))
    return Conversation.objects.select_related("case").get(account=account, amazon_order_id=order_id)


@pytest.fixture
def order(account):
    order = OrderFactory(account=account, amazon_order_id=ORDER_ID, buyer_name="Cathy Buyer")
    OrderItemFactory(order=order, sku="BTL-750-BLK", asin="B07QK2SPP4", title="Insulated Steel Flask, Matte Black")
    return order


@pytest.fixture
def german(agent):
    """A German account the agent also works on."""
    account = AccountFactory(slug="acme-de", name="Acme DE", marketplace="DE", timezone="Europe/Berlin")
    MembershipFactory(user=agent, account=account, role="agent")
    return account
