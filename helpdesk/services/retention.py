"""Buyers' personal data is kept no longer than the account's retention period after delivery, as
Amazon's data protection policy asks (30 days at most; `SellerAccount.retention_days`).

Delivery is the order's delivery date; while Amazon has not given one, its latest delivery
estimate; without either, the order date plus `DELIVERY_MARGIN`. The core purges, per account:

- an order's buyer fields (name, email) once its delivery is past the retention period, and the
  buyer's name from the cases about it (their buyer field, and their subject, where the name
  becomes "buyer");
- the shipping record of an order (ship date, carrier, tracking number, address) once
  `helpdesk.retention` lets it go: 6 calendar months after the order date and no case on the
  order still active (A-to-z claims and chargebacks need it as evidence until then, whatever the
  retention period says);
- a report file's bytes (the job keeps its counts) once the retention period has passed since upload.

The order itself, its items and totals stay: they hold no one's personal data. Every app that
stores buyer data registers its own purge (`Contribution.purge`: messaging its mail, attachments
and buyers' messages; the outbox its replies' relay addresses; feedback its raters' addresses;
returns its buyers' names, addresses and words; claims the addresses and signatures of its
notices, under the shipping record's rule), and `personal_data_purge` runs them after the core's.
A purge runs in bounded batches, one transaction each, is idempotent (each row is marked when
purged, and a writer never fills a purged field in again), and writes one audit row per account
and run with every part's counts, also when a part fails half way. Every case whose text changed
is marked for the search index, which rewrites its rows without the purged words.
"""

import re
from collections.abc import Iterable
from datetime import datetime, timedelta

from django.db import transaction
from django.db.models import F, QuerySet
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.module_loading import import_string

from helpdesk.importing import bulk_update_by_pk
from helpdesk.models import Case, ImportJob, Order, SellerAccount
from helpdesk.registry import registry
from helpdesk.retention import orders_shipping_purgeable

from .audit import audit
from .search import search_pending_mark

DELIVERY_MARGIN = timedelta(days=30)  # no delivery date or estimate: counted as delivered 30 days after the order
PURGE_BATCH = 1000
NAME_PLACEHOLDER = "buyer"  # what a purged name becomes in a subject
NAME_PART_MIN = 3  # a name's words this long or longer are purged on their own too ("Cathy" of "Cathy Jones")

BUYER_FIELDS = ("buyer_name", "buyer_email")
SHIPPING_FIELDS = (
    "ship_date",
    "carrier",
    "tracking_number",
    "ship_city",
    "ship_state",
    "ship_postal_code",
    "ship_country",
)


def retention_cutoff(*, account: SellerAccount, now: datetime) -> datetime:
    """Personal data of buyers whose delivery came before this is past the account's retention period."""
    return now - timedelta(days=account.retention_days)


def orders_past_retention(*, account: SellerAccount, now: datetime) -> QuerySet[Order]:
    """The account's orders delivered (by the rule above) before the retention cutoff."""
    cutoff = retention_cutoff(account=account, now=now)
    delivered = Coalesce("delivered_at", "estimated_delivery_date", F("purchase_date") + DELIVERY_MARGIN)
    # Delivery never comes before the order: the purchase date narrows the search on the index.
    return (
        Order.objects.filter(account=account, purchase_date__lt=cutoff)
        .alias(delivered=delivered)
        .filter(delivered__lt=cutoff)
    )


def purged_fields(order: Order) -> frozenset[str]:
    """The fields of `order` the purge cleared: a writer (a report imported again) leaves them empty."""
    return frozenset(
        (BUYER_FIELDS if order.buyer_purged_at else ()) + (SHIPPING_FIELDS if order.shipping_purged_at else ())
    )


