"""Reads of the figures managers judge an account by: Amazon's metrics computed as Amazon computes
them, and the clocks per kind and per agent. They read the kept figures (`ClockDay`, `OrderDay`,
`OrderDefect`) and the few live rows (open clocks, active cases), in a constant number of queries
whatever the history's size.

Definitions (and where they follow Amazon):
- **Response time**: buyer messages (the clock kinds registered with `response_metric`) whose clock
  started in the last N days, counting today, in the account's timezone; calendar hours, weekends
  included. Answered within 24 hours of arrival is on time. A message whose clock was stopped with
  "no response needed" is left out; one never answered and past due is late. Still waiting and not
  yet due: not counted yet. The average is over the answered ones.
- **Order defect rate**: Amazon's short-term window, 60 days ending 14 days before today. Orders
  purchased in the window over orders carrying at least one defect dated in it: negative feedback,
  an A-to-z claim, a service chargeback, each order once however many it carries. Split by
  fulfilment (seller: MFN, Amazon: FBA); a defect on an order we never imported is in the total only.
- **Ahead of Amazon**: a defect still open (feedback Amazon can still remove, a claim or chargeback
  not decided) counts now; the rate "if won" leaves the open ones out. The forecast is the same
  rate over the 60 days ending today: what Amazon will show in 14 days.
"""

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.db.models import Count, F, OuterRef, Q, QuerySet, Subquery, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone

from helpdesk.models import (
    Case,
    ClockDay,
    Deadline,
    DeadlineState,
    DefectKind,
    DefectState,
    FulfillmentChannel,
    Order,
    OrderDay,
    OrderDefect,
    SellerAccount,
)
from helpdesk.models.cases import ACTIVE_STATUSES
from helpdesk.registry import registry

WINDOWS = (7, 30, 90)
ODR_DAYS = 60
ODR_LAG = 14
ODR_TARGET = 0.01
RESPONSE_TARGET = 0.90  # Amazon's response-time target: 90% within 24 hours
CANCEL_TARGET = 0.025
TRACKING_TARGET = 0.95


def account_today(account: SellerAccount, now: datetime | None = None) -> date:
    return timezone.localtime(now or timezone.now(), account.tzinfo).date()


def window_start(today: date, days: int) -> date:
    """The first day of "the last `days` days", today included."""
    return today - timedelta(days=days - 1)


# --- response time -----------------------------------------------------------------


@dataclass(frozen=True)
class ResponseRate:
    days: int
    answered: int
    in_24h: int
    unanswered_late: int
    response_seconds: int

    @property
    def counted(self) -> int:
        return self.answered + self.unanswered_late

    @property
    def late(self) -> int:
        return self.answered - self.in_24h + self.unanswered_late

    @property
    def rate(self) -> float | None:
        return self.in_24h / self.counted if self.counted else None

    @property
    def average_seconds(self) -> float | None:
        return self.response_seconds / self.answered if self.answered else None

    @property
    def meets_target(self) -> bool:
        return self.rate is None or self.rate >= RESPONSE_TARGET


def response_rates(*, account: SellerAccount, today: date, windows: tuple[int, ...] = WINDOWS) -> list[ResponseRate]:
    """The response-time metric over each window: one query."""
    sums = {}
    for days in windows:
        since = Q(day__gte=window_start(today, days))
        sums |= {
            f"answered_{days}": Coalesce(Sum("answered", filter=since), 0),
            f"in_24h_{days}": Coalesce(Sum("answered_in_24h", filter=since), 0),
            f"late_{days}": Coalesce(Sum("breached", filter=since), 0),
            f"seconds_{days}": Coalesce(Sum("response_seconds", filter=since), 0),
        }
    found = ClockDay.objects.filter(
        account=account,
        kind__in=registry.response_clocks(),
        day__gte=window_start(today, max(windows)),
        day__lte=today,
    ).aggregate(**sums)
    return [
        ResponseRate(
            days=days,
            answered=found[f"answered_{days}"],
            in_24h=found[f"in_24h_{days}"],
            unanswered_late=found[f"late_{days}"],
            response_seconds=found[f"seconds_{days}"],
        )
        for days in windows
    ]


