"""The order defects feedback carries, for Amazon's order defect rate (registered as
`Contribution.defects`): a negative feedback (1–2 stars) is a defect from the day it was left.
While it is live and Amazon may still remove it (60 days) it is open, and counted once that
time runs out; removed, struck through or withdrawn, it no longer counts."""

from collections.abc import Iterable
from datetime import timedelta

from helpdesk.models import DefectKind, DefectState
from helpdesk.services.defects import DefectRow

from .models import NEGATIVE_MAX, Feedback, FeedbackStatus

SOURCE = "feedback"
REMOVABLE_FOR = timedelta(days=60)


def defects(*, account_id: int, ids: Iterable[int] | None = None) -> list[DefectRow]:
    found = Feedback.objects.filter(account_id=account_id, rating__lte=NEGATIVE_MAX)
    if ids is not None:
        found = found.filter(id__in=list(ids))
    return [
        DefectRow(
            ref=pk,
            kind=DefectKind.NEGATIVE_FEEDBACK,
            amazon_order_id=order_id,
            day=day,
            state=DefectState.OPEN if status == FeedbackStatus.LIVE else DefectState.CLEARED,
            case_id=case_id,
            open_until=day + REMOVABLE_FOR if status == FeedbackStatus.LIVE else None,
        )
        for pk, order_id, day, status, case_id in found.values_list(
            "id", "amazon_order_id", "date", "status", "case_id"
        )
    ]
