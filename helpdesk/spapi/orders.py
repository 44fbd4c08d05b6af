"""Reading orders from Amazon's Orders API (getOrders, v0) through python-amazon-sp-api.

`OrdersReader.pages()` asks for the orders of one marketplace updated in a time
window (`LastUpdatedAfter` / `LastUpdatedBefore`) and follows `NextToken` to the
last page. Each order becomes an `OrderWrite`, the `helpdesk.Order` field values
it carries, for `orders_upsert`. getOrders has no actual delivery time:
`LatestDeliveryDate`, the end of the delivery window Amazon promised the buyer,
becomes `estimated_delivery_date`, and `LatestShipDate`, the end of the window the
seller promised to ship in, `latest_ship_date`.

How failures come out:
- 429, 5xx, network errors, from the SP-API or Login with Amazon: `TransientSpApiError`;
- 401/403 from the SP-API, or Login with Amazon refusing the credentials: `OrdersAccessDenied`;
- any other non-2xx answer: `SpApiError`.
"""

from collections.abc import Iterator
from datetime import datetime
from decimal import Decimal, InvalidOperation

from sp_api.api import OrdersV0
from sp_api.auth.exceptions import AuthorizationError

from helpdesk.models import AmazonConnection, FulfillmentChannel, Order
from helpdesk.services.orders import OrderWrite

from .client import SpApiError, SpApiTarget, StatusChecked, amazon_time, spapi_client, transient_failures_raised
from .credentials import SpApiCredentials, spapi_credentials

# getOrders' own spelling is "Canceled"; the order reports, and everything here that
# leaves cancelled orders out, say "Cancelled".
STATUS_SPELLING = {"Canceled": "Cancelled"}
AUTH_STATUSES = frozenset({401, 403})


class OrdersAccessDenied(Exception):
    """Amazon refused our credentials or our access to the Orders API."""

    def __init__(self, *, code: str, message: str, http_status: int | None):
        super().__init__(f"{http_status} {code}: {message}")
        self.code, self.message, self.http_status = code, message, http_status


def _when(value: str | None) -> datetime | None:
    """An ISO 8601 time; None when missing or unreadable (the field is then left as it is)."""
    try:
        return datetime.fromisoformat(value) if value else None
    except ValueError:
        return None


def _text(field: str, value: str | None) -> str:
    return (value or "")[: Order._meta.get_field(field).max_length]


def _amount(total: dict | None) -> Decimal | None:
    try:
        return Decimal(total["Amount"]).quantize(Decimal("0.01")) if total else None
    except (KeyError, InvalidOperation):
        return None


def amazon_order(raw: dict) -> OrderWrite:
    """The Order field values of one element of getOrders' `Orders` list.

    `fields` are kept up to date on every sync, each only when Amazon gives it
    (the buyer's e-mail often is not: it is restricted data); `new_fields` are set
    only on an order the sync creates (the order report owns them afterwards).
    """
    status = raw.get("OrderStatus") or ""
    channel = raw.get("FulfillmentChannel") or ""
    given = {
        "status": _text("status", STATUS_SPELLING.get(status, status)),
        "fulfillment_channel": channel if channel in FulfillmentChannel.values else "",
        "purchase_date": _when(raw.get("PurchaseDate")),
        "last_updated": _when(raw.get("LastUpdateDate")),
        "estimated_delivery_date": _when(raw.get("LatestDeliveryDate")),
        "latest_ship_date": _when(raw.get("LatestShipDate")),
        "marketplace_id": _text("marketplace_id", raw.get("MarketplaceId")),
        "buyer_email": _text("buyer_email", (raw.get("BuyerInfo") or {}).get("BuyerEmail")),
    }
    fields = {field: value for field, value in given.items() if value not in (None, "")}
    address = raw.get("ShippingAddress") or {}
    total = raw.get("OrderTotal") or {}
    new_fields = {
        "merchant_order_id": _text("merchant_order_id", raw.get("SellerOrderId")),
        "sales_channel": _text("sales_channel", raw.get("SalesChannel")),
        "ship_service_level": _text("ship_service_level", raw.get("ShipServiceLevel")),
        "is_business_order": bool(raw.get("IsBusinessOrder")),
        "currency": _text("currency", total.get("CurrencyCode")),
        "order_total": _amount(total),
        "ship_city": _text("ship_city", address.get("City")),
        "ship_state": _text("ship_state", address.get("StateOrRegion")),
        "ship_postal_code": _text("ship_postal_code", address.get("PostalCode")),
        "ship_country": _text("ship_country", address.get("CountryCode")),
    }
    return OrderWrite(amazon_order_id=raw.get("AmazonOrderId") or "", fields=fields, new_fields=new_fields)


class _OrdersClient(StatusChecked, OrdersV0):
    """sp_api's Orders v0 client (what `sp_api.api.Orders()` builds), failing by the HTTP status."""


class OrdersReader:
    def __init__(self, *, credentials: SpApiCredentials, target: SpApiTarget):
        self.credentials = credentials
        self.target = target

    def pages(
        self, *, marketplace_id: str, updated_after: datetime, updated_before: datetime
    ) -> Iterator[list[OrderWrite]]:
        """Every page of the orders updated in [updated_after, updated_before], in Amazon's order."""
        client = spapi_client(
            _OrdersClient, credentials=self.credentials, marketplace_id=marketplace_id, target=self.target
        )
        query = {
            "MarketplaceIds": [marketplace_id],
            "LastUpdatedAfter": amazon_time(updated_after),
            "LastUpdatedBefore": amazon_time(updated_before),
        }
        try:
            with transient_failures_raised():
                while True:
                    response = client.get_orders(**query)
                    yield [amazon_order(raw) for raw in response.payload.get("Orders") or []]
                    if not response.next_token:
                        return
                    query["NextToken"] = response.next_token
        except SpApiError as exc:
            if exc.http_status in AUTH_STATUSES:
                raise OrdersAccessDenied(code=exc.code, message=exc.message, http_status=exc.http_status) from exc
            raise
        except AuthorizationError as exc:
            raise OrdersAccessDenied(
                code=exc.error_code or "",
                message=f"Login with Amazon refused the credentials: {exc.message or exc.error_code}",
                http_status=exc.status_code,
            ) from exc
        finally:
            client.close()


def orders_reader_for(connection: AmazonConnection) -> OrdersReader | None:
    """The account's Orders API reader; None without credentials.

    Raises `CredentialsUnreadable` when stored credentials cannot be decrypted.
    """
    credentials = spapi_credentials(connection)
    if credentials is None:
        return None
    return OrdersReader(credentials=credentials, target=SpApiTarget.from_settings())
