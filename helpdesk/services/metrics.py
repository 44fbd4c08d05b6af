"""Rebuilding the kept figures from the rows they summarise."""

from dataclasses import dataclass

from django.db import transaction

from helpdesk.models import SellerAccount

from .audit import audit
from .clock_days import clock_days_rebuild
from .defects import defects_rebuild
from .order_days import order_days_rebuild


@dataclass(frozen=True)
class Rebuilt:
    order_days: int
    clock_days: int
    defects: int


@transaction.atomic
def metrics_rebuild(*, account: SellerAccount) -> Rebuilt:
    """The account's per-day order counts, per-day clock figures and order defects, counted afresh
    from the orders, the clocks and every app's defect rows; audited."""
    rebuilt = Rebuilt(
        order_days=order_days_rebuild(account=account),
        clock_days=clock_days_rebuild(account=account),
        defects=defects_rebuild(account=account),
    )
    audit(
        verb="metrics.rebuilt",
        summary=f"Figures rebuilt: {rebuilt.order_days} order days, {rebuilt.clock_days} clock rows, "
        f"{rebuilt.defects} order defects",
        account=account,
    )
    return rebuilt
