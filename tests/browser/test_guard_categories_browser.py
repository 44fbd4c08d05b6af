"""The composer's live guard in a real browser, one example per category the guard learned last: a
particular rating asked for, an incentive that is not money, an order or shipping confirmation, a
threat beyond insults, disparaging other sellers, a false claim about Amazon's rules. Each is marked
where it stands, named, and keeps Send disabled; a neutral message enables it again. And a file sent
with a reply: refused for its name, sent once renamed."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from messaging.services import conversation_open_for_order
from tests.browser.conftest import login
from tests.factories import OrderFactory
from tests.outbound.helpers import ORDER_ID, buyer_mail, receive

pytestmark = pytest.mark.django_db(transaction=True)

PDF = b"%PDF-1.7\n" + b"0" * 200

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


def test_an_agent_sends_a_pdf_with_the_reply_and_a_renamed_file_passes(page, account, agent, mailoutbox, celery_eager):
    OrderFactory(account=account, amazon_order_id=ORDER_ID)
    receive(account, buyer_mail(text="Could you send me the invoice?", when=timezone.now() - timedelta(minutes=3)))
    login(page, agent.username)
    page.get_by_role("link", name=re.compile("Shipping inquiry from Amazon customer Cathy")).click()
    page.locator("#reply-text").fill("Here is the invoice for your order.")
    files = page.get_by_label("Files")
    files.set_input_files([{"name": "www.acme-shop.example.pdf", "mimeType": "application/pdf", "buffer": PDF}])
    page.get_by_role("button", name="Send reply").click()
    expect(page.get_by_test_id("refusal")).to_contain_text(
        "“www.acme-shop.example.pdf” breaks Amazon's messaging rules"
    )
    assert mailoutbox == []
    page.get_by_label("Files").set_input_files([{"name": "invoice.pdf", "mimeType": "application/pdf", "buffer": PDF}])
    page.get_by_role("button", name="Send reply").click()
    expect(page.get_by_test_id("delivery-status")).to_have_text(re.compile(r"^sent"))
    expect(page.get_by_test_id("thread")).to_contain_text("invoice.pdf")
    (sent,) = mailoutbox
    assert [(name, kind) for name, _, kind in sent.attachments] == [("invoice.pdf", "application/pdf")]
