"""Fixtures of the outbound tests: a buyer's conversation read by messaging's ingestion,
eager Celery, and a real SMTP server on loopback."""

import uuid
from datetime import timedelta

import pytest
from aiosmtpd.controller import Controller
from django.utils import timezone

from messaging.models import Conversation
from tests.factories import OrderFactory, OrderItemFactory

from .helpers import ORDER_ID, Sink, buyer_mail, free_port, receive, smtp_mailer


@pytest.fixture(autouse=True)
def own_cache_keys(settings):
    """Presence lives in Redis, which every test run shares: each test gets keys of its own."""
    settings.CACHES = {"default": {**settings.CACHES["default"], "KEY_PREFIX": f"test-{uuid.uuid4().hex}"}}


@pytest.fixture
def order(account):
    order = OrderFactory(
        account=account,
        amazon_order_id=ORDER_ID,
        buyer_name="Cathy Buyer",
        carrier="UPS",
        tracking_number="1Z999AA10123456784",
    )
    OrderItemFactory(order=order, title="Stainless Steel Water Bottle, 750 ml, Matte Black")
    return order


@pytest.fixture
def conversation(account, order) -> Conversation:
    """A buyer asked ten minutes ago: a message case with its 24-hour clock running."""
    asked = timezone.now().replace(microsecond=0) - timedelta(minutes=10)
    raw = buyer_mail(
        text="Hi, where is my order? Thanks, Cathy", when=asked, message_id="first-question@email.amazonses.com"
    )
    mail = receive(account, raw)
    return Conversation.objects.select_related("case", "account").get(messages__inbound=mail)


@pytest.fixture
def smtp(settings):
    """A real SMTP server on loopback, and Django's mailer pointed at it."""
    sink = Sink()
    controller = Controller(sink, hostname="127.0.0.1", port=free_port())
    controller.start()
    sink.port = controller.port
    settings.MAILERS = smtp_mailer(controller.port)
    yield sink
    controller.stop()
