import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import login
from tests.search.conftest import ask, index

pytestmark = pytest.mark.django_db(transaction=True)


def test_agent_finds_a_buyer_from_the_header_and_opens_the_case(page, account, agent):
    case = ask(account, "My lantern arrived without batteries", name="Henrietta Oyelaran").case
    ask(account, "Other question", name="Someone Else", order_id="114-0000000-0000009")
    index()

    login(page, agent.username)
    page.keyboard.press("/")  # anywhere but in a field: to the header's search box
    box = page.get_by_role("searchbox", name="Search cases")
    expect(box).to_be_focused()
    box.fill("Henrietta")
    box.press("Enter")

    hits = page.get_by_test_id("search-hit")
    expect(hits).to_have_count(1)
    expect(hits.first.locator("mark").first).to_have_text("Henrietta")
    expect(box).to_have_value("Henrietta")
    hits.first.get_by_role("link").click()

    expect(page).to_have_url(re.compile(rf"/cases/{case.id}/$"))
    expect(page.get_by_text("My lantern arrived without batteries")).to_be_visible()
