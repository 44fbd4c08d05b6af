"""Writes: an account's SP-API credentials, and an admin's request for an order sync now."""

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from helpdesk.models import AmazonConnection, SellerAccount
from helpdesk.services.audit import audit

from .credentials import FIELDS, encrypt


def amazon_connection_locked(account: SellerAccount) -> AmazonConnection:
    """The account's connection row, created if needed, locked until the transaction ends."""
    AmazonConnection.objects.get_or_create(account=account)
    return AmazonConnection.objects.select_for_update().get(account=account)


@transaction.atomic
def spapi_credentials_update(
    *,
    account: SellerAccount,
    actor: AbstractBaseUser,
    refresh_token: str = "",
    client_id: str = "",
    client_secret: str = "",
    clear: bool = False,
) -> list[str]:
    """Store the given credentials encrypted (a blank value keeps the stored one), or
    clear all three. Returns the names changed; the audit row names them, never their values."""
    connection = amazon_connection_locked(account)
    values = {"refresh_token": refresh_token, "client_id": client_id, "client_secret": client_secret}
    changed = []
    for name, (field, _setting) in FIELDS.items():
        new = "" if clear else values[name].strip()
        if (clear and getattr(connection, field)) or (not clear and new):
            setattr(connection, field, encrypt(new))
            changed.append(name)
    if changed:
        connection.save(update_fields=[FIELDS[name][0] for name in changed] + ["updated_at"])
        action = "removed" if clear else "set"
        audit(
            verb="solicitation.credentials_changed",
            summary=f"SP-API credentials {action} for {account.name}: {', '.join(changed)}",
            actor=actor,
            account=account,
        )
    return changed


def order_sync_request(*, account: SellerAccount, actor: AbstractBaseUser) -> None:
    """Note that an admin asked for a sync now; the caller queues `helpdesk.tasks.sync_account_orders`."""
    audit(
        verb="solicitation.order_sync_requested",
        summary="Order sync from Amazon requested",
        actor=actor,
        account=account,
    )
