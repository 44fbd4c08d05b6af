"""An account's Amazon connection page (admins of the account): the SP-API credentials, entered
and replaced but never shown back, where each value comes from, and the order sync (its
state and "Sync orders now": tests/helpdesk/test_order_sync.py)."""

import pytest
from django.test import Client
from django.urls import reverse

from helpdesk.checks import spapi_account_check
from helpdesk.models import Activity, AmazonConnection
from helpdesk.spapi.credentials import spapi_credentials

pytestmark = pytest.mark.django_db


def test_credentials_are_write_only(client, account, admin_user):
    client.force_login(admin_user)
    url = reverse("helpdesk:amazon_credentials", args=[account.id])
    secrets = {
        "refresh_token": "Atzr|very-secret",
        "client_id": "amzn1.client.secret-id",
        "client_secret": "cs-top-secret",
    }
    assert client.post(url, secrets).status_code == 302
    page = client.get(reverse("helpdesk:amazon", args=[account.id])).content.decode()
    assert page.count("stored for this account (encrypted)") == 3
    assert "Connected: calls to Amazon for this account use these credentials." in page
    audit = Activity.objects.get(verb="solicitation.credentials_changed")
    assert audit.summary == "SP-API credentials set for Acme US: refresh_token, client_id, client_secret"
    for secret in secrets.values():
        assert secret not in page and secret not in str(audit.before) + str(audit.after) + audit.summary

    # A blank field keeps what is stored.
    client.post(url, {"client_secret": "cs-rotated"})
    stored = spapi_credentials(AmazonConnection.objects.get(account=account))
    assert (stored.refresh_token, stored.client_secret) == ("Atzr|very-secret", "cs-rotated")

    client.post(url, {"clear": "on"})
    page = client.get(reverse("helpdesk:amazon", args=[account.id])).content.decode()
    assert page.count("missing") == 3 and "Not connected" in page


def test_credentials_form_refuses_nothing_to_do(client, account, admin_user):
    client.force_login(admin_user)
    response = client.post(reverse("helpdesk:amazon_credentials", args=[account.id]), {})
    assert response.status_code == 400 and "Enter at least one value" in response.content.decode()


def test_the_page_says_where_each_value_comes_from(client, account, admin_user, settings):
    settings.SPAPI_CLIENT_ID, settings.SPAPI_CLIENT_SECRET = "amzn1.application-oa2-client.app", "app-secret"
    client.force_login(admin_user)
    client.post(reverse("helpdesk:amazon_credentials", args=[account.id]), {"refresh_token": "Atzr|own"})
    page = client.get(reverse("helpdesk:amazon", args=[account.id])).content.decode()
    assert page.count("stored for this account (encrypted)") == 1
    assert "from the server's settings (<code>SPAPI_CLIENT_ID</code>)" in page
    assert "from the server's settings (<code>SPAPI_CLIENT_SECRET</code>)" in page
    assert "app-secret" not in page and "Atzr|own" not in page


def test_writes_need_the_csrf_token(account, admin_user):
    client = Client(enforce_csrf_checks=True)
    client.force_login(admin_user)
    assert client.post(reverse("helpdesk:amazon_credentials", args=[account.id]), {"clear": "on"}).status_code == 403
    assert client.post(reverse("helpdesk:amazon_sync_orders", args=[account.id])).status_code == 403
    assert not Activity.objects.exists()


def test_the_account_settings_page_leads_to_it(client, account, admin_user):
    client.force_login(admin_user)
    page = client.get(reverse("helpdesk:account", args=[account.id])).content.decode()
    assert f'href="{reverse("helpdesk:amazon", args=[account.id])}"' in page


def test_the_servers_refresh_token_shows_on_the_account_it_names_only(client, account, admin_user, outsider, settings):
    settings.SPAPI_REFRESH_TOKEN, settings.SPAPI_CLIENT_ID, settings.SPAPI_CLIENT_SECRET = "rt", "id", "secret"
    settings.SPAPI_ACCOUNT = account.slug
    client.force_login(admin_user)
    page = client.get(reverse("helpdesk:amazon", args=[account.id])).content.decode()
    assert "from the server's settings (<code>SPAPI_REFRESH_TOKEN</code>)" in page and "Not connected" not in page

    client.force_login(outsider)  # an admin of another tenant's account
    page = client.get(reverse("helpdesk:amazon", args=[outsider.memberships.get().account_id])).content.decode()
    assert "from the server's settings (<code>SPAPI_REFRESH_TOKEN</code>)" not in page
    assert page.count("missing") == 1 and "Not connected" in page and "Sync orders now" not in page


def test_a_server_refresh_token_without_an_account_named_for_it_is_flagged(settings):
    settings.SPAPI_REFRESH_TOKEN = "rt"
    assert [message.id for message in spapi_account_check(None)] == ["helpdesk.W001"]
    settings.SPAPI_ACCOUNT = "acme-us"
    assert spapi_account_check(None) == []
