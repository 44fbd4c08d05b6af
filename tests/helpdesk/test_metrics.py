"""Amazon's metrics as Amazon computes them, on their boundaries, from the figures the services keep;
the same figures rebuilt from the raw rows."""

import io
from datetime import UTC, date, datetime, timedelta

import pytest
import time_machine
from django.core.management import CommandError, call_command
from django.urls import reverse

from claims.models import ClaimKind, ClaimSource, Liability, Outcome
from claims.services.claims import ClaimFacts, claim_decide, claim_open
from feedback.models import FeedbackStatus
from feedback.services import feedback_create, feedback_transition
from helpdesk import metrics
from helpdesk.models import ClockDay, OrderDay, OrderDefect
from helpdesk.services.deadlines import deadlines_sweep
from helpdesk.services.lifecycle import case_transition, deadline_meet, deadline_start
from helpdesk.services.metrics import metrics_rebuild
from messaging.models import Conversation
from messaging.outbound.services import conversation_mark
from tests.factories import CaseFactory, OrderFactory

NOW = datetime(2026, 11, 18, 15, 0, tzinfo=UTC)  # a Wednesday
TODAY = NOW.date()


@pytest.fixture
def utc_account(account):
    account.timezone = "UTC"
    account.save(update_fields=["timezone"])
    return account


def message(account, started, **case):
    return deadline_start(case=CaseFactory(account=account, **case), kind="message_response", started_at=started)


def kept(account):
    """The kept figures, as comparable values."""
    clocks = [
        (row.kind, row.holder_id or 0, row.day, *(getattr(row, name) for name in ClockDay.COUNTERS))
        for row in ClockDay.objects.filter(account=account)
    ]
    totals: dict = {}
    for kind, holder, day, *counters in clocks:
        key = (kind, holder, day)
        totals[key] = [a + b for a, b in zip(totals.get(key, [0] * len(counters)), counters, strict=True)]
    defects = sorted(
        OrderDefect.objects.filter(account=account).values_list("source", "ref", "kind", "channel", "day", "state")
    )
    days = sorted(OrderDay.objects.filter(account=account).values_list("day", "orders", "afn", "mfn"))
    return {key: value for key, value in totals.items() if any(value)}, defects, days


@time_machine.travel(NOW, tick=False)
def test_response_rate_on_its_boundaries(utc_account, agent):
    account = utc_account
    started = NOW - timedelta(days=3)
    on_time = message(account, started)
    deadline_meet(deadline=on_time, at=started + timedelta(hours=23, minutes=59, seconds=59))
    late = message(account, started)
    deadline_meet(deadline=late, at=started + timedelta(hours=24, seconds=1))
    # Friday evening to Monday morning: weekends count, so this is late.
    weekend = message(account, datetime(2026, 11, 13, 20, 0, tzinfo=UTC))
    deadline_meet(deadline=weekend, at=datetime(2026, 11, 16, 8, 0, tzinfo=UTC))
    # "No response needed": not a response, left out.
    thanks = message(account, started)
    Conversation.objects.create(account=account, case=thanks.case, buyer_key="k1", buyer_email="k1@x")
    conversation_mark(case=thanks.case, kind="no_response", reason="Just a thank-you", actor=agent)
    # Never answered and breached: late, even once the case is closed.
    ignored = message(account, NOW - timedelta(days=2))
    deadlines_sweep()
    case_transition(case=ignored.case, to="closed", actor=agent)
    # Still running, not yet due: not counted yet.
    message(account, NOW - timedelta(hours=1))
    # Outside the 7-day window, inside the 30-day one.
    old = message(account, NOW - timedelta(days=20))
    deadline_meet(deadline=old, at=old.started_at + timedelta(hours=1))

    week, month, _ = metrics.response_rates(account=account, today=TODAY)

    assert (week.counted, week.in_24h, week.late) == (4, 1, 3)
    assert week.rate == 0.25
    answered = [timedelta(hours=23, minutes=59, seconds=59), timedelta(hours=24, seconds=1), timedelta(hours=60)]
    assert week.average_seconds == sum(t.total_seconds() for t in answered) / 3
    assert (month.counted, month.in_24h, month.late) == (5, 2, 3)


