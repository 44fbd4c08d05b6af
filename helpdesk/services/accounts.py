"""Writes on seller accounts, their people and their roles."""

from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from helpdesk.models import Membership, Role, SellerAccount

from .audit import audit
from .deadlines import policies_ensure
from .order_days import order_days_rebuild

User = get_user_model()

ACCOUNT_FIELDS = ("name", "slug", "merchant_id", "marketplace", "timezone")


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
    account = SellerAccount.objects.create(**{f: fields[f] for f in ACCOUNT_FIELDS})
    Membership.objects.create(user=actor, account=account, role=Role.ADMIN)
    policies_ensure(account=account)
    audit(
        verb="account.created",
        summary=f"Seller account {account.name} ({account.slug}) created",
        actor=actor,
        account=account,
        after={f: fields[f] for f in ACCOUNT_FIELDS},
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
    audit(
        verb="account.updated",
        summary=f"Seller account {account.name} changed: {', '.join(changed)}",
        actor=actor,
        account=account,
        before={f: before[f] for f in changed},
        after={f: fields[f] for f in changed},
    )
    return account


@transaction.atomic
def membership_add(
    *,
    account: SellerAccount,
    username: str,
    role: str,
    actor: AbstractBaseUser,
    email: str = "",
    first_name: str = "",
    last_name: str = "",
) -> Membership:
    """Give a user a role on an account, creating the user if needed.

    A new user gets no password; a password-setting email goes out instead.
    """
    user = User.objects.filter(username=username).first()
    created = user is None
    if created:
        if not email:
            raise ValidationError("A new user needs an email address.")
        user = User.objects.create_user(username=username, email=email, first_name=first_name, last_name=last_name)
        audit(verb="user.created", summary=f"User {username} created", actor=actor, account=account)
    if Membership.objects.filter(user=user, account=account).exists():
        raise ValidationError(f"{username} already works on {account.name}.")
    membership = Membership.objects.create(user=user, account=account, role=role)
    audit(
        verb="membership.added",
        summary=f"{username} added to {account.name} as {Role(role).label.lower()}",
        actor=actor,
        account=account,
        after={"user": username, "role": role},
    )
    if created:
        transaction.on_commit(lambda: _send_invitation(user=user, account=account, actor=actor))
    return membership


def _send_invitation(*, user: AbstractBaseUser, account: SellerAccount, actor: AbstractBaseUser) -> None:
    """A new user has no password: send them the link that sets one."""
    link = settings.SITE_URL.rstrip("/") + reverse(
        "password_reset_confirm",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )
    send_mail(
        subject=f"[Sellerdesk] You have been added to {account.name}",
        message=(
            f"Hello {user.get_full_name() or user.username},\n\n"
            f"{actor.get_full_name() or actor.get_username()} added you to {account.name} on Sellerdesk.\n"
            f"Your username is {user.username}. Set your password here:\n\n{link}\n"
        ),
        from_email=None,
        recipient_list=[user.email],
    )


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
