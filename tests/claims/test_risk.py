"""Repeat claimants on the managers' risk list, next to the other apps' signals."""

from datetime import UTC, datetime

import pytest
from django.urls import reverse

from claims.models import ClaimSource
from claims.risk import signals
from claims.services import ClaimFacts, claim_open
from helpdesk.buyers import address_key
from tests.factories import OrderFactory

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 6, 1, tzinfo=UTC)


def claim_on(account, order, kind="atoz", address="", when=datetime(2026, 3, 1, tzinfo=UTC)):
    return claim_open(
        account=account,
        kind=kind,
        amazon_order_id=order.amazon_order_id,
        claimed_at=when,
        source=ClaimSource.MAIL,
        facts=ClaimFacts(address=address),
    )[0]


def test_po_boxes_and_spacing_make_one_address():
    assert (
        address_key("P.O. Box 123, Springfield") == address_key("PO BOX 123 springfield") == "pobox 123 springfield||"
    )
    assert address_key("Postfach 77, Köln") == address_key("postfach 77 koln")
    assert address_key("") == ""


def test_the_same_buyer_across_orders_by_relay_address_name_and_postal_code_or_address(account, other_account):
    relay = "m1z9b3mk8gb1c26@marketplace.amazon.com"
    first = OrderFactory(account=account, buyer_email=relay, buyer_name="Cathy Miller", ship_postal_code="97201")
    second = OrderFactory(account=account, buyer_email=relay.replace("@", "+x7@"), buyer_name="C. Miller")
    third = OrderFactory(account=account, buyer_email="", buyer_name="Cathy  Miller", ship_postal_code="97201")
    claim_on(account, first)
    claim_on(account, second, kind="chargeback")
    claim_on(account, third, when=datetime(2026, 4, 1, tzinfo=UTC))
    # Another buyer with a single claim, and the same addresses on another account: no signal there.
    claim_on(account, OrderFactory(account=account))
    po_a = OrderFactory(account=other_account, buyer_email="", buyer_name="")
    po_b = OrderFactory(account=other_account, buyer_email="", buyer_name="")
    claim_on(other_account, po_a, address="P.O. Box 12, Austin TX")
    claim_on(other_account, po_b, address="PO BOX 12 Austin, TX")

    found = signals(account_ids=[account.id, other_account.id], now=NOW)
    by_account = {s.account_id: s for s in found}
    assert len(found) == 2
    cathy = by_account[account.id]
    assert cathy.signal == "1 chargeback, 2 claims on 3 orders in a year"
    assert third.amazon_order_id in cathy.evidence and cathy.amazon_order_id == third.amazon_order_id
    assert by_account[other_account.id].signal == "2 claims on 2 orders in a year"
    assert signals(account_ids=[account.id], now=datetime(2027, 5, 1, tzinfo=UTC)) == []  # older than a year


def test_the_signal_is_on_the_managers_risk_list(account, manager, client):
    relay = "p3vkb18m93xc7lv@marketplace.amazon.com"
    for _ in range(2):
        claim_on(account, OrderFactory(account=account, buyer_email=relay, buyer_name="Sam Buyer"))
    client.force_login(manager)
    page = client.get(reverse("helpdesk:risk")).content.decode()
    assert "2 claims on 2 orders in a year" in page
