"""Reading Amazon's returns reports: which of the three layouts a file is, and its records.

- `GET_FLAT_FILE_RETURNS_DATA_BY_RETURN_DATE` (seller-fulfilled returns): tab-separated, read by
  header name. One row per order, Amazon RMA id and SKU. Dates like `10-Jul-2025`; a cell
  holding a single space is empty; rows may be shorter than the header; exports add trailing
  columns (`Category`, `Order Item ID`); flags are `Y` / `N`.
- `GET_XML_RETURNS_DATA_BY_RETURN_DATE`: the same returns as XML, `AmazonEnvelope/Message/
  return_details`, each with repeated `item_details` (Amazon repeats an identical one: read once),
  ISO timestamps, `a_to_z_claim` `true` / `false`, names entity-escaped. No DTD is accepted.
- `GET_FBA_FULFILLMENT_CUSTOMER_RETURNS_DATA`: the 13 columns of FBA's customer returns (return
  date, order, SKU, quantity, fulfilment centre, detailed disposition, reason, status, licence
  plate number, customer comments). FBA grades each unit; Amazon authorised the return.

Pure functions over text; nothing here touches the database. A row that cannot be read is a
`RowError` with its line (for XML: the ordinal of its `return_details`) and the reason.
"""

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo

from helpdesk.importing import FlatFile, ReportError, Row, RowError, RowRejected
from helpdesk.models.orders import ORDER_ID_RE

from .models import Channel, Return, ReturnItem

MFN_FLAT = "mfn_flat"
MFN_XML = "mfn_xml"
FBA = "fba"
LAYOUT_NAMES = {
    MFN_FLAT: "seller-fulfilled returns report (flat file)",
    MFN_XML: "seller-fulfilled returns report (XML)",
    FBA: "FBA customer returns report",
}

_ORDER_ID = re.compile(ORDER_ID_RE, re.ASCII)
_ENCODING_DECLARATION = re.compile(r"^(\s*<\?xml[^>]*?)\s+encoding\s*=\s*['\"][^'\"]*['\"]", re.IGNORECASE)
_LIMITS = {name: Return._meta.get_field(name).max_length for name in ("rma_id", "merchant_rma_id", "tracking_id")}
_SKU_MAX = ReturnItem._meta.get_field("sku").max_length


@dataclass
class ItemLine:
    sku: str
    asin: str = ""
    title: str = ""
    quantity: int = 1
    reason: str = ""
    in_policy: bool | None = None
    category: str = ""
    refund_amount: Decimal | None = None
    amazon_resolution: str = ""
    unit_price: Decimal | None = None


@dataclass
class ReturnRecord:
    """One return as a report row describes it: the return's columns, and its item(s)."""

    line: int
    channel: str
    amazon_order_id: str
    key: str
    requested_at: datetime
    requested_time_known: bool
    fields: dict[str, Any]  # Return fields, by model field name
    items: list[ItemLine] = field(default_factory=list)


# --- cells -------------------------------------------------------------------------------------

# Month abbreviations as the marketplaces write them (10-Jul-2025, 10-Mär-2025, 10-juil.-2025, …).
_MONTHS = {
    **dict.fromkeys(["jan", "janv", "ene", "gen", "jän"], 1),
    **dict.fromkeys(["feb", "févr", "fév", "fevr", "fev", "febr"], 2),
    **dict.fromkeys(["mar", "mär", "mrz", "mars", "marz"], 3),
    **dict.fromkeys(["apr", "avr", "abr"], 4),
    **dict.fromkeys(["may", "mai", "mag"], 5),
    **dict.fromkeys(["jun", "juin", "giu"], 6),
    **dict.fromkeys(["jul", "juil", "lug"], 7),
    **dict.fromkeys(["aug", "août", "aout", "ago"], 8),
    **dict.fromkeys(["sep", "sept", "set"], 9),
    **dict.fromkeys(["oct", "okt", "ott"], 10),
    **dict.fromkeys(["nov"], 11),
    **dict.fromkeys(["dec", "déc", "dez", "dic"], 12),
}
_DAY_MONTH_YEAR = re.compile(r"^(\d{1,2})[-. /]([^\W\d_]{3,5})\.?[-. /](\d{4})$")


