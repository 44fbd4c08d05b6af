import pytest
from playwright.sync_api import expect

from feedback.models import Feedback, RemovalRequest
from feedback.services import feedback_create
from tests.browser.conftest import login
from tests.factories import OrderFactory
from tests.feedback.conftest import amazon_date, days_ago, report

pytestmark = pytest.mark.django_db(transaction=True)


def test_manager_imports_feedback_opens_the_one_star_case_and_records_a_removal_request(
    page, account, manager, celery_eager, tmp_path
):
    OrderFactory(account=account, amazon_order_id="112-3456789-0123456", fulfillment_channel="MFN")
    rows = [
        (5, "1", "The handle snapped off after a week. Cheaply made.", "112-3456789-0123456"),
        (6, "5", "Great seller, fast shipping.", "113-1234567-7654321"),
        (7, "3", "Ok.", "114-2345678-8765432"),
    ]
    upload = tmp_path / "Feedback.txt"
    upload.write_bytes(
        report([[amazon_date(days_ago(account, ago)), stars, text, "", order, ""] for ago, stars, text, order in rows])
    )

    login(page, manager.username)
    page.goto("/feedback/import/")
    page.get_by_label("File").set_input_files(str(upload))
    page.get_by_role("button", name="Import").click()

    bar = page.get_by_test_id("progress-bar")
    expect(bar).to_be_visible()
    expect(bar).to_have_attribute("max", "3")
    expect(bar).to_have_attribute("value", "3")
    expect(page.get_by_test_id("progress-text")).to_have_text("3 of 3 rows · 100 %")
    expect(page.get_by_test_id("summary")).to_have_text("imported: 3, unchanged: 0, rejected: 0")

    page.get_by_role("link", name="See the feedback and the open removal cases").click()
    one_star = Feedback.objects.get(rating=1)
    cases = page.get_by_test_id("open-removal-cases")
    expect(cases.locator("time.countdown")).to_have_count(2)  # the 1-star and the 3-star
    cases.get_by_role("link", name=f"#{one_star.case_id}").click()

    expect(page.get_by_test_id("feedback-rating")).to_have_text("1★ negative")
    expect(page.get_by_test_id("order-id")).to_have_text("112-3456789-0123456")
    eligibility = page.get_by_test_id("eligibility")
    expect(eligibility).to_contain_text("Likely removed — Entirely a product review.")
    expect(eligibility).to_contain_text("not the seller's service")

    form = page.get_by_role("form", name="Record a removal request")
    expect(form.get_by_label("Reason")).to_have_value("product_review")
    form.get_by_label("Note").fill("Seller Central case 1234567890")
    form.get_by_role("button", name="Record removal request").click()

    expect(page.get_by_role("status")).to_contain_text("Removal request recorded")
    requests = page.get_by_test_id("removal-requests")
    expect(requests).to_contain_text("Entirely a product review")
    expect(requests.get_by_test_id("removal-outcome")).to_have_text("Pending")
    expect(page.get_by_test_id("timeline")).to_contain_text("Removal requested from Amazon")
    assert RemovalRequest.objects.get().note == "Seller Central case 1234567890"


def test_agent_resolves_then_writes_to_the_buyer_past_the_compliance_check(
    page, account, agent, mailoutbox, celery_eager
):
    rater = "k4x9p2m7q1w3e5r@marketplace.amazon.com"
    feedback = feedback_create(
        account=account,
        amazon_order_id="112-3456789-0123456",
        date=days_ago(account, 3),
        rating=1,
        comments="Arrived dented.",
        rater_email=rater,
    )

    login(page, agent.username)
    page.goto(f"/cases/{feedback.case_id}/")
    resolution = page.get_by_role("form", name="Record a resolution")
    resolution.get_by_label("Kind").select_option("replacement")
    resolution.get_by_label("Note").fill("Sent a new bottle with tracking.")
    resolution.get_by_role("button", name="Record resolution").click()

    outreach = page.get_by_role("form", name="Contact the buyer")
    expect(outreach).to_contain_text(f"To {rater}, in a new conversation about this order.")
    message = outreach.get_by_label("Message to the buyer")
    send = outreach.get_by_role("button", name="Send to the buyer")
    message.fill("Sorry it arrived dented: a new bottle is on its way. Track it at shop dot com.")
    expect(outreach.get_by_test_id("compliance-result")).to_contain_text("forbid")
    expect(send).to_be_disabled()

    message.fill("Sorry it arrived dented: a new bottle is on its way.")
    expect(outreach.get_by_test_id("compliance-result")).not_to_contain_text("forbid")
    expect(send).to_be_enabled()
    send.click()

    expect(page.get_by_role("status")).to_contain_text(f"Queued for the buyer's relay address {rater}")
    expect(page.get_by_test_id("contact-delivery")).to_contain_text(f"to {rater}: sent")
    assert [(m.to, m.body) for m in mailoutbox] == [([rater], "Sorry it arrived dented: a new bottle is on its way.")]
    page.get_by_test_id("contact-delivery").get_by_role("link", name="open the thread").click()
    expect(page.get_by_test_id("thread")).to_contain_text("a new bottle is on its way")
