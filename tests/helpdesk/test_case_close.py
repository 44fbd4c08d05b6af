"""Closing a case: only its holder or a manager, and a breach stays recorded whatever happens to the case."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from helpdesk import metrics
from helpdesk.models import Activity, CaseStatus, DeadlineState
from helpdesk.services.cases import case_status_set
from helpdesk.services.deadlines import deadlines_sweep
from helpdesk.services.lifecycle import deadline_start
from tests.factories import CaseFactory

T0 = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)


def figures(account) -> tuple[int, int, int, int]:
    """Met on time, met late, breached and still running, of the clocks started on T0's day."""
    day = T0.date()
    [row] = metrics.sla_by_kind(metrics.SlaFilters((account.id,), day, day), tz=account.tzinfo)
    return row.met_on_time, row.met_late, row.breached, row.open


def test_an_agent_cannot_close_a_case_another_agent_holds(client, account, agent, agent2):
    case = CaseFactory(account=account, assignee=agent2, status=CaseStatus.OPEN)
    client.force_login(agent)
    response = client.post(reverse("helpdesk:case_status", args=[case.id]), {"status": "closed"}, follow=True)
    case.refresh_from_db()
    assert case.status == CaseStatus.OPEN
    assert "holds this case" in response.content.decode()
    assert not Activity.objects.filter(case=case, verb="case.status").exists()


def test_an_agent_cannot_resolve_it_through_the_service_either(account, agent, agent2):
    case = CaseFactory(account=account, assignee=agent2, status=CaseStatus.OPEN)
    with pytest.raises(PermissionDenied):
        case_status_set(case=case, to=CaseStatus.RESOLVED, actor=agent)


def test_the_holder_closes_their_case_and_any_agent_an_unassigned_one(account, agent, agent2):
    held = CaseFactory(account=account, assignee=agent, status=CaseStatus.OPEN)
    free = CaseFactory(account=account, status=CaseStatus.OPEN)
    case_status_set(case=held, to=CaseStatus.CLOSED, actor=agent)
    case_status_set(case=free, to=CaseStatus.CLOSED, actor=agent2)
    held.refresh_from_db()
    free.refresh_from_db()
    assert held.status == free.status == CaseStatus.CLOSED


def test_a_manager_closes_a_case_someone_else_holds(account, agent, manager):
    case = CaseFactory(account=account, assignee=agent, status=CaseStatus.OPEN)
    case_status_set(case=case, to=CaseStatus.CLOSED, actor=manager)
    case.refresh_from_db()
    assert case.status == CaseStatus.CLOSED


def test_an_agent_may_still_move_a_held_case_between_working_states(account, agent, agent2):
    case = CaseFactory(account=account, assignee=agent2, status=CaseStatus.OPEN)
    case_status_set(case=case, to=CaseStatus.WAITING, actor=agent)
    case.refresh_from_db()
    assert case.status == CaseStatus.WAITING


def test_the_case_page_offers_no_close_to_an_agent_who_does_not_hold_it(client, account, agent, agent2):
    case = CaseFactory(account=account, assignee=agent2, status=CaseStatus.OPEN)
    client.force_login(agent)
    body = client.get(reverse("helpdesk:case", args=[case.id])).content.decode()
    assert '<option value="waiting">' in body
    assert '<option value="closed">' not in body and '<option value="resolved">' not in body


def test_a_breach_stays_counted_after_the_case_is_closed(account, agent, manager):
    case = CaseFactory(account=account, assignee=agent, status=CaseStatus.OPEN)
    deadline = deadline_start(case=case, kind="message_response", started_at=T0)
    with time_machine.travel(T0 + timedelta(hours=25), tick=False):
        deadlines_sweep()
        case_status_set(case=case, to=CaseStatus.CLOSED, actor=manager)
    deadline.refresh_from_db()
    assert deadline.state == DeadlineState.CANCELLED and deadline.breached_at is not None
    assert figures(account) == (0, 0, 1, 0)


def test_a_clock_cancelled_before_it_breached_is_not_a_breach(account, manager):
    case = CaseFactory(account=account, status=CaseStatus.OPEN)
    deadline_start(case=case, kind="message_response", started_at=T0)
    with time_machine.travel(T0 + timedelta(hours=2), tick=False):
        case_status_set(case=case, to=CaseStatus.CLOSED, actor=manager)
        deadlines_sweep()
    assert figures(account) == (0, 0, 0, 0)


def test_the_dashboard_shows_the_breach_of_a_closed_case(client, account, manager):
    case = CaseFactory(account=account, status=CaseStatus.OPEN)
    started = datetime.now(UTC) - timedelta(hours=30)
    deadline_start(case=case, kind="message_response", started_at=started)
    deadlines_sweep()
    case_status_set(case=case, to=CaseStatus.CLOSED, actor=manager)
    client.force_login(manager)
    body = client.get(reverse("helpdesk:dashboard")).content.decode()
    assert '<td class="bad">1</td>' in body
