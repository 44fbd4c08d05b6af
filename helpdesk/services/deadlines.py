"""The deadline engine: clocks are rows; services start, meet, cancel and restart
them; a sweeper moves due rows to warned and breached, exactly once.

Every transition writes its audit row and its notification rows in the same
transaction; email goes out later from those rows (see notifications.py).
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.db.models import OuterRef, Subquery
from django.utils import timezone

from helpdesk.calendars import business_hours_from_snapshot, due_time
from helpdesk.models import (
    Activity,
    Calendar,
    Case,
    Deadline,
    DeadlineState,
    Membership,
    Notification,
    Policy,
    Priority,
    SellerAccount,
)
from helpdesk.models.accounts import Role
from helpdesk.models.deadlines import DEADLINE_TRANSITIONS, DEFAULT_CLOCKS, UNMET_STATES, ClockKind
from helpdesk.timefmt import span

from .audit import audit
from .cases import InvalidTransition

# --- policies ------------------------------------------------------------


def policy_get(*, account: SellerAccount, kind: str) -> Policy:
    """The account's policy for a clock kind, created with Amazon's defaults on first use."""
    duration, warn_before = DEFAULT_CLOCKS[kind]
    policy, _ = Policy.objects.get_or_create(
        account=account, kind=kind, defaults={"duration": duration, "warn_before": warn_before}
    )
    return policy


def policies_ensure(*, account: SellerAccount) -> list[Policy]:
    return [policy_get(account=account, kind=kind) for kind in ClockKind.values]


def policy_snapshot(policy: Policy) -> dict[str, Any]:
    return {
        "duration_s": int(policy.duration.total_seconds()),
        "warn_before_s": int(policy.warn_before.total_seconds()),
        "calendar": policy.calendar,
        "opening_hours": policy.opening_hours,
        "holiday_country": policy.holiday_country,
        "holiday_subdivision": policy.holiday_subdivision,
        "closed_dates": policy.closed_dates,
        "timezone": policy.account.timezone,
    }


def clock_times(*, snapshot: dict[str, Any], started_at: datetime) -> tuple[datetime, datetime]:
    """(warn_at, due_at) for a clock started at `started_at` under `snapshot`."""
    hours = business_hours_from_snapshot(snapshot) if snapshot["calendar"] == Calendar.BUSINESS else None
    duration = timedelta(seconds=snapshot["duration_s"])
    warn_after = duration - timedelta(seconds=snapshot["warn_before_s"])
    return (
        due_time(start=started_at, duration=warn_after, hours=hours),
        due_time(start=started_at, duration=duration, hours=hours),
    )


def case_refresh_due(*, case_id: int) -> None:
    """Keep Case.next_due_at (and its warning time) equal to the earliest unmet
    clock's. Call inside the write's transaction."""
    earliest = Deadline.objects.filter(case_id=OuterRef("pk"), state__in=UNMET_STATES).order_by("due_at", "id")
    Case.objects.filter(pk=case_id).update(
        next_due_at=Subquery(earliest.values("due_at")[:1]), next_warn_at=Subquery(earliest.values("warn_at")[:1])
    )


# --- one clock -----------------------------------------------------------


def _check_transition(deadline: Deadline, to: str) -> None:
    if to not in DEADLINE_TRANSITIONS[deadline.state]:
        raise InvalidTransition(f"This clock is already {deadline.get_state_display().lower()}.")


@transaction.atomic
def deadline_start(
    *,
    case: Case,
    kind: str,
    started_at: datetime | None = None,
    actor: AbstractBaseUser | None = None,
) -> Deadline:
    policy = policy_get(account=case.account, kind=kind)
    snapshot = policy_snapshot(policy)
    started_at = started_at or timezone.now()
    warn_at, due_at = clock_times(snapshot=snapshot, started_at=started_at)
    deadline = Deadline.objects.create(
        case=case,
        account_id=case.account_id,
        kind=kind,
        policy_snapshot=snapshot,
        started_at=started_at,
        warn_at=warn_at,
        due_at=due_at,
    )
    case_refresh_due(case_id=case.pk)
    local_due = timezone.localtime(due_at, case.account.tzinfo)
    audit(
        verb="clock.started",
        summary=f"{deadline.get_kind_display()} clock started, due {local_due:%a %d %b %H:%M %Z}",
        actor=actor,
        case=case,
        after={"deadline": deadline.pk, "due_at": due_at.isoformat()},
    )
    return deadline


@transaction.atomic
def cases_open_with_clock(*, cases: list[Case], kind: str, actor: AbstractBaseUser | None = None) -> list[Deadline]:
    """Open new cases, each with a clock of `kind` started when the case opened, in bulk.

    Writes, for each case, what `case_open` then `deadline_start` write (the case
    with its due times, the clock, the two audit rows) in three inserts and one
    policy read per account. `cases` are unsaved, with their account loaded."""
    snapshots: dict[int, dict[str, Any]] = {}
    for case in cases:
        if case.account_id not in snapshots:
            policy = policy_get(account=case.account, kind=kind)
            policy.account = case.account  # the snapshot reads its timezone
            snapshots[case.account_id] = policy_snapshot(policy)
    deadlines = []
    for case in cases:
        warn_at, due_at = clock_times(snapshot=snapshots[case.account_id], started_at=case.opened_at)
        case.next_due_at, case.next_warn_at = due_at, warn_at
        deadlines.append(
            Deadline(
                case=case,
                account_id=case.account_id,
                kind=kind,
                policy_snapshot=snapshots[case.account_id],
                started_at=case.opened_at,
                warn_at=warn_at,
                due_at=due_at,
            )
        )
    Case.objects.bulk_create(cases)
    Deadline.objects.bulk_create(deadlines)
    actor = actor if actor is not None and actor.is_authenticated else None
    now = timezone.now()
    audits = []
    for case, deadline in zip(cases, deadlines, strict=True):
        local_due = timezone.localtime(deadline.due_at, case.account.tzinfo)
        opened = {"verb": "case.opened", "summary": f"{case.get_kind_display()} case opened"}
        started = {
            "verb": "clock.started",
            "summary": f"{deadline.get_kind_display()} clock started, due {local_due:%a %d %b %H:%M %Z}",
            "after": {"deadline": deadline.pk, "due_at": deadline.due_at.isoformat()},
        }
        audits += [
            Activity(account_id=case.account_id, case=case, actor=actor, created_at=now, **row)
            for row in (opened, started)
        ]
    Activity.objects.bulk_create(audits)
    return deadlines


@transaction.atomic
def deadline_meet(*, deadline: Deadline, at: datetime | None = None, actor: AbstractBaseUser | None = None) -> Deadline:
    """Stop a clock. A breached clock can still be met: it then counts as met late."""
    at = at or timezone.now()
    deadline = Deadline.objects.select_for_update(of=("self",)).select_related("case").get(pk=deadline.pk)
    _check_transition(deadline, DeadlineState.MET)
    before = deadline.state
    deadline.state = DeadlineState.MET
    deadline.met_at = at
    deadline.save(update_fields=["state", "met_at"])
    case_refresh_due(case_id=deadline.case_id)
    late = deadline.met_late
    if late:
        how = f"late, {span((at - deadline.due_at).total_seconds())} after due"
    else:
        how = f"with {span((deadline.due_at - at).total_seconds())} to spare"
    audit(
        verb="clock.met_late" if late else "clock.met",
        summary=f"{deadline.get_kind_display()} clock met {how}",
        actor=actor,
        case=deadline.case,
        before={"state": before},
        after={"state": deadline.state, "met_at": at.isoformat()},
    )
    return deadline


@transaction.atomic
def deadline_cancel(*, deadline: Deadline, actor: AbstractBaseUser | None = None, reason: str = "") -> Deadline:
    deadline = Deadline.objects.select_for_update(of=("self",)).select_related("case").get(pk=deadline.pk)
    _check_transition(deadline, DeadlineState.CANCELLED)
    before = deadline.state
    deadline.state = DeadlineState.CANCELLED
    deadline.cancelled_at = timezone.now()
    deadline.save(update_fields=["state", "cancelled_at"])
    case_refresh_due(case_id=deadline.case_id)
    audit(
        verb="clock.cancelled",
        summary=f"{deadline.get_kind_display()} clock cancelled" + (f": {reason}" if reason else ""),
        actor=actor,
        case=deadline.case,
        before={"state": before},
        after={"state": deadline.state},
    )
    return deadline


@transaction.atomic
def deadline_restart(
    *, deadline: Deadline, started_at: datetime | None = None, actor: AbstractBaseUser | None = None
) -> Deadline:
    """Start the clock again from `started_at` under the current policy; the old row stays as history."""
    deadline_cancel(deadline=deadline, actor=actor, reason="restarted")
    return deadline_start(case=deadline.case, kind=deadline.kind, started_at=started_at, actor=actor)


def deadlines_cancel_for_case(*, case: Case, actor: AbstractBaseUser | None, reason: str) -> int:
    cancelled = 0
    for deadline in case.deadlines.filter(state__in=UNMET_STATES):
        deadline_cancel(deadline=deadline, actor=actor, reason=reason)
        cancelled += 1
    return cancelled


# --- policy changes ------------------------------------------------------


def policy_retime_count(*, policy: Policy) -> int:
    """How many running clocks a re-time of this policy would move."""
    return Deadline.objects.filter(account_id=policy.account_id, kind=policy.kind, state=DeadlineState.OPEN).count()


POLICY_FIELDS = (
    "duration",
    "warn_before",
    "calendar",
    "opening_hours",
    "holiday_country",
    "holiday_subdivision",
    "closed_dates",
)


def _policy_values(policy: Policy) -> dict[str, Any]:
    values = {field: getattr(policy, field) for field in POLICY_FIELDS}
    values["duration"] = str(values["duration"])
    values["warn_before"] = str(values["warn_before"])
    return values


@transaction.atomic
def policy_update(*, policy: Policy, changes: dict[str, Any], retime: bool, actor: AbstractBaseUser) -> int:
    """Apply a policy change to clocks started from now on; with `retime`, also
    recompute the running (not yet breached) clocks of that kind. Returns how many moved."""
    policy = Policy.objects.select_for_update().select_related("account").get(pk=policy.pk)
    before = _policy_values(policy)
    for field, value in changes.items():
        setattr(policy, field, value)
    policy.save(update_fields=[*changes, "updated_at"])
    after = _policy_values(policy)
    moved = 0
    if retime:
        snapshot = policy_snapshot(policy)
        running = Deadline.objects.select_for_update().filter(
            account_id=policy.account_id, kind=policy.kind, state=DeadlineState.OPEN
        )
        for deadline in running:
            warn_at, due_at = clock_times(snapshot=snapshot, started_at=deadline.started_at)
            deadline.policy_snapshot, deadline.warn_at, deadline.due_at = snapshot, warn_at, due_at
            deadline.save(update_fields=["policy_snapshot", "warn_at", "due_at"])
            case_refresh_due(case_id=deadline.case_id)
            moved += 1
    audit(
        verb="policy.updated",
        summary=f"{policy.get_kind_display()} policy changed"
        + (f"; {moved} running clocks re-timed" if retime else ""),
        actor=actor,
        account=policy.account,
        before=before,
        after=after,
    )
    return moved


# --- the sweeper ---------------------------------------------------------


@dataclass
class SweepResult:
    warned: int = 0
    breached: int = 0

    @property
    def total(self) -> int:
        return self.warned + self.breached


def _members(account_ids: set[int], roles: list[str]) -> dict[int, list[int]]:
    found: dict[int, list[int]] = defaultdict(list)
    for account_id, user_id in Membership.objects.filter(
        account_id__in=account_ids, role__in=roles, user__is_active=True
    ).values_list("account_id", "user_id"):
        found[account_id].append(user_id)
    return found


def _claim(*, due_field: str, now: datetime, batch_size: int, extra: dict[str, Any]) -> list[Deadline]:
    return list(
        Deadline.objects.filter(state=DeadlineState.OPEN, **{f"{due_field}__lte": now}, **extra)
        .order_by(due_field, "id")
        .select_for_update(skip_locked=True, of=("self",))
        .select_related("case")[:batch_size]
    )


def _notifications(d: Deadline, kind: str, title: str, user_ids: list[int], at: datetime) -> list[Notification]:
    """One notification (and email outbox row) per person about clock `d`."""
    return [
        Notification(
            user_id=uid,
            account_id=d.account_id,
            case_id=d.case_id,
            deadline_id=d.id,
            kind=kind,
            title=title[:200],
            created_at=at,
            email_next_attempt_at=at,
        )
        for uid in user_ids
    ]


def _sweep_breaches(*, now: datetime, batch_size: int) -> int:
    with transaction.atomic():
        due = _claim(due_field="due_at", now=now, batch_size=batch_size, extra={})
        if not due:
            return 0
        at = timezone.now()
        Deadline.objects.filter(id__in=[d.id for d in due]).update(state=DeadlineState.BREACHED, breached_at=at)
        Case.objects.filter(id__in={d.case_id for d in due}, priority__lt=Priority.URGENT).update(
            priority=Priority.URGENT
        )
        managers = _members({d.account_id for d in due}, [Role.MANAGER, Role.ADMIN])
        activities, notes = [], []
        for d in due:
            label = d.get_kind_display()
            activities.append(
                Activity(
                    account_id=d.account_id,
                    case_id=d.case_id,
                    verb="clock.breached",
                    summary=f"{label} clock breached: due {d.due_at:%Y-%m-%d %H:%M} UTC; priority raised to urgent",
                    before={"state": DeadlineState.OPEN, "priority": d.case.priority},
                    after={"state": DeadlineState.BREACHED, "priority": max(d.case.priority, Priority.URGENT)},
                    created_at=at,
                )
            )
            recipients = set(managers.get(d.account_id, []))
            if d.case.assignee_id:
                recipients.add(d.case.assignee_id)
            title = f"Breached: {label} on case #{d.case_id} ({d.case.subject or d.case.get_kind_display()})"
            notes += _notifications(d, Notification.Kind.BREACH, title, sorted(recipients), at)
        Activity.objects.bulk_create(activities)
        Notification.objects.bulk_create(notes, ignore_conflicts=True)
        return len(due)


def _sweep_warnings(*, now: datetime, batch_size: int) -> int:
    with transaction.atomic():
        due = _claim(
            due_field="warn_at", now=now, batch_size=batch_size, extra={"warned_at__isnull": True, "due_at__gt": now}
        )
        if not due:
            return 0
        at = timezone.now()
        Deadline.objects.filter(id__in=[d.id for d in due]).update(warned_at=at)
        agents = _members({d.account_id for d in due if not d.case.assignee_id}, [Role.AGENT])
        activities, notes = [], []
        for d in due:
            label = d.get_kind_display()
            left = span((d.due_at - at).total_seconds())
            activities.append(
                Activity(
                    account_id=d.account_id,
                    case_id=d.case_id,
                    verb="clock.warned",
                    summary=f"{label} clock warning: {left} left",
                    created_at=at,
                )
            )
            recipients = [d.case.assignee_id] if d.case.assignee_id else agents.get(d.account_id, [])
            title = f"{left} left: {label} on case #{d.case_id} ({d.case.subject or d.case.get_kind_display()})"
            notes += _notifications(d, Notification.Kind.WARN, title, recipients, at)
        Activity.objects.bulk_create(activities)
        Notification.objects.bulk_create(notes, ignore_conflicts=True)
        return len(due)


def deadlines_sweep(*, now: datetime | None = None, batch_size: int = 500, max_batches: int = 1000) -> SweepResult:
    """Breach every open clock that is due, then warn every clock inside its warning
    window, in due order, in bounded batches. Safe to run on any number of workers
    at once: each batch claims its rows with SKIP LOCKED and commits its transitions,
    audit rows and notifications together."""
    now = now or timezone.now()
    result = SweepResult()
    for _ in range(max_batches):
        done = _sweep_breaches(now=now, batch_size=batch_size)
        result.breached += done
        if done < batch_size:
            break
    for _ in range(max_batches):
        done = _sweep_warnings(now=now, batch_size=batch_size)
        result.warned += done
        if done < batch_size:
            break
    return result
