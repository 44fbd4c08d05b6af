"""What returns give the search box: the buyer's comments on the return, who returned it, and the
items with Amazon's reason."""

from collections.abc import Iterator

from helpdesk.registry import SearchText

from .models import Return, ReturnItem


def documents(*, case_ids: list[int]) -> Iterator[SearchText]:
    returns = {
        r.id: r
        for r in Return.objects.filter(case_id__in=case_ids).only(
            "id", "case_id", "requested_at", "customer_comments", "buyer_name", "rma_id"
        )
    }
    items: dict[int, list[str]] = {}
    for item in ReturnItem.objects.filter(ret_id__in=returns).only("ret_id", "sku", "asin", "title", "reason"):
        items.setdefault(item.ret_id, []).append(
            " ".join(p for p in [item.sku, item.asin, item.title, item.reason] if p)
        )
    for r in returns.values():
        text = "\n".join(p for p in [r.customer_comments, r.buyer_name, r.rma_id, *items.get(r.id, [])] if p)
        if text:
            yield SearchText(r.case_id, "return", "Return request", text, r.requested_at)
