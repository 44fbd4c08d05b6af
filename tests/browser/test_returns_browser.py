import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from returns.models import Return
from tests.browser.conftest import login
from tests.factories import OrderFactory, OrderItemFactory
from tests.returns.conftest import mfn_report, mfn_row, run_import

pytestmark = pytest.mark.django_db(transaction=True)

RELAY = "x9k2m4q7w1e3r5t@marketplace.amazon.com"


def test_agent_authorises_a_return_then_a_manager_grades_it_and_sees_the_skus_recovery(
    page, account, agent, manager, mailoutbox, celery_eager
):
    order = OrderFactory(
        account=account,
        amazon_order_id="112-4455667-1122334",
        buyer_name="Kim Miller",
        buyer_email=RELAY,
        delivered_at=timezone.now() - timedelta(days=12),
    )
    OrderItemFactory(order=order, sku="FLASK-1L-BLK", title="Insulated flask, 1 l", item_price="34.99")
    today = timezone.localdate(timezone=account.tzinfo).strftime("%d-%b-%Y")
    row = mfn_row(
        order.amazon_order_id,
        "Dk3mPq7ZRRMA",
        "FLASK-1L-BLK",
        day=today,
        status="Pending Authorization",
        item_name="Insulated flask, 1 l",
        return_reason="CR-UNWANTED_ITEM",
    )
    run_import(account, mfn_report([row]))
    ret = Return.objects.get()

    # The agent: from the queue to the case, the verdict first, then the decision.
    login(page, agent.username)
    page.get_by_role("link", name=re.compile(r"Return: Insulated flask")).click()
    expect(page.get_by_test_id("clock").locator("time.countdown")).to_contain_text("due in")
    verdict = page.get_by_test_id("policy-verdict")
    expect(verdict).to_contain_text("In policy.")
    expect(verdict).to_contain_text("Requested 12 days after delivery")

    form = page.get_by_role("form", name="Authorise the return")
    expect(form.get_by_label("Return label")).to_have_value("amazon_prepaid")
    message = form.get_by_label("Return instructions to the buyer")
    expect(message).to_contain_text("Amazon will send you a prepaid return label")
    form.get_by_label("Return label").select_option("buyer_pays")
    expect(message).to_contain_text("the postage is yours to pay")  # drafted again for the label chosen
    form.get_by_label("Return label").select_option("amazon_prepaid")
    expect(message).to_contain_text("Amazon will send you a prepaid return label")
    send = form.get_by_role("button", name="Authorise and send")
    expect(send).to_be_enabled()
    drafted = message.input_value()
    message.fill(drafted + "\nPrint it from returns dot example dot com.")  # the live check still reads it
    expect(form.get_by_test_id("compliance-result")).to_contain_text("forbid")
    expect(send).to_be_disabled()
    message.fill(drafted)
    expect(send).to_be_enabled()
    send.click()

    expect(page.get_by_role("status")).to_contain_text("Authorise the return: done, the clock is met.")
    expect(page.get_by_test_id("decision-delivery")).to_contain_text(f"Message to {RELAY}: sent")
    expect(page.get_by_test_id("clock").locator("time.countdown")).to_contain_text("decided in")
    expect(page.get_by_test_id("return-status")).to_have_text("Authorised, on its way back")
    assert [m.to for m in mailoutbox] == [[RELAY]]
    assert "Amazon will send you a prepaid return label" in mailoutbox[0].body
    page.get_by_role("button", name="Log out").click()

    # The manager: the SKU's recovery before, the parcel received, the unit graded, the recovery after.
    login(page, manager.username)
    page.goto("/returns/?days=30")
    sku = page.get_by_test_id("sku-FLASK-1L-BLK")
    expect(sku.get_by_test_id("recovery-rate")).to_have_text("—")
    page.goto(f"/cases/{ret.case_id}/")
    received = page.get_by_role("form", name="Parcel received")
    received.get_by_label("Return address on the parcel").fill("1 Elm Street, Portland")
    received.get_by_role("button", name="Parcel received").click()
    expect(page.get_by_role("status")).to_contain_text("Received: grade each unit below.")

    grading = page.get_by_role("form", name="Grade FLASK-1L-BLK #1")
    grading.get_by_label("Grade", exact=True).select_option("used")
    grading.get_by_label("Note").fill("Scratches on the base")
    grading.get_by_role("button", name="Save the grade").click()
    expect(page.get_by_test_id("units").get_by_test_id("unit-grade")).to_have_text("Resellable as used")

    page.get_by_role("link", name="Returns", exact=True).click()
    page.get_by_label("Window").select_option("30")
    sku = page.get_by_test_id("sku-FLASK-1L-BLK")
    expect(sku.get_by_test_id("recovery-rate")).to_have_text("50 %")  # a used unit recovers half its price
