import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from messaging.outbound.services import canned_response_save
from tests.browser.conftest import login
from tests.factories import OrderFactory, OrderItemFactory
from tests.outbound.helpers import ORDER_ID, RELAY, buyer_mail, receive

pytestmark = pytest.mark.django_db(transaction=True)


def test_agent_answers_a_new_buyer_message_with_a_template_past_the_compliance_check(
    page, account, agent, manager, mailoutbox, celery_eager
):
    order = OrderFactory(account=account, amazon_order_id=ORDER_ID, carrier="UPS", tracking_number="1Z999AA10123456784")
    OrderItemFactory(order=order, title="Stainless Steel Water Bottle, 750 ml")
    canned_response_save(
        account=account,
        name="Shipped",
        body="Hello {buyer_name}, your {product_title} left with {carrier}, tracking {tracking_number}. {agent_name}",
        actor=manager,
    )
    asked = timezone.now().replace(microsecond=0) - timedelta(minutes=5)
    receive(account, buyer_mail(text="Where is my bottle? It has been a week.", when=asked))

    login(page, agent.username)
    page.get_by_role("link", name=re.compile("Shipping inquiry from Amazon customer Cathy")).click()
    expect(page.get_by_test_id("thread")).to_contain_text("Where is my bottle?")
    expect(page.get_by_test_id("response-clock")).to_contain_text("due in 23h 5")

    page.get_by_label("Template").select_option(label="Shipped")
    page.get_by_role("button", name="Insert template").click()
    reply = page.locator("#reply-text")
    expect(reply).to_have_value(
        "Hello Cathy, your Stainless Steel Water Bottle, 750 ml left with UPS, tracking 1Z999AA10123456784. Alice"
    )
    send = page.get_by_role("button", name="Send reply")
    expect(send).to_be_enabled()

    reply.press("Control+End")
    reply.press_sequentially(" Track it at www.fast-track.example")
    expect(page.get_by_test_id("compliance-result")).to_contain_text("forbid")
    expect(page.locator("mark.blocking")).to_have_text("www.fast-track.example")
    expect(send).to_be_disabled()

    reply.fill(reply.input_value().replace(" Track it at www.fast-track.example", ""))
    expect(page.get_by_test_id("compliance-result")).not_to_contain_text("forbid")
    expect(send).to_be_enabled()
    send.click()

    expect(page.get_by_test_id("response-clock")).to_contain_text(re.compile(r"answered in [56]m"))
    expect(page.get_by_test_id("delivery-status")).to_have_text(re.compile(r"^sent"))
    expect(page.get_by_test_id("thread")).to_contain_text("tracking 1Z999AA10123456784. Alice")
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == [RELAY]

    page.get_by_role("button", name="Log out").click()
    login(page, manager.username)
    page.goto("/messages/outbound/response-times/")
    week = page.get_by_test_id("response-time").filter(has_text="Last 7 days")
    expect(week.get_by_test_id("response-count")).to_have_text("1")
    expect(week.get_by_test_id("response-median")).to_have_text(re.compile(r"^[56]m$"))
