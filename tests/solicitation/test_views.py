"""The pages managers and admins use: tomorrow's batch, pause, exclusions, the log, the settings."""

import re
from datetime import datetime, timedelta
from html import unescape
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from claims.kinds import ATOZ
from feedback.solicitation.models import RequestState, SkuExclusion, SolicitationRequest, SolicitationSettings
from helpdesk.models import Activity, AmazonConnection, OrderSyncState
from returns.kinds import RETURN
from tests.factories import CaseFactory, OrderFactory, OrderItemFactory
from tests.spapi import credentials_store

from .helpers import ON, delivered

pytestmark = pytest.mark.django_db

ROW = re.compile(
    r'<tr data-testid="candidate" data-order="([\d-]+)" data-included="(yes|no)">'
    r'.*?<td data-testid="reason">(.*?)</td>',
    re.S,
)


@pytest.fixture(autouse=True)
def today_is_the_day_before(account):
    """It is the afternoon of 19 March in New York: the preview shows the batch of 20 March (ON)."""
    with time_machine.travel(datetime(2026, 3, 19, 15, 0, tzinfo=ZoneInfo("America/New_York")), tick=False):
        yield


def batch(response) -> dict[str, tuple[bool, str]]:
    assert response.status_code == 200
    return {
        order: (included == "yes", unescape(reason))
        for order, included, reason in ROW.findall(response.content.decode())
    }


def preview_url(account, **query) -> str:
    url = reverse("solicitation:preview", args=[account.id])
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


# --- the batch ----------------------------------------------------------------


def test_preview_shows_tomorrows_batch_and_why_each_order_is_in_or_out(client, account, manager):
    inside = delivered(account, 10)
    early = delivered(account, 4)
    returned = delivered(account, 12, skus=("MUG-350",))
    CaseFactory(account=account, order=returned, kind=RETURN)
    client.force_login(manager)
    response = client.get(preview_url(account))
    assert batch(response) == {
        inside.amazon_order_id: (True, "delivered 10 days ago: in the 5-30 day window"),
        early.amazon_order_id: (False, "delivered 4 days ago: too early (asks from day 5)"),
        returned.amazon_order_id: (False, "has a return"),
    }
    body = response.content.decode()
    assert "in the batch of Fri 20 Mar 2026 (tomorrow)" in body
    assert "No SP-API credentials are configured" in body


def test_the_preview_says_whether_the_delivery_date_is_actual_or_amazons_estimate(client, account, manager):
    known = delivered(account, 10)
    expected = OrderFactory(
        account=account,
        status="Shipped",
        delivered_at=None,
        estimated_delivery_date=datetime(2026, 3, 15, 23, 59, 59, tzinfo=account.tzinfo),
        purchase_date=datetime(2026, 3, 8, tzinfo=account.tzinfo),
    )
    OrderItemFactory(order=expected, sku="BTL-750")
    client.force_login(manager)
    response = client.get(preview_url(account))
    assert batch(response) == {
        known.amazon_order_id: (True, "delivered 10 days ago: in the 5-30 day window"),
        expected.amazon_order_id: (True, "expected 5 days ago: in the 5-30 day window"),
    }
    cells = dict(
        re.findall(r'data-order="([\d-]+)".*?<td data-testid="delivery">(.*?)</td>', response.content.decode(), re.S)
    )
    assert cells[known.amazon_order_id] == "delivered 10 Mar 2026"
    assert unescape(re.sub(r"<[^>]+>", "", cells[expected.amazon_order_id])) == (
        "expected by 15 Mar 2026 (Amazon's latest delivery estimate)"
    )


def test_managers_see_when_the_order_sync_fails(client, account, manager, settings):
    settings.SPAPI_REFRESH_TOKEN, settings.SPAPI_CLIENT_ID, settings.SPAPI_CLIENT_SECRET = "rt", "id", "secret"
    settings.SPAPI_ACCOUNT = account.slug
    AmazonConnection.objects.create(
        account=account,
        order_sync_state=OrderSyncState.AUTH_FAILED,
        order_sync_message="403 Unauthorized: Access to requested resource is denied.",
    )
    client.force_login(manager)
    body = unescape(client.get(preview_url(account)).content.decode())
    assert "Order sync failing: authorization failure" in body
    assert "403 Unauthorized: Access to requested resource is denied." in body
    assert "an admin must check the SP-API credentials" in body


