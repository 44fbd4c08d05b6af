"""The order sync: Amazon's Orders API (getOrders v0) through python-amazon-sp-api, against a local
server answering as Amazon, into our orders."""

import re
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from urllib.parse import parse_qs

import pytest
import time_machine
from django.core.management import CommandError, call_command
from django.urls import reverse

from helpdesk.models import Activity, AmazonConnection, Order, OrderDay, OrderSyncState
from helpdesk.services.order_days import order_days_rebuild
from helpdesk.spapi.client import TransientSpApiError
from helpdesk.spapi.selectors import connected_account_ids
from helpdesk.spapi.services import spapi_credentials_update
from helpdesk.spapi.sync import ORDER_SYNC_BACKFILL, order_sync
from helpdesk.tasks import SYNC_MAX_RETRIES, sync_account_orders, sync_orders
from tests.factories import AccountFactory, OrderFactory
from tests.spapi import GET_ORDERS, amazon_order, iso
from tests.spapi_server import ACCESS_DENIED, Answer, errors

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 3, 20, 19, 0, tzinfo=UTC)  # 15:00 in New York, the account's timezone
UNTIL = NOW - timedelta(minutes=5)  # the sync reads up to five minutes ago
US = "ATVPDKIKX0DER"
SHIPPED_ID = GET_ORDERS["shipped"]["AmazonOrderId"]
CANCELED_ID = GET_ORDERS["canceled"]["AmazonOrderId"]
UNSHIPPED_ID = GET_ORDERS["unshipped_business"]["AmazonOrderId"]
UNAVAILABLE = Answer(503, errors("ServiceUnavailable", "Service temporarily unavailable."))


@pytest.fixture(autouse=True)
def frozen_clock():
    with time_machine.travel(NOW, tick=False):
        yield


def synced_until(account, moment: datetime | None) -> None:
    AmazonConnection.objects.filter(account=account).update(orders_synced_until=moment)


def sync_settings(account) -> AmazonConnection:
    return AmazonConnection.objects.get(account=account)


# --- reading pages into our orders ---------------------------------------------


def test_two_pages_update_our_orders_create_the_missing_one_and_move_the_cursor(live_account, amazon):
    since = NOW - timedelta(hours=1)
    synced_until(live_account, since)
    ours = OrderFactory(
        account=live_account,
        amazon_order_id=SHIPPED_ID,
        status="Unshipped",
        fulfillment_channel="",
        marketplace_id="",
        buyer_email="",
        purchase_date=None,
    )
    cancelled = OrderFactory(
        account=live_account, amazon_order_id=CANCELED_ID, status="Pending", buyer_email="kept@marketplace.amazon.com"
    )
    amazon.orders = [
        amazon_order(
            "shipped",
            LastUpdateDate=iso(NOW - timedelta(minutes=50)),
            PurchaseDate=iso(NOW - timedelta(days=6)),
            LatestDeliveryDate=iso(NOW - timedelta(days=1)),
        ),
        amazon_order("canceled", LastUpdateDate=iso(NOW - timedelta(minutes=40))),
        amazon_order("unshipped_business", LastUpdateDate=iso(NOW - timedelta(minutes=30))),
        # Updated before the cursor: already read, not asked for again.
        amazon_order("shipped", AmazonOrderId="111-0000000-0000001", LastUpdateDate=iso(NOW - timedelta(hours=2))),
    ]
    amazon.orders_page_size = 2

    result = order_sync(account=live_account)

    assert (result.state, result.message) == (
        OrderSyncState.OK,
        "Orders updated: 2, created: 1, unchanged: 0 (2 pages read)",
    )
    first, second = amazon.order_calls()
    assert first.query == {
        "MarketplaceIds": [US],
        "LastUpdatedAfter": [iso(since)],
        "LastUpdatedBefore": [iso(UNTIL)],
    }
    assert second.query["NextToken"] and second.query["MarketplaceIds"] == [US]

    ours.refresh_from_db()
    assert (ours.status, ours.fulfillment_channel, ours.marketplace_id) == ("Shipped", "MFN", US)
    assert ours.purchase_date == NOW - timedelta(days=6)
    assert ours.last_updated == NOW - timedelta(minutes=50)
    assert ours.estimated_delivery_date == NOW - timedelta(days=1)
    assert ours.buyer_email == "nxfzwxbkqbx3wv2@marketplace.amazon.com"
    assert ours.delivered_at is None  # the Orders API knows no delivery time

    cancelled.refresh_from_db()
    assert cancelled.status == "Cancelled"  # getOrders says "Canceled"; our reports say "Cancelled"
    assert cancelled.buyer_email == "kept@marketplace.amazon.com"  # Amazon sent no e-mail this time

    created = Order.objects.get(account=live_account, amazon_order_id=UNSHIPPED_ID)
    assert (created.status, created.merchant_order_id, created.sales_channel) == ("Unshipped", "SO-1001", "Amazon.com")
    assert (created.currency, created.order_total, created.is_business_order) == ("USD", Decimal("149.99"), True)
    assert created.purchase_date == datetime.fromisoformat("2025-10-15T14:22:33Z")
    assert not created.items.exists()
    assert not Order.objects.filter(amazon_order_id="111-0000000-0000001").exists()

    # The per-day order counts followed the created order and the purchase dates Amazon gave or moved.
    def per_day():
        return dict(OrderDay.objects.filter(account=live_account, orders__gt=0).values_list("day", "orders"))

    counted = per_day()
    order_days_rebuild(account=live_account)
    assert counted == per_day() and sum(counted.values()) == 3

    rules = sync_settings(live_account)
    assert (rules.orders_synced_until, rules.order_sync_state, rules.order_sync_at) == (UNTIL, OrderSyncState.OK, NOW)

    # At once again: the cursor is as far as it may go, nothing is asked.
    assert order_sync(account=live_account).message == "Orders updated: 0, created: 0, unchanged: 0 (0 pages read)"
    assert len(amazon.order_calls()) == 2