@lru_cache(maxsize=4096)  # a report spans a few weeks: the same few dozen dates, over and over
def _day(value: str, column: str) -> date | None:
    """`10-Jul-2025` (any marketplace's month abbreviation), `2025-07-10`, or an ISO timestamp's day."""
    if not value:
        return None
    found = _DAY_MONTH_YEAR.match(value)
    if found:
        month = _MONTHS.get(found.group(2).casefold())
        if month is not None:
            try:
                return date(int(found.group(3)), month, int(found.group(1)))
            except ValueError:
                pass
        raise RowRejected(f"bad {column} {value[:40]!r}: expected a date such as 10-Jul-2025")
    try:
        return datetime.fromisoformat(value).date()
    except ValueError:
        raise RowRejected(f"bad {column} {value[:40]!r}: expected a date such as 10-Jul-2025") from None


def parse_day(value: str, *, column: str) -> date | None:
    return _day(value, column)


@lru_cache(maxsize=4096)
def _moment(value: str, column: str, tz: ZoneInfo) -> tuple[datetime, bool] | None:
    """(an aware time, whether the time of day was given): an ISO timestamp, or a day (its start in `tz`)."""
    if not value:
        return None
    if "T" in value or ":" in value:
        try:
            moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            raise RowRejected(f"bad {column} {value[:40]!r}: expected a date or an ISO timestamp") from None
        return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)), True
    day = parse_day(value, column=column)
    return datetime.combine(day, time.min, tzinfo=tz), False


def parse_moment(value: str, *, column: str, tz: ZoneInfo) -> tuple[datetime, bool] | None:
    return _moment(value, column, tz)


def parse_amount(value: str, *, column: str) -> Decimal | None:
    return _amount(value, column) if value else None


@lru_cache(maxsize=8192)  # prices and label costs repeat
def _amount(value: str, column: str) -> Decimal | None:
    """`4.14`, `4,14` or `1,234.50`; "" is None."""
    if not value:
        return None
    text = value.replace(" ", "")
    if "," in text and "." not in text:
        text = text.replace(",", ".")
    text = text.replace(",", "")
    try:
        amount = Decimal(text)
    except InvalidOperation:
        raise RowRejected(f"bad {column} {value[:40]!r}: expected an amount such as 12.34") from None
    if not amount.is_finite() or abs(amount) >= 10**10:
        raise RowRejected(f"bad {column} {value[:40]!r}: expected an amount such as 12.34")
    return amount.quantize(Decimal("0.01"))


def parse_quantity(value: str, *, column: str) -> int:
    if not value:
        return 1
    if value == "1":
        return 1
    if not value.isascii() or not value.isdigit() or not 0 < int(value) <= 100_000:
        raise RowRejected(f"bad {column} {value[:40]!r}: expected a whole number of units")
    return int(value)


_FLAGS = {
    "y": True,
    "yes": True,
    "true": True,
    "1": True,
    "n": False,
    "no": False,
    "false": False,
    "0": False,
    "": None,
}


def parse_flag(value: str, *, column: str) -> bool | None:
    """Y / N (flat files), true / false (XML); "" is None."""
    try:
        return _FLAGS[value.strip().lower()]
    except KeyError:
        raise RowRejected(f"bad {column} {value[:40]!r}: expected Y or N") from None


def _order_id(value: str, *, column: str) -> str:
    if not value:
        raise RowRejected(f"missing {column}")
    if not _ORDER_ID.fullmatch(value):
        raise RowRejected(f"bad {column} {value[:40]!r}: expected NNN-NNNNNNN-NNNNNNN")
    return value


def _text(value: str, limit: int) -> str:
    return value[:limit]


def _unit_price(order_amount: Decimal | None, order_quantity: int | None) -> Decimal | None:
    if order_amount is None or not order_quantity:
        return None
    return (order_amount / order_quantity).quantize(Decimal("0.01"))


# --- which report ------------------------------------------------------------------------------

MFN_MARKERS = {"amazon rma id", "return request date"}
FBA_MARKERS = {"license-plate-number", "detailed-disposition", "fulfillment-center-id"}


