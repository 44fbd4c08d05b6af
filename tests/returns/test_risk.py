"""Fraud signals from returns: shown on the case and on the managers' risk list, never acted on."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from helpdesk.risk import risk_buyers
from returns.figures import returns_link_orders
from returns.models import Grade, Return, ReturnedUnit, ReturnSettings
from returns.risk import signals
from returns.services import return_mark_received, unit_grade
from tests.factories import OrderFactory, OrderItemFactory

from .conftest import mfn_report, mfn_row, run_import

pytestmark = pytest.mark.django_db
RELAY = "q1w2e3r4t5y6u7i@marketplace.amazon.com"


def returned(account, count: int, *, start: int = 0, **buyer) -> list[Return]:
    """`count` orders of one buyer, each returned (a month apart)."""
    rows = []
    for n in range(start, start + count):
        order = OrderFactory(account=account, amazon_order_id=f"112-9000000-{n:07d}", **buyer)
        OrderItemFactory(order=order, sku="BTL-750")
        day = (timezone.localdate(timezone=account.tzinfo) - timedelta(days=30 * n + 1)).strftime("%d-%b-%Y")
        rows.append(mfn_row(order.amazon_order_id, f"Rsk{n:05d}RRMA", "BTL-750", day=day))
    run_import(account, mfn_report(rows))
    returns_link_orders(account=account)  # the worker that follows every import: buyer keys from the orders
    return list(Return.objects.filter(amazon_order_id__in=[r["Order ID"] for r in rows]).order_by("requested_at"))


def test_the_same_relay_address_returning_on_three_orders_is_listed_once(client, account, manager):
    returned(account, 3, buyer_email=RELAY, buyer_name="Cathy Miller", ship_postal_code="97201")

    (buyer,) = risk_buyers(account_ids=[account.id])
    assert [s.signal for s in buyer.signals] == ["3 returns on 3 orders in a year (same relay address)"]
    assert "112-9000000-0000000" in buyer.signals[0].evidence and buyer.buyer == "Cathy Miller, 97201"
    client.force_login(manager)
    page = client.get(reverse("helpdesk:risk")).content.decode()
    assert "3 returns on 3 orders in a year (same relay address)" in page


def test_two_orders_are_under_the_threshold_until_an_admin_lowers_it(account):
    returned(account, 2, buyer_email=RELAY)
    assert signals(account_ids=[account.id]) == []
    ReturnSettings.objects.create(account=account, risk_min_returns=2)
    assert [s.signal for s in signals(account_ids=[account.id])] == [
        "2 returns on 2 orders in a year (same relay address)"
    ]


def test_the_same_name_at_the_same_postal_code_under_other_relay_addresses(account):
    for n in range(3):
        relay = f"r{n}aaaaaaaaaaaaa@marketplace.amazon.com"
        returned(account, 1, start=n, buyer_email=relay, buyer_name="Zoë Miller", ship_postal_code="80 331")
    assert [s.signal for s in signals(account_ids=[account.id])] == [
        "3 returns on 3 orders in a year (same name and postal code)"
    ]


def test_a_returned_unit_that_is_not_the_one_shipped(client, account, agent, manager):
    (ret,) = returned(account, 1)
    return_mark_received(ret=ret, received_on=timezone.localdate(timezone=account.tzinfo), actor=agent)
    unit_grade(
        unit=ReturnedUnit.objects.get(),
        grade=Grade.NOT_RESELLABLE,
        mismatched=True,
        shipped_serial="SN-1001",
        returned_serial="SN-7777",
        note="Warranty sticker missing",
        actor=agent,
    )
    (signal,) = signals(account_ids=[account.id])
    assert signal.signal == "returned unit is not the one shipped"
    assert signal.evidence == "BTL-750 #1: shipped serial SN-1001, returned SN-7777 — Warranty sticker missing"
    client.force_login(agent)
    page = client.get(reverse("helpdesk:case", args=[ret.case_id])).content.decode()
    assert "returned unit is not the one shipped" in page.split('data-testid="return-signals"')[1]


@pytest.mark.parametrize(
    ("address", "postal", "expected"),
    [
        ("12 Oak Street, Salem", "97301", ["returned from another address than the order went to"]),
        ("PO Box 1234, Portland", "97201", ["PO box as the return address"]),
        ("4705 NW 10th Ave, Suite MyUS 123456, Miami", "33126", None),
    ],
)
def test_where_the_parcel_came_back_from(account, agent, address, postal, expected):
    (ret,) = returned(account, 1, ship_postal_code="97201", ship_city="Portland", ship_country="US")
    return_mark_received(
        ret=ret,
        received_on=timezone.localdate(timezone=account.tzinfo),
        actor=agent,
        sender_address=address,
        sender_postal_code=postal,
        sender_country="US",
    )
    found = [s.signal for s in signals(account_ids=[account.id])]
    if expected is None:
        expected = [
            "returned from another address than the order went to",
            "parcel forwarder (MyUS) as the return address",
        ]
    assert found == expected


def test_the_same_return_address_under_other_names(account, agent):
    for n, name in enumerate(["A. Smith", "Bea Jones", "C. Brown"]):
        (ret,) = returned(account, 1, start=n, buyer_name=name, ship_postal_code="97201")
        return_mark_received(
            ret=ret,
            received_on=timezone.localdate(timezone=account.tzinfo),
            actor=agent,
            sender_address=["12 Oak Street", "12 oak st.", "12 OAK STREET"][n],
            sender_postal_code="97201",
            sender_country="US",
        )
    assert [s.signal for s in signals(account_ids=[account.id])] == [
        "3 returns on 3 orders in a year (same return address)"
    ]


def test_another_accounts_signals_are_not_shown(client, account, other_account, outsider):
    returned(account, 3, buyer_email=RELAY)
    assert signals(account_ids=[other_account.id]) == []
    client.force_login(outsider)
    assert "3 returns on 3 orders" not in client.get(reverse("helpdesk:risk")).content.decode()
