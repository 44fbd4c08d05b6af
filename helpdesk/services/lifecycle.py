"""How things move: one transition function for every status field of every app, and the
lifecycle of cases and their clocks built on it.

`transition` locks a row, refuses a move its map does not allow (`InvalidTransition`),
saves the changed fields and writes the audit row, in one transaction. Cases, clocks,
mail, replies, feedback, removal requests, outreach contacts and review requests all
move through it; an app adds only what is particular to its own model.

On top of it, for every kind of case: open a case with its clock (`case_open` for one,
`cases_open` for a bulk: one code path), start, meet, cancel and restart a clock, move
a case through its status map, meet a case's clocks (`case_clocks_meet`, tolerant of a
clock someone else met) and settle a case (`case_settle`: its clocks met, the case
closed). The sweeper that breaches and warns clocks lives with the policies, in
`deadlines`.
"""

import operator
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from datetime import datetime, timedelta
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import models, router, transaction
from django.utils import timezone

from helpdesk.importing import bulk_insert, copy_insert
from helpdesk.models import Activity, Case, CaseStatus, Deadline, DeadlineState, Order, SellerAccount
from helpdesk.models.cases import CASE_TRANSITIONS, FINAL_STATUSES
from helpdesk.models.deadlines import DEADLINE_TRANSITIONS, UNMET_STATES
from helpdesk.timefmt import span, stamp

from .audit import audit
from .clock_days import ClockFacts, clock_days_move, clock_days_open
from .deadlines import STATED_DUE, case_refresh_due, clock_times, policy_get, policy_snapshot
from .search import search_pending_mark


class InvalidTransition(Exception):
    """A move the transitions map does not allow."""


Transitions = Mapping[str, Collection[str]]
Refusal = Callable[[Any, str], str]


def _label(obj: models.Model | type[models.Model], field: str, value: str) -> str:
    return str(dict(obj._meta.get_field(field).flatchoices).get(value, value))


def transition_check(
    obj: models.Model, *, to: str, transitions: Transitions, field: str = "status", refusal: Refusal | None = None
) -> None:
    """Refuse (InvalidTransition) a move of `obj.<field>` to `to` that the map does not allow.

    The message is `refusal(obj, to)`, else "A <current> <model> cannot become <to>"."""
    current = getattr(obj, field)
    if to in transitions.get(current, ()):
        return
    if refusal is not None:
        raise InvalidTransition(refusal(obj, to))
    raise InvalidTransition(
        f"A {_label(obj, field, current).lower()} {obj._meta.verbose_name} cannot become "
        f"{_label(obj, field, to).lower()}."
    )


@transaction.atomic
def transition[M: models.Model](
    obj: M,
    *,
    to: str,
    transitions: Transitions,
    verb: str,
    summary: str | Callable[[M, str], str],
    field: str = "status",
    also: Mapping[str, Any] | None = None,
    actor: AbstractBaseUser | None = None,
    case: Callable[[M], Case | None] | None = None,
    account: Callable[[M], SellerAccount | None] | None = None,
    after: Mapping[str, Any] | None = None,
    related: Sequence[str] = (),
    locked: bool = False,
    refusal: Refusal | None = None,
) -> M:
    """Move `obj.<field>` to `to`: lock the row (re-read with `related`; unless `locked`, when the
    caller already holds it), check the map, set the field and `also`, save those fields (and
    `updated_at`, where the model has it), and write the audit row — all in one transaction.

    `summary` is text or `summary(obj, before)`; the audit row hangs on `case(obj)` and
    `account(obj)`. Returns the locked, moved row."""
    if not locked:
        rows = type(obj)._default_manager.select_for_update(of=("self",))
        obj = (rows.select_related(*related) if related else rows).get(pk=obj.pk)
    transition_check(obj, to=to, transitions=transitions, field=field, refusal=refusal)
    before = getattr(obj, field)
    setattr(obj, field, to)
    changed = [field]
    for name, value in (also or {}).items():
        setattr(obj, name, value)
        changed.append(name)
    if any(f.name == "updated_at" for f in obj._meta.concrete_fields):
        changed.append("updated_at")
    obj.save(update_fields=changed)
    audit(
        verb=verb,
        summary=summary(obj, before) if callable(summary) else summary,
        actor=actor,
        case=case(obj) if case else None,
        account=account(obj) if account else None,
        before={field: before},
        after={field: to, **(after or {})},
    )
    return obj


