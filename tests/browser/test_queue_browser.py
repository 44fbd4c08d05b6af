import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from helpdesk.services.deadlines import deadlines_sweep
from helpdesk.services.lifecycle import deadline_start
from tests.browser.conftest import login
from tests.factories import CaseFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_agent_filters_takes_a_case_and_finds_it_under_mine(page, account, agent, agent2):
    now = timezone.now()
    CaseFactory(account=account, kind="message", subject="Where is my parcel?", next_due_at=now + timedelta(hours=3))
    target = CaseFactory(
        account=account, kind="return", subject="Return: zip broken", next_due_at=now + timedelta(hours=9)
    )
    CaseFactory(
        account=account,
        kind="return",
        subject="Return: wrong size",
        assignee=agent2,
        next_due_at=now + timedelta(hours=20),
    )

    login(page, agent.username)
    rows = page.get_by_test_id("case-row")
    expect(rows).to_have_count(3)

    page.get_by_label("Kind").select_option("return")
    expect(rows).to_have_count(2)
    expect(page).to_have_url(re.compile(r"kind=return"))

    row = page.locator(f"#case-{target.id}")
    row.get_by_role("button", name="Take").click()
    expect(row.get_by_test_id("assignee")).to_have_text(agent.first_name)
    expect(page.locator(f"#case-{target.id}").get_by_role("button", name="Take")).to_have_count(0)

    page.locator("#id_assignee").select_option("mine")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("Return: zip broken")


def test_countdown_ticks_then_breach_shows_overdue_and_notifies_the_manager(page, account, agent, manager):
    case = CaseFactory(account=account, subject="Damaged on arrival")
    deadline = deadline_start(
        case=case, kind="message_response", started_at=timezone.now() - timedelta(hours=24) + timedelta(seconds=4)
    )

    login(page, agent.username)
    page.goto(f"/cases/{case.id}/")
    clock = page.get_by_test_id("clock").locator("time.countdown")
    expect(clock).to_contain_text("due in")
    expect(clock).to_have_class(re.compile(r"\bwarn\b"))  # inside the last 6 hours
    first = clock.text_content()
    page.wait_for_timeout(1500)
    assert clock.text_content() != first, "the countdown ticks in the browser"
    expect(clock).to_contain_text("overdue by", timeout=8000)

    assert deadlines_sweep().breached == 1
    deadline.refresh_from_db()
    page.reload()
    expect(page.get_by_test_id("timeline")).to_contain_text("clock breached")
    expect(page.get_by_test_id("clock").locator("time.countdown")).to_have_class(re.compile(r"\boverdue\b"))

    page.get_by_role("button", name="Log out").click()
    login(page, manager.username)
    expect(page.get_by_test_id("unread")).to_have_text("1")
    page.get_by_role("link", name="Notifications").click()
    note = page.get_by_test_id("notification")
    expect(note).to_contain_text(f"Breached: Buyer message response on case #{case.id}")
    note.get_by_role("button", name="Mark read").click()
    expect(page.get_by_role("button", name="Mark read")).to_have_count(0)
