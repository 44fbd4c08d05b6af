"""The deadline engine with a frozen clock: each transition happens once."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.core import mail

from helpdesk import metrics
from helpdesk.models import Activity, Case, CaseStatus, ClockDay, DeadlineState, Notification, Priority
from helpdesk.services.cases import case_assign
from helpdesk.services.clock_days import clock_days_rebuild
from helpdesk.services.deadlines import deadlines_sweep, policy_get, policy_retime_count, policy_update
from helpdesk.services.lifecycle import (
    InvalidTransition,
    case_open,
    case_transition,
    cases_open,
    deadline_cancel,
    deadline_meet,
    deadline_restart,
    deadline_start,
    deadlines_start,
)
from helpdesk.services.notifications import notifications_deliver
from tests.factories import CaseFactory

T0 = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)  # a Monday


def figures(account) -> tuple[int, int, int, int]:
    """Met on time, met late, breached and still running, of the clocks started on T0's day."""
    day = T0.date()
    [row] = metrics.sla_by_kind(metrics.SlaFilters((account.id,), day, day), tz=account.tzinfo)
    return row.met_on_time, row.met_late, row.breached, row.open


MSG = "message_response"


@pytest.fixture
def case(account):
    return CaseFactory(account=account, subject="Where is my parcel?")


def test_start_follows_the_policy_and_sets_next_due(case):
    deadline = deadline_start(case=case, kind=MSG, started_at=T0)
    assert deadline.due_at == T0 + timedelta(hours=24)
    assert deadline.warn_at == T0 + timedelta(hours=18)
    assert deadline.policy_snapshot["duration_s"] == 86400
    case.refresh_from_db()
    assert case.next_due_at == deadline.due_at and case.next_warn_at == deadline.warn_at
    assert Activity.objects.filter(case=case, verb="clock.started").count() == 1


def test_next_due_is_the_earliest_unmet_clock(case):
    late = deadline_start(case=case, kind="return_response", started_at=T0)
    soon = deadline_start(case=case, kind=MSG, started_at=T0)
    case.refresh_from_db()
    assert case.next_due_at == soon.due_at
    deadline_meet(deadline=soon, at=T0 + timedelta(hours=1))
    case.refresh_from_db()
    assert case.next_due_at == late.due_at
    deadline_cancel(deadline=late)
    case.refresh_from_db()
    assert case.next_due_at is None


def test_warn_then_breach_happen_once(case, agent, manager, admin_user):
    case_assign(case=case, assignee=agent, actor=manager)
    deadline = deadline_start(case=case, kind=MSG, started_at=T0)

    assert deadlines_sweep(now=T0 + timedelta(hours=17)).total == 0

    with time_machine.travel(T0 + timedelta(hours=18, seconds=1), tick=False):
        assert deadlines_sweep().warned == 1
        assert deadlines_sweep().total == 0
    deadline.refresh_from_db()
    assert deadline.warned_at is not None and deadline.state == DeadlineState.OPEN
    warns = Notification.objects.filter(kind="warn")
    assert [n.user for n in warns] == [agent]  # the assignee only

    with time_machine.travel(T0 + timedelta(hours=24, seconds=3), tick=False):
        assert deadlines_sweep().breached == 1
        assert deadlines_sweep().total == 0
    deadline.refresh_from_db()
    case.refresh_from_db()
    assert deadline.state == DeadlineState.BREACHED
    assert deadline.breached_at == T0 + timedelta(hours=24, seconds=3)
    assert case.priority == Priority.URGENT
    assert case.next_due_at == deadline.due_at  # still unmet: it stays on top of the queue
    breaches = Notification.objects.filter(kind="breach")
    assert {n.user for n in breaches} == {manager, admin_user, agent}
    assert Activity.objects.filter(case=case, verb="clock.breached").count() == 1


def test_unassigned_warning_goes_to_the_accounts_agents(case, agent, agent2, manager):
    deadline_start(case=case, kind=MSG, started_at=T0)
    deadlines_sweep(now=T0 + timedelta(hours=19))
    assert {n.user for n in Notification.objects.filter(kind="warn")} == {agent, agent2}


def test_a_sweeper_that_was_down_catches_up_without_a_warning_after_due(case, manager):
    deadline = deadline_start(case=case, kind=MSG, started_at=T0)
    with time_machine.travel(T0 + timedelta(hours=30), tick=False):
        result = deadlines_sweep()
    assert (result.breached, result.warned) == (1, 0)
    deadline.refresh_from_db()
    assert deadline.state == DeadlineState.BREACHED and deadline.warned_at is None


def test_met_before_due_never_breaches(case, manager):
    deadline = deadline_start(case=case, kind=MSG, started_at=T0)
    deadline_meet(deadline=deadline, at=T0 + timedelta(hours=3))
    assert deadlines_sweep(now=T0 + timedelta(days=3)).total == 0
    deadline.refresh_from_db()
    assert deadline.state == DeadlineState.MET and deadline.breached_at is None
    assert not Notification.objects.exists()
    with pytest.raises(InvalidTransition):
        deadline_meet(deadline=deadline)