# --- clocks ------------------------------------------------------------------------


def _clock_refusal(deadline: Deadline, to: str) -> str:
    return f"This clock is already {deadline.get_state_display().lower()}."


def _started_summary(deadline: Deadline, account: SellerAccount) -> str:
    return f"{deadline.get_kind_display()} clock started, due {stamp(deadline.due_at, account.tzinfo)}"


@transaction.atomic
def deadline_start(
    *,
    case: Case,
    kind: str,
    started_at: datetime | None = None,
    due_at: datetime | None = None,
    actor: AbstractBaseUser | None = None,
) -> Deadline:
    """Start a clock of `kind` on an open case, under the account's policy for that kind.

    `due_at` is a deadline the source states (an Amazon request that names its date) instead of
    the policy's duration: the clock warns the policy's warning time ahead of it, and a policy
    re-time leaves it alone."""
    policy = policy_get(account=case.account, kind=kind)
    snapshot = policy_snapshot(policy)
    started_at = started_at or timezone.now()
    if due_at is None:
        warn_at, due_at = clock_times(snapshot=snapshot, started_at=started_at)
    else:
        snapshot[STATED_DUE] = due_at.isoformat()
        due_at = max(due_at, started_at)
        warn_at = max(due_at - timedelta(seconds=snapshot["warn_before_s"]), started_at)
    deadline = Deadline.objects.create(
        case=case,
        account_id=case.account_id,
        kind=kind,
        policy_snapshot=snapshot,
        started_at=started_at,
        warn_at=warn_at,
        due_at=due_at,
    )
    clock_days_open(deadlines=[deadline], tz_of={case.account_id: case.account.tzinfo})
    case_refresh_due(case_id=case.pk)
    audit(
        verb="clock.started",
        summary=_started_summary(deadline, case.account),
        actor=actor,
        case=case,
        after={"deadline": deadline.pk, "due_at": due_at.isoformat()},
    )
    return deadline


@transaction.atomic
def deadline_meet(
    *,
    deadline: Deadline,
    at: datetime | None = None,
    actor: AbstractBaseUser | None = None,
    exempt: bool = False,
) -> Deadline:
    """Stop a clock. A breached clock can still be met: it then counts as met late. `exempt`: it
    was stopped because nothing needed an answer ("no response needed"), so it is no response.

    The clock is put to whoever holds the case (else to `actor`), and the daily figures move
    with it."""
    at = at or timezone.now()
    deadline = Deadline.objects.select_for_update(of=("self",)).select_related("case__account").get(pk=deadline.pk)
    before = ClockFacts.of(deadline)
    holder_id = deadline.case.assignee_id or (actor.pk if actor is not None and actor.is_authenticated else None)
    late = at > deadline.due_at
    if late:
        how = f"late, {span((at - deadline.due_at).total_seconds())} after due"
    else:
        how = f"with {span((deadline.due_at - at).total_seconds())} to spare"
    deadline = transition(
        deadline,
        to=DeadlineState.MET,
        field="state",
        transitions=DEADLINE_TRANSITIONS,
        refusal=_clock_refusal,
        also={"met_at": at, "holder_id": holder_id, "exempt": exempt},
        verb="clock.met_late" if late else "clock.met",
        summary=f"{deadline.get_kind_display()} clock met {how}",
        actor=actor,
        case=lambda d: d.case,
        after={"met_at": at.isoformat(), **({"exempt": True} if exempt else {})},
        locked=True,
    )
    clock_days_move(
        moves=[(before, ClockFacts.of(deadline))], tz_of={deadline.account_id: deadline.case.account.tzinfo}
    )
    case_refresh_due(case_id=deadline.case_id)
    return deadline


@transaction.atomic
def deadline_cancel(*, deadline: Deadline, actor: AbstractBaseUser | None = None, reason: str = "") -> Deadline:
    deadline = transition(
        deadline,
        to=DeadlineState.CANCELLED,
        field="state",
        transitions=DEADLINE_TRANSITIONS,
        refusal=_clock_refusal,
        also={"cancelled_at": timezone.now()},
        verb="clock.cancelled",
        summary=lambda d, _: f"{d.get_kind_display()} clock cancelled" + (f": {reason}" if reason else ""),
        actor=actor,
        case=lambda d: d.case,
        related=["case"],
    )
    case_refresh_due(case_id=deadline.case_id)
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