def test_an_older_state_from_amazon_does_not_overwrite_a_newer_one_but_fills_blanks(live_account, amazon):
    synced_until(live_account, NOW - timedelta(hours=1))
    ours = OrderFactory(
        account=live_account,
        amazon_order_id=SHIPPED_ID,
        status="Shipped",
        last_updated=NOW - timedelta(minutes=10),
        estimated_delivery_date=None,
    )
    amazon.orders = [
        amazon_order(
            "shipped",
            OrderStatus="Unshipped",
            LastUpdateDate=iso(NOW - timedelta(minutes=50)),
            LatestDeliveryDate=iso(NOW + timedelta(days=3)),
        )
    ]
    result = order_sync(account=live_account)
    assert result.message == (
        "Orders updated: 1, created: 0, unchanged: 0 (1 page read); "
        "1 held a newer update: only their blanks were filled"
    )
    ours.refresh_from_db()
    assert (ours.status, ours.last_updated) == ("Shipped", NOW - timedelta(minutes=10))
    assert ours.estimated_delivery_date == NOW + timedelta(days=3)


def test_an_order_we_hold_keeps_what_the_order_report_owns_and_what_amazon_left_out(live_account, amazon):
    synced_until(live_account, NOW - timedelta(hours=1))
    ours = OrderFactory(
        account=live_account,
        amazon_order_id=SHIPPED_ID,
        status="Unshipped",
        merchant_order_id="MY-1",
        ship_city="PORTLAND",
        currency="USD",
        order_total=Decimal("12.50"),
        is_business_order=True,
        fulfillment_channel="AFN",
    )
    amazon.orders = [
        amazon_order(
            "shipped",
            LastUpdateDate=iso(NOW - timedelta(minutes=30)),
            SellerOrderId="SO-9",
            OrderTotal={"CurrencyCode": "USD", "Amount": "99.00"},
            FulfillmentChannel=None,
            BuyerInfo={},
        )
    ]
    assert order_sync(account=live_account).message == "Orders updated: 1, created: 0, unchanged: 0 (1 page read)"
    ours.refresh_from_db()
    assert ours.status == "Shipped"
    assert (ours.merchant_order_id, ours.ship_city, ours.order_total, ours.is_business_order) == (
        "MY-1",
        "PORTLAND",
        Decimal("12.50"),
        True,
    )
    assert ours.fulfillment_channel == "AFN" and ours.buyer_email.endswith("@marketplace.amazon.com")


def test_a_first_sync_reads_45_days_back_a_day_at_a_time(live_account, amazon):
    assert sync_settings(live_account).orders_synced_until is None
    amazon.orders = [
        amazon_order("shipped", AmazonOrderId="111-0000000-0000044", LastUpdateDate=iso(NOW - timedelta(days=44))),
        amazon_order("shipped", AmazonOrderId="111-0000000-0000046", LastUpdateDate=iso(NOW - timedelta(days=46))),
        amazon_order("shipped", AmazonOrderId="111-0000000-0000000", LastUpdateDate=iso(NOW - timedelta(hours=1))),
    ]
    assert order_sync(account=live_account).state == OrderSyncState.OK
    calls = amazon.order_calls()
    assert ORDER_SYNC_BACKFILL == timedelta(days=45) and len(calls) == 45
    assert calls[0].query["LastUpdatedAfter"] == [iso(NOW - timedelta(days=45))]
    assert calls[0].query["LastUpdatedBefore"] == [iso(NOW - timedelta(days=44))]
    assert calls[-1].query["LastUpdatedBefore"] == [iso(UNTIL)]
    created = set(Order.objects.filter(account=live_account).values_list("amazon_order_id", flat=True))
    assert created == {"111-0000000-0000044", "111-0000000-0000000"}
    assert sync_settings(live_account).orders_synced_until == UNTIL