def test_breached_then_met_counts_as_met_late(case, manager):
    deadline = deadline_start(case=case, kind=MSG, started_at=T0)
    with time_machine.travel(T0 + timedelta(hours=25), tick=False):
        deadlines_sweep()
    deadline_meet(deadline=deadline, at=T0 + timedelta(hours=26))
    deadline.refresh_from_db()
    assert deadline.state == DeadlineState.MET and deadline.met_late
    assert deadline.breached_at == T0 + timedelta(hours=25)
    assert figures(case.account) == (0, 1, 0, 0)


def test_restart_moves_due_and_keeps_history(case):
    deadline = deadline_start(case=case, kind=MSG, started_at=T0)
    fresh = deadline_restart(deadline=deadline, started_at=T0 + timedelta(hours=10))
    assert fresh.due_at == T0 + timedelta(hours=34)
    deadline.refresh_from_db()
    assert deadline.state == DeadlineState.CANCELLED
    case.refresh_from_db()
    assert case.next_due_at == fresh.due_at


def test_a_clock_with_a_stated_deadline_warns_ahead_of_it_and_keeps_it_through_a_retime(case, admin_user):
    stated = deadline_start(case=case, kind=MSG, started_at=T0, due_at=T0 + timedelta(hours=60))
    assert stated.due_at == T0 + timedelta(hours=60) and stated.warn_at == T0 + timedelta(hours=54)
    short = deadline_start(
        case=CaseFactory(account=case.account), kind=MSG, started_at=T0, due_at=T0 + timedelta(hours=2)
    )
    assert short.warn_at == T0  # the warning never comes before the clock starts
    policy = policy_get(account=case.account, kind=MSG)
    assert policy_retime_count(policy=policy) == 0
    policy_update(policy=policy, changes={"duration": timedelta(hours=12)}, retime=True, actor=admin_user)
    stated.refresh_from_db()
    assert stated.due_at == T0 + timedelta(hours=60)


def test_closing_a_case_cancels_its_clocks(case, agent):
    deadline = deadline_start(case=case, kind=MSG, started_at=T0)
    case_transition(case=case, to=CaseStatus.CLOSED, actor=agent)
    deadline.refresh_from_db()
    assert deadline.state == DeadlineState.CANCELLED
    assert Case.objects.get(pk=case.pk).next_due_at is None


def test_policy_change_without_retime_applies_to_new_clocks_only(case, admin_user):
    running = deadline_start(case=case, kind=MSG, started_at=T0)
    policy = policy_get(account=case.account, kind=MSG)
    moved = policy_update(
        policy=policy,
        changes={"duration": timedelta(hours=12), "warn_before": timedelta(hours=2)},
        retime=False,
        actor=admin_user,
    )
    assert moved == 0
    running.refresh_from_db()
    assert running.due_at == T0 + timedelta(hours=24)
    new = deadline_start(case=CaseFactory(account=case.account), kind=MSG, started_at=T0)
    assert new.due_at == T0 + timedelta(hours=12)
    audit = Activity.objects.get(verb="policy.updated")
    assert audit.before["duration"] == "1 day, 0:00:00" and audit.after["duration"] == "12:00:00"


def test_policy_change_with_retime_moves_running_clocks(case, admin_user):
    running = deadline_start(case=case, kind=MSG, started_at=T0)
    other_kind = deadline_start(case=case, kind="return_response", started_at=T0)
    met = deadline_start(case=CaseFactory(account=case.account), kind=MSG, started_at=T0)
    deadline_meet(deadline=met, at=T0 + timedelta(hours=1))
    policy = policy_get(account=case.account, kind=MSG)
    assert policy_retime_count(policy=policy) == 1
    moved = policy_update(
        policy=policy,
        changes={"duration": timedelta(hours=12), "warn_before": timedelta(hours=2)},
        retime=True,
        actor=admin_user,
    )
    assert moved == 1
    running.refresh_from_db()
    other_kind.refresh_from_db()
    met.refresh_from_db()
    assert running.due_at == T0 + timedelta(hours=12) and running.warn_at == T0 + timedelta(hours=10)
    assert other_kind.due_at == T0 + timedelta(hours=48)
    assert met.due_at == T0 + timedelta(hours=24)
    case.refresh_from_db()
    assert case.next_due_at == T0 + timedelta(hours=12)


def eight_business_hours(account, admin_user):
    """The account's message clock: 8 business hours, 09:00-17:00 on weekdays, warning 2 hours before."""
    policy_update(
        policy=policy_get(account=account, kind=MSG),
        changes={
            "duration": timedelta(hours=8),
            "warn_before": timedelta(hours=2),
            "calendar": "business",
            "opening_hours": {str(d): [["09:00", "17:00"]] for d in range(5)},
        },
        retime=False,
        actor=admin_user,
    )


