"""Reading guarantee-claim and chargeback events from Amazon's Finances API
(`listFinancialEvents`, v0) through python-amazon-sp-api, with the account's SP-API
connection (`helpdesk.spapi`: the same client plumbing and credentials as the order sync).

`FinancesReader.pages()` asks for the events posted in a time window (`PostedAfter` /
`PostedBefore`) and follows `NextToken` to the last page; each page gives its
`GuaranteeClaimEventList` and `ChargebackEventList` events as `ReadEvent`s. Each event is a
`ShipmentEvent`: the order id, when it was posted, and the item charge and fee adjustments
(a negative charge is money taken from the seller).

How failures come out, as for the order sync:
- 429, 5xx, network errors, from the SP-API or Login with Amazon: `TransientSpApiError`;
- 401/403 from the SP-API, or Login with Amazon refusing the credentials: `FinancesAccessDenied`;
- any other non-2xx answer: `SpApiError`.
"""

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal, InvalidOperation

from sp_api.api.finances.finances import FinancesV0
from sp_api.auth.exceptions import AuthorizationError

from helpdesk.models import AmazonConnection
from helpdesk.spapi.client import (
    SpApiError,
    SpApiTarget,
    StatusChecked,
    amazon_time,
    spapi_client,
    transient_failures_raised,
)
from helpdesk.spapi.credentials import SpApiCredentials, spapi_credentials

from .models import FinancesList

AUTH_STATUSES = frozenset({401, 403})
PAGE_SIZE = 100  # the most Amazon gives a page


class FinancesAccessDenied(Exception):
    """Amazon refused our credentials or our access to the Finances API."""

    def __init__(self, *, code: str, message: str, http_status: int | None):
        super().__init__(f"{http_status} {code}: {message}")
        self.code, self.message, self.http_status = code, message, http_status


@dataclass(frozen=True)
class ReadEvent:
    event_list: str  # FinancesList
    key: str
    raw: dict
    amazon_order_id: str
    posted_at: datetime | None
    charged: Decimal
    fees: Decimal
    currency: str


def _amount(value) -> Decimal:
    try:
        return Decimal(str(value)).quantize(Decimal("0.01"))
    except (InvalidOperation, TypeError, ValueError):
        return Decimal(0)


def _when(value: str | None) -> datetime | None:
    try:
        return datetime.fromisoformat(value) if value else None
    except ValueError:
        return None


def event_read(event_list: str, raw: dict) -> ReadEvent:
    """One ShipmentEvent of a guarantee-claim or chargeback list: what it charged and gave back."""
    charged, fees, currency = Decimal(0), Decimal(0), ""
    charges = list(raw.get("OrderChargeAdjustmentList") or [])
    fee_list = list(raw.get("OrderFeeAdjustmentList") or []) + list(raw.get("ShipmentFeeAdjustmentList") or [])
    for item in raw.get("ShipmentItemAdjustmentList") or raw.get("ShipmentItemList") or []:
        charges += item.get("ItemChargeAdjustmentList") or []
        fee_list += item.get("ItemFeeAdjustmentList") or []
    for charge in charges:
        money = charge.get("ChargeAmount") or {}
        charged += _amount(money.get("CurrencyAmount"))
        currency = currency or money.get("CurrencyCode") or ""
    for fee in fee_list:
        money = fee.get("FeeAmount") or {}
        fees += _amount(money.get("CurrencyAmount"))
        currency = currency or money.get("CurrencyCode") or ""
    canonical = json.dumps([event_list, raw], sort_keys=True, separators=(",", ":"))
    return ReadEvent(
        event_list=event_list,
        key=hashlib.sha256(canonical.encode()).hexdigest(),
        raw=raw,
        amazon_order_id=(raw.get("AmazonOrderId") or "")[:19],
        posted_at=_when(raw.get("PostedDate")),
        charged=charged,
        fees=fees,
        currency=currency[:3],
    )


class _FinancesClient(StatusChecked, FinancesV0):
    """sp_api's Finances v0 client, failing by the HTTP status."""


class FinancesReader:
    def __init__(self, *, credentials: SpApiCredentials, target: SpApiTarget):
        self.credentials = credentials
        self.target = target

    def pages(
        self, *, marketplace_id: str, posted_after: datetime, posted_before: datetime
    ) -> Iterator[list[ReadEvent]]:
        """Every page of the claim and chargeback events posted in [posted_after, posted_before)."""
        client = spapi_client(
            _FinancesClient, credentials=self.credentials, marketplace_id=marketplace_id, target=self.target
        )
        query = {
            "MaxResultsPerPage": PAGE_SIZE,
            "PostedAfter": amazon_time(posted_after),
            "PostedBefore": amazon_time(posted_before),
        }
        try:
            with transient_failures_raised():
                while True:
                    response = client.list_financial_events(**query)
                    events = (response.payload or {}).get("FinancialEvents") or {}
                    yield [
                        event_read(event_list, raw)
                        for event_list in FinancesList.values
                        for raw in events.get(event_list) or []
                    ]
                    token = (response.payload or {}).get("NextToken")
                    if not token:
                        return
                    query["NextToken"] = token  # with the same arguments, as Amazon asks
        except SpApiError as exc:
            if exc.http_status in AUTH_STATUSES:
                raise FinancesAccessDenied(code=exc.code, message=exc.message, http_status=exc.http_status) from exc
            raise
        except AuthorizationError as exc:
            raise FinancesAccessDenied(
                code=exc.error_code or "",
                message=f"Login with Amazon refused the credentials: {exc.message or exc.error_code}",
                http_status=exc.status_code,
            ) from exc
        finally:
            client.close()


def finances_reader_for(connection: AmazonConnection) -> FinancesReader | None:
    """The account's Finances reader; None without credentials.

    Raises `CredentialsUnreadable` when stored credentials cannot be decrypted."""
    credentials = spapi_credentials(connection)
    if credentials is None:
        return None
    return FinancesReader(credentials=credentials, target=SpApiTarget.from_settings())