def test_another_date_through_htmx_swaps_only_the_table(client, account, manager):
    order = delivered(account, 10)
    client.force_login(manager)
    later = ON + timedelta(days=21)
    response = client.get(preview_url(account, on=later.isoformat()), headers={"HX-Request": "true"})
    body = response.content.decode()
    assert "<html" not in body and "(tomorrow)" not in body
    assert batch(response) == {order.amazon_order_id: (False, "delivered 31 days ago: too late (asks until day 30)")}


def test_the_preview_costs_the_same_queries_for_3_or_60_orders(client, account, manager):
    def load(count):
        for n in range(count):
            order = delivered(
                account, 4 + n % 28, skus=(f"SKU-{n % 4}",), buyer_email=f"b{n % 5}@marketplace.amazon.com"
            )
            if n % 3 == 0:
                CaseFactory(account=account, order=order, kind=ATOZ)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(preview_url(account))
        return len(queries.captured_queries), response

    SkuExclusion.objects.create(account=account, sku="SKU-1", excluded_by=manager)
    client.force_login(manager)
    few, _ = load(3)
    many, response = load(57)
    assert len(batch(response)) == 60
    assert few == many <= 16


# --- pausing ------------------------------------------------------------------


def test_pause_and_resume(client, account, manager):
    order = delivered(account, 10)
    client.force_login(manager)
    response = client.post(reverse("solicitation:pause", args=[account.id]), follow=True)
    assert "Paused." in response.content.decode()
    assert batch(response)[order.amazon_order_id] == (False, "solicitation paused")
    assert SolicitationSettings.objects.get(account=account).paused is True
    response = client.post(reverse("solicitation:resume", args=[account.id]), follow=True)
    assert "Running." in response.content.decode()
    assert batch(response)[order.amazon_order_id][0] is True
    verbs = list(Activity.objects.filter(account=account, actor=manager).values_list("verb", flat=True))
    assert verbs == ["solicitation.paused", "solicitation.resumed"]


def test_writes_need_the_csrf_token(account, manager):
    client = Client(enforce_csrf_checks=True)
    client.force_login(manager)
    assert client.post(reverse("solicitation:pause", args=[account.id])).status_code == 403
    assert client.post(reverse("solicitation:exclusion_add", args=[account.id]), {"sku": "X"}).status_code == 403
    assert not SolicitationSettings.objects.filter(paused=True).exists() and not SkuExclusion.objects.exists()


def test_send_todays_batch_now(client, account, manager, django_capture_on_commit_callbacks):
    order = delivered(account, 9)  # day 9 today, 19 March
    client.force_login(manager)
    with django_capture_on_commit_callbacks(execute=False) as queued:
        response = client.post(reverse("solicitation:run", args=[account.id]))
    assert response["Location"] == reverse("solicitation:request_log", args=[account.id])
    request = SolicitationRequest.objects.get()
    assert (request.order, request.created_by, request.state) == (order, manager, RequestState.QUEUED)
    assert len(queued) == 1


# --- SKU exclusions -----------------------------------------------------------


