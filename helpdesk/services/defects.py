"""The order defects (`OrderDefect`) that Amazon's order defect rate counts, kept by the apps that
hold them.

The core names no app: an app whose rows carry defects (negative feedback, A-to-z claims, service
chargebacks) registers `Contribution.defects`, a function that reads them from its rows as
`DefectRow`s, and calls `defects_put` with that function's answer for the rows it just wrote, in
the write's transaction. `defects_rebuild` asks every registered app for all of them, so the kept
rows and the rebuilt rows come from the same function.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.db.models import OuterRef, Subquery
from django.utils.module_loading import import_string

from helpdesk.models import Order, OrderDefect, SellerAccount
from helpdesk.registry import registry


@dataclass(frozen=True)
class DefectRow:
    ref: int  # the id of the app's row
    kind: str  # a DefectKind
    amazon_order_id: str
    day: date
    state: str  # a DefectState
    case_id: int | None = None
    open_until: date | None = None


def _channels(account_id: int, order_ids: Iterable[str]) -> dict[str, str]:
    return dict(
        Order.objects.filter(account_id=account_id, amazon_order_id__in=set(order_ids)).values_list(
            "amazon_order_id", "fulfillment_channel"
        )
    )


@transaction.atomic
def defects_put(*, account_id: int, source: str, refs: Iterable[int], rows: Iterable[DefectRow]) -> None:
    """The defects of the app `source`'s rows `refs` are now `rows`: a ref without a row carries none
    (a feedback that is not negative, say). Call in the write's transaction."""
    refs = set(refs)
    rows = [row for row in rows if row.ref in refs]
    found = {row.ref for row in rows}
    if gone := refs - found:
        OrderDefect.objects.filter(account_id=account_id, source=source, ref__in=gone).delete()
    if not rows:
        return
    channels = _channels(account_id, (row.amazon_order_id for row in rows))
    OrderDefect.objects.bulk_create(
        [
            OrderDefect(
                account_id=account_id,
                source=source,
                ref=row.ref,
                kind=row.kind,
                amazon_order_id=row.amazon_order_id,
                channel=channels.get(row.amazon_order_id, ""),
                day=row.day,
                state=row.state,
                case_id=row.case_id,
                open_until=row.open_until,
            )
            for row in rows
        ],
        update_conflicts=True,
        unique_fields=["account", "source", "ref"],
        update_fields=["kind", "amazon_order_id", "channel", "day", "state", "case_id", "open_until"],
    )


def defects_refresh(*, account_id: int, source: str, refs: Iterable[int]) -> None:
    """Read the defects of `source`'s rows `refs` through its registered function and keep them."""
    refs = list(refs)
    if not refs:
        return
    path = dict(registry.defect_sources())[source]
    defects_put(
        account_id=account_id, source=source, refs=refs, rows=import_string(path)(account_id=account_id, ids=refs)
    )


def defects_link(*, account: SellerAccount, order_ids: Iterable[str]) -> None:
    """Orders just written give their defects their fulfilment channel (a claim can come before its order)."""
    order_ids = list(order_ids)
    if not order_ids:
        return
    for start in range(0, len(order_ids), 1000):
        chunk = order_ids[start : start + 1000]
        OrderDefect.objects.filter(account=account, amazon_order_id__in=chunk).update(
            channel=Subquery(
                Order.objects.filter(account=account, amazon_order_id=OuterRef("amazon_order_id")).values(
                    "fulfillment_channel"
                )[:1]
            )
        )


@transaction.atomic
def defects_rebuild(*, account: SellerAccount) -> int:
    """Every registered app's defects for the account, afresh. Returns how many."""
    OrderDefect.objects.filter(account=account).delete()
    for source, path in registry.defect_sources():
        rows = list(import_string(path)(account_id=account.id, ids=None))
        defects_put(account_id=account.id, source=source, refs=[row.ref for row in rows], rows=rows)
    return OrderDefect.objects.filter(account=account).count()