def without_names(text: str, names: Iterable[str]) -> str:
    """`text` with each of `names`, and each of their words of `NAME_PART_MIN` letters or more, replaced
    by `NAME_PLACEHOLDER` wherever it stands as whole words, in any case."""
    parts = set()
    for name in names:
        if name := " ".join(name.split()):
            parts.add(name)
            parts.update(word for word in name.split() if len(word) >= NAME_PART_MIN)
    if not parts or not text:
        return text
    # Longest first, so a full name goes before its first name would leave the surname.
    words = "|".join(re.escape(part) for part in sorted(parts, key=lambda part: (-len(part), part)))
    return re.sub(rf"(?<!\w)(?:{words})(?!\w)", NAME_PLACEHOLDER, text, flags=re.IGNORECASE)


def purge_in_batches(queryset: QuerySet, write) -> int:
    """Apply `write(ids)` to the rows of `queryset` (which must stop matching a row once written), a
    bounded batch per transaction: every purge's loop. Returns how many rows were written."""
    done = 0
    while True:
        with transaction.atomic():
            ids = list(queryset.order_by("pk").values_list("pk", flat=True)[:PURGE_BATCH])
            if not ids:
                return done
            write(ids)
            done += len(ids)


def personal_data_purge(*, account: SellerAccount, now: datetime | None = None) -> dict[str, int]:
    """Purge the account's buyer data past its retention period: the core's, then every registered
    app's (see the module). Returns the counts, which the audit row also holds (an app's prefixed with
    its label)."""
    now = now or timezone.now()
    counts: dict[str, int] = {}
    finished = False
    try:
        counts.update(_core_purge(account=account, now=now))
        for label, purge in registry.purgers():
            found = import_string(purge)(account=account, now=now)
            counts.update({f"{label}.{what}": count for what, count in found.items()})
        finished = True
    finally:
        with transaction.atomic():
            audit(
                verb="retention.purged",
                summary=f"Buyer data past {account.retention_days} days after delivery purged"
                + ("" if finished else " (stopped by an error, to be continued by the next run)")
                + ": "
                + ", ".join(f"{what.replace('_', ' ').replace('.', ' ')} {count}" for what, count in counts.items()),
                account=account,
                after=counts,
            )
    return counts


def _core_purge(*, account: SellerAccount, now: datetime) -> dict[str, int]:
    cases = 0

    def buyers(ids: list[int]) -> None:
        nonlocal cases
        names = dict(Order.objects.filter(pk__in=ids).values_list("pk", "buyer_name"))
        Order.objects.filter(pk__in=ids).update(buyer_name="", buyer_email="", buyer_purged_at=now)
        named = list(Case.objects.filter(order_id__in=ids).only("id", "order_id", "buyer_name", "subject"))
        renamed = []
        for case in named:
            subject = without_names(case.subject, [case.buyer_name, names[case.order_id]])
            if subject != case.subject:
                case.subject = subject
                renamed.append(case)
        bulk_update_by_pk(renamed, ["subject"])
        cases += Case.objects.filter(order_id__in=ids).exclude(buyer_name="").update(buyer_name="")
        # The search rows hold copies of the name and address: rewritten without them.
        search_pending_mark(case_ids=[case.id for case in named])

    counts = {
        "orders_buyer": purge_in_batches(
            orders_past_retention(account=account, now=now).filter(buyer_purged_at=None), buyers
        ),
        "orders_shipping": purge_in_batches(
            orders_shipping_purgeable(Order.objects.filter(account=account, shipping_purged_at=None), now=now),
            lambda ids: Order.objects.filter(pk__in=ids).update(
                **{field: None if field == "ship_date" else "" for field in SHIPPING_FIELDS}, shipping_purged_at=now
            ),
        ),
    }
    counts["cases"] = cases
    counts["import_files"] = purge_in_batches(
        ImportJob.objects.filter(
            account=account, purged_at=None, created_at__lt=retention_cutoff(account=account, now=now)
        ),
        lambda ids: _import_files_delete(ids, now),
    )
    return counts


def _import_files_delete(ids: list[int], now: datetime) -> None:
    for job in ImportJob.objects.filter(pk__in=ids):
        if job.file:
            job.file.delete(save=False)
        job.purged_at, job.errors = now, []
        job.save(update_fields=["file", "purged_at", "errors"])
