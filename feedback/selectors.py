"""Reads on seller feedback. Every queryset a view touches is scoped to the user's accounts here."""

from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Count, Q, Sum
from django.shortcuts import get_object_or_404
from django.utils import timezone

from helpdesk.models import Case, OrderDay, SellerAccount
from helpdesk.models.cases import ACTIVE_STATUSES
from helpdesk.selectors import scoped
from messaging.models import Conversation
from messaging.outbound.selectors import latest_inbound_id
from messaging.parsing import is_relay_address

from .eligibility import Eligibility, assess
from .kinds import FEEDBACK
from .models import (
    CRITICAL_MAX,
    NEGATIVE_MAX,
    POSITIVE_MIN,
    Feedback,
    OutreachContact,
    RemovalOutcome,
    RemovalRequest,
)

WINDOWS = (30, 90, 365)
CHART_MONTHS = 12
OPEN_CASES_SHOWN = 50


def feedback_get(user: AbstractBaseUser, *, feedback_id: int) -> Feedback:
    return get_object_or_404(scoped(Feedback.objects.select_related("account", "order", "case"), user), id=feedback_id)


def removal_request_get(user: AbstractBaseUser, *, request_id: int) -> RemovalRequest:
    return get_object_or_404(
        scoped(RemovalRequest.objects.select_related("feedback__case"), user, field="feedback__account_id"),
        id=request_id,
    )


def outreach_contact_get(user: AbstractBaseUser, *, contact_id: int) -> OutreachContact:
    return get_object_or_404(
        scoped(OutreachContact.objects.select_related("feedback__case"), user, field="feedback__account_id"),
        id=contact_id,
    )


def feedback_for_case(case: Case) -> Feedback | None:
    return Feedback.objects.select_related("account", "order").filter(case=case).first()


@dataclass(frozen=True)
class OutreachTarget:
    """Where a contact about a feedback goes: the buyer's relay address, and the order's
    conversation with them when there is one (its newest buyer message is what the agent saw)."""

    address: str
    conversation: Conversation | None
    seen_message_id: int


def outreach_target(feedback: Feedback) -> OutreachTarget:
    """The order's latest conversation with a relay address, else the report's rater e-mail,
    else the imported order's buyer e-mail; an empty address when none is a relay address."""
    conversation = (
        Conversation.objects.filter(account_id=feedback.account_id, amazon_order_id=feedback.amazon_order_id)
        .select_related("case")
        .order_by("-last_message_at", "-id")
        .first()
    )
    if conversation is not None and is_relay_address(conversation.buyer_email):
        return OutreachTarget(conversation.buyer_email, conversation, latest_inbound_id(conversation))
    order_email = feedback.order.buyer_email if feedback.order else ""
    address = next((a for a in (feedback.rater_email, order_email) if is_relay_address(a)), "")
    return OutreachTarget(address, None, 0)


def feedback_eligibility(feedback: Feedback) -> Eligibility:
    """The eligibility assistant's opinion on a feedback, read with its order."""
    order = feedback.order
    return assess(
        comments=feedback.comments,
        fulfillment_channel=order.fulfillment_channel if order else "",
        buyer_name=order.buyer_name if order else "",
        region=feedback.account.marketplace,
        max_chars=settings.ELIGIBILITY_MAX_CHARS,
    )


# --- the feedback page -------------------------------------------------------


@dataclass(frozen=True)
class Window:
    days: int
    by_rating: dict[int, int]  # stars -> count
    orders: int

    @property
    def total(self) -> int:
        return sum(self.by_rating.values())

    @property
    def positive(self) -> int:
        return sum(n for stars, n in self.by_rating.items() if stars >= POSITIVE_MIN)

    @property
    def negative(self) -> int:
        return sum(n for stars, n in self.by_rating.items() if stars <= NEGATIVE_MAX)

    @property
    def positive_imported(self) -> bool:
        """The score means something only where positive feedback has been imported (the SP-API report has none)."""
        return self.positive > 0

    @property
    def score(self) -> float | None:
        return 100 * self.positive / self.total if self.positive_imported else None

    @property
    def negative_rate(self) -> float | None:
        """Negative feedback per imported order of the same window, in percent."""
        return 100 * self.negative / self.orders if self.orders else None


@dataclass(frozen=True)
class Month:
    month: date
    positive: int
    neutral: int
    negative: int

    @property
    def total(self) -> int:
        return self.positive + self.neutral + self.negative


@dataclass(frozen=True)
class RemovalStats:
    pending: int
    removed: int
    struck: int
    refused: int

    @property
    def decided(self) -> int:
        return self.removed + self.struck + self.refused

    @property
    def success_rate(self) -> float | None:
        return 100 * (self.removed + self.struck) / self.decided if self.decided else None