def test_business_hours_policy(case, admin_user):
    eight_business_hours(case.account, admin_user)  # account timezone: America/New_York
    friday_evening = datetime(2026, 11, 6, 23, 0, tzinfo=UTC)  # 18:00 in New York
    deadline = deadline_start(case=case, kind=MSG, started_at=friday_evening)
    assert deadline.due_at == datetime(2026, 11, 9, 22, 0, tzinfo=UTC)  # Monday 17:00 New York
    assert deadline.warn_at == datetime(2026, 11, 9, 20, 0, tzinfo=UTC)


def test_notifications_are_emailed_once(case, manager):
    deadline_start(case=case, kind=MSG, started_at=T0)
    deadlines_sweep(now=T0 + timedelta(hours=25))
    assert notifications_deliver() == 1
    assert notifications_deliver() == 0
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [manager.email]
    assert "Breached" in mail.outbox[0].subject and f"/cases/{case.id}/" in mail.outbox[0].body


def test_email_failures_back_off_and_retry(case, manager, settings):
    deadline_start(case=case, kind=MSG, started_at=T0)
    deadlines_sweep(now=T0 + timedelta(hours=25))
    locmem = settings.MAILERS
    # Nothing listens on port 9 here: a real connection refusal.
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": 9, "timeout": 5},
        }
    }
    assert notifications_deliver() == 0
    note = Notification.objects.get()
    assert note.email_state == "pending" and note.email_attempts == 1 and "ConnectionRefusedError" in note.email_error
    settings.MAILERS = locmem
    assert notifications_deliver() == 0  # backing off
    assert notifications_deliver(now=note.email_next_attempt_at + timedelta(seconds=1)) == 1
    assert len(mail.outbox) == 1


def test_a_claimed_email_whose_worker_died_is_sent_after_the_lease(case, manager):
    deadline_start(case=case, kind=MSG, started_at=T0)
    deadlines_sweep(now=T0 + timedelta(hours=25))
    note = Notification.objects.get()
    Notification.objects.filter(id=note.id).update(
        email_state="sending", email_next_attempt_at=note.created_at + timedelta(minutes=5)
    )
    assert notifications_deliver(now=note.created_at + timedelta(minutes=1)) == 0
    assert notifications_deliver(now=note.created_at + timedelta(minutes=6)) == 1


def test_cases_opened_in_bulk_equal_case_open_and_deadline_start(account, other_account, admin_user, manager):
    """Each account's own policy; the same rows and audit rows as the one-case services."""
    eight_business_hours(account, admin_user)
    friday_evening = datetime(2026, 11, 6, 23, 0, tzinfo=UTC)
    specs = [(account, "Where is it?", friday_evening), (other_account, "Wrong colour", T0)]

    bulk = [
        Case(account=a, kind="message", subject=subject, buyer_name="Cathy", opened_at=at) for a, subject, at in specs
    ]
    cases_open(cases=bulk, clock=MSG, actor=manager)
    one_by_one = []
    for a, subject, at in specs:
        case = case_open(account=a, kind="message", subject=subject, buyer_name="Cathy", opened_at=at, actor=manager)
        deadline_start(case=case, kind=MSG, started_at=at, actor=manager)
        one_by_one.append(Case.objects.get(pk=case.pk))

    case_fields = ["account_id", "kind", "subject", "status", "opened_at", "next_due_at", "next_warn_at"]
    clock_fields = ["account_id", "kind", "policy_snapshot", "started_at", "warn_at", "due_at", "state"]

    def rows(case):
        fresh = Case.objects.get(pk=case.pk)
        audits = case.activities.order_by("id").values_list("verb", "summary", "actor_id", "account_id")
        return [getattr(fresh, f) for f in case_fields], list(case.deadlines.values(*clock_fields)), list(audits)

    assert [rows(c) for c in bulk] == [rows(c) for c in one_by_one]
    assert bulk[0].next_due_at == datetime(2026, 11, 9, 22, 0, tzinfo=UTC)  # Monday 17:00 New York, business hours
    assert bulk[0].activities.get(verb="clock.started").after["deadline"] == bulk[0].deadlines.get().pk


def test_clocks_started_in_bulk_count_in_the_daily_figures_as_one_by_one(account, other_account):
    """`deadlines_start` keeps the daily clock figures as `deadline_start` does: kept equals rebuilt."""
    cases = [CaseFactory(account=account), CaseFactory(account=account), CaseFactory(account=other_account)]
    deadlines_start(cases=cases, kind=MSG, starts=[T0, T0 + timedelta(days=1), T0])

    for owner in (account, other_account):
        kept = sorted(ClockDay.objects.filter(account=owner).values_list("kind", "day", "opened"))
        clock_days_rebuild(account=owner)
        assert kept == sorted(ClockDay.objects.filter(account=owner).values_list("kind", "day", "opened"))
    assert ClockDay.objects.filter(account=account).count() == 2
