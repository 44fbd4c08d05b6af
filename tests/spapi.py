"""SP-API test data shared by the core's and the apps' tests: credentials to store on an
account, and real getOrders orders (fixtures/orders/getOrders_orders.json) to serve from
the local server (`spapi_server.FakeAmazon`). The fixtures are in tests/conftest.py."""

import copy
import json
from datetime import UTC, datetime
from pathlib import Path

from helpdesk.spapi.credentials import SpApiCredentials
from helpdesk.spapi.services import spapi_credentials_update

CREDENTIALS = SpApiCredentials(
    refresh_token="Atzr|refresh-for-tests", client_id="amzn1.application-oa2-client.test", client_secret="cs-test"
)
GET_ORDERS = json.loads((Path(__file__).parent / "fixtures" / "orders" / "getOrders_orders.json").read_text())


def credentials_store(account, actor) -> None:
    """Store the test SP-API credentials on the account: its review requests and order sync go live."""
    spapi_credentials_update(
        account=account,
        actor=actor,
        refresh_token=CREDENTIALS.refresh_token,
        client_id=CREDENTIALS.client_id,
        client_secret=CREDENTIALS.client_secret,
    )


def iso(moment: datetime) -> str:
    """A time as getOrders writes it."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def amazon_order(kind: str, **changes) -> dict:
    """One of the real getOrders orders in GET_ORDERS, with some fields changed."""
    order = copy.deepcopy(GET_ORDERS[kind])
    order.update(changes)
    return order