# --- failures -----------------------------------------------------------------


def test_a_403_is_an_authorization_failure_shown_to_admins_and_the_cursor_stays(
    live_account, amazon, celery_eager, client, admin_user
):
    since = NOW - timedelta(hours=3)
    synced_until(live_account, since)
    amazon.orders = [amazon_order("shipped", LastUpdateDate=iso(NOW - timedelta(hours=1)))]
    amazon.answer_orders(Answer(403, ACCESS_DENIED), Answer(403, ACCESS_DENIED))

    sync_account_orders.delay(live_account.id).get()

    rules = sync_settings(live_account)
    assert (rules.order_sync_state, rules.order_sync_message, rules.orders_synced_until) == (
        OrderSyncState.AUTH_FAILED,
        "403 Unauthorized: Access to requested resource is denied.",
        since,
    )
    assert len(amazon.order_calls()) == 1  # not retried
    assert not Order.objects.exists()
    audit = Activity.objects.get(verb="solicitation.order_sync_auth_failed")
    assert audit.account == live_account and "Access to requested resource is denied." in audit.summary

    client.force_login(admin_user)
    page = client.get(reverse("helpdesk:amazon", args=[live_account.id])).content.decode()
    assert '<strong class="error">Authorization failure</strong>' in page
    assert re.search(
        r"on <time [^>]*>Fri 20 Mar 2026, 15:00 \w+</time>: 403 Unauthorized: Access to requested resource is denied\.",
        page,
    )

    # Failing the same way again adds no audit row; the recovery does.
    sync_account_orders.delay(live_account.id).get()
    assert Activity.objects.filter(verb="solicitation.order_sync_auth_failed").count() == 1
    sync_account_orders.delay(live_account.id).get()
    assert sync_settings(live_account).order_sync_state == OrderSyncState.OK
    assert Activity.objects.filter(verb="solicitation.order_sync_ok").count() == 1
    assert Order.objects.get().amazon_order_id == SHIPPED_ID


def test_login_with_amazon_refusing_the_token_is_an_authorization_failure(live_account, amazon):
    amazon.token_refusal = Answer(
        400,
        {"error": "invalid_grant", "error_description": "The request has an invalid grant parameter : refresh_token"},
    )
    result = order_sync(account=live_account)
    assert result.state == OrderSyncState.AUTH_FAILED
    assert result.message == (
        "400 invalid_grant: Login with Amazon refused the credentials: "
        "The request has an invalid grant parameter : refresh_token"
    )
    assert amazon.order_calls() == []


def test_throttling_is_recorded_as_retrying_and_raised_for_the_task(live_account, amazon):
    since = NOW - timedelta(hours=1)
    synced_until(live_account, since)
    amazon.answer_orders(Answer(429, errors("QuotaExceeded", "You exceeded your quota for the requested resource.")))
    with pytest.raises(TransientSpApiError):
        order_sync(account=live_account, attempt=1, final_attempt=False)
    rules = sync_settings(live_account)
    assert (rules.order_sync_state, rules.order_sync_message, rules.orders_synced_until) == (
        OrderSyncState.RETRYING,
        "Attempt 1 failed: 429 QuotaExceeded: You exceeded your quota for the requested resource.",
        since,
    )


def test_a_5xx_is_retried_then_synced(live_account, amazon, celery_eager):
    synced_until(live_account, NOW - timedelta(hours=1))
    amazon.orders = [amazon_order("shipped", LastUpdateDate=iso(NOW - timedelta(minutes=30)))]
    ours = OrderFactory(account=live_account, amazon_order_id=SHIPPED_ID, status="Unshipped")
    amazon.answer_orders(UNAVAILABLE)
    sync_account_orders.delay(live_account.id).get()
    ours.refresh_from_db()
    assert ours.status == "Shipped"
    assert len(amazon.order_calls()) == 2
    assert sync_settings(live_account).order_sync_state == OrderSyncState.OK


def test_a_5xx_gives_up_after_the_retry_cap_and_says_so(live_account, amazon, celery_eager):
    since = NOW - timedelta(hours=1)
    synced_until(live_account, since)
    amazon.answer_orders(*[UNAVAILABLE] * (SYNC_MAX_RETRIES + 1))
    sync_account_orders.delay(live_account.id).get()
    rules = sync_settings(live_account)
    assert (rules.order_sync_state, rules.order_sync_message, rules.orders_synced_until) == (
        OrderSyncState.ERROR,
        f"Gave up after {SYNC_MAX_RETRIES + 1} attempts: 503 ServiceUnavailable: Service temporarily unavailable.",
        since,
    )
    assert len(amazon.order_calls()) == SYNC_MAX_RETRIES + 1
    assert Activity.objects.filter(verb="solicitation.order_sync_error", account=live_account).count() == 1