def detect_layout(text: str) -> str:
    """Which of the three reports `text` is, by its content (never by a flag)."""
    head = text.lstrip()[:500]
    if head.startswith("<"):
        return MFN_XML
    header = {name.strip().lower() for name in text.split("\n", 1)[0].split("\t")}
    if MFN_MARKERS <= header:
        return MFN_FLAT
    if len(FBA_MARKERS & header) >= 2 and "order-id" in header:
        return FBA
    found = ", ".join(name for name in sorted(header) if name)[:300]
    raise ReportError(
        "this is not one of Amazon's returns reports: expected the seller-fulfilled returns report (flat file "
        "or XML) or FBA's customer returns report; found the columns: " + (found or "nothing")
    )


def read_records(text: str, *, tz: ZoneInfo) -> tuple[str, Iterator[ReturnRecord | RowError]]:
    """(the layout, its records): `tz`, the account's, dates a day-only request at the day's start."""
    layout = detect_layout(text)
    if layout == MFN_XML:
        return layout, _xml_records(text, tz=tz)
    if layout == MFN_FLAT:
        report = FlatFile(text, required=["order id", "amazon rma id", "return request date", "merchant sku"])
        return layout, _rows(report, _mfn_record, tz=tz)
    report = FlatFile(text, required=["return-date", "order-id", "sku"])
    return layout, _rows(report, _fba_record, tz=tz)


def _rows(report: FlatFile, parse, *, tz: ZoneInfo) -> Iterator[ReturnRecord | RowError]:
    for row in report.rows():
        if isinstance(row, RowError):
            yield row
            continue
        try:
            yield parse(row, tz=tz)
        except RowRejected as exc:
            yield RowError(row.line, str(exc))


# --- the seller-fulfilled flat file --------------------------------------------------------------


def _mfn_record(row: Row, *, tz: ZoneInfo) -> ReturnRecord:
    cell = row.cells.get
    order_id = _order_id(cell("order id", ""), column="Order ID")
    rma = cell("amazon rma id", "")
    if not rma:
        raise RowRejected("missing Amazon RMA ID")
    if len(rma) > _LIMITS["rma_id"]:
        raise RowRejected(f"bad Amazon RMA ID {rma[:40]!r}: longer than {_LIMITS['rma_id']} characters")
    sku = cell("merchant sku", "")
    if not sku:
        raise RowRejected("missing Merchant SKU")
    if len(sku) > _SKU_MAX:
        raise RowRejected(f"bad Merchant SKU {sku[:40]!r}: longer than {_SKU_MAX} characters")
    requested = parse_moment(cell("return request date", ""), column="Return request date", tz=tz)
    if requested is None:
        raise RowRejected("missing Return request date")
    order_amount = parse_amount(cell("order amount", ""), column="Order Amount")
    order_quantity = (
        parse_quantity(cell("order quantity", ""), column="Order quantity") if cell("order quantity") else None
    )
    quantity = parse_quantity(cell("return quantity", ""), column="Return quantity")
    fields = {
        "rma_id": rma,
        "merchant_rma_id": _text(cell("merchant rma id", ""), _LIMITS["merchant_rma_id"]),
        "amazon_status": _text(cell("return request status", ""), 60),
        "order_date": parse_day(cell("order date", ""), column="Order date"),
        "label_type": _text(cell("label type", ""), 40),
        "label_cost": parse_amount(cell("label cost", ""), column="Label cost"),
        "currency": _text(cell("currency code", "").upper(), 3),
        "return_carrier": _text(cell("return carrier", ""), 60),
        "tracking_id": _text(cell("tracking id", ""), _LIMITS["tracking_id"]),
        "label_paid_by": _text(cell("label to be paid by", ""), 20),
        "a_to_z_claim": bool(parse_flag(cell("a-to-z claim", ""), column="A-to-Z Claim")),
        "is_prime": bool(parse_flag(cell("is prime", ""), column="Is prime")),
        "return_type": _text(cell("return type", ""), 40),
        "invoice_number": _text(cell("invoice number", ""), 60),
        "received_on": parse_day(cell("return delivery date", ""), column="Return delivery date"),
        "order_amount": order_amount,
        "order_quantity": order_quantity,
        "refunded_amount": parse_amount(cell("refunded amount", ""), column="Refunded Amount"),
        "safet_reason": _text(cell("safet action reason", ""), 200),
        "safet_claim_id": _text(cell("safet claim id", ""), 40),
        "safet_state": _text(cell("safet claim state", ""), 40),
    }
    item = ItemLine(
        sku=sku,
        asin=_text(cell("asin", ""), 10),
        title=_text(cell("item name", ""), 500),
        quantity=quantity,
        reason=_text(cell("return reason", ""), 80),
        in_policy=parse_flag(cell("in policy", ""), column="In policy"),
        category=_text(cell("category", ""), 80),
        amazon_resolution=_text(cell("resolution", ""), 40),
        unit_price=_unit_price(order_amount, order_quantity),
    )
    return ReturnRecord(row.line, Channel.MFN, order_id, rma, requested[0], requested[1], fields, [item])


