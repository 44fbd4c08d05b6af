"""Migrations run forward on a database holding data: the SP-API credentials and the order
sync's state move from the review request settings to the account's Amazon connection."""

from datetime import UTC, datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from helpdesk.crypto import secret_decrypt
from helpdesk.models import AmazonConnection
from helpdesk.spapi.credentials import SPAPI_CREDENTIALS, SpApiCredentials, encrypt, spapi_credentials

BEFORE = [("helpdesk", "0007_case_amazon_order_id"), ("solicitation", "0002_order_sync_and_dry_runs")]
SYNCED = datetime(2026, 3, 20, 18, 55, tzinfo=UTC)


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_credentials_and_sync_state_move_to_the_amazon_connection_and_still_decrypt():
    old = _migrate(BEFORE)
    Account = old.get_model("helpdesk", "SellerAccount")
    Settings = old.get_model("solicitation", "SolicitationSettings")
    live = Account.objects.create(name="Acme", slug="acme", merchant_id="A1B2C3D4E5F6G7", marketplace="US")
    dry = Account.objects.create(name="Dry", slug="dry", merchant_id="A7G6F5E4D3C2B1", marketplace="DE")
    Settings.objects.create(
        account=live,
        paused=True,
        window_start_days=7,
        refresh_token_encrypted=encrypt("Atzr|refresh"),
        client_id_encrypted=encrypt("amzn1.application-oa2-client.x"),
        client_secret_encrypted=encrypt("cs"),
        orders_synced_until=SYNCED,
        order_sync_state="auth_failed",
        order_sync_message="403 Unauthorized: Access to requested resource is denied.",
        order_sync_at=SYNCED,
    )
    Settings.objects.create(account=dry, window_end_days=20)

    new = _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())

    moved = AmazonConnection.objects.get(account_id=live.id)
    assert spapi_credentials(moved) == SpApiCredentials("Atzr|refresh", "amzn1.application-oa2-client.x", "cs")
    assert (moved.orders_synced_until, moved.order_sync_at, moved.order_sync_state, moved.order_sync_message) == (
        SYNCED,
        SYNCED,
        "auth_failed",
        "403 Unauthorized: Access to requested resource is denied.",
    )
    assert not AmazonConnection.objects.filter(account_id=dry.id).exists()  # nothing to move
    kept = new.get_model("solicitation", "SolicitationSettings").objects.order_by("account_id")
    assert list(kept.values_list("paused", "window_start_days", "window_end_days")) == [(True, 7, 30), (False, 5, 20)]


@pytest.mark.django_db(transaction=True)
def test_the_move_can_be_undone():
    old = _migrate(BEFORE)
    Account = old.get_model("helpdesk", "SellerAccount")
    live = Account.objects.create(name="Acme", slug="acme", merchant_id="A1B2C3D4E5F6G7", marketplace="US")
    old.get_model("solicitation", "SolicitationSettings").objects.create(
        account=live, refresh_token_encrypted=encrypt("Atzr|refresh"), order_sync_state="ok", order_sync_at=SYNCED
    )
    leaves = MigrationExecutor(connection).loader.graph.leaf_nodes()
    _migrate(leaves)

    back = _migrate(BEFORE).get_model("solicitation", "SolicitationSettings").objects.get(account_id=live.id)
    assert (back.order_sync_state, back.order_sync_at) == ("ok", SYNCED)
    assert secret_decrypt(back.refresh_token_encrypted, purpose=SPAPI_CREDENTIALS) == "Atzr|refresh"
    _migrate(leaves)