# --- cases -------------------------------------------------------------------------


@transaction.atomic
def case_open(
    *,
    account: SellerAccount,
    kind: str,
    order: Order | None = None,
    amazon_order_id: str = "",
    subject: str = "",
    buyer_name: str = "",
    opened_at: datetime | None = None,
    clock: str | None = None,
    clock_started_at: datetime | None = None,
    actor: AbstractBaseUser | None = None,
) -> Case:
    """Open a case, with a clock of kind `clock` started at `clock_started_at` (else when it opened).

    A case about an order not imported yet keeps its `amazon_order_id`: the order writer links it
    when the order arrives."""
    if order is not None and order.account_id != account.id:
        raise ValidationError("The order belongs to another seller account.")
    case = Case(
        account=account,
        kind=kind,
        order=order,
        amazon_order_id=order.amazon_order_id if order else amazon_order_id,
        subject=subject,
        buyer_name=buyer_name or (order.buyer_name if order else ""),
        opened_at=opened_at or timezone.now(),
    )
    cases_open(cases=[case], clock=clock, clock_starts=[clock_started_at or case.opened_at], actor=actor)
    return case


def _clock_times(
    *,
    accounts: Sequence[SellerAccount],
    kind: str,
    starts: Sequence[datetime],
    dues: Sequence[datetime | None],
) -> list[tuple[dict[str, Any], datetime, datetime]]:
    """(policy snapshot, warn_at, due_at) of a clock of `kind` for each of `accounts` started at its
    `starts` entry, from one policy read per account; a `dues` entry is a deadline the source states
    (as `deadline_start`'s `due_at`), None the policy's."""
    snapshots: dict[int, dict[str, Any]] = {}
    for account in accounts:
        if account.id not in snapshots:
            policy = policy_get(account=account, kind=kind)
            policy.account = account  # the snapshot reads its timezone
            snapshots[account.id] = policy_snapshot(policy)
    times = []
    for account, started_at, stated in zip(accounts, starts, dues, strict=True):
        snapshot = snapshots[account.id]
        if stated is None:
            warn_at, due_at = clock_times(snapshot=snapshot, started_at=started_at)
        else:
            snapshot = {**snapshot, STATED_DUE: stated.isoformat()}
            due_at = max(stated, started_at)
            warn_at = max(due_at - timedelta(seconds=snapshot["warn_before_s"]), started_at)
        times.append((snapshot, warn_at, due_at))
    return times


def _clocks(
    *,
    case_ids: Sequence[int],
    account_ids: Sequence[int],
    kind: str,
    starts: Sequence[datetime],
    times: Sequence[tuple[dict[str, Any], datetime, datetime]],
) -> list[Deadline]:
    """Unsaved clocks of `kind` on stored cases, at the times `_clock_times` gave."""
    return [
        Deadline(
            case_id=case_id,
            account_id=account_id,
            kind=kind,
            policy_snapshot=snapshot,
            started_at=started_at,
            warn_at=warn_at,
            due_at=due_at,
        )
        for case_id, account_id, started_at, (snapshot, warn_at, due_at) in zip(
            case_ids, account_ids, starts, times, strict=True
        )
    ]


def _clock_audits(
    deadlines: Sequence[Deadline],
    *,
    accounts: Mapping[int, SellerAccount],
    actor_id: int | None,
    now: datetime,
) -> list[dict[str, Any]]:
    """The "clock started" audit rows of new clocks, as field values (`copy_insert`). Clocks of a bulk
    share a few due times: each summary is written once."""
    summaries: dict[tuple[int, str, datetime], str] = {}
    rows = []
    for deadline in deadlines:
        said = (deadline.account_id, deadline.kind, deadline.due_at)
        if said not in summaries:
            summaries[said] = _started_summary(deadline, accounts[deadline.account_id])
        rows.append(
            {
                "account_id": deadline.account_id,
                "case_id": deadline.case_id,
                "actor_id": actor_id,
                "created_at": now,
                "verb": "clock.started",
                "summary": summaries[said],
                "after": {"deadline": deadline.pk, "due_at": deadline.due_at.isoformat()},
            }
        )
    return rows


def _actor_id(actor: AbstractBaseUser | None) -> int | None:
    return actor.pk if actor is not None and actor.is_authenticated else None