def response_daily(*, account: SellerAccount, today: date, days: int = 30) -> list[dict]:
    """Per day of the last `days`: the share answered within 24 hours (the chart's line)."""
    rows = (
        ClockDay.objects.filter(
            account=account, kind__in=registry.response_clocks(), day__gte=window_start(today, days), day__lte=today
        )
        .values("day")
        .annotate(answered=Sum("answered"), in_24h=Sum("answered_in_24h"), late=Sum("breached"))
        .order_by("day")
    )
    by_day = {row["day"]: row for row in rows}
    out = []
    for offset in range(days):
        day = window_start(today, days) + timedelta(days=offset)
        row = by_day.get(day, {"answered": 0, "in_24h": 0, "late": 0})
        counted = row["answered"] + row["late"]
        out.append({"day": day, "counted": counted, "rate": row["in_24h"] / counted if counted else None})
    return out


# --- order defect rate -------------------------------------------------------------


@dataclass
class Odr:
    channel: str  # "MFN", "AFN" or "" (all)
    label: str
    start: date
    end: date
    orders: int = 0
    defective: int = 0  # orders with a defect counted now (open ones included)
    firm: int = 0  # orders with a defect that can no longer be undone
    negative_feedback: int = 0
    claims: int = 0
    chargebacks: int = 0

    @property
    def rate(self) -> float | None:
        return self.defective / self.orders if self.orders else None

    @property
    def rate_if_won(self) -> float | None:
        return self.firm / self.orders if self.orders else None

    @property
    def meets_target(self) -> bool:
        return self.rate is None or self.rate < ODR_TARGET


CHANNELS = ((FulfillmentChannel.MFN, "Seller-fulfilled (MFN)"), (FulfillmentChannel.AFN, "Fulfilled by Amazon (FBA)"))


def odr_window(today: date, *, lag: int = ODR_LAG) -> tuple[date, date]:
    end = today - timedelta(days=lag)
    return end - timedelta(days=ODR_DAYS - 1), end


def _firm(today: date) -> Q:
    """A defect that counts for good: decided against the seller, or feedback past its removal window."""
    return Q(state=DefectState.COUNTED) | Q(state=DefectState.OPEN, open_until__lt=today)


def odr(*, account: SellerAccount, today: date, lag: int = ODR_LAG) -> list[Odr]:
    """MFN, FBA and all orders, in Amazon's window (`lag` 0: the forecast). Two queries."""
    start, end = odr_window(today, lag=lag)
    return odr_between(account=account, start=start, end=end, today=today)


def odr_between(*, account: SellerAccount, start: date, end: date, today: date) -> list[Odr]:
    """MFN, FBA and all orders, from `start` to `end` (days included), as the defects stand `today`."""
    orders = OrderDay.objects.filter(account=account, day__gte=start, day__lte=end).aggregate(
        all=Coalesce(Sum("orders"), 0), afn=Coalesce(Sum("afn"), 0), mfn=Coalesce(Sum("mfn"), 0)
    )
    distinct = {"distinct": True}
    defects = (
        OrderDefect.objects.filter(account=account, day__gte=start, day__lte=end)
        .exclude(state=DefectState.CLEARED)
        .values("channel")
        .annotate(
            defective=Count("amazon_order_id", **distinct),
            firm=Count("amazon_order_id", filter=_firm(today), **distinct),
            negative_feedback=Count("amazon_order_id", filter=Q(kind=DefectKind.NEGATIVE_FEEDBACK), **distinct),
            claims=Count("amazon_order_id", filter=Q(kind=DefectKind.CLAIM), **distinct),
            chargebacks=Count("amazon_order_id", filter=Q(kind=DefectKind.CHARGEBACK), **distinct),
        )
        .order_by("channel")
    )
    figures = {channel: Odr(channel, label, start, end, orders=orders[channel.lower()]) for channel, label in CHANNELS}
    total = Odr("", "All orders", start, end, orders=orders["all"])
    for row in defects:
        for figure in (figures.get(row["channel"]), total):
            if figure is None:
                continue
            for name in ("defective", "firm", "negative_feedback", "claims", "chargebacks"):
                setattr(figure, name, getattr(figure, name) + row[name])
    return [*figures.values(), total]


