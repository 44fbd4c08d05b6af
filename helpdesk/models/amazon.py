"""A seller account's connection to Amazon's Selling Partner API: its credentials and the order sync's state."""

from django.db import models

from .accounts import SellerAccount


class OrderSyncState(models.TextChoices):
    """The result of the latest order sync from Amazon's Orders API."""

    NEVER = "", "Never run"
    OK = "ok", "Synced"
    RETRYING = "retrying", "Amazon unavailable, retrying"
    AUTH_FAILED = "auth_failed", "Authorization failure"
    ERROR = "error", "Error"


ORDER_SYNC_FAILURES = frozenset({OrderSyncState.AUTH_FAILED, OrderSyncState.ERROR})


class AmazonConnection(models.Model):
    """How one seller account reaches the SP-API. A missing row means nothing stored and never synced.

    The credentials are stored Fernet-encrypted (see `helpdesk.spapi.credentials`) and are
    never shown back; an empty field falls back to the SPAPI_* setting of the same name.

    The order sync reads orders updated after `orders_synced_until` from Amazon's
    Orders API; that cursor only moves once every order updated before it was read.
    """

    account = models.OneToOneField(SellerAccount, on_delete=models.CASCADE, related_name="amazon_connection")
    refresh_token_encrypted = models.TextField(blank=True)
    client_id_encrypted = models.TextField(blank=True)
    client_secret_encrypted = models.TextField(blank=True)
    orders_synced_until = models.DateTimeField(
        null=True, blank=True, help_text="Every order Amazon updated before this time has been read."
    )
    order_sync_state = models.CharField(max_length=12, choices=OrderSyncState.choices, blank=True)
    order_sync_message = models.CharField(max_length=1000, blank=True)
    order_sync_at = models.DateTimeField("last order sync", null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"Amazon connection · {self.account}"
