from datetime import date, datetime, time, timedelta

from feedback.solicitation.credentials import SpApiCredentials
from feedback.solicitation.services import spapi_credentials_update
from tests.factories import OrderFactory, OrderItemFactory

CREDENTIALS = SpApiCredentials(
    refresh_token="Atzr|refresh-for-tests", client_id="amzn1.application-oa2-client.test", client_secret="cs-test"
)

# The date the tests ask on; the `account` fixture is in America/New_York.
ON = date(2026, 3, 20)


def delivered(account, days: int, *, on: date = ON, at: time = time(12, 0), skus=("BTL-750",), **fields):
    """An order of `account` delivered `days` days before `on` (at `at`, account time), with one item per SKU."""
    when = datetime.combine(on - timedelta(days=days), at, tzinfo=account.tzinfo)
    fields.setdefault("purchase_date", when - timedelta(days=3))
    order = OrderFactory(account=account, delivered_at=when, **fields)
    for sku in skus:
        OrderItemFactory(order=order, sku=sku)
    return order


def credentials_store(account, actor) -> None:
    """Store the test SP-API credentials on the account: its review requests and order sync go live."""
    spapi_credentials_update(
        account=account,
        actor=actor,
        refresh_token=CREDENTIALS.refresh_token,
        client_id=CREDENTIALS.client_id,
        client_secret=CREDENTIALS.client_secret,
    )
