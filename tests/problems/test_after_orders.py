"""Detection runs after the order data changes: the Orders API sync (which brings the latest ship
date) and an order report import each queue the account's detection after they commit."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine

from helpdesk.importing import ORDERS_REPORT
from helpdesk.models import AmazonConnection
from helpdesk.services.imports import import_job_create, import_job_run
from helpdesk.spapi.sync import order_sync
from problems.models import OrderProblem, ProblemKind
from problems.services import problems_detect
from tests.factories import OrderFactory
from tests.spapi import amazon_order, iso

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 3, 20, 19, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def frozen_clock():
    with time_machine.travel(NOW, tick=False):
        yield


def test_an_order_synced_past_its_latest_ship_date_opens_a_problem(
    live_account, amazon, celery_eager, django_capture_on_commit_callbacks
):
    amazon.orders = [
        amazon_order(
            "unshipped_business",
            LastUpdateDate=iso(NOW - timedelta(minutes=30)),
            LatestShipDate=iso(NOW - timedelta(hours=1)),
            LatestDeliveryDate=iso(NOW + timedelta(days=3)),
        )
    ]
    AmazonConnection.objects.filter(account=live_account).update(orders_synced_until=NOW - timedelta(hours=1))
    with django_capture_on_commit_callbacks(execute=True):
        order_sync(account=live_account)
    problem = OrderProblem.objects.get()
    assert problem.order.latest_ship_date == NOW - timedelta(hours=1)
    assert (problem.kind, problem.late_at) == (ProblemKind.LATE, NOW - timedelta(hours=1))


def test_an_order_report_that_says_shipped_settles_the_problem(
    account, celery_eager, django_capture_on_commit_callbacks
):
    order = OrderFactory(
        account=account,
        amazon_order_id="111-2223334-4445556",
        status="Unshipped",
        ship_date=None,
        latest_ship_date=NOW + timedelta(hours=5),
    )
    with django_capture_on_commit_callbacks(execute=True):
        problems_detect(account=account)
    problem = OrderProblem.objects.get(order=order)
    assert not problem.case.is_final
    report = b"amazon-order-id\tsku\torder-status\tfulfillment-channel\n111-2223334-4445556\tBTL-1\tShipped\tMerchant\n"
    job = import_job_create(account=account, kind=ORDERS_REPORT, filename="orders.txt", raw=report)
    with django_capture_on_commit_callbacks(execute=True):
        import_job_run(job_id=job.id)
    problem.refresh_from_db()
    assert problem.shipped_seen_at is not None and problem.case.is_final
