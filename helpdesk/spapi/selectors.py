"""Reads: an account's Amazon connection, and which accounts have one."""

from helpdesk.models import AmazonConnection, SellerAccount

from .credentials import spapi_connected


def amazon_connection_for(account: SellerAccount) -> AmazonConnection:
    """The account's connection; an empty one, unsaved, when nothing was stored or synced yet."""
    return AmazonConnection.objects.select_related("account").filter(account=account).first() or AmazonConnection(
        account=account
    )


def connected_account_ids() -> list[int]:
    """Accounts that reach Amazon (their own credentials or the server's): the ones the order sync reads."""
    accounts = SellerAccount.objects.select_related("amazon_connection").order_by("id")
    return [
        account.id
        for account in accounts
        if spapi_connected(getattr(account, "amazon_connection", None) or AmazonConnection(account=account))
    ]
