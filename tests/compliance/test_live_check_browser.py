"""The live check in a real Chromium: typing shows the findings and fires the `compliance` event."""

import pytest

from tests.browser.conftest import browser, login, page  # noqa: F401  (the shared browser fixtures)

pytestmark = pytest.mark.browser


def test_typing_highlights_the_offending_span_and_reports_blocked(page, agent):  # noqa: F811
    login(page, agent.username)
    page.goto("/messages/compliance/check")
    page.evaluate(
        "window.seen = []; document.body.addEventListener('compliance', e => window.seen.push(e.detail.blocked))"
    )
    page.get_by_label("Message").fill("Hi! Call me at (555) 123-4567 <b>please</b>.")
    mark = page.locator("mark.blocking")
    mark.wait_for()
    assert mark.inner_text() == "(555) 123-4567"
    assert page.locator("[data-testid=compliance-result]").get_attribute("data-blocked") == "true"
    assert "<b>please</b>" in page.locator("[data-testid=compliance-text]").inner_text()
    assert page.evaluate("window.seen.at(-1)") is True

    page.get_by_label("Message").fill("Thanks, the refund of $29.99 is on its way.")
    page.get_by_text("No problems found.").wait_for()
    assert page.locator("[data-testid=compliance-result]").get_attribute("data-blocked") == "false"
    assert page.evaluate("window.seen.at(-1)") is False


# One message of each of the guard's former blind spots, and one that must still pass.
BLIND_SPOTS = [
    ("positive_review", "Five stars would really help a small business like ours."),
    ("incentive", "Leave us a review and you'll be entered into our monthly prize draw."),
    ("confirmation", "Your item has shipped! Tracking: 1Z999AA10123456784."),
    ("threat", "If the balance isn't paid by Friday, your details go to our debt collection agency."),
    ("disparagement", "The other sellers on this listing sell counterfeits."),
    ("false_claim", "Amazon requires you to leave feedback within 7 days of delivery."),
]


def test_each_blind_spot_is_marked_and_a_neutral_update_ask_passes(page, agent):  # noqa: F811
    login(page, agent.username)
    page.goto("/messages/compliance/check")
    for rule, text in BLIND_SPOTS:
        page.get_by_label("Message").fill(text)
        page.locator(f"mark.blocking[data-rules~='{rule}']").wait_for()
        assert page.locator("[data-testid=compliance-result]").get_attribute("data-blocked") == "true"

    page.get_by_label("Message").fill(
        "Your refund of $24.99 went through today. If you feel we've resolved the problem, "
        "you're welcome to update your feedback."
    )
    page.locator("[data-testid=compliance-result][data-blocked=false]").wait_for()
    assert page.get_by_text("Nothing blocks this message").is_visible()
    assert page.locator("mark.advisory[data-rules~='feedback_removal']").count() == 1
