from datetime import timedelta

import pytest
from django.utils import timezone

from tests.factories import OrderFactory


@pytest.fixture
def now():
    return timezone.now().replace(microsecond=0)


@pytest.fixture
def unshipped(account, now):
    """A seller-fulfilled order not shipped yet; `latest_ship_date` this far from `now`."""

    def make(ship_by: timedelta, **fields):
        values = {
            "status": "Unshipped",
            "ship_date": None,
            "carrier": "",
            "tracking_number": "",
            "latest_ship_date": now + ship_by,
            "estimated_delivery_date": now + ship_by + timedelta(days=4),
        }
        return OrderFactory(account=account, **{**values, **fields})

    return make