@dataclass
class OpenDefect:
    defect: OrderDefect
    alone: bool  # winning it takes the order out of the rate
    in_window: bool  # Amazon counts it now (else: it enters the window within 14 days)
    moves_by: float | None = None  # how far the ODR falls if it is won


OPEN_SHOWN = 50


def defects_open(*, account: SellerAccount, today: date, odr_all: Odr) -> list[OpenDefect]:
    """The defects that can still be removed or won, in Amazon's window or about to enter it, soonest
    to expire first, with how far winning each moves the rate: one query (each row counts the
    defects its order carries)."""
    start, _ = odr_window(today)
    live = Q(state=DefectState.OPEN) & (Q(open_until__isnull=True) | Q(open_until__gte=today))
    of_the_order = (
        OrderDefect.objects.filter(account=OuterRef("account"), amazon_order_id=OuterRef("amazon_order_id"))
        .exclude(state=DefectState.CLEARED)
        .order_by()
        .values("amazon_order_id")
        .annotate(n=Count("id"))
        .values("n")
    )
    found = (
        OrderDefect.objects.filter(live, account=account, day__gte=start, day__lte=today)
        .annotate(order_defects=Subquery(of_the_order))
        .order_by(F("open_until").asc(nulls_last=True), "day", "id")[:OPEN_SHOWN]
    )
    out = []
    for defect in found:
        alone = (defect.order_defects or 1) <= 1
        in_window = defect.day <= odr_all.end
        moves = 1 / odr_all.orders if alone and in_window and odr_all.orders else None
        out.append(OpenDefect(defect, alone, in_window, moves))
    return out


def defect_orders(*, account: SellerAccount, today: date) -> QuerySet[OrderDefect]:
    """The defects in Amazon's window, per order: the orders that carry the rate."""
    start, end = odr_window(today)
    return (
        OrderDefect.objects.filter(account=account, day__gte=start, day__lte=end)
        .exclude(state=DefectState.CLEARED)
        .order_by("amazon_order_id", "day", "id")
    )


def odr_trend(*, account: SellerAccount, today: date, weeks: int = 12) -> list[dict]:
    """The order defect rate as Amazon's window stood at the end of each of the last `weeks` weeks,
    then today's forecast: two queries over the kept figures, the windows slid in Python."""
    ends = [today - timedelta(days=ODR_LAG + 7 * n) for n in range(weeks - 1, -1, -1)]
    first = ends[0] - timedelta(days=ODR_DAYS - 1)
    orders = dict(OrderDay.objects.filter(account=account, day__gte=first, day__lte=today).values_list("day", "orders"))
    defects = list(
        OrderDefect.objects.filter(account=account, day__gte=first, day__lte=today)
        .exclude(state=DefectState.CLEARED)
        .values_list("day", "amazon_order_id")
    )
    points = []
    for end in [*ends, today]:
        start = end - timedelta(days=ODR_DAYS - 1)
        total = sum(n for day, n in orders.items() if start <= day <= end)
        defective = len({order for day, order in defects if start <= day <= end})
        points.append(
            {"end": end, "orders": total, "defective": defective, "rate": defective / total if total else None}
        )
    return points


# --- order figures Amazon also judges ---------------------------------------------------


@dataclass(frozen=True)
class OrderRates:
    cancel_orders: int
    cancelled: int
    shipped: int
    tracked: int
    due_to_ship: int = 0
    shipped_late: int = 0

    @property
    def late_shipment_rate(self) -> float | None:
        return self.shipped_late / self.due_to_ship if self.due_to_ship else None

    @property
    def cancel_rate(self) -> float | None:
        return self.cancelled / self.cancel_orders if self.cancel_orders else None

    @property
    def tracking_rate(self) -> float | None:
        return self.tracked / self.shipped if self.shipped else None