@time_machine.travel(NOW, tick=False)
def test_the_page_shows_the_response_rate(client, utc_account, manager):
    deadline_meet(deadline=(d := message(utc_account, NOW - timedelta(days=1))), at=d.started_at + timedelta(hours=2))
    deadline_meet(deadline=(d := message(utc_account, NOW - timedelta(days=1))), at=d.started_at + timedelta(hours=30))
    client.force_login(manager)
    body = client.get(reverse("helpdesk:metrics"), {"account": utc_account.id}).content.decode()
    assert '<th>Last 7 days</th><td class="bad">50.0%</td><td>2</td><td>1</td><td>16h 0m</td>' in body


def _orders(account, *, channel, count, day):
    at = datetime.combine(day, datetime.min.time(), tzinfo=UTC) + timedelta(hours=12)
    return [OrderFactory(account=account, fulfillment_channel=channel, purchase_date=at) for _ in range(count)]


@time_machine.travel(NOW, tick=False)
def test_order_defect_rate_counts_each_order_once_in_amazons_lagged_window(utc_account, agent):
    account = utc_account
    start, end = metrics.odr_window(TODAY)
    assert (start, end) == (date(2026, 9, 6), date(2026, 11, 4))  # 60 days ending 14 days before today
    mfn = _orders(account, channel="MFN", count=10, day=date(2026, 10, 1))
    fba = _orders(account, channel="AFN", count=10, day=date(2026, 10, 2))
    _orders(account, channel="MFN", count=5, day=date(2026, 11, 10))  # after the window: not counted

    # Negative feedback and an A-to-z claim on one order: one defect.
    feedback_create(
        account=account,
        amazon_order_id=mfn[0].amazon_order_id,
        date=date(2026, 10, 10),
        rating=1,
        comments="Broken",
        actor=agent,
    )
    claim_open(
        account=account,
        kind=ClaimKind.ATOZ,
        amazon_order_id=mfn[0].amazon_order_id,
        claimed_at=datetime(2026, 10, 12, tzinfo=UTC),
        source=ClaimSource.MAIL,
        facts=ClaimFacts(),
    )
    # A claim charged to the seller on an FBA order: counted for good.
    lost, _ = claim_open(
        account=account,
        kind=ClaimKind.ATOZ,
        amazon_order_id=fba[0].amazon_order_id,
        claimed_at=datetime(2026, 10, 5, tzinfo=UTC),
        source=ClaimSource.MAIL,
        facts=ClaimFacts(),
    )
    claim_decide(claim=lost, outcome=Outcome.GRANTED_SELLER, at=datetime(2026, 10, 20, tzinfo=UTC))
    # A payment-fraud chargeback is Amazon's: no defect. Positive feedback: none either.
    claim_open(
        account=account,
        kind=ClaimKind.CHARGEBACK,
        amazon_order_id=mfn[1].amazon_order_id,
        claimed_at=datetime(2026, 10, 6, tzinfo=UTC),
        source=ClaimSource.MAIL,
        facts=ClaimFacts(liability=Liability.FRAUD),
    )
    feedback_create(
        account=account,
        amazon_order_id=mfn[2].amazon_order_id,
        date=date(2026, 10, 11),
        rating=5,
        comments="Great",
        actor=agent,
    )
    # Negative feedback 8 days ago: inside the 14-day lag, so only in the forecast.
    feedback_create(
        account=account,
        amazon_order_id=mfn[3].amazon_order_id,
        date=date(2026, 11, 10),
        rating=2,
        comments="Late",
        actor=agent,
    )

    seller, amazon_, total = metrics.odr(account=account, today=TODAY)
    assert (seller.orders, seller.defective, seller.negative_feedback, seller.claims) == (10, 1, 1, 1)
    assert seller.rate == 0.1 and seller.rate_if_won == 0  # its feedback can be removed, its claim won
    assert (amazon_.orders, amazon_.defective, amazon_.firm) == (10, 1, 1)
    assert (total.orders, total.defective) == (20, 2) and not total.meets_target
    forecast = metrics.odr(account=account, today=TODAY, lag=0)
    assert forecast[0].defective == 2 and forecast[0].orders == 15

    opened = metrics.defects_open(account=account, today=TODAY, odr_all=total)
    assert [(o.defect.kind, o.alone, o.in_window) for o in opened] == [
        ("negative_feedback", False, True),  # removable until 9 Dec; the order also carries a claim
        ("negative_feedback", True, False),  # enters Amazon's window within 14 days
        ("claim", False, True),
    ]

    # The feedback removed: the order still carries its claim.
    feedback_transition(feedback=mfn[0].feedback.get(), to=FeedbackStatus.REMOVED, actor=agent)
    assert metrics.odr(account=account, today=TODAY)[0].defective == 1


