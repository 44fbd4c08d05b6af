"""A newcomer's first hour on the demo data alone (`seed_demo` in the test database): each role, at a
laptop's 1366 px and a phone's 390 px, opens every page its navigation and its settings area link to,
without a console error and, on the phone, without anything wider than the screen; and the agent
answers a demo buyer end to end."""

import re

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from helpdesk.models import Case

pytestmark = pytest.mark.django_db(transaction=True)

LAPTOP = {"width": 1366, "height": 800}
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def demo(db):
    call_command("seed_demo", verbosity=0)


def demo_login(page, username: str) -> None:
    page.goto("/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill("demo")
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/")


def watch_console(page) -> list[str]:
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    return errors


# What sticks out on the right: the innermost elements reaching past the screen, for the failure message.
WIDEST = """
[...document.querySelectorAll("body *")]
  .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1 && !e.querySelector("*"))
  .slice(0, 5)
  .map(e => e.tagName + "." + e.className + " " + Math.round(e.getBoundingClientRect().right) + "px")
"""


def hrefs(page, selector: str) -> list[str]:
    return page.eval_on_selector_all(selector, "links => links.map(a => a.getAttribute('href'))")


def pages_of(page) -> list[str]:
    """Every page the header links to (menus included), the first case of the queue, and, for managers
    and admins, every page the settings area links to."""
    page.goto("/")
    found = hrefs(page, "header a[href]")
    found += hrefs(page, "table.queue td.subject a")[:1]
    if "/settings/" in found:
        page.goto("/settings/")
        found += hrefs(page, ".settings-links a")
    return list(dict.fromkeys(found))


@pytest.mark.parametrize("viewport", [PHONE, LAPTOP], ids=["390px", "1366px"])
def test_each_role_opens_every_linked_page_without_errors_or_overflow(page, live_server, demo, viewport):
    page.set_viewport_size(viewport)
    errors = watch_console(page)
    for username in ("agent", "manager", "admin"):
        demo_login(page, username)
        if viewport is LAPTOP:
            header = page.locator("header.topbar").bounding_box()
            assert header["height"] < 60, f"{username}'s header wraps to a second line at 1366 px"
        else:
            nav = page.get_by_role("navigation", name="Main")
            expect(nav).to_be_hidden()
            page.get_by_role("button", name="Menu").click()
            expect(nav).to_be_visible()
            expect(page.get_by_role("button", name="Log out")).to_be_in_viewport()
            row = page.get_by_test_id("case-row").first
            assert row.evaluate("r => getComputedStyle(r).display") == "block", "the queue is a list of cards"
        links = pages_of(page)
        assert len(links) > (3 if username == "agent" else 8), links
        for href in links:
            response = page.goto(href)
            assert response.status < 400, (username, href, response.status)
            if viewport is PHONE:
                width = page.evaluate("document.documentElement.scrollWidth")
                assert width <= PHONE["width"], (username, href, f"{width} px wide", page.evaluate(WIDEST))
        assert errors == [], (username, errors)
        page.goto("/")
        if viewport is PHONE:
            page.get_by_role("button", name="Menu").click()
        page.get_by_role("button", name="Log out").click()


def test_the_agent_answers_a_demo_buyer_end_to_end(page, live_server, demo, celery_eager, mailoutbox):
    errors = watch_console(page)
    demo_login(page, "agent")
    case = Case.objects.get(account__slug="demo-us", subject__startswith="Shipping inquiry")
    page.get_by_role("link", name=re.compile(r"^Shipping inquiry from Amazon customer")).first.click()
    expect(page.get_by_test_id("thread")).to_contain_text("the tracking hasn't moved")
    expect(page.get_by_test_id("case-status")).to_have_text("New")

    # A variable left in the draft is shown, highlighted, and Send waits until it is replaced.
    reply = page.locator("#reply-text")
    send = page.get_by_role("button", name="Send reply")
    reply.fill("Your tracking number is {tracking_number}.")
    expect(page.get_by_test_id("unfilled").locator("mark")).to_have_text("{tracking_number}")
    expect(send).to_be_disabled()
    reply.fill("")
    expect(page.get_by_test_id("unfilled")).to_be_hidden()

    page.get_by_label("Template").select_option(label="Where is my order")
    page.get_by_role("button", name="Insert template").click()
    order = case.order
    expect(reply).to_have_value(re.compile(re.escape(f"with tracking number {order.tracking_number}")))
    expect(page.get_by_test_id("unfilled")).to_be_hidden()
    expect(send).to_be_enabled()
    send.click()

    expect(page.get_by_test_id("response-clock")).to_contain_text("answered in")
    expect(page.get_by_test_id("delivery-status")).to_have_text(re.compile(r"^sent"))
    # Every card of the page agrees with the composer.
    expect(page.get_by_test_id("case-status")).to_have_text("Waiting")
    expect(page.get_by_test_id("case-assignee")).to_have_text("assigned to Avery Agent")
    expect(page.locator("#case-clocks")).to_contain_text("answered in")
    assert len(mailoutbox) == 1 and mailoutbox[0].to == [order.buyer_email]

    page.goto("/?assignee=mine")  # the answered case has no clock left: last in the whole queue, first among one's own
    row = page.locator(f"#case-{case.id}")
    expect(row).to_contain_text("Waiting")
    expect(row.get_by_test_id("assignee")).to_have_text("Avery Agent")
    assert errors == []
