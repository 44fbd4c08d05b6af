"""The managers' dashboard and Amazon's metrics page: what they show, narrowed by agent and range,
in a number of queries that does not grow with the data; the lists behind them by their own URLs."""

import csv
import io
from datetime import UTC, datetime, timedelta

import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from feedback.services import feedback_create
from helpdesk.models import Activity
from helpdesk.services.deadlines import deadlines_sweep
from helpdesk.services.lifecycle import deadline_meet, deadline_start
from helpdesk.views import dashboard as dashboard_views
from tests.factories import CaseFactory, OrderFactory

NOW = datetime(2026, 11, 18, 15, 0, tzinfo=UTC)


def work(account, agent, agent2, n: int) -> None:
    """`n` answered, `n` breached and `n` running message clocks, held by two agents."""
    for i in range(n):
        holder = agent if i % 2 else agent2
        met = deadline_start(
            case=CaseFactory(account=account, assignee=holder),
            kind="message_response",
            started_at=NOW - timedelta(days=1),
        )
        deadline_meet(deadline=met, at=NOW - timedelta(hours=20), actor=holder)
        deadline_start(
            case=CaseFactory(account=account, assignee=holder),
            kind="message_response",
            started_at=NOW - timedelta(days=3),
        )
        deadline_start(case=CaseFactory(account=account), kind="message_response", started_at=NOW - timedelta(hours=20))
    deadlines_sweep()


def queries(client, url, params=None) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url, params or {}).status_code == 200
    return len(captured)


@time_machine.travel(NOW, tick=False)
def test_the_dashboard_counts_per_kind_and_agent_and_narrows_to_one(client, account, manager, agent, agent2):
    work(account, agent, agent2, 2)
    client.force_login(manager)
    body = client.get(reverse("helpdesk:dashboard"), {"days": 7}).content.decode()
    assert '<th>Buyer message response</th><td>6</td><td>2</td><td>0</td><td class="bad">2</td><td>2</td>' in body
    assert '<th>Alice</th><td>1</td><td>0</td><td class="bad">1</td><td>50.0%</td><td>4h 0m</td>' in body
    assert "<th>Bob</th>" in body
    assert 'data-testid="at-risk"' in body and "<strong>unassigned</strong>" in body
    assert 'data-testid="breach-list"' in body and "<td>2d 0h</td>" in body
    assert 'data-chart="chart-breaches"' in body and 'id="chart-breaches" type="application/json"' in body

    narrowed = client.get(reverse("helpdesk:dashboard"), {"days": 7, "agent": agent.id}).content.decode()
    assert "<th>Alice</th>" in narrowed and "<th>Bob</th>" not in narrowed
    assert "Alice" in narrowed.split('data-testid="range"')[1].split("</p>")[0]

    partial = client.get(reverse("helpdesk:dashboard"), {"days": 7}, headers={"HX-Request": "true"}).content.decode()
    assert partial.strip().startswith('<p class="meta" data-testid="range">') and "<html" not in partial


@time_machine.travel(NOW, tick=False)
def test_a_chosen_range_and_bad_filters(client, account, manager, agent, agent2):
    work(account, agent, agent2, 1)
    client.force_login(manager)
    old = {"start": "2026-10-01", "end": "2026-10-31"}
    assert "No clock started in this range." in client.get(reverse("helpdesk:dashboard"), old).content.decode()
    body = client.get(reverse("helpdesk:dashboard"), {"start": "2026-11-20", "end": "2026-11-01"}).content.decode()
    assert "The range ends before it starts." in body and "<th>Buyer message response</th>" in body


@time_machine.travel(NOW, tick=False)
def test_pages_take_the_same_queries_whatever_the_data(client, account, manager, agent, agent2):
    client.force_login(manager)
    work(account, agent, agent2, 1)
    firm = OrderFactory(account=account)  # its feedback is past removal: listed, not open
    feedback_create(
        account=account,
        amazon_order_id=firm.amazon_order_id,
        date=(NOW - timedelta(days=70)).date(),
        rating=1,
        comments="Late",
    )
    urls = [
        (reverse("helpdesk:dashboard"), {"days": 30}),
        (reverse("helpdesk:breaches"), {}),
        (reverse("helpdesk:at_risk"), {"hours": 48}),
        (reverse("helpdesk:metrics"), {"account": account.id}),
        (reverse("helpdesk:defect_orders"), {}),
    ]
    few = [queries(client, url, params) for url, params in urls]
    work(account, agent, agent2, 6)
    orders = OrderFactory.create_batch(5, account=account)
    for order in orders[:2]:  # open defects: the metrics page says what winning each would move
        feedback_create(
            account=account,
            amazon_order_id=order.amazon_order_id,
            date=(NOW - timedelta(days=20)).date(),
            rating=1,
            comments="Broken",
        )
    metrics_page = client.get(reverse("helpdesk:metrics"), {"account": account.id}).content.decode()
    open_defects = metrics_page.split('data-testid="open-defects"')[1].split("</table>")[0]
    assert all(order.amazon_order_id in open_defects for order in orders[:2])
    assert [queries(client, url, params) for url, params in urls] == few