# --- FBA's customer returns ----------------------------------------------------------------------


def _fba_record(row: Row, *, tz: ZoneInfo) -> ReturnRecord:
    cell = row.cells.get
    order_id = _order_id(cell("order-id", ""), column="order-id")
    sku = cell("sku", "")
    if not sku:
        raise RowRejected("missing sku")
    if len(sku) > _SKU_MAX:
        raise RowRejected(f"bad sku {sku[:40]!r}: longer than {_SKU_MAX} characters")
    returned = parse_moment(cell("return-date", ""), column="return-date", tz=tz)
    if returned is None:
        raise RowRejected("missing return-date")
    plate = _text(cell("license-plate-number", ""), 40)
    key = f"fba:{plate}" if plate else f"fba:{sku}:{returned[0].isoformat()}"
    fields = {
        "received_on": returned[0].astimezone(tz).date(),
        "fulfillment_center": _text(cell("fulfillment-center-id", ""), 10),
        "license_plate": plate,
        "disposition": _text(cell("detailed-disposition", "").upper(), 40),
        "fba_status": _text(cell("status", ""), 60),
        "amazon_status": _text(cell("status", ""), 60),
        "customer_comments": cell("customer-comments", ""),
    }
    item = ItemLine(
        sku=sku,
        asin=_text(cell("asin", ""), 10),
        title=_text(cell("product-name", ""), 500),
        quantity=parse_quantity(cell("quantity", ""), column="quantity"),
        reason=_text(cell("reason", ""), 80),
    )
    return ReturnRecord(row.line, Channel.AFN, order_id, key[:80], returned[0], returned[1], fields, [item])


# --- the seller-fulfilled XML ------------------------------------------------------------------


def _xml_records(text: str, *, tz: ZoneInfo) -> Iterator[ReturnRecord | RowError]:
    if re.search(r"<!(?:DOCTYPE|ENTITY)", text[:5000], re.IGNORECASE):
        raise ReportError("the XML declares a DTD or entities: Amazon's returns report has none, so it is refused")
    data = _ENCODING_DECLARATION.sub(r"\1", text, count=1).encode("utf-8")
    parser = ET.XMLPullParser(events=("end",))
    number = 0
    chunk = 1 << 20
    for start in range(0, len(data) or 1, chunk):
        try:
            parser.feed(data[start : start + chunk])
            events = list(parser.read_events())
        except ET.ParseError as exc:
            raise ReportError(f"the XML cannot be read: {exc}") from None
        for _, element in events:
            if element.tag != "return_details":
                continue
            number += 1
            try:
                yield _xml_record(element, number, tz=tz)
            except RowRejected as exc:
                yield RowError(number, f"return_details #{number}: {exc}")
            element.clear()
    try:
        parser.close()
    except ET.ParseError as exc:
        raise ReportError(f"the XML cannot be read: {exc}") from None
    if number == 0:
        raise ReportError("the XML holds no return_details: is this Amazon's returns report?")


def _child(element: ET.Element, tag: str) -> str:
    found = element.find(tag)
    return (found.text or "").strip() if found is not None else ""


