"""Amazon's Account Health report (`GET_V2_SELLER_PERFORMANCE_REPORT`, JSON) read, and set beside our
own figures with the difference and its likely cause.

The report lists, per marketplace, the account's status (`accountStatuses`) and its performance
metrics (`performanceMetrics`): the order defect rate per fulfilment channel (`orderDefectRate.mfn`
/ `.afn`: orders, orders with defects, negative feedback, claims and chargebacks, over a
`reportingDateRange`), the late shipment, pre-fulfilment cancellation and valid tracking rates.
Amazon's own example and later reports differ in places (`prefulfillmentCancelRate` or
`preFulfillmentCancellationRate`; counts present or not; an entry without `marketplaceId` when
the report covers one marketplace): every figure is read if present and skipped if not.
"""

import json
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from helpdesk.importing import GZIP_MAGIC, ReportError, gunzip_capped

CANCEL_KEYS = ("preFulfillmentCancellationRate", "prefulfillmentCancelRate")


@dataclass(frozen=True)
class HealthEntry:
    marketplace_id: str
    status: str
    metrics: dict[str, Any]


def health_read(data: bytes, *, marketplace_id: str, limit: int) -> HealthEntry:
    """The entry of `marketplace_id` in a report file (JSON, perhaps gzipped). ReportError if the
    file is not such a report or has nothing for that marketplace."""
    if data.startswith(GZIP_MAGIC):
        data = gunzip_capped(data, limit=limit)
    try:
        report = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ReportError(f"this is not a JSON Account Health report ({exc})") from None
    if not isinstance(report, dict) or not isinstance(report.get("performanceMetrics"), list):
        raise ReportError("this JSON has no performanceMetrics: it is not an Account Health report")
    entries = [e for e in report["performanceMetrics"] if isinstance(e, dict)]
    mine = [e for e in entries if e.get("marketplaceId") == marketplace_id]
    if not mine and len(entries) == 1 and "marketplaceId" not in entries[0]:
        mine = entries
    if not mine:
        found = ", ".join(sorted({str(e.get("marketplaceId")) for e in entries})) or "none"
        raise ReportError(f"the report has no figures for this account's marketplace {marketplace_id} (it has {found})")
    statuses = {
        s.get("marketplaceId"): s.get("status", "") for s in report.get("accountStatuses", []) if isinstance(s, dict)
    }
    status = statuses.get(marketplace_id) or (next(iter(statuses.values())) if len(statuses) == 1 else "")
    return HealthEntry(marketplace_id=marketplace_id, status=str(status), metrics=mine[0])


def _day(value: Any) -> date | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).date()
    except ValueError:
        return None


def _count(block: Any, name: str) -> int | None:
    value = block.get(name) if isinstance(block, dict) else None
    if isinstance(value, dict):
        value = value.get("count")
    return value if isinstance(value, int) else None


@dataclass(frozen=True)
class AmazonOdr:
    channel: str  # "MFN" or "AFN"
    start: date | None
    end: date | None
    rate: float | None
    orders: int | None
    defective: int | None
    negative_feedback: int | None
    claims: int | None
    chargebacks: int | None
    status: str


def amazon_odr(metrics: dict[str, Any]) -> list[AmazonOdr]:
    odr = metrics.get("orderDefectRate") or {}
    out = []
    for key in ("mfn", "afn"):
        block = odr.get(key)
        if not isinstance(block, dict):
            continue
        period = block.get("reportingDateRange") or {}
        rate = block.get("rate")
        out.append(
            AmazonOdr(
                channel=key.upper(),
                start=_day(period.get("reportingDateFrom")),
                end=_day(period.get("reportingDateTo")),
                rate=float(rate) if isinstance(rate, int | float) else None,
                orders=block.get("orderCount") if isinstance(block.get("orderCount"), int) else None,
                defective=_count(block, "orderWithDefects"),
                negative_feedback=_count(block, "negativeFeedback"),
                claims=_count(block, "claims"),
                chargebacks=_count(block, "chargebacks"),
                status=str(block.get("status", "")),
            )
        )
    return out


def amazon_rate(metrics: dict[str, Any], *names: str) -> float | None:
    for name in names:
        block = metrics.get(name)
        if isinstance(block, dict) and isinstance(block.get("rate"), int | float):
            return float(block["rate"])
    return None


@dataclass(frozen=True)
class Difference:
    figure: str
    amazon: int | None
    ours: int
    cause: str

    @property
    def delta(self) -> int | None:
        return None if self.amazon is None else self.ours - self.amazon


CAUSES = {
    "orders": (
        "orders we never imported: import the all-orders report for those dates, or connect the Orders API",
        "orders we hold that Amazon leaves out (cancelled before shipping, or another marketplace's)",
    ),
    "negative_feedback": (
        "negative feedback we never imported: import the feedback report for those dates",
        "feedback Amazon has removed or struck through since, not yet marked here",
    ),
    "claims": (
        "A-to-z claims whose notice mail we never received: check the account's mailbox; the Finances sync "
        "finds those charged to you",
        "claims decided or withdrawn at Amazon that we still count as open or lost",
    ),
    "chargebacks": (
        "chargebacks whose notice mail we never received: check the account's mailbox",
        "chargebacks Amazon found to be payment fraud (its liability), not yet marked here",
    ),
}


def differences(amazon: AmazonOdr, ours: Any) -> list[Difference]:
    """Each count Amazon gives beside ours over the same window, with the likely cause of a gap."""
    out = []
    for name, label in (
        ("orders", "Orders"),
        ("negative_feedback", "Negative feedback"),
        ("claims", "A-to-z claims"),
        ("chargebacks", "Chargebacks"),
    ):
        theirs, mine = getattr(amazon, name), getattr(ours, name)
        if theirs is None:
            continue
        fewer, more = CAUSES[name]
        cause = "" if mine == theirs else fewer if mine < theirs else more
        out.append(Difference(label, theirs, mine, cause))
    return out
