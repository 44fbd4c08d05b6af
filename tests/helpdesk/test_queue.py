from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from helpdesk.models import Activity, Case, CaseStatus, Notification
from helpdesk.services.cases import case_assign
from helpdesk.views.queue import PAGE_SIZE
from tests.factories import CaseFactory


def _queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries), response


def test_queue_queries_do_not_grow_with_cases(client, account, agent, agent2):
    client.force_login(agent)
    now = timezone.now()
    CaseFactory.create_batch(5, account=account, next_due_at=now, assignee=agent2)
    few, _ = _queries(client, reverse("helpdesk:queue"))
    CaseFactory.create_batch(195, account=account, next_due_at=now, assignee=agent2)
    many, response = _queries(client, reverse("helpdesk:queue"))
    assert few == many
    assert many <= 12
    assert response.content.count(b'data-testid="case-row"') == PAGE_SIZE


def test_queue_sorted_by_next_due_and_paginated(client, account, agent):
    now = timezone.now()
    late = CaseFactory(account=account, subject="later", next_due_at=now + timedelta(hours=5))
    soon = CaseFactory(account=account, subject="sooner", next_due_at=now + timedelta(hours=1))
    CaseFactory(account=account, subject="no clock", next_due_at=None)
    client.force_login(agent)
    body = client.get(reverse("helpdesk:queue")).content.decode()
    assert body.index("sooner") < body.index("later") < body.index("no clock")
    CaseFactory.create_batch(2 * PAGE_SIZE, account=account, next_due_at=now + timedelta(hours=9))
    first = client.get(reverse("helpdesk:queue")).content.decode()
    assert "page=2" in first and "Previous" not in first
    second = client.get(reverse("helpdesk:queue") + "?page=2").content.decode()
    assert second.count('data-testid="case-row"') == PAGE_SIZE and "Previous" in second
    assert soon.subject in first and late.subject in first


def test_queue_filters(client, account, other_account, agent, agent2):
    now = timezone.now()
    CaseFactory(account=account, subject="mine-msg", assignee=agent, next_due_at=now + timedelta(hours=2))
    CaseFactory(
        account=account, subject="theirs-return", kind="return", assignee=agent2, next_due_at=now + timedelta(hours=30)
    )
    CaseFactory(account=account, subject="free-claim", kind="atoz", next_due_at=now + timedelta(hours=3))
    CaseFactory(account=account, subject="closed-one", status=CaseStatus.CLOSED)
    CaseFactory(account=other_account, subject="foreign")
    client.force_login(agent)

    def subjects(query):
        body = client.get(reverse("helpdesk:queue") + query).content.decode()
        return {s for s in ["mine-msg", "theirs-return", "free-claim", "closed-one", "foreign"] if s in body}

    assert subjects("") == {"mine-msg", "theirs-return", "free-claim"}
    assert subjects("?assignee=mine") == {"mine-msg"}
    assert subjects("?assignee=unassigned") == {"free-claim"}
    assert subjects(f"?assignee={agent2.id}") == {"theirs-return"}
    assert subjects("?kind=return") == {"theirs-return"}
    assert subjects("?due=4") == {"mine-msg", "free-claim"}
    assert subjects("?status=closed") == {"closed-one"}
    assert subjects("?status=all") == {"mine-msg", "theirs-return", "free-claim", "closed-one"}
    assert subjects(f"?account={account.id}") == {"mine-msg", "theirs-return", "free-claim"}
    assert subjects(f"?account={other_account.id}") == {
        "mine-msg",
        "theirs-return",
        "free-claim",
    }  # not theirs: ignored


def test_htmx_filter_returns_only_the_results(client, account, agent):
    CaseFactory(account=account, subject="partial-case")
    client.force_login(agent)
    response = client.get(reverse("helpdesk:queue"), headers={"HX-Request": "true"})
    body = response.content.decode()
    assert "partial-case" in body and "<html" not in body


