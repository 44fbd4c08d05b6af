"""Demo returns for `seed_demo`: a request awaiting the agent's decision with its 48-hour clock, one
authorised and on its way back, one received with a unit to grade, and FBA returns graded by FBA;
then the figures the managers' page reads."""

from collections.abc import Iterator
from datetime import datetime, timedelta

from helpdesk.models import Order, SellerAccount

from .figures import figures_refresh
from .services import returns_import

HEADER = [
    "Order ID",
    "Order date",
    "Return request date",
    "Return request status",
    "Amazon RMA ID",
    "Merchant RMA ID",
    "Label type",
    "Label cost",
    "Currency code",
    "Return carrier",
    "Tracking ID",
    "Label to be paid by",
    "A-to-Z Claim",
    "Is prime",
    "ASIN",
    "Merchant SKU",
    "Item Name",
    "Return quantity",
    "Return Reason",
    "In policy",
    "Return type",
    "Resolution",
    "Invoice number",
    "Return delivery date",
    "Order Amount",
    "Order quantity",
]
FBA_HEADER = [
    "return-date",
    "order-id",
    "sku",
    "asin",
    "fnsku",
    "product-name",
    "quantity",
    "fulfillment-center-id",
    "detailed-disposition",
    "reason",
    "status",
    "license-plate-number",
    "customer-comments",
]
# (status, days since the request, reason, delivered back this many days after the request or None)
MFN = [
    ("Pending authorization", 1, "CR-DEFECTIVE", None),
    ("Approved", 4, "AMZ-PG-APP-TOO-SMALL", None),
    ("Approved", 9, "CR-UNWANTED_ITEM", 5),
]
FBA = [("SELLABLE", "UNWANTED_ITEM", 6), ("CUSTOMER_DAMAGED", "NOT_COMPATIBLE", 12)]


def _day(moment: datetime) -> str:
    return moment.strftime("%d-%b-%Y")


def seed(*, account: SellerAccount, orders: Iterator[Order], people: dict, now: datetime) -> None:
    mfn, fba = [], []
    for n, (status, age, reason, back) in enumerate(MFN):
        order = next(o for o in orders if o.fulfillment_channel == "MFN")
        item = order.items.first()
        requested = now - timedelta(days=age)
        mfn.append(
            [
                order.amazon_order_id,
                _day(order.purchase_date),
                _day(requested),
                status,
                f"Demo{n:04d}{account.marketplace}RRMA",
                " ",
                "AmazonPrePaidLabel",
                "4.14",
                order.currency,
                "UPS",
                f"1ZDEMO{n:010d}",
                "Seller",
                "N",
                "N",
                item.asin,
                item.sku,
                item.title,
                "1",
                reason,
                "Y",
                "C-Returns",
                "StandardRefund",
                " ",
                _day(requested + timedelta(days=back)) if back is not None else " ",
                str(item.item_price),
                "1",
            ]
        )
    for n, (disposition, reason, age) in enumerate(FBA):
        order = next(o for o in orders if o.fulfillment_channel == "AFN")
        item = order.items.first()
        fba.append(
            [
                (now - timedelta(days=age)).isoformat(timespec="seconds"),
                order.amazon_order_id,
                item.sku,
                item.asin,
                item.asin,
                item.title,
                "1",
                "LEX1",
                disposition,
                reason,
                "Unit returned to inventory" if disposition == "SELLABLE" else "Disposed of",
                f"LPNDEMO{account.marketplace}{n:05d}",
                "",
            ]
        )
    for header, rows in ((HEADER, mfn), (FBA_HEADER, fba)):
        data = "\n".join("\t".join(r) for r in [header, *rows]).encode()
        returns_import(account=account, data=data, refresh_later=False)
    figures_refresh(account_id=account.id, now=now)
