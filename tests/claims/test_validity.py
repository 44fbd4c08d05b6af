"""Is the claim valid? Each A-to-z condition and exclusion, and a chargeback's liability, one by one:
business days from the account's calendar, the delivery-date rule on its boundaries."""

from datetime import UTC, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from claims.models import Claim, ClaimSource
from claims.selectors import claim_record
from claims.services import ClaimFacts, claim_open, claim_respond
from claims.validity import Finding, claim_validity
from helpdesk.models import Case, CaseStatus, Policy
from messaging.models import Conversation, Direction, Message
from tests.factories import CaseFactory, OrderFactory, OrderItemFactory

pytestmark = pytest.mark.django_db

ORDER_ID = "113-1000000-2000000"


def a_claim(account, claimed_at, *, kind="atoz", order=None, **facts) -> Claim:
    facts.setdefault("ground", "not_received")
    claim, _ = claim_open(
        account=account,
        kind=kind,
        amazon_order_id=order.amazon_order_id if order else ORDER_ID,
        claimed_at=claimed_at,
        source=ClaimSource.MAIL,
        facts=ClaimFacts(**facts),
    )
    return claim


def say(account, direction, sent_at, text, order_id=ORDER_ID):
    conversation = Conversation.objects.filter(account=account, amazon_order_id=order_id).first()
    if conversation is None:
        conversation = Conversation.objects.create(
            account=account,
            case=CaseFactory(account=account, order=None, amazon_order_id=order_id),
            amazon_order_id=order_id,
            buyer_key="q7w8e9r0t1y2u3i@marketplace.amazon.com",
            buyer_email="q7w8e9r0t1y2u3i@marketplace.amazon.com",
        )
    Message.objects.create(conversation=conversation, direction=direction, sent_at=sent_at, body_text=text)


def check(claim, key):
    return next(c for c in claim_validity(claim_record(claim)).checks if c.key == key)


def et(*args) -> datetime:
    return datetime(*args, tzinfo=ZoneInfo("America/New_York"))


def test_a_buyer_who_never_wrote_first_gives_grounds_to_contest(account):
    claim = a_claim(account, et(2025, 1, 22, 10))
    assert check(claim, "contact").finding == Finding.FAILS
    say(account, Direction.IN, et(2025, 1, 23, 9), "Where is my parcel?")  # after the claim: does not count
    assert check(claim, "contact").finding == Finding.FAILS
    say(account, Direction.IN, et(2025, 1, 17, 10), "Where is my parcel?")
    found = check(claim, "contact")
    assert found.finding == Finding.HOLDS and "Where is my parcel?" in found.evidence[0]


@pytest.mark.parametrize(
    ("claimed_at", "finding"),
    [
        # Friday 17 Jan 10:00; Monday 20 Jan is a US public holiday (Martin Luther King Jr. Day), so two
        # business days run to Wednesday 22 Jan 10:00.
        (et(2025, 1, 22, 9, 59), Finding.FAILS),
        (et(2025, 1, 22, 10, 0), Finding.HOLDS),
    ],
)
def test_waiting_two_business_days_counts_the_accounts_holidays(account, claimed_at, finding):
    say(account, Direction.IN, et(2025, 1, 17, 10), "The parcel has not come.")
    claim = a_claim(account, claimed_at)
    assert check(claim, "waited").finding == finding


def test_the_accounts_own_closed_days_and_opening_weekdays_count_too(account):
    Policy.objects.create(
        account=account,
        kind="message_response",
        duration=timedelta(hours=24),
        warn_before=timedelta(hours=6),
        calendar="business",
        opening_hours={str(day): [["09:00", "17:00"]] for day in range(6)},  # open on Saturdays
        closed_dates=["2025-01-21"],
    )
    say(account, Direction.IN, et(2025, 1, 17, 10), "The parcel has not come.")
    # Saturday 18 counts; Monday 20 is a holiday, Tuesday 21 closed: Wednesday 22 10:00 is two business days.
    assert check(a_claim(account, et(2025, 1, 22, 10)), "waited").finding == Finding.HOLDS
    Claim.objects.all().delete()
    assert check(a_claim(account, et(2025, 1, 22, 9)), "waited").finding == Finding.FAILS