def order_rates(*, account: SellerAccount, today: date, now: datetime | None = None) -> OrderRates:
    """Seller-fulfilled orders: cancelled by the seller in the last 7 days (Amazon's pre-fulfilment
    cancel rate, 2.5% target), shipped with a tracking number in the last 30 (valid tracking, 95%),
    and, of those whose promised ship date (`latest_ship_date`) has passed, shipped after it or not
    at all (late shipment, 4%). One query over the orders of the last 30 days (by the purchase date
    index); an order without a promised date is left out of the late shipment rate."""
    now = now or timezone.now()
    due = Q(latest_ship_date__isnull=False, latest_ship_date__lte=now)
    tz = account.tzinfo
    since_30 = _start_of(window_start(today, 30), tz)
    since_7 = _start_of(window_start(today, 7), tz)
    found = Order.objects.filter(
        account=account, purchase_date__gte=since_30, fulfillment_channel=FulfillmentChannel.MFN
    ).aggregate(
        cancel_orders=Count("id", filter=Q(purchase_date__gte=since_7)),
        cancelled=Count("id", filter=Q(purchase_date__gte=since_7, status="Cancelled")),
        shipped=Count("id", filter=Q(ship_date__isnull=False)),
        tracked=Count("id", filter=Q(ship_date__isnull=False) & ~Q(tracking_number="")),
        due_to_ship=Count("id", filter=due & ~Q(status="Cancelled")),
        shipped_late=Count(
            "id",
            filter=due & ~Q(status="Cancelled") & (Q(ship_date__isnull=True) | Q(ship_date__gt=F("latest_ship_date"))),
        ),
    )
    return OrderRates(**found)


def _start_of(day: date, tz: ZoneInfo) -> datetime:
    return datetime.combine(day, time.min, tzinfo=tz)


# --- clocks per kind and per agent -------------------------------------------------------


@dataclass(frozen=True)
class SlaFilters:
    account_ids: tuple[int, ...]
    start: date
    end: date
    holder: int | None = None


@dataclass
class SlaRow:
    key: object
    label: str
    opened: int = 0
    met_on_time: int = 0
    met_late: int = 0
    breached: int = 0
    exempt: int = 0
    open: int = 0
    answered: int = 0
    response_seconds: int = 0

    @property
    def average_seconds(self) -> float | None:
        return self.response_seconds / self.answered if self.answered else None

    @property
    def on_time_share(self) -> float | None:
        ended = self.met_on_time + self.met_late + self.breached
        return self.met_on_time / ended if ended else None


def clock_days(filters: SlaFilters) -> QuerySet[ClockDay]:
    rows = ClockDay.objects.filter(account_id__in=filters.account_ids, day__gte=filters.start, day__lte=filters.end)
    if filters.holder is not None:
        rows = rows.filter(holder_id=filters.holder)
    return rows


SLA_SUMS = ("opened", "met_on_time", "met_late", "breached", "exempt", "answered", "response_seconds")


def _open_clocks(filters: SlaFilters, tz: ZoneInfo) -> QuerySet[Deadline]:
    clocks = Deadline.objects.filter(
        account_id__in=filters.account_ids,
        state=DeadlineState.OPEN,
        started_at__gte=_start_of(filters.start, tz),
        started_at__lt=_start_of(filters.end + timedelta(days=1), tz),
    )
    if filters.holder is not None:
        clocks = clocks.filter(case__assignee_id=filters.holder)
    return clocks


def sla_by_kind(filters: SlaFilters, *, tz: ZoneInfo) -> list[SlaRow]:
    """Per clock kind: two queries (the kept figures, the clocks still running)."""
    labels = {clock.kind: clock.label for clock in registry.clocks()}
    rows = {kind: SlaRow(kind, label) for kind, label in labels.items()}
    for found in clock_days(filters).values("kind").annotate(**{n: Sum(n) for n in SLA_SUMS}).order_by("kind"):
        row = rows.setdefault(found["kind"], SlaRow(found["kind"], found["kind"]))
        for name in SLA_SUMS:
            setattr(row, name, found[name] or 0)
    for found in _open_clocks(filters, tz).values("kind").annotate(n=Count("id")).order_by("kind"):
        rows.setdefault(found["kind"], SlaRow(found["kind"], found["kind"])).open = found["n"]
    return [row for row in rows.values() if row.opened or row.open or row.met_on_time or row.met_late or row.breached]


