"""Writes on seller accounts, their people and their roles."""

from typing import Any

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction

from helpdesk.models import Membership, Role, SellerAccount, UserPreference

from .audit import audit
from .clock_days import clock_days_rebuild
from .deadlines import policies_ensure
from .order_days import order_days_rebuild

ACCOUNT_FIELDS = ("name", "slug", "merchant_id", "marketplace", "timezone", "retention_days")


def _check_slug(slug: str) -> None:
    """The slug SPAPI_ACCOUNT names gets the server's SP-API refresh token: no admin may give it to an
    account in the product (an account created, or renamed, to take another seller's Amazon connection)."""
    if settings.SPAPI_ACCOUNT and slug == settings.SPAPI_ACCOUNT:
        raise ValidationError(
            {"slug": f"“{slug}” is reserved for the server's Amazon connection: the operator creates that account."}
        )


@transaction.atomic
def account_create(*, actor: AbstractBaseUser, **fields: Any) -> SellerAccount:
    """Create a seller account with Amazon's default policies; its creator becomes its admin."""
    _check_slug(fields["slug"])
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
    if "slug" in changed:
        _check_slug(fields["slug"])
    for field in changed:
        setattr(account, field, fields[field])
    account.save(update_fields=changed)
    if "timezone" in changed:
        order_days_rebuild(account=account)  # a purchase belongs to the day of the new timezone
        clock_days_rebuild(account=account)  # and a clock to the day it started there
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


@transaction.atomic
def preference_time_zone_set(*, user: AbstractBaseUser, time_zone: str) -> UserPreference:
    """A person's own choices: the zone every time reads in for them ("" for each account's own)."""
    preference, _ = UserPreference.objects.select_for_update().get_or_create(user=user)
    before = preference.time_zone
    if before == time_zone:
        return preference
    preference.time_zone = time_zone
    preference.save(update_fields=["time_zone", "updated_at"])
    audit(
        verb="preference.time_zone",
        summary=f"Times now read in {time_zone or 'each account’s own zone'}",
        actor=user,
        before={"time_zone": before},
        after={"time_zone": time_zone},
    )
    return preference