@pytest.mark.parametrize(
    ("estimate", "claimed_at", "finding"),
    [
        # 3 days past the latest estimate (13 Jan) is sooner than 30 days after the order (31 Jan)
        (datetime(2025, 1, 10, tzinfo=UTC), datetime(2025, 1, 12, 23, 59, 59, tzinfo=UTC), Finding.FAILS),
        (datetime(2025, 1, 10, tzinfo=UTC), datetime(2025, 1, 13, tzinfo=UTC), Finding.HOLDS),
        # 30 days after the order (31 Jan) is sooner than 3 days past a late estimate (13 Feb)
        (datetime(2025, 2, 10, tzinfo=UTC), datetime(2025, 1, 30, 23, 59, 59, tzinfo=UTC), Finding.FAILS),
        (datetime(2025, 2, 10, tzinfo=UTC), datetime(2025, 1, 31, tzinfo=UTC), Finding.HOLDS),
        # no estimate: 30 days after the order
        (None, datetime(2025, 1, 31, tzinfo=UTC), Finding.HOLDS),
    ],
)
def test_not_received_may_be_claimed_from_the_sooner_of_estimate_plus_3_days_and_order_plus_30(
    account, estimate, claimed_at, finding
):
    order = OrderFactory(
        account=account, purchase_date=datetime(2025, 1, 1, tzinfo=UTC), estimated_delivery_date=estimate
    )
    assert check(a_claim(account, claimed_at, order=order), "delivery").finding == finding


def test_a_delivery_the_carrier_confirmed_before_the_claim_gives_grounds_to_contest(account):
    order = OrderFactory(
        account=account,
        purchase_date=datetime(2025, 1, 1, tzinfo=UTC),
        ship_date=datetime(2025, 1, 2, tzinfo=UTC),
        delivered_at=datetime(2025, 1, 6, 15, tzinfo=UTC),
        tracking_number="1Z999AA10123456784",
    )
    found = check(a_claim(account, datetime(2025, 1, 20, tzinfo=UTC), order=order), "delivery")
    assert found.finding == Finding.FAILS
    assert any("1Z999AA10123456784" in line for line in found.evidence)


def test_a_promised_refund_not_made_or_made_short(account, agent):
    order = OrderFactory(account=account, amazon_order_id=ORDER_ID, order_total=Decimal("40.00"))
    claim = a_claim(account, datetime(2025, 1, 20, tzinfo=UTC), order=order, ground="refund_not_made")
    assert check(claim, "refund").finding == Finding.FAILS  # nothing was promised
    say(account, Direction.OUT, datetime(2025, 1, 10, tzinfo=UTC), "Sorry! We will refund you in full today.")
    found = check(claim, "refund")
    assert found.finding == Finding.HOLDS and found.summary == "you promised a refund and none is recorded"
    claim_respond(claim=claim, response="refund_partial", refund_amount=Decimal("15.00"), actor=agent)
    assert check(claim, "refund").summary == "the refund is short by 25.00"


def test_exclusions_digital_goods_a_bank_chargeback_and_a_freight_forwarder(account):
    order = OrderFactory(account=account, amazon_order_id=ORDER_ID)
    OrderItemFactory(order=order, title="Strategy game - digital code (download)")
    claim = a_claim(account, datetime(2025, 1, 20, tzinfo=UTC), order=order, address="c/o MyUS.com, Sarasota FL")
    assert check(claim, "digital").finding == Finding.FAILS
    assert check(claim, "chargeback").finding == Finding.HOLDS
    assert check(claim, "forwarder").summary == "delivered to the parcel forwarder MyUS"
    a_claim(account, datetime(2025, 1, 21, tzinfo=UTC), kind="chargeback", order=order)
    assert check(claim, "chargeback").finding == Finding.FAILS


def test_a_valuable_not_as_described_is_covered_only_once_returned(account):
    order = OrderFactory(account=account, amazon_order_id=ORDER_ID)
    OrderItemFactory(order=order, title="Men's automatic wristwatch, steel")
    claim = a_claim(account, datetime(2025, 1, 20, tzinfo=UTC), order=order, ground="not_as_described")
    assert check(claim, "valuables").finding == Finding.FAILS
    Case.objects.create(account=account, kind="return", order=order, amazon_order_id=ORDER_ID, status=CaseStatus.OPEN)
    assert check(claim, "valuables").finding == Finding.HOLDS


def test_a_refused_package_without_return_tracking(account):
    order = OrderFactory(account=account, amazon_order_id=ORDER_ID)
    say(account, Direction.IN, datetime(2025, 1, 10, tzinfo=UTC), "I refused the package, it was damaged.")
    claim = a_claim(account, datetime(2025, 1, 20, tzinfo=UTC), order=order)
    found = check(claim, "refused")
    assert found.finding == Finding.FAILS and found.summary == "a refused package without return tracking"


@pytest.mark.parametrize(
    ("ground", "liability", "finding"),
    [("not_received", "service", Finding.HOLDS), ("unauthorised", "fraud", Finding.FAILS)],
)
def test_a_chargeback_is_the_sellers_when_about_service_and_amazons_when_payment_fraud(
    account, ground, liability, finding
):
    claim = a_claim(account, datetime(2025, 1, 20, tzinfo=UTC), kind="chargeback", ground=ground, liability=liability)
    assert check(claim, "liability").finding == finding
