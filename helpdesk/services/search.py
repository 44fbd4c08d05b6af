"""Writing the search index (`helpdesk.SearchDocument`).

A write that changes what a case says (a case opened, a message filed, a reply or a note, a
feedback comment, a purge) marks the case in its own transaction (`search_pending_mark`); the
`index-search` beat task (`search_pending_index`, every few seconds) rewrites the rows of the
marked cases from what the core and every app's registered `search` source hold now. So the index
is at most a few seconds behind the cases, a purge reaches it as surely as an edit, and a flushed
broker loses nothing. `manage.py search_reindex` rebuilds every row (after restoring a backup, or
on first deployment).
"""

from collections.abc import Iterable, Sequence

from django.db import connection, transaction
from django.utils import timezone
from django.utils.module_loading import import_string

from helpdesk.marketplaces import SEARCH_CONFIG
from helpdesk.models import Case, OrderItem, SearchDocument, SearchPending
from helpdesk.models.search import ORDER_SOURCE
from helpdesk.registry import SearchText, registry

# The highlighter's markers (helpdesk.search): never part of an indexed text.
MARKERS = str.maketrans("", "", "\ue000\ue001")
TEXT_MAX = 20_000  # characters of one text kept in the index: a long mail's first pages


def search_pending_mark(*, case_ids: Iterable[int]) -> None:
    """Mark cases whose text changed, in the transaction of the change.

    An upsert, not an insert that skips existing rows: a case marked while the indexer holds its
    row waits for the indexer to finish, then is marked again, so a change never slips between
    the indexer's read and its removal of the mark."""
    ids = sorted({case_id for case_id in case_ids if case_id is not None})
    if not ids:
        return
    now = timezone.now()
    if connection.vendor == "postgresql":  # one statement, however many cases an import opened
        with connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {SearchPending._meta.db_table} (case_id, marked_at) SELECT unnest(%s::bigint[]), %s "
                "ON CONFLICT (case_id) DO UPDATE SET marked_at = excluded.marked_at",
                [ids, now],
            )
        return
    SearchPending.objects.bulk_create(
        [SearchPending(case_id=case_id, marked_at=now) for case_id in ids],
        update_conflicts=True,
        unique_fields=["case"],
        update_fields=["marked_at"],
        batch_size=1000,
    )


def _core_texts(cases: Sequence[Case]) -> Iterable[SearchText]:
    """What the core holds: the order id, the buyer, the subject and the order's products."""
    items: dict[int, list[OrderItem]] = {}
    for item in OrderItem.objects.filter(order_id__in={c.order_id for c in cases if c.order_id}).order_by("id"):
        items.setdefault(item.order_id, []).append(item)
    for case in cases:
        order = case.order
        if case.amazon_order_id:
            yield SearchText(case.id, ORDER_SOURCE, "Order", case.amazon_order_id, case.opened_at)
        names = [case.buyer_name, *((order.buyer_name, order.buyer_email) if order else ())]
        buyer = " ".join(dict.fromkeys(n for n in names if n))
        if buyer.strip():
            yield SearchText(case.id, "buyer", "Buyer", buyer, case.opened_at)
        if case.subject:
            yield SearchText(case.id, "subject", "Subject", case.subject, case.opened_at)
        products = [" ".join(filter(None, [i.sku, i.asin, i.title])) for i in items.get(case.order_id, [])]
        if products:
            yield SearchText(case.id, "products", "Products", " · ".join(products), case.opened_at)


def search_index(*, case_ids: Sequence[int]) -> int:
    """Rewrite the search rows of these cases from what they hold now. Returns the rows written."""
    cases = list(Case.objects.filter(id__in=case_ids).select_related("account", "order"))
    texts: list[SearchText] = list(_core_texts(cases))
    found = [case.id for case in cases]
    for source in registry.search_sources():
        texts.extend(import_string(source)(case_ids=found))
    by_id = {case.id: case for case in cases}
    rows = [
        SearchDocument(
            account_id=by_id[t.case_id].account_id,
            case_id=t.case_id,
            source=t.source[:24],
            label=t.label[:60],
            config=SEARCH_CONFIG.get(by_id[t.case_id].account.marketplace, "simple"),
            text=t.text.translate(MARKERS)[:TEXT_MAX],
            at=t.at,
        )
        for t in texts
        if t.case_id in by_id and t.text.strip()
    ]
    with transaction.atomic():
        SearchDocument.objects.filter(case_id__in=case_ids).delete()
        SearchDocument.objects.bulk_create(rows, batch_size=1000)
    return len(rows)


def search_pending_index(*, batch_size: int = 200) -> int:
    """Index a batch of marked cases, oldest mark first; any number of workers may run it at once
    (each claims its rows with SKIP LOCKED). Returns the cases indexed."""
    with transaction.atomic():
        ids = list(
            SearchPending.objects.select_for_update(skip_locked=True)
            .order_by("marked_at")
            .values_list("case_id", flat=True)[:batch_size]
        )
        if ids:
            search_index(case_ids=ids)
            SearchPending.objects.filter(case_id__in=ids).delete()
    return len(ids)


def search_reindex_all(*, account_id: int | None = None, batch_size: int = 500) -> int:
    """Rewrite the rows of every case (of one account), a batch at a time. Returns the cases indexed."""
    cases = Case.objects.order_by("id")
    if account_id is not None:
        cases = cases.filter(account_id=account_id)
    indexed = 0
    batch: list[int] = []
    for case_id in cases.values_list("id", flat=True).iterator(chunk_size=batch_size):
        batch.append(case_id)
        if len(batch) == batch_size:
            search_index(case_ids=batch)
            indexed += len(batch)
            batch = []
    if batch:
        search_index(case_ids=batch)
    return indexed + len(batch)
