"""Writes on seller accounts, their people and their roles."""

from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction

from helpdesk.models import Membership, Role, SellerAccount

from .audit import audit
from .deadlines import policies_ensure
from .order_days import order_days_rebuild

ACCOUNT_FIELDS = ("name", "slug", "merchant_id", "marketplace", "timezone", "retention_days")


@transaction.atomic
def account_create(*, actor: AbstractBaseUser, **fields: Any) -> SellerAccount:
    """Create a seller account with Amazon's default policies; its creator becomes its admin."""
    account = SellerAccount.objects.create(**{f: fields[f] for f in ACCOUNT_FIELDS if f in fields})
    Membership.objects.create(user=actor, account=account, role=Role.ADMIN)
    policies_ensure(account=account)
    audit(
        verb="account.created",
        summary=f"Seller account {account.name} ({account.slug}) created",
        actor=actor,
        account=account,
        after={f: getattr(account, f) for f in ACCOUNT_FIELDS},
    )
    return account


@transaction.atomic
def account_update(*, account: SellerAccount, actor: AbstractBaseUser, **fields: Any) -> SellerAccount:
    before = {f: getattr(account, f) for f in ACCOUNT_FIELDS}
    changed = [f for f in ACCOUNT_FIELDS if f in fields and fields[f] != before[f]]
    if not changed:
        return account
    for field in changed:
        setattr(account, field, fields[field])
    account.save(update_fields=changed)
    if "timezone" in changed:
        order_days_rebuild(account=account)  # a purchase belongs to the day of the new timezone
    audit(
        verb="account.updated",
        summary=f"Seller account {account.name} changed: {', '.join(changed)}",
        actor=actor,
        account=account,
        before={f: before[f] for f in changed},
        after={f: fields[f] for f in changed},
    )
    return account


def _admins_left(account: SellerAccount, without: Membership) -> bool:
    return account.memberships.filter(role=Role.ADMIN).exclude(pk=without.pk).exists()


@transaction.atomic
def membership_set_role(*, membership: Membership, role: str, actor: AbstractBaseUser) -> Membership:
    membership = Membership.objects.select_for_update().select_related("user", "account").get(pk=membership.pk)
    if membership.role == role:
        return membership
    if membership.role == Role.ADMIN and not _admins_left(membership.account, membership):
        raise ValidationError("Every account keeps at least one admin.")
    before = membership.role
    membership.role = role
    membership.save(update_fields=["role"])
    audit(
        verb="membership.role",
        summary=f"{membership.user.username} is now {Role(role).label.lower()} on {membership.account.name}",
        actor=actor,
        account=membership.account,
        before={"role": before},
        after={"role": role},
    )
    return membership


@transaction.atomic
def membership_remove(*, membership: Membership, actor: AbstractBaseUser) -> None:
    membership = Membership.objects.select_for_update().select_related("user", "account").get(pk=membership.pk)
    if membership.role == Role.ADMIN and not _admins_left(membership.account, membership):
        raise ValidationError("Every account keeps at least one admin.")
    membership.account.cases.filter(assignee=membership.user).update(assignee=None)
    audit(
        verb="membership.removed",
        summary=f"{membership.user.username} removed from {membership.account.name}; their cases unassigned",
        actor=actor,
        account=membership.account,
        before={"user": membership.user.username, "role": membership.role},
    )
    membership.delete()
