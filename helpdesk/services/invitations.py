"""Joining an account: an admin invites an email address with a role; the invitee accepts.

Nobody is looked up across accounts: the admin names an address, never a user, and the answer is
the same whether that address has a login elsewhere or not. The link's token works once, until it
expires; only its hash is stored. The invitee accepts while logged in as a user with that address,
or creates their login (the address is its username) from the link.
"""

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from helpdesk.models import Invitation, Membership, Role, SellerAccount

from .audit import audit

User = get_user_model()

INVITATION_VALID = timedelta(days=7)


class InvitationInvalid(Exception):
    """The link was used, revoked, expired, or never issued."""


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _same_email(user: AbstractBaseUser, email: str) -> bool:
    return bool(user.email) and user.email.strip().lower() == email


@transaction.atomic
def invitation_send(*, account: SellerAccount, email: str, role: str, actor: AbstractBaseUser) -> Invitation:
    """Invite `email` to `account` as `role`, replacing an earlier pending invitation of that address.

    Refuses (ValidationError) only what the admin's own account tells: the address already works here."""
    email = email.strip().lower()
    if Membership.objects.filter(account=account, user__email__iexact=email).exists():
        raise ValidationError(f"{email} already works on {account.name}.")
    now = timezone.now()
    Invitation.objects.filter(account=account, email=email, accepted_at=None, revoked_at=None).update(revoked_at=now)
    token = secrets.token_urlsafe(32)
    invitation = Invitation.objects.create(
        account=account,
        email=email,
        role=role,
        token_hash=_hash(token),
        invited_by=actor,
        expires_at=now + INVITATION_VALID,
    )
    audit(
        verb="invitation.sent",
        summary=f"{email} invited to {account.name} as {Role(role).label.lower()}",
        actor=actor,
        account=account,
        after={"email": email, "role": role},
    )
    transaction.on_commit(lambda: _mail(invitation=invitation, token=token))
    return invitation


def _mail(*, invitation: Invitation, token: str) -> None:
    inviter = invitation.invited_by
    who = (inviter.get_full_name() or inviter.get_username()) if inviter else "An admin"
    link = settings.SITE_URL.rstrip("/") + reverse("helpdesk:invitation", args=[token])
    send_mail(
        subject=f"[Sellerdesk] You are invited to {invitation.account.name}",
        message=(
            f"Hello,\n\n{who} invites you to work on {invitation.account.name} on Sellerdesk as "
            f"{Role(invitation.role).label.lower()}.\n\nAccept here (the link works once, for "
            f"{INVITATION_VALID.days} days):\n\n{link}\n\nIf you did not expect this, ignore this email.\n"
        ),
        from_email=None,
        recipient_list=[invitation.email],
    )


def invitation_get(*, token: str) -> Invitation:
    """The pending, unexpired invitation the token was issued for, or InvitationInvalid."""
    invitation = (
        Invitation.objects.select_related("account", "invited_by")
        .filter(token_hash=_hash(token), accepted_at=None, revoked_at=None, expires_at__gt=timezone.now())
        .first()
    )
    if invitation is None:
        raise InvitationInvalid("This invitation link is not valid: it was used, revoked, or it expired.")
    return invitation


@transaction.atomic
def invitation_accept(*, token: str, user: AbstractBaseUser) -> Membership:
    """`user` takes the invitation: they must have the address it was sent to."""
    found = invitation_get(token=token)
    invitation = Invitation.objects.select_for_update().select_related("account").get(pk=found.pk)
    if invitation.accepted_at or invitation.revoked_at:
        raise InvitationInvalid("This invitation link is not valid: it was used, revoked, or it expired.")
    if not _same_email(user, invitation.email):
        raise ValidationError(f"This invitation is for {invitation.email}: log in with that address.")
    membership, created = Membership.objects.get_or_create(
        user=user, account=invitation.account, defaults={"role": invitation.role}
    )
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    audit(
        verb="invitation.accepted",
        summary=f"{user.get_username()} joined {invitation.account.name} as {Role(membership.role).label.lower()}"
        + ("" if created else " (already a member)"),
        actor=user,
        account=invitation.account,
        after={"user": user.get_username(), "role": membership.role},
    )
    return membership


@transaction.atomic
def invitation_sign_up(
    *, token: str, password: str, first_name: str = "", last_name: str = ""
) -> tuple[AbstractBaseUser, Membership]:
    """Create the invitee's login (username: the invited address) and accept the invitation with it."""
    invitation = invitation_get(token=token)
    if User.objects.filter(email__iexact=invitation.email).exists():
        raise ValidationError("You already have a login: log in to accept.")
    try:
        with transaction.atomic():
            user = User.objects.create_user(
                username=invitation.email,
                email=invitation.email,
                password=password,
                first_name=first_name,
                last_name=last_name,
            )
    except IntegrityError:
        raise ValidationError("You already have a login: log in to accept.") from None
    audit(verb="user.created", summary=f"User {user.username} signed up from an invitation", account=invitation.account)
    return user, invitation_accept(token=token, user=user)


@transaction.atomic
def invitation_revoke(*, invitation: Invitation, actor: AbstractBaseUser) -> Invitation:
    invitation = Invitation.objects.select_for_update().select_related("account").get(pk=invitation.pk)
    if invitation.accepted_at or invitation.revoked_at:
        return invitation
    invitation.revoked_at = timezone.now()
    invitation.save(update_fields=["revoked_at"])
    audit(
        verb="invitation.revoked",
        summary=f"Invitation of {invitation.email} to {invitation.account.name} revoked",
        actor=actor,
        account=invitation.account,
    )
    return invitation