def _xml_record(element: ET.Element, number: int, *, tz: ZoneInfo) -> ReturnRecord:
    text = lambda tag: _child(element, tag)  # noqa: E731 - a local reader of one element
    order_id = _order_id(text("order_id"), column="order_id")
    rma = text("amazon_rma_id")
    if not rma:
        raise RowRejected("missing amazon_rma_id")
    if len(rma) > _LIMITS["rma_id"]:
        raise RowRejected(f"bad amazon_rma_id {rma[:40]!r}: longer than {_LIMITS['rma_id']} characters")
    requested = parse_moment(text("return_request_date"), column="return_request_date", tz=tz)
    if requested is None:
        raise RowRejected("missing return_request_date")
    order_amount = parse_amount(text("order_amount"), column="order_amount")
    order_quantity = parse_quantity(text("order_quantity"), column="order_quantity") if text("order_quantity") else None
    label = element.find("label_details")
    label_text = (lambda tag: _child(label, tag)) if label is not None else (lambda tag: "")
    order_date = parse_moment(text("order_date"), column="order_date", tz=tz)
    fields = {
        "rma_id": rma,
        "merchant_rma_id": _text(text("merchant_rma_id"), _LIMITS["merchant_rma_id"]),
        "amazon_status": _text(text("return_request_status"), 60),
        "order_date": order_date[0].astimezone(tz).date() if order_date else None,
        "label_type": _text(label_text("label_type"), 40),
        "label_cost": parse_amount(label_text("label_cost"), column="label_cost"),
        "currency": _text(label_text("currency_code").upper(), 3),
        "return_carrier": _text(text("return_carrier"), 60),
        "tracking_id": _text(text("tracking_id"), _LIMITS["tracking_id"]),
        "label_paid_by": _text(text("label_to_be_paid_by"), 20),
        "a_to_z_claim": bool(parse_flag(text("a_to_z_claim"), column="a_to_z_claim")),
        "is_prime": bool(parse_flag(text("is_prime"), column="is_prime")),
        "return_type": _text(text("return_type"), 40),
        "invoice_number": _text(text("invoice_number"), 60),
        "received_on": parse_day(text("return_delivery_date"), column="return_delivery_date"),
        "order_amount": order_amount,
        "order_quantity": order_quantity,
        "refunded_amount": parse_amount(text("refunded_amount"), column="refunded_amount"),
    }
    items: dict[str, ItemLine] = {}
    seen: set[tuple[str, ...]] = set()
    for details in element.iter("item_details"):
        values = {child.tag: (child.text or "").strip() for child in details}
        identity = tuple(sorted(values.items()))
        if identity in seen:
            continue  # Amazon repeats an identical item_details: the same unit, not another one
        seen.add(identity)
        sku = values.get("merchant_sku", "")
        if not sku:
            raise RowRejected("an item_details without merchant_sku")
        if len(sku) > _SKU_MAX:
            raise RowRejected(f"bad merchant_sku {sku[:40]!r}: longer than {_SKU_MAX} characters")
        quantity = parse_quantity(values.get("return_quantity", ""), column="return_quantity")
        refund = parse_amount(values.get("refund_amount", ""), column="refund_amount")
        if sku in items:
            line = items[sku]
            line.quantity += quantity
            if refund is not None:
                line.refund_amount = (line.refund_amount or Decimal(0)) + refund
            continue
        items[sku] = ItemLine(
            sku=sku,
            asin=_text(values.get("asin", ""), 10),
            title=_text(values.get("item_name", ""), 500),
            quantity=quantity,
            reason=_text(values.get("return_reason_code", ""), 80),
            in_policy=parse_flag(values.get("in_policy", ""), column="in_policy"),
            category=_text(values.get("category", ""), 80),
            refund_amount=refund,
            amazon_resolution=_text(values.get("resolution", ""), 40),
            unit_price=_unit_price(order_amount, order_quantity) or _unit_price(refund, quantity),
        )
    if not items:
        raise RowRejected("no item_details")
    return ReturnRecord(number, Channel.MFN, order_id, rma, requested[0], requested[1], fields, list(items.values()))