def test_take_a_case_with_htmx_returns_the_row(client, account, agent):
    case = CaseFactory(account=account)
    client.force_login(agent)
    response = client.post(
        reverse("helpdesk:case_assign", args=[case.id]), {"assignee": "me"}, headers={"HX-Request": "true"}
    )
    assert response.status_code == 200
    assert f'id="case-{case.id}"' in response.content.decode()
    case.refresh_from_db()
    assert case.assignee == agent
    activity = Activity.objects.get(case=case, verb="case.assigned")
    assert activity.actor == agent and activity.after == {"assignee": agent.first_name}


def test_agent_cannot_take_a_case_held_by_someone_else(client, account, agent, agent2):
    case = CaseFactory(account=account, assignee=agent2)
    client.force_login(agent)
    response = client.post(
        reverse("helpdesk:case_assign", args=[case.id]), {"assignee": "me"}, headers={"HX-Request": "true"}
    )
    assert response.status_code == 403
    case.refresh_from_db()
    assert case.assignee == agent2


def test_manager_reassigns_and_the_assignee_is_notified(client, account, manager, agent, agent2):
    case = CaseFactory(account=account, assignee=agent2)
    client.force_login(manager)
    client.post(reverse("helpdesk:case_assign", args=[case.id]), {"assignee": str(agent.id)})
    case.refresh_from_db()
    assert case.assignee == agent
    assert Notification.objects.filter(user=agent, case=case, kind="assigned").count() == 1


def test_cannot_assign_to_someone_outside_the_account(client, account, manager, outsider):
    case = CaseFactory(account=account)
    client.force_login(manager)
    response = client.post(reverse("helpdesk:case_assign", args=[case.id]), {"assignee": str(outsider.id)})
    assert response.status_code == 400
    case.refresh_from_db()
    assert case.assignee is None


def test_bulk_assign(client, account, other_account, agent, agent2):
    free = CaseFactory.create_batch(3, account=account)
    held = CaseFactory(account=account, assignee=agent2)
    foreign = CaseFactory(account=other_account)
    client.force_login(agent)
    response = client.post(
        reverse("helpdesk:cases_bulk_assign"),
        {"case": [c.id for c in free] + [held.id, foreign.id], "assignee": "me"},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    assert "3 cases assigned. 1 held by someone else" in response.content.decode()
    assert set(Case.objects.filter(assignee=agent).values_list("id", flat=True)) == {c.id for c in free}
    foreign.refresh_from_db()
    assert foreign.assignee is None


def test_case_page_shows_order_timeline_and_panel(client, account, agent):
    case = CaseFactory(account=account, kind="return")
    case_assign(case=case, assignee=agent, actor=agent)
    client.force_login(agent)
    body = client.get(reverse("helpdesk:case", args=[case.id])).content.decode()
    assert case.order.amazon_order_id in body
    assert "Assigned to" in body
    assert "No return is linked to this case." in body  # the kind's own panel


def test_status_transitions_follow_the_map(client, account, agent):
    case = CaseFactory(account=account, status=CaseStatus.CLOSED)
    client.force_login(agent)
    response = client.post(reverse("helpdesk:case_status", args=[case.id]), {"status": "waiting"}, follow=True)
    assert "cannot become waiting" in response.content.decode()
    client.post(reverse("helpdesk:case_status", args=[case.id]), {"status": "open"})
    case.refresh_from_db()
    assert case.status == CaseStatus.OPEN and case.closed_at is None


@pytest.mark.parametrize("query", ["?due=-3", "?assignee=99999", "?kind=nonsense", "?page=0"])
def test_bad_filters_are_reported_not_500(client, account, agent, query):
    CaseFactory(account=account, subject="still-listed")
    client.force_login(agent)
    response = client.get(reverse("helpdesk:queue") + query)
    assert response.status_code == 200
    assert "were not understood" in response.content.decode()
