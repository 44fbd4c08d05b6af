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
