"""What claims give the search box: the claim's reason as Amazon's notice words it, and what we
wrote back (the statement, an appeal)."""

from collections.abc import Iterator

from helpdesk.registry import SearchText

from .models import Claim


def documents(*, case_ids: list[int]) -> Iterator[SearchText]:
    rows = Claim.objects.filter(case_id__in=case_ids).only(
        "case_id", "kind", "claimed_at", "responded_at", "reason", "statement", "appeal_note"
    )
    for c in rows:
        if c.reason:
            yield SearchText(c.case_id, "claim", c.get_kind_display(), c.reason, c.claimed_at)
        ours = "\n".join(p for p in [c.statement, c.appeal_note] if p)
        if ours:
            yield SearchText(c.case_id, "claim.response", "Our statement", ours, c.responded_at or c.claimed_at)