@transaction.atomic
def cases_open(
    *,
    cases: list[Case],
    clock: str | None = None,
    clock_starts: Sequence[datetime] | None = None,
    clock_dues: Sequence[datetime | None] | None = None,
    actor: AbstractBaseUser | None = None,
) -> list[Deadline]:
    """Open new cases in bulk, each with a clock of kind `clock` (started at its `clock_starts`
    entry, else when the case opened): a few statements and one policy read per account, whatever
    the number (`_cases_insert`). `cases` are unsaved, with their account loaded; afterwards they
    hold their keys and due times. A `clock_dues` entry is a deadline the source states, as
    `deadline_start`'s `due_at` (None: the policy's). Returns the clocks started."""
    fields = [f.attname for f in Case._meta.concrete_fields if not f.primary_key]
    rows = [{name: getattr(case, name) for name in fields} for case in cases]
    starts = list(clock_starts) if clock_starts is not None else [case.opened_at for case in cases]
    case_ids, deadlines = _cases_insert(
        rows=rows,
        accounts={case.account_id: case.account for case in cases},
        clock=clock,
        clock_starts=starts,
        clock_dues=clock_dues,
        actor=actor,
    )
    db = router.db_for_write(Case)
    for case, row, case_id in zip(cases, rows, case_ids, strict=True):
        case.pk, case.next_due_at, case.next_warn_at, case.updated_at = (
            case_id,
            row["next_due_at"],
            row["next_warn_at"],
            row["updated_at"],
        )
        case._state.adding, case._state.db = False, db
    return deadlines


@transaction.atomic
def cases_open_values(
    *,
    account: SellerAccount,
    rows: list[dict[str, Any]],
    clock: str | None = None,
    clock_starts: Sequence[datetime] | None = None,
    actor: AbstractBaseUser | None = None,
) -> list[int]:
    """`cases_open` for cases of one account given as field values by attname (`account_id` is set
    here, `opened_at` is required) — no model instances, for an import of a hundred thousand — with
    a clock of kind `clock` started at each `clock_starts` entry (else when the case opened).
    Returns the new cases' keys, in order."""
    for row in rows:
        row["account_id"] = account.id
    starts = list(clock_starts) if clock_starts is not None else [row["opened_at"] for row in rows]
    case_ids, _ = _cases_insert(
        rows=rows, accounts={account.id: account}, clock=clock, clock_starts=starts, actor=actor
    )
    return case_ids


def _cases_insert(
    *,
    rows: list[dict[str, Any]],
    accounts: Mapping[int, SellerAccount],
    clock: str | None,
    clock_starts: Sequence[datetime],
    clock_dues: Sequence[datetime | None] | None = None,
    actor: AbstractBaseUser | None,
) -> tuple[list[int], list[Deadline]]:
    """What opening cases writes, the one path every opening takes: the cases (their next due time
    their clock's), their clocks, the daily clock figures, an audit row per case and per clock, and
    the search marks. Returns the cases' keys and their clocks."""
    if not rows:
        return [], []
    now = timezone.now()
    times: list[tuple[dict[str, Any], datetime, datetime]] = []
    if clock is not None:
        times = _clock_times(
            accounts=[accounts[row["account_id"]] for row in rows],
            kind=clock,
            starts=clock_starts,
            dues=list(clock_dues) if clock_dues is not None else [None] * len(rows),
        )
        for row, (_, warn_at, due_at) in zip(rows, times, strict=True):
            row["next_due_at"], row["next_warn_at"] = due_at, warn_at
    for row in rows:
        row["updated_at"] = now
        row.setdefault("next_due_at", None)
        row.setdefault("next_warn_at", None)
    case_ids = copy_insert(Case, rows)
    deadlines = []
    if clock is not None:
        account_ids = [row["account_id"] for row in rows]
        deadlines = _clocks(case_ids=case_ids, account_ids=account_ids, kind=clock, starts=clock_starts, times=times)
    bulk_insert(deadlines)
    clock_days_open(deadlines=deadlines, tz_of={pk: account.tzinfo for pk, account in accounts.items()})
    actor_id = _actor_id(actor)
    kinds = {kind: _label(Case, "kind", kind) for kind in {row["kind"] for row in rows}}
    audits = [
        {
            "account_id": row["account_id"],
            "case_id": case_id,
            "actor_id": actor_id,
            "created_at": now,
            "verb": "case.opened",
            "summary": f"{kinds[row['kind']]} case opened",
        }
        for row, case_id in zip(rows, case_ids, strict=True)
    ]
    audits += _clock_audits(deadlines, accounts=accounts, actor_id=actor_id, now=now)
    audits.sort(key=operator.itemgetter("case_id"))
    copy_insert(Activity, audits)
    search_pending_mark(case_ids=case_ids)
    return case_ids, deadlines


