"""What feedback gives the search box: the buyer's comment and our public response."""

from collections.abc import Iterator
from datetime import UTC, datetime, time

from helpdesk.registry import SearchText

from .models import Feedback


def documents(*, case_ids: list[int]) -> Iterator[SearchText]:
    rows = Feedback.objects.filter(case_id__in=case_ids).only(
        "case_id", "date", "rating", "comments", "response", "rater_email"
    )
    for f in rows:
        left = datetime.combine(f.date, time(12), tzinfo=UTC)  # the day is all Amazon gives
        comment = " ".join(part for part in [f.comments, f.rater_email] if part)
        if comment:
            yield SearchText(f.case_id, "feedback", f"Feedback comment ({f.rating}★)", comment, left)
        if f.response:
            yield SearchText(f.case_id, "feedback.response", "Our feedback response", f.response, left)