@dataclass(frozen=True)
class FeedbackOverview:
    account: SellerAccount
    today: date
    windows: list[Window]
    months: list[Month]
    removals: RemovalStats
    open_cases: list[Case]
    open_cases_more: bool

    @property
    def months_total(self) -> int:
        return sum(month.total for month in self.months)


def _window_start(today: date, days: int) -> date:
    """The first day of a window of `days` days ending today."""
    return today - timedelta(days=days - 1)


def _chart_start(today: date) -> date:
    """The first day of the chart: the first of the month, CHART_MONTHS - 1 months back."""
    first = today.replace(day=1)
    for _ in range(CHART_MONTHS - 1):
        first = (first - timedelta(days=1)).replace(day=1)
    return first


def feedback_overview(*, account: SellerAccount, today: date | None = None) -> FeedbackOverview:
    """Everything the feedback page shows for one account, in four queries whatever the volume: the
    feedback per day and rating since the oldest day shown (the windows and the chart), the orders per
    day (`OrderDay`), the removal requests, and the open removal cases."""
    today = today or timezone.localdate(timezone=account.tzinfo)
    starts = {days: _window_start(today, days) for days in WINDOWS}
    chart_start = _chart_start(today)
    per_day = list(
        Feedback.objects.filter(account=account, date__gte=min(chart_start, *starts.values()))
        .values_list("date", "rating")
        .annotate(count=Count("*"))  # no column beyond the index: an index-only scan
        .order_by()
    )
    orders = OrderDay.objects.filter(account=account, day__gte=starts[max(WINDOWS)]).aggregate(
        **{f"w{days}": Sum("orders", filter=Q(day__gte=start)) for days, start in starts.items()}
    )
    windows = []
    for days, start in starts.items():
        by_rating = Counter({stars: 0 for stars in range(5, 0, -1)})
        for day, stars, count in per_day:
            if day >= start:
                by_rating[stars] += count
        windows.append(Window(days=days, by_rating=dict(by_rating), orders=orders[f"w{days}"] or 0))
    return FeedbackOverview(
        account=account,
        today=today,
        windows=windows,
        months=_months(per_day, first=chart_start),
        removals=_removal_stats(account),
        **_open_cases(account),
    )


def _months(per_day: list[tuple[date, int, int]], *, first: date) -> list[Month]:
    """CHART_MONTHS months from `first`, each with its positive, neutral and negative feedback."""
    counts: dict[date, Counter] = defaultdict(Counter)
    for day, stars, count in per_day:
        if day >= first:
            sentiment = "positive" if stars >= POSITIVE_MIN else "negative" if stars <= NEGATIVE_MAX else "neutral"
            counts[day.replace(day=1)][sentiment] += count
    months, month = [], first
    for _ in range(CHART_MONTHS):
        row = counts[month]
        months.append(Month(month, row["positive"], row["neutral"], row["negative"]))
        month = (month + timedelta(days=31)).replace(day=1)
    return months


def _removal_stats(account: SellerAccount) -> RemovalStats:
    counts = RemovalRequest.objects.filter(feedback__account=account).aggregate(
        **{outcome: Count("id", filter=Q(outcome=outcome)) for outcome in RemovalOutcome.values}
    )
    return RemovalStats(**counts)


def _open_cases(account: SellerAccount) -> dict:
    """The feedback cases whose removal clock still runs (or ran out unmet), soonest due first."""
    cases = list(
        Case.objects.filter(account=account, kind=FEEDBACK, status__in=ACTIVE_STATUSES, next_due_at__isnull=False)
        .select_related("feedback", "assignee")
        .order_by("next_due_at", "id")[: OPEN_CASES_SHOWN + 1]
    )
    return {"open_cases": cases[:OPEN_CASES_SHOWN], "open_cases_more": len(cases) > OPEN_CASES_SHOWN}


# --- export ----------------------------------------------------------------

EXPORT_HEADER = [
    "Date",
    "Rating",
    "Sentiment",
    "Comments",
    "Your Response",
    "Order ID",
    "Rater Email",
    "Status",
    "Fulfilment",
    "Removal eligibility",
    "Case",
]


def feedback_export_rows(*, account: SellerAccount) -> Iterator[list[str]]:
    """The header, then one row per feedback of the account, newest first, read in chunks."""
    yield EXPORT_HEADER
    rows = (
        Feedback.objects.filter(account=account)
        .select_related("order")
        .order_by("-date", "-id")
        .iterator(chunk_size=2000)
    )
    for feedback in rows:
        feedback.account = account
        opinion = feedback_eligibility(feedback) if feedback.rating <= CRITICAL_MAX else None
        yield [
            feedback.date.isoformat(),
            str(feedback.rating),
            feedback.sentiment,
            feedback.comments,
            feedback.response,
            feedback.amazon_order_id,
            feedback.rater_email,
            feedback.get_status_display(),
            feedback.order.fulfillment_channel if feedback.order else "",
            (opinion.reason.label if opinion.reason else "unlikely") if opinion else "",
            str(feedback.case_id or ""),
        ]