def test_exclude_a_sku_and_take_it_back(client, account, manager):
    order = delivered(account, 10)
    client.force_login(manager)
    response = client.post(
        reverse("solicitation:exclusion_add", args=[account.id]),
        {"sku": " BTL-750 ", "reason": "lid leaks"},
        follow=True,
    )
    assert batch(response)[order.amazon_order_id] == (False, "SKU BTL-750 excluded by Mona: lid leaks")
    exclusion = SkuExclusion.objects.get(account=account)
    assert (exclusion.sku, exclusion.excluded_by) == ("BTL-750", manager)

    again = client.post(reverse("solicitation:exclusion_add", args=[account.id]), {"sku": "BTL-750"})
    assert again.status_code == 400 and "SKU BTL-750 is already excluded." in again.content.decode()

    response = client.post(reverse("solicitation:exclusion_remove", args=[exclusion.id]), follow=True)
    assert batch(response)[order.amazon_order_id][0] is True
    assert not SkuExclusion.objects.exists()
    verbs = list(Activity.objects.filter(account=account, actor=manager).values_list("verb", flat=True))
    assert verbs == ["solicitation.sku_excluded", "solicitation.sku_included"]


# --- the request log ----------------------------------------------------------


def test_the_log_shows_each_result_with_amazons_code_and_message(client, account, manager):
    sent = SolicitationRequest.objects.create(account=account, order=delivered(account, 10), state=RequestState.SENT)
    refused = SolicitationRequest.objects.create(
        account=account,
        order=delivered(account, 11),
        state=RequestState.REFUSED,
        http_status=403,
        error_code="Unauthorized",
        error_message="The requested solicitation is not available for this amazonOrderId.",
        created_by=manager,
    )
    client.force_login(manager)
    body = client.get(reverse("solicitation:request_log", args=[account.id])).content.decode()
    assert body.count('data-testid="request"') == 2
    assert "Refused by Amazon" in body and "HTTP 403" in body and "Unauthorized" in body
    assert "The requested solicitation is not available for this amazonOrderId." in body
    assert "daily run" in body and "Mona" in body
    assert "“Would send” rows are dry runs" in body

    response = client.get(
        reverse("solicitation:request_log", args=[account.id]) + "?state=refused", headers={"HX-Request": "true"}
    )
    body = response.content.decode()
    assert "<html" not in body
    assert refused.order.amazon_order_id in body and sent.order.amazon_order_id not in body


def test_the_log_costs_the_same_queries_for_any_number_of_requests(client, account, manager):
    def load(count):
        for n in range(count):
            SolicitationRequest.objects.create(
                account=account, order=delivered(account, 10), created_by=manager if n % 2 else None
            )
        with CaptureQueriesContext(connection) as queries:
            response = client.get(reverse("solicitation:request_log", args=[account.id]))
        assert response.status_code == 200
        return len(queries.captured_queries), response

    client.force_login(manager)
    few, _ = load(2)
    many, response = load(70)
    assert few == many
    assert response.content.decode().count('data-testid="request"') == 50


# --- settings (admins) --------------------------------------------------------


def test_the_settings_say_whether_requests_reach_amazon_and_lead_to_the_accounts_connection(
    client, account, admin_user
):
    client.force_login(admin_user)
    page = client.get(reverse("solicitation:settings", args=[account.id])).content.decode()
    assert "would send" in page and reverse("helpdesk:amazon", args=[account.id]) in page
    credentials_store(account, admin_user)
    page = client.get(reverse("solicitation:settings", args=[account.id])).content.decode()
    assert "Requests go to Amazon" in page


def test_rules(client, account, admin_user):
    client.force_login(admin_user)
    url = reverse("solicitation:rules", args=[account.id])
    bad = client.post(url, {"window_start_days": "10", "window_end_days": "5", "max_sku_return_rate": "10"})
    assert bad.status_code == 400 and "The window must end on or after the day it starts." in bad.content.decode()
    assert not SolicitationSettings.objects.exists()

    assert (
        client.post(url, {"window_start_days": "7", "window_end_days": "20", "max_sku_return_rate": "5.5"}).status_code
        == 302
    )
    rules = SolicitationSettings.objects.get(account=account)
    assert (rules.window_start_days, rules.window_end_days, str(rules.max_sku_return_rate)) == (7, 20, "5.50")
    audit = Activity.objects.get(verb="solicitation.rules_changed")
    assert audit.before == {"window_start_days": "5", "window_end_days": "30", "max_sku_return_rate": "10.00"}
    assert audit.actor == admin_user
