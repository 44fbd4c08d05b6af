"""An agent tells a buyer of a late order from the Order problems page, the drafted message passing
the live guard, in a real browser."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from problems.services import problems_detect
from tests.browser.conftest import login
from tests.factories import OrderFactory, OrderItemFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_agent_tells_the_buyer_of_a_late_order(page, account, agent, mailoutbox, celery_eager):
    now = timezone.now()
    order = OrderFactory(
        account=account,
        status="Unshipped",
        ship_date=None,
        buyer_name="Jane Doe",
        latest_ship_date=now - timedelta(hours=3),
        estimated_delivery_date=now + timedelta(days=3),
    )
    OrderItemFactory(order=order, title="Stainless Steel Water Bottle, 750 ml")
    problems_detect(account=account)

    login(page, agent.username)
    page.get_by_role("link", name="Order problems").click()
    page.get_by_role("link", name=order.amazon_order_id).click()
    expect(page.get_by_test_id("problem-kind")).to_have_text("Not shipped by the latest ship date")
    expect(page.get_by_test_id("problem-shipped")).to_have_text("not shipped")
    text = page.locator("#problem-text")
    expect(text).to_have_value(re.compile(r"^Dear Jane,\n\nWe are sorry: your order .* is taking longer"))
    expect(page.get_by_test_id("compliance-result")).not_to_contain_text("forbid")
    page.get_by_role("button", name="Send to the buyer").click()
    expect(page.get_by_test_id("problem-told")).to_contain_text("Buyer told")
    assert len(mailoutbox) == 1 and mailoutbox[0].to == [order.buyer_email]
