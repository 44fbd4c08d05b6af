"""The daily clock figures (`ClockDay`), kept by the writes that move clocks.

A clock counts once where it was opened (the day it started, nobody holding it) and once where
it ended up: met on time or late, breached and never met, or stopped with nothing to answer —
on the row of whoever held the case then. `clock_outcome` says where a clock's state puts it;
every move adds the difference between the clock's outcome after and before (`clock_days_move`),
so a breach that is met later moves from "breached" to "met late", and a case closed over a
breached clock leaves the breach where it is. `clock_days_rebuild` applies the same function to
every stored clock, so the figures kept and the figures rebuilt are the same by construction.
"""

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone

from helpdesk.models import ClockDay, Deadline, DeadlineState, SellerAccount

RESPONSE_WINDOW = timedelta(hours=24)  # Amazon's response-time metric: answered within 24 hours


@dataclass(frozen=True)
class ClockFacts:
    """What the figures read of one clock."""

    account_id: int
    kind: str
    started_at: datetime
    due_at: datetime
    state: str
    met_at: datetime | None
    breached_at: datetime | None
    exempt: bool
    holder_id: int | None

    @classmethod
    def of(cls, deadline: Deadline) -> "ClockFacts":
        return cls(
            account_id=deadline.account_id,
            kind=deadline.kind,
            started_at=deadline.started_at,
            due_at=deadline.due_at,
            state=deadline.state,
            met_at=deadline.met_at,
            breached_at=deadline.breached_at,
            exempt=deadline.exempt,
            holder_id=deadline.holder_id,
        )


def clock_outcome(facts: ClockFacts) -> Counter:
    """The counters a clock in this state adds to its holder's row (opening is counted apart)."""
    found: Counter = Counter()
    if facts.state == DeadlineState.MET and facts.met_at is not None:
        found["met_late" if facts.met_at > facts.due_at else "met_on_time"] += 1
        if facts.exempt:
            found["exempt"] += 1
        else:
            took = facts.met_at - facts.started_at
            found["answered"] += 1
            found["answered_in_24h"] += int(took <= RESPONSE_WINDOW)
            found["response_seconds"] += int(took.total_seconds())
    elif facts.breached_at is not None:
        found["breached"] += 1
    return found


def clock_day(started_at: datetime, tz: ZoneInfo) -> date:
    return timezone.localtime(started_at, tz).date()


Key = tuple[int, str, int | None, date]  # account, kind, holder, day


def _upsert(rows: dict[Key, Counter]) -> None:
    values = []
    for (account_id, kind, holder_id, day), counters in sorted(rows.items(), key=lambda r: (r[0][:2], r[0][3])):
        if any(counters.values()):
            values.append((account_id, kind, holder_id, day, *(counters[name] for name in ClockDay.COUNTERS)))
    if not values:
        return
    if connection.vendor != "postgresql":
        _add_portably(values)
        return
    table = ClockDay._meta.db_table
    columns = ", ".join(ClockDay.COUNTERS)
    marks = ", ".join(["%s"] * (4 + len(ClockDay.COUNTERS)))
    sums = ", ".join(f"{name} = {table}.{name} + excluded.{name}" for name in ClockDay.COUNTERS)
    with connection.cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO {table} (account_id, kind, holder_id, day, {columns}) VALUES ({marks}) "
            f"ON CONFLICT (account_id, kind, holder_id, day) DO UPDATE SET {sums}",
            values,
        )


def _add_portably(values: list[tuple]) -> None:
    """The embedded run's SQLite keeps no unique constraint over a nullable holder, so it cannot
    upsert: add to the row where there is one, else write it. Reads sum the rows, so two writers
    racing to a new row count right either way."""
    for account_id, kind, holder_id, day, *counters in values:
        key = {"account_id": account_id, "kind": kind, "holder_id": holder_id, "day": day}
        deltas = dict(zip(ClockDay.COUNTERS, counters, strict=True))
        if not ClockDay.objects.filter(**key).update(**{name: F(name) + delta for name, delta in deltas.items()}):
            ClockDay.objects.create(**key, **deltas)


def clock_days_open(*, deadlines: Iterable[Deadline], tz_of: dict[int, ZoneInfo]) -> None:
    """Count newly started clocks on their start day. Call in the transaction that started them."""
    rows: dict[Key, Counter] = defaultdict(Counter)
    for deadline in deadlines:
        rows[deadline.account_id, deadline.kind, None, clock_day(deadline.started_at, tz_of[deadline.account_id])][
            "opened"
        ] += 1
    _upsert(rows)


def clock_days_move(*, moves: Iterable[tuple[ClockFacts, ClockFacts]], tz_of: dict[int, ZoneInfo]) -> None:
    """Move clocks from where their `before` state counted them to where their `after` state does.
    Call in the transaction that moved them."""
    rows: dict[Key, Counter] = defaultdict(Counter)
    for before, after in moves:
        day = clock_day(after.started_at, tz_of[after.account_id])
        rows[after.account_id, after.kind, after.holder_id, day].update(clock_outcome(after))
        rows[before.account_id, before.kind, before.holder_id, day].subtract(clock_outcome(before))
    _upsert(rows)


@transaction.atomic
def clock_days_rebuild(*, account: SellerAccount) -> int:
    """Count the account's clocks afresh from the stored clocks (after a change of timezone, a bulk
    load that went around the services, or to check the kept figures). Returns the rows written."""
    ClockDay.objects.filter(account=account).delete()
    tz = account.tzinfo
    rows: dict[Key, Counter] = defaultdict(Counter)
    fields = [
        "account_id",
        "kind",
        "started_at",
        "due_at",
        "state",
        "met_at",
        "breached_at",
        "exempt",
        "holder_id",
    ]
    for values in Deadline.objects.filter(account=account).values_list(*fields).iterator(chunk_size=5000):
        facts = ClockFacts(*values)
        day = clock_day(facts.started_at, tz)
        rows[facts.account_id, facts.kind, None, day]["opened"] += 1
        rows[facts.account_id, facts.kind, facts.holder_id, day].update(clock_outcome(facts))
    ClockDay.objects.bulk_create(
        [
            ClockDay(account_id=account_id, kind=kind, holder_id=holder_id, day=day, **counters)
            for (account_id, kind, holder_id, day), counters in rows.items()
            if any(counters.values())
        ],
        batch_size=2000,
    )
    return ClockDay.objects.filter(account=account).count()