@time_machine.travel(NOW, tick=False)
def test_kept_figures_equal_the_figures_rebuilt_from_the_raw_rows(utc_account, agent, agent2):
    account = utc_account
    orders = _orders(account, channel="MFN", count=3, day=date(2026, 10, 1))
    for hours, holder in ((2, agent), (30, agent2), (None, agent)):
        d = message(account, NOW - timedelta(days=2), assignee=holder)
        if hours is not None:
            deadline_meet(deadline=d, at=d.started_at + timedelta(hours=hours), actor=holder)
    breached_then_met = message(account, NOW - timedelta(days=4))
    deadlines_sweep()
    deadline_meet(deadline=breached_then_met, at=NOW, actor=agent)
    feedback_create(
        account=account,
        amazon_order_id=orders[0].amazon_order_id,
        date=date(2026, 10, 3),
        rating=1,
        comments="No",
        actor=agent,
    )
    before = kept(account)
    assert before[0] and before[1] and before[2]

    metrics_rebuild(account=account)

    assert kept(account) == before


@time_machine.travel(NOW, tick=False)
def test_a_breach_met_late_moves_to_late_and_a_closed_case_keeps_its_breach(utc_account, agent):
    account = utc_account
    met_later = message(account, NOW - timedelta(days=2), assignee=agent)
    closed = message(account, NOW - timedelta(days=2), assignee=agent)
    deadlines_sweep()
    deadline_meet(deadline=met_later, at=NOW, actor=agent)
    case_transition(case=closed.case, to="closed", actor=agent)
    filters = metrics.SlaFilters((account.id,), TODAY - timedelta(days=6), TODAY)

    [row] = metrics.sla_by_kind(filters, tz=account.tzinfo)
    assert (row.opened, row.met_on_time, row.met_late, row.breached, row.open) == (2, 0, 1, 1, 0)
    [person] = metrics.sla_by_agent(filters, people={agent.id: "Alice"})
    assert (person.label, person.met_late, person.breached) == ("Alice", 1, 1)
    assert [d.case_id for d in metrics.breach_list(filters, tz=account.tzinfo)] == [closed.case_id, met_later.case_id]


@time_machine.travel(NOW, tick=False)
def test_rebuild_metrics_counts_a_bulk_load_that_went_around_the_services(utc_account):
    account = utc_account
    answered = message(account, NOW - timedelta(days=1))
    deadline_meet(deadline=answered, at=answered.started_at + timedelta(hours=3))
    ClockDay.objects.filter(account=account).delete()  # as if the clocks had been loaded in bulk
    assert metrics.response_rates(account=account, today=TODAY)[0].counted == 0

    out = io.StringIO()
    call_command("rebuild_metrics", "--account", account.slug, stdout=out)

    assert out.getvalue().startswith("acme-us: ")
    assert metrics.response_rates(account=account, today=TODAY)[0].in_24h == 1
    with pytest.raises(CommandError, match="No seller account with slug 'nope'"):
        call_command("rebuild_metrics", "--account", "nope")
