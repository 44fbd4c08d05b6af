"""The deadline engine: clocks are rows, timed by each account's policy for their kind;
a sweeper moves due rows to warned and breached, exactly once. Starting, meeting
and cancelling a clock are in `lifecycle`.

Every transition writes its audit row and its notification rows in the same
transaction; email goes out later from those rows (see notifications.py).
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

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
from helpdesk.models.deadlines import UNMET_STATES
from helpdesk.registry import registry
from helpdesk.roles import Role
from helpdesk.timefmt import span, stamp

from .audit import audit
from .clock_days import ClockFacts, clock_days_move

# --- policies ------------------------------------------------------------

# A clock whose deadline its source stated (lifecycle.deadline_start's `due_at`) keeps it in its
# snapshot under this key: a policy re-time does not move it.
STATED_DUE = "stated_due_at"


def policy_get(*, account: SellerAccount, kind: str) -> Policy:
    """The account's policy for a clock kind, created with the kind's defaults (Amazon's) on first use."""
    clock = registry.clock(kind)
    policy, _ = Policy.objects.get_or_create(
        account=account, kind=kind, defaults={"duration": clock.duration, "warn_before": clock.warn_before}
    )
    return policy


def policies_ensure(*, account: SellerAccount) -> list[Policy]:
    """The account's policy for every registered kind of clock."""
    return [policy_get(account=account, kind=clock.kind) for clock in registry.clocks()]


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


# --- policy changes ------------------------------------------------------


def policy_retime_count(*, policy: Policy) -> int:
    """How many running clocks a re-time of this policy would move."""
    return _retimable(policy).count()


def _retimable(policy: Policy):
    """The running clocks of the policy's kind that a re-time moves: not those whose deadline was stated."""
    return Deadline.objects.filter(account_id=policy.account_id, kind=policy.kind, state=DeadlineState.OPEN).exclude(
        policy_snapshot__has_key=STATED_DUE
    )


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
        running = _retimable(policy).select_for_update()
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
        .select_related("case", "account")[:batch_size]
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
        by_holder: dict[int | None, list[int]] = defaultdict(list)
        for d in due:
            by_holder[d.case.assignee_id].append(d.id)
        for holder_id, ids in by_holder.items():
            Deadline.objects.filter(id__in=ids).update(
                state=DeadlineState.BREACHED, breached_at=at, holder_id=holder_id
            )
        moves = []
        for d in due:
            before = ClockFacts.of(d)
            d.state, d.breached_at, d.holder_id = DeadlineState.BREACHED, at, d.case.assignee_id
            moves.append((before, ClockFacts.of(d)))
        zones = dict(SellerAccount.objects.filter(id__in={d.account_id for d in due}).values_list("id", "timezone"))
        clock_days_move(moves=moves, tz_of={pk: ZoneInfo(name) for pk, name in zones.items()})
        Case.objects.filter(id__in={d.case_id for d in due}, priority__lt=Priority.URGENT).update(
            priority=Priority.URGENT
        )
        managers = _members({d.account_id for d in due}, [Role.MANAGER, Role.ADMIN])
        activities, notes = [], []
        for d in due:
            label = d.get_kind_display()
            due_at = stamp(d.due_at, d.account.tzinfo)
            activities.append(
                Activity(
                    account_id=d.account_id,
                    case_id=d.case_id,
                    verb="clock.breached",
                    summary=f"{label} clock breached: due {due_at}; priority raised to urgent",
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
