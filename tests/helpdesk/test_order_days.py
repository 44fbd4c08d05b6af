"""The per-day order counts the feedback page reads: kept by every write, equal to counting the orders."""

from datetime import date

import pytest

from helpdesk.models import OrderDay
from helpdesk.services.accounts import account_update
from helpdesk.services.order_days import order_days_rebuild
from helpdesk.services.orders import orders_import
from tests.helpdesk.test_order_import import report, row

pytestmark = pytest.mark.django_db


def days(account) -> dict[date, int]:
    return dict(OrderDay.objects.filter(account=account, orders__gt=0).values_list("day", "orders"))


def recounted(account) -> dict[date, int]:
    order_days_rebuild(account=account)
    return days(account)


def test_an_import_counts_each_order_on_its_purchase_day_in_the_accounts_timezone(account):
    orders_import(
        account=account,
        data=report(
            [
                row("111-0000001-0000001", purchase_date="2024-05-01T10:00:00+00:00"),
                row("111-0000001-0000001", "SECOND-SKU", purchase_date="2024-05-01T10:00:00+00:00"),
                row("111-0000002-0000002", purchase_date="2024-05-02T03:00:00+00:00"),  # 1 May in New York
                row("111-0000003-0000003", purchase_date="2024-05-02T12:00:00+00:00"),
            ]
        ),
    )

    assert days(account) == {date(2024, 5, 1): 2, date(2024, 5, 2): 1}


def test_a_reimport_counts_nothing_twice_and_a_moved_purchase_date_moves_its_order(account):
    first = [row("111-0000001-0000001"), row("111-0000002-0000002")]
    orders_import(account=account, data=report(first))
    orders_import(account=account, data=report(first))
    orders_import(account=account, data=report([row("111-0000002-0000002", purchase_date="2024-06-03T10:00:00+00:00")]))

    assert days(account) == {date(2024, 5, 1): 1, date(2024, 6, 3): 1} == recounted(account)


def test_a_new_timezone_moves_the_orders_to_its_days(account, admin_user):
    orders_import(account=account, data=report([row("111-0000002-0000002", purchase_date="2024-05-02T03:00:00+00:00")]))
    assert days(account) == {date(2024, 5, 1): 1}

    account_update(account=account, actor=admin_user, timezone="Europe/Berlin")

    assert days(account) == {date(2024, 5, 2): 1}
