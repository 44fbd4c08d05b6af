"""One cap on every message the seller sends a buyer about an order that the buyer did not ask for
(a conversation the seller starts, feedback outreach, proactive notices, review requests): at most
`max_per_order` per order, at least `min_hours_between` hours apart, per account (`ContactCap`).
Replies to the buyer are never capped.

Each sender asks `contact_cap_refusal` before it sends and records the send with `contact_record`
in the same transaction, under `contact_cap_lock`, so two senders cannot both take the last place.
"""

import hashlib
from datetime import datetime, timedelta

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils import timezone

from helpdesk.models import SellerAccount
from helpdesk.services.audit import audit

from .models import ContactCap, Reply, UnsolicitedContact

CAP_LOCK_CLASS = 0x5D_CA9  # advisory lock class of (account, order) contact caps


def contact_cap_for(account: SellerAccount) -> ContactCap:
    """The account's cap; the defaults when no admin has set it (not saved)."""
    return ContactCap.objects.filter(account=account).first() or ContactCap(account=account)


def contact_cap_lock(*, account: SellerAccount, amazon_order_id: str) -> None:
    """Hold, until commit, the order's cap: one sender at a time. SQLite (the embedded run) writes one
    transaction at a time anyway."""
    if connection.vendor != "postgresql":
        return
    key = int.from_bytes(hashlib.blake2b(f"{account.pk}:{amazon_order_id}".encode(), digest_size=4).digest(), "big")
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(%s, %s)", [CAP_LOCK_CLASS, key - 2**31])


def contacts_on(*, account: SellerAccount, amazon_order_id: str) -> list[datetime]:
    """When the buyer was sent a message they did not ask for about this order, oldest first."""
    return list(
        UnsolicitedContact.objects.filter(account=account, amazon_order_id=amazon_order_id)
        .order_by("at")
        .values_list("at", flat=True)
    )


def contacts_by_order(*, account: SellerAccount, amazon_order_ids: list[str]) -> dict[str, list[datetime]]:
    """`contacts_on` for many orders, in one query."""
    found: dict[str, list[datetime]] = {}
    for order_id, at in (
        UnsolicitedContact.objects.filter(account=account, amazon_order_id__in=amazon_order_ids)
        .order_by("at")
        .values_list("amazon_order_id", "at")
    ):
        found.setdefault(order_id, []).append(at)
    return found


def cap_reason(*, cap: ContactCap, sent: list[datetime], amazon_order_id: str, now: datetime) -> str | None:
    """Why one more unasked-for message, after those `sent` (oldest first), would break `cap`, or None."""
    account = cap.account
    if len(sent) >= cap.max_per_order:
        return (
            f"The buyer has already been sent {len(sent)} message{'s' if len(sent) != 1 else ''} they did not ask "
            f"for about order {amazon_order_id}, the most {account.name} allows ({cap.max_per_order}). "
            "Wait for the buyer to write, or ask an admin to change the cap."
        )
    if sent and now < sent[-1] + timedelta(hours=cap.min_hours_between):
        next_at = timezone.localtime(sent[-1] + timedelta(hours=cap.min_hours_between), account.tzinfo)
        return (
            f"The buyer was last sent a message they did not ask for about order {amazon_order_id} on "
            f"{timezone.localtime(sent[-1], account.tzinfo):%d %b %H:%M}; {account.name} spaces them at least "
            f"{cap.min_hours_between} hours apart, so the next may go from {next_at:%d %b %H:%M}."
        )
    return None


def contact_cap_refusal(*, account: SellerAccount, amazon_order_id: str, now: datetime | None = None) -> str | None:
    """Why one more unasked-for message on the order would break the account's cap, or None."""
    if not amazon_order_id:
        return None
    return cap_reason(
        cap=contact_cap_for(account),
        sent=contacts_on(account=account, amazon_order_id=amazon_order_id),
        amazon_order_id=amazon_order_id,
        now=now or timezone.now(),
    )


def contact_record(
    *, account: SellerAccount, amazon_order_id: str, kind: str, at: datetime | None = None, reply: Reply | None = None
) -> UnsolicitedContact:
    """Count one unasked-for message on the order. Call in the transaction that sends it."""
    return UnsolicitedContact.objects.create(
        account=account, amazon_order_id=amazon_order_id, kind=kind, at=at or timezone.now(), reply=reply
    )


@transaction.atomic
def contact_cap_update(
    *, account: SellerAccount, max_per_order: int, min_hours_between: int, actor: AbstractBaseUser
) -> ContactCap:
    if max_per_order < 1:
        raise ValidationError({"max_per_order": "Allow at least one message per order."})
    if min_hours_between < 0:
        raise ValidationError({"min_hours_between": "The spacing cannot be negative."})
    cap = ContactCap.objects.select_for_update().filter(account=account).first() or ContactCap(account=account)
    before = {"max_per_order": cap.max_per_order, "min_hours_between": cap.min_hours_between} if cap.pk else None
    cap.max_per_order, cap.min_hours_between = max_per_order, min_hours_between
    cap.save()
    audit(
        verb="outbound.contact_cap",
        summary=(
            f"Messages the buyer did not ask for: at most {max_per_order} per order, {min_hours_between} hours apart"
        ),
        actor=actor,
        account=account,
        before=before,
        after={"max_per_order": max_per_order, "min_hours_between": min_hours_between},
    )
    return cap
