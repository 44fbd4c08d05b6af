from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from helpdesk.services.deadlines import deadlines_sweep
from helpdesk.services.lifecycle import deadline_meet, deadline_start
from tests.browser.conftest import login
from tests.factories import CaseFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_manager_sees_the_charts_and_narrows_the_dashboard_to_one_agent(page, account, manager, agent, agent2):
    now = timezone.now()
    for holder in (agent, agent2):
        answered = deadline_start(
            case=CaseFactory(account=account, assignee=holder),
            kind="message_response",
            started_at=now - timedelta(hours=5),
        )
        deadline_meet(deadline=answered, at=now - timedelta(hours=1), actor=holder)
        deadline_start(
            case=CaseFactory(account=account, assignee=holder),
            kind="message_response",
            started_at=now - timedelta(days=2),
        )
    deadlines_sweep()
    errors = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))

    login(page, manager.username)
    page.goto("/dashboard/")
    chart = page.locator('canvas[data-chart="chart-breaches"]')
    expect(chart).to_have_attribute("data-drawn", "1")
    expect(page.get_by_test_id("breaches-table")).to_be_attached()  # the figures behind the chart
    by_agent = page.get_by_test_id("sla-by-agent")
    expect(by_agent).to_contain_text("Alice")
    expect(by_agent).to_contain_text("Bob")

    page.get_by_test_id("agent-filter").select_option(label="Alice")
    expect(page.get_by_test_id("range")).to_contain_text("Alice")
    expect(page.get_by_test_id("sla-by-agent")).not_to_contain_text("Bob")
    expect(page.get_by_test_id("workload")).not_to_contain_text("Bob")
    expect(page.locator('canvas[data-chart="chart-breaches"]')).to_have_attribute("data-drawn", "1")  # redrawn
    assert f"agent={agent.id}" in page.url

    page.goto(f"/metrics/?account={account.id}")
    expect(page.locator('canvas[data-chart="chart-response"]')).to_have_attribute("data-drawn", "1")
    expect(page.locator('canvas[data-chart="chart-odr"]')).to_have_attribute("data-drawn", "1")
    expect(page.get_by_test_id("response-rate")).to_contain_text("Last 7 days")
    assert errors == []
