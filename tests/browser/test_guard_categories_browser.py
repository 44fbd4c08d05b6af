"""The composer's live guard in a real browser, one example per category the guard learned last: a
particular rating asked for, an incentive that is not money, an order or shipping confirmation, a
threat beyond insults, disparaging other sellers, a false claim about Amazon's rules. Each is marked
where it stands, named, and keeps Send disabled; a neutral message enables it again."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from messaging.services import conversation_open_for_order
from tests.browser.conftest import login
from tests.factories import OrderFactory

pytestmark = pytest.mark.django_db(transaction=True)

# (rule, the example, the words the guard marks)
EXAMPLES = [
    ("positive_review", "Five stars would really help a small business like ours.", "Five stars"),
    (
        "incentive",
        "Leave a review and you are entered into our monthly prize draw.",
        "Leave a review and you are entered into our monthly prize draw",
    ),
    (
        "confirmation",
        "This email confirms your order has shipped. Tracking: 1Z999AA10123456784.",
        "This email confirms",
    ),
    ("threat", "If you file a chargeback we will hand your name to a debt collector.", "debt collector"),
    (
        "disparagement",
        "Other sellers on Amazon sell cheap fakes, unlike us.",
        "Other sellers on Amazon sell cheap fakes",
    ),
    ("false_claim", "Amazon requires you to leave a review for every order.", "requires you to leave a review"),
]


def test_each_new_guard_category_blocks_in_the_composer(page, account, agent):
    order = OrderFactory(account=account)
    # A conversation the seller starts: nothing here answers the buyer.
    conversation = conversation_open_for_order(
        account=account,
        amazon_order_id=order.amazon_order_id,
        buyer_email=order.buyer_email,
        subject=f"Your order {order.amazon_order_id}",
        actor=agent,
    )
    login(page, agent.username)
    page.goto(reverse("helpdesk:case", args=[conversation.case_id]))
    reply = page.locator("#reply-text")
    send = page.get_by_role("button", name="Send reply")
    result = page.get_by_test_id("compliance-result")
    for rule, text, marked in EXAMPLES:
        reply.fill(text)
        expect(result.locator(f'li.blocking[data-rule="{rule}"]')).to_be_visible()
        expect(result).to_contain_text("forbid")
        expect(result.locator("mark.blocking").first).to_have_text(marked)
        expect(send).to_be_disabled()
    reply.fill("We are sorry your order is late: it leaves our warehouse tomorrow morning.")
    expect(result).not_to_contain_text("forbid")
    expect(send).to_be_enabled()