def sla_by_agent(filters: SlaFilters, *, people: dict[int, str]) -> list[SlaRow]:
    """Per holder (who held the case when its clock was met or breached): one query. What each
    holds now is the workload's."""
    rows: dict[int | None, SlaRow] = {}
    found_rows = clock_days(filters).filter(holder__isnull=False).values("holder_id")
    for found in found_rows.annotate(**{n: Sum(n) for n in SLA_SUMS if n != "opened"}).order_by("holder_id"):
        row = rows.setdefault(found["holder_id"], SlaRow(found["holder_id"], people.get(found["holder_id"], "—")))
        for name in SLA_SUMS:
            if name != "opened":
                setattr(row, name, found[name] or 0)
    return sorted(rows.values(), key=lambda row: row.label.lower())


def breaches_daily(filters: SlaFilters) -> list[dict]:
    """Breached clocks per kind and day of start (the chart): one query."""
    return list(
        clock_days(filters)
        .values("day", "kind")
        .annotate(breached=Sum("breached"))
        .filter(breached__gt=0)
        .order_by("day", "kind")
    )


def breach_list(filters: SlaFilters, *, tz: ZoneInfo) -> QuerySet[Deadline]:
    """Clocks breached (and met late or never), started in the range: which case, who held it, by how
    much (`late_by`: until met, else until now). Newest first, along `deadline_breached_started`."""
    clocks = Deadline.objects.filter(
        account_id__in=filters.account_ids,
        breached_at__isnull=False,
        started_at__gte=_start_of(filters.start, tz),
        started_at__lt=_start_of(filters.end + timedelta(days=1), tz),
    )
    if filters.holder is not None:
        clocks = clocks.filter(holder_id=filters.holder)
    return clocks.select_related("case", "holder", "account").defer("policy_snapshot").order_by("-started_at", "-id")


def at_risk(*, account_ids: list[int], hours: int, now: datetime, holder: int | None = None) -> QuerySet[Case]:
    """Active cases whose earliest clock is due within `hours` (or overdue): unassigned first, then
    soonest due."""
    cases = Case.objects.filter(
        account_id__in=account_ids, status__in=ACTIVE_STATUSES, next_due_at__lte=now + timedelta(hours=hours)
    )
    if holder is not None:
        cases = cases.filter(assignee_id=holder)
    return cases.select_related("account", "assignee").order_by(
        F("assignee_id").asc(nulls_first=True), "next_due_at", "id"
    )


@dataclass
class Workload:
    holder: int
    label: str
    open: int = 0
    due_today: int = 0
    answered_today: int = 0
    extra: dict = field(default_factory=dict)


def workload(
    *, account_ids: list[int], day_start: datetime, people: dict[int, str], holder: int | None = None
) -> list[Workload]:
    """Per agent (or only `holder`): cases held and active, those due before the day ends, and
    clocks they met today. Two queries."""
    day_end = day_start + timedelta(days=1)
    rows: dict[int, Workload] = {}
    mine = Q(assignee_id=holder) if holder is not None else Q(assignee__isnull=False)
    held = (
        Case.objects.filter(mine, account_id__in=account_ids, status__in=ACTIVE_STATUSES)
        .values("assignee_id")
        .annotate(open=Count("id"), due_today=Count("id", filter=Q(next_due_at__lt=day_end)))
        .order_by("assignee_id")
    )
    for found in held:
        rows[found["assignee_id"]] = Workload(
            found["assignee_id"], people.get(found["assignee_id"], "—"), found["open"], found["due_today"]
        )
    answered = (
        Deadline.objects.filter(
            account_id__in=account_ids,
            state=DeadlineState.MET,
            met_at__gte=day_start,
            met_at__lt=day_end,
            exempt=False,
        )
        .filter(Q(holder_id=holder) if holder is not None else Q(holder__isnull=False))
        .values("holder_id")
        .annotate(n=Count("id"))
        .order_by("holder_id")
    )
    for found in answered:
        holder = found["holder_id"]
        rows.setdefault(holder, Workload(holder, people.get(holder, "—"))).answered_today = found["n"]
    return sorted(rows.values(), key=lambda row: row.label.lower())