@time_machine.travel(NOW, tick=False)
def test_lists_by_their_own_urls_and_another_accounts_metrics_do_not_exist(
    client, account, other_account, manager, agent, agent2
):
    work(account, agent, agent2, 1)
    client.force_login(manager)
    breaches = client.get(reverse("helpdesk:breaches"), {"agent": agent2.id}).content.decode()
    assert breaches.count("<td>Bob</td>") == 1
    at_risk = client.get(reverse("helpdesk:at_risk"), {"hours": 6}).content.decode()
    assert "<strong>unassigned</strong>" in at_risk
    assert client.get(reverse("helpdesk:metrics"), {"account": other_account.id}).status_code == 404
    assert client.get(reverse("helpdesk:defect_orders"), {"account": other_account.id}).status_code == 404


def _csv(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))


@time_machine.travel(NOW, tick=False)
def test_the_breach_and_at_risk_lists_export_as_filtered_every_page(client, account, manager, agent, agent2):
    work(account, agent, agent2, 3)
    client.force_login(manager)
    page = client.get(reverse("helpdesk:breaches"), {"agent": agent2.id}).content.decode()
    assert f'href="{reverse("helpdesk:breaches_export")}?agent={agent2.id}"' in page

    breaches = _csv(client.get(reverse("helpdesk:breaches_export"), {"agent": agent2.id}))
    assert breaches[0] == ["Case", "Subject", "Clock", "Due (UTC)", "Held by", "Late by", "Now", "Account"]
    assert [row[4] for row in breaches[1:]] == ["Bob", "Bob"]
    assert {row[2] for row in breaches[1:]} == {"Buyer message response"}

    at_risk = _csv(client.get(reverse("helpdesk:at_risk_export"), {"hours": 6}))
    assert at_risk[0][:2] == ["Case", "Kind"] and len(at_risk) == 1 + 6  # 3 due within 6 hours, 3 overdue
    assert [row[8] for row in at_risk[1:4]] == ["", "", ""]  # unassigned first
    assert Activity.objects.filter(verb="export.csv").count() == 2


@time_machine.travel(NOW, tick=False)
def test_the_orders_with_defects_export_every_page_of_the_window(monkeypatch, client, account, other_account, manager):
    monkeypatch.setattr(dashboard_views, "LIST_PAGE", 2)
    orders = OrderFactory.create_batch(4, account=account)
    for order, days in zip(orders, (20, 30, 40, 5), strict=True):  # the last is too recent for the window
        feedback_create(
            account=account,
            amazon_order_id=order.amazon_order_id,
            date=(NOW - timedelta(days=days)).date(),
            rating=1,
            comments="Broken",
        )
    client.force_login(manager)
    page = client.get(reverse("helpdesk:defect_orders"), {"account": account.id}).content.decode()
    assert f'href="{reverse("helpdesk:defect_orders_export")}?account={account.id}"' in page
    assert page.split('data-testid="defect-orders"')[1].count("<td>Negative feedback</td>") == 2  # one page of two

    rows = _csv(client.get(reverse("helpdesk:defect_orders_export"), {"account": account.id}))
    assert rows[0] == ["Order", "Defect", "Dated", "Fulfilment", "State", "Case"]
    assert sorted(row[0] for row in rows[1:]) == sorted(order.amazon_order_id for order in orders[:3])
    assert {(row[1], row[3], row[4]) for row in rows[1:]} == {
        ("Negative feedback", "MFN", "Open (can still be removed or won)")
    }
    activity = Activity.objects.get(verb="export.csv")
    assert activity.account == account and activity.after["file"] == f"defect-orders-{account.slug}.csv"
    assert client.get(reverse("helpdesk:defect_orders_export"), {"account": other_account.id}).status_code == 404