def test_an_unreachable_amazon_is_transient(live_account, amazon, settings):
    settings.SPAPI_ENDPOINT = "http://127.0.0.1:9"
    result = order_sync(account=live_account, attempt=1, final_attempt=True)
    assert result.state == OrderSyncState.ERROR
    assert result.message.startswith("Gave up after 1 attempts: no answer ConnectError")


def test_a_failure_midway_keeps_the_windows_read_whole(live_account, amazon):
    empty = Answer(200, {"payload": {"Orders": []}})
    amazon.answer_orders(empty, empty, Answer(403, ACCESS_DENIED))
    assert order_sync(account=live_account).state == OrderSyncState.AUTH_FAILED
    assert sync_settings(live_account).orders_synced_until == NOW - ORDER_SYNC_BACKFILL + timedelta(days=2)


# --- which accounts, and how it is started --------------------------------------


def test_the_hourly_task_syncs_the_accounts_with_credentials(live_account, other_account, amazon, celery_eager):
    synced_until(live_account, NOW - timedelta(hours=1))
    assert sync_orders.delay().get() == 1
    assert sync_settings(live_account).order_sync_state == OrderSyncState.OK
    assert not AmazonConnection.objects.filter(account=other_account).exists()


def test_the_servers_refresh_token_serves_only_the_account_it_names(account, amazon, celery_eager, settings):
    """Another tenant's account on the same marketplace is not filled with the named seller's orders."""
    settings.SPAPI_REFRESH_TOKEN, settings.SPAPI_CLIENT_ID, settings.SPAPI_CLIENT_SECRET = "rt", "id", "secret"
    settings.SPAPI_ACCOUNT = account.slug
    rival = AccountFactory(slug="rival-us", marketplace="US", timezone="America/New_York")
    amazon.orders = [amazon_order("shipped", LastUpdateDate=iso(NOW - timedelta(minutes=30)))]

    assert connected_account_ids() == [account.id]
    assert sync_orders.delay().get() == 1
    assert list(Order.objects.values_list("account__slug", "amazon_order_id")) == [(account.slug, SHIPPED_ID)]
    assert not AmazonConnection.objects.filter(account=rival).exists()


def test_an_account_with_its_own_refresh_token_uses_the_servers_app_id_and_secret(
    account, admin_user, amazon, settings
):
    settings.SPAPI_CLIENT_ID, settings.SPAPI_CLIENT_SECRET = "id", "secret"
    assert connected_account_ids() == []
    spapi_credentials_update(account=account, actor=admin_user, refresh_token="Atzr|own")
    assert connected_account_ids() == [account.id]
    assert order_sync(account=account).state == OrderSyncState.OK
    assert parse_qs(amazon.token_requests()[0].body)["client_id"] == ["id"]


def test_the_command(live_account, amazon, capsys):
    synced_until(live_account, NOW - timedelta(hours=1))
    amazon.orders = [amazon_order("unshipped_business", LastUpdateDate=iso(NOW - timedelta(minutes=30)))]
    call_command("sync_orders", account="acme-us")
    assert capsys.readouterr().out == "Orders updated: 0, created: 1, unchanged: 0 (1 page read)\n"
    with pytest.raises(CommandError, match="No seller account with slug 'nope'"):
        call_command("sync_orders", account="nope")
    synced_until(live_account, NOW - timedelta(hours=1))
    amazon.answer_orders(Answer(403, ACCESS_DENIED))
    with pytest.raises(CommandError, match="Authorization failure: 403 Unauthorized"):
        call_command("sync_orders", account="acme-us")


def test_an_admin_can_queue_a_sync_now(client, live_account, admin_user, django_capture_on_commit_callbacks):
    client.force_login(admin_user)
    with django_capture_on_commit_callbacks(execute=False) as queued:
        response = client.post(reverse("helpdesk:amazon_sync_orders", args=[live_account.id]), follow=True)
    assert len(queued) == 1
    assert "Order sync queued" in response.content.decode()
    assert Activity.objects.get(verb="solicitation.order_sync_requested").actor == admin_user


def test_without_credentials_there_is_nothing_to_sync_with(client, account, admin_user):
    client.force_login(admin_user)
    page = client.get(reverse("helpdesk:amazon", args=[account.id])).content.decode()
    assert "Not run yet: it needs the SP-API credentials." in page and "Sync orders now" not in page
    response = client.post(reverse("helpdesk:amazon_sync_orders", args=[account.id]), follow=True)
    assert "Enter the SP-API credentials first" in response.content.decode()