@transaction.atomic
def deadlines_start(
    *,
    cases: list[Case],
    kind: str,
    starts: Sequence[datetime],
    dues: Sequence[datetime | None] | None = None,
    actor: AbstractBaseUser | None = None,
) -> list[Deadline]:
    """`deadline_start` for many open cases (their account loaded) at once: one policy read per account,
    the clocks and their audit rows inserted in bulk, the cases' next due times refreshed in one update."""
    if not cases:
        return []
    times = _clock_times(
        accounts=[case.account for case in cases], kind=kind, starts=starts, dues=dues or [None] * len(cases)
    )
    deadlines = _clocks(
        case_ids=[case.pk for case in cases],
        account_ids=[case.account_id for case in cases],
        kind=kind,
        starts=starts,
        times=times,
    )
    bulk_insert(deadlines)
    accounts = {case.account_id: case.account for case in cases}
    clock_days_open(deadlines=deadlines, tz_of={pk: account.tzinfo for pk, account in accounts.items()})
    earliest = Deadline.objects.filter(case_id=models.OuterRef("pk"), state__in=UNMET_STATES).order_by("due_at", "id")
    Case.objects.filter(pk__in=[case.pk for case in cases]).update(
        next_due_at=models.Subquery(earliest.values("due_at")[:1]),
        next_warn_at=models.Subquery(earliest.values("warn_at")[:1]),
    )
    copy_insert(Activity, _clock_audits(deadlines, accounts=accounts, actor_id=_actor_id(actor), now=timezone.now()))
    return deadlines


@transaction.atomic
def case_transition(*, case: Case, to: str, actor: AbstractBaseUser | None, locked: bool = False) -> Case:
    """Move a case through the status map; a final status cancels its unmet clocks. `locked`: the
    caller holds the row's lock already and read it in this transaction (see `transition`)."""
    case = transition(
        case,
        to=to,
        transitions=CASE_TRANSITIONS,
        refusal=lambda c, to: f"A {c.get_status_display().lower()} case cannot become {to}.",
        also={"closed_at": timezone.now() if to in FINAL_STATUSES else None},
        verb="case.status",
        summary=lambda c, before: f"Status {CaseStatus(before).label} → {CaseStatus(to).label}",
        actor=actor,
        case=lambda c: c,
        locked=locked,
    )
    if to in FINAL_STATUSES:
        deadlines_cancel_for_case(case=case, actor=actor, reason=f"case {CaseStatus(to).label.lower()}")
    return case


def case_clocks_meet(
    *,
    case: Case,
    at: datetime,
    actor: AbstractBaseUser | None,
    kinds: Iterable[str] | None = None,
    started_by: datetime | None = None,
    exempt: bool = False,
) -> list[Deadline]:
    """Meet the case's unmet clocks (of `kinds`, started by `started_by`, if given) at `at`
    (`exempt`: nothing needed an answer, see `deadline_meet`).

    A clock another writer met in the meantime is skipped — its savepoint rolls back —
    so it never undoes the write this is part of. Returns the clocks it met."""
    unmet = case.deadlines.filter(state__in=UNMET_STATES)
    if kinds is not None:
        unmet = unmet.filter(kind__in=list(kinds))
    if started_by is not None:
        unmet = unmet.filter(started_at__lte=started_by)
    met = []
    for deadline in unmet.order_by("due_at", "id"):
        try:
            met.append(deadline_meet(deadline=deadline, at=at, actor=actor, exempt=exempt))
        except InvalidTransition:
            continue
    return met


@transaction.atomic
def case_settle(
    *,
    case: Case,
    at: datetime,
    actor: AbstractBaseUser | None,
    kinds: Iterable[str] | None = None,
    to: str = CaseStatus.CLOSED,
) -> list[Deadline]:
    """The work is done: meet the case's clocks (of `kinds`) at `at` and, unless it is final
    already, move the case to `to`. Returns the clocks it met."""
    met = case_clocks_meet(case=case, at=at, actor=actor, kinds=kinds)
    case.refresh_from_db(fields=["status"])
    if not case.is_final:
        case_transition(case=case, to=to, actor=actor)
    return met
