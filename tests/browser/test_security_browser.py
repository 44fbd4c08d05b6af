"""The main pages under the Content Security Policy in a real browser: nothing refused, the htmx
parts still work, and a buyer's remote images load only when an agent asks for them."""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from helpdesk.models import Case
from tests.browser.conftest import login
from tests.messaging.conftest import fixture_bytes, ingest

pytestmark = pytest.mark.django_db(transaction=True)

PIXEL = "https://tracker.example/open.gif?u=42"


def test_the_main_pages_break_no_rule_of_the_content_security_policy(page, account, admin_user):
    raw = fixture_bytes("02_html_only.eml").replace(b"<b>large</b>", f'<b>large</b><img src="{PIXEL}">'.encode())
    ingest(account, "html.eml", raw=raw)
    case = Case.objects.get()
    login(page, admin_user.username)
    for name, args in [
        ("helpdesk:queue", []),
        ("helpdesk:case", [case.id]),
        ("helpdesk:dashboard", []),
        ("helpdesk:risk", []),
        ("helpdesk:notifications", []),
        ("helpdesk:order_import", []),
        ("helpdesk:accounts", []),
        ("helpdesk:account", [account.id]),
        ("helpdesk:policies", [account.id]),
        ("helpdesk:amazon", [account.id]),
        ("messaging:inbox", []),
        ("messaging:mailboxes", []),
        ("feedback:page", []),
        ("compliance:rules", []),
        ("compliance:check", []),
        ("two_factor", []),
    ]:
        response = page.goto(reverse(name, args=args))
        assert response.status == 200, name
        assert "script-src 'self'" in response.headers["content-security-policy"], name
    # htmx still works under the policy: the queue's filter swaps the results in place.
    page.goto(reverse("helpdesk:queue"))
    page.locator("#id_status").select_option("all")
    expect(page).to_have_url(re.compile(r"status=all"))  # pushed once the swap is done: no request left in flight
    expect(page.get_by_test_id("case-row").first).to_be_visible()
    assert page.outside == [], "no page asked another host for anything"


def test_remote_images_load_only_when_asked_for(page, account, agent):
    raw = fixture_bytes("02_html_only.eml").replace(b"<b>large</b>", f'<b>large</b><img src="{PIXEL}">'.encode())
    ingest(account, "html.eml", raw=raw)
    login(page, agent.username)
    page.goto(reverse("helpdesk:case", args=[Case.objects.get().id]))
    page.get_by_text("As the sender formatted it").click()
    expect(page.get_by_test_id("message-html")).to_contain_text("large")
    assert page.outside == []
    page.get_by_role("link", name="Load remote images").click()
    frame = page.frame_locator("iframe.formatted-frame")
    expect(frame.locator("b")).to_have_text("large")
    expect(frame.locator(f'img[src="{PIXEL}"]')).to_have_js_property("naturalWidth", 1)  # answered by the route
    assert any(re.match(r"https://tracker\.example/open\.gif", url) for url in page.outside)
