"""The order defects claims carry, for Amazon's order defect rate (registered as
`Contribution.defects`): every A-to-z claim, and every chargeback but one Amazon says was payment
fraud (Amazon's liability), is a defect from the day Amazon told us of it. Undecided, it is open:
it can still be won. Granted and charged to the seller, it counts; decided in the seller's favour,
withdrawn or funded by Amazon, it does not."""

from collections.abc import Iterable

from django.utils import timezone

from helpdesk.models import DefectKind, DefectState, SellerAccount
from helpdesk.services.defects import DefectRow

from .models import Claim, ClaimKind, Liability, Outcome

SOURCE = "claims"

STATE_OF = {
    Outcome.PENDING: DefectState.OPEN,
    Outcome.GRANTED_SELLER: DefectState.COUNTED,
    Outcome.GRANTED_AMAZON: DefectState.CLEARED,
    Outcome.DENIED: DefectState.CLEARED,
    Outcome.WITHDRAWN: DefectState.CLEARED,
}


def defects(*, account_id: int, ids: Iterable[int] | None = None) -> list[DefectRow]:
    tz = SellerAccount.objects.get(pk=account_id).tzinfo
    found = Claim.objects.filter(account_id=account_id).exclude(kind=ClaimKind.CHARGEBACK, liability=Liability.FRAUD)
    if ids is not None:
        found = found.filter(id__in=list(ids))
    rows = found.values_list("id", "kind", "amazon_order_id", "claimed_at", "outcome", "case_id")
    return [
        DefectRow(
            ref=pk,
            kind=DefectKind.CLAIM if kind == ClaimKind.ATOZ else DefectKind.CHARGEBACK,
            amazon_order_id=order_id,
            day=timezone.localtime(claimed_at, tz).date(),
            state=STATE_OF.get(outcome, DefectState.OPEN),
            case_id=case_id,
        )
        for pk, kind, order_id, claimed_at, outcome, case_id in rows
    ]
