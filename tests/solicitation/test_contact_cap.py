"""A review request is a message the buyer did not ask for: a live run leaves out an order whose
contact cap is reached, and counts each request it makes against the order's cap."""

import pytest

from feedback.solicitation.selectors import solicitation_candidates
from feedback.solicitation.services import solicitation_run
from messaging.outbound.models import ContactCap, ContactKind, UnsolicitedContact
from tests.spapi import credentials_store

from .helpers import ON, delivered

pytestmark = pytest.mark.django_db


def test_a_live_run_leaves_a_capped_order_out_and_counts_each_request(account, admin_user):
    credentials_store(account, admin_user)
    capped, fresh = delivered(account, 10), delivered(account, 12)
    ContactCap.objects.create(account=account, max_per_order=1, min_hours_between=0)
    UnsolicitedContact.objects.create(account=account, amazon_order_id=capped.amazon_order_id, kind=ContactKind.NOTICE)
    found = {c.order.amazon_order_id: c for c in solicitation_candidates(account=account, on_date=ON)}
    assert not found[capped.amazon_order_id].included
    assert found[capped.amazon_order_id].reason.startswith("contact cap: The buyer has already been sent 1 message")
    assert found[fresh.amazon_order_id].included

    solicitation_run(account=account, on_date=ON)
    counted = UnsolicitedContact.objects.filter(kind=ContactKind.REVIEW_REQUEST)
    assert list(counted.values_list("amazon_order_id", flat=True)) == [fresh.amazon_order_id]


def test_a_dry_run_reaches_no_buyer_and_counts_nothing(account):
    order = delivered(account, 10)
    ContactCap.objects.create(account=account, max_per_order=1, min_hours_between=0)
    UnsolicitedContact.objects.create(account=account, amazon_order_id=order.amazon_order_id, kind=ContactKind.NOTICE)
    (candidate,) = solicitation_candidates(account=account, on_date=ON)
    assert candidate.included  # "would send" reaches nobody
    solicitation_run(account=account, on_date=ON)
    assert not UnsolicitedContact.objects.filter(kind=ContactKind.REVIEW_REQUEST).exists()
