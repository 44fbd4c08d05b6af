"""Each account's return rules, as its admins keep them: every change audited, bad values refused."""

import pytest
from django.urls import reverse

from helpdesk.models import Activity
from returns.models import RestockingRule, ReturnSettings, ReturnWindowOverride, SkuRecovery

pytestmark = pytest.mark.django_db


def form_data(**changes) -> dict:
    values = {
        "window_days": 30,
        "share_new": "100",
        "share_rework": "80",
        "share_used": "50",
        "share_not_resellable": "0",
        "restocking_max_percent": "50",
        "fee_return_standard": "0.50",
        "fee_return_oversize": "0.60",
        "fee_disposal_standard": "0.15",
        "fee_disposal_oversize": "0.30",
        "referral_rate": "15",
        "referral_refund_share": "80",
        "referral_refund_cap": "5.00",
        "risk_min_returns": 3,
    }
    values.update(changes)
    return {f"rules-{name}": value for name, value in values.items()}


def test_an_admin_changes_the_return_window_and_the_shares(client, admin_user, account):
    client.force_login(admin_user)
    url = reverse("returns:settings", args=[account.id])
    assert "return window (days from delivery)" in client.get(url).content.decode().lower()

    response = client.post(url, form_data(window_days=60, share_used="40"))

    assert response.status_code == 302
    rules = ReturnSettings.objects.get(account=account)
    assert (rules.window_days, str(rules.share_used)) == (60, "40.00")
    assert Activity.objects.get(verb="returns.settings").summary == "Return rules changed: share_used, window_days"


@pytest.mark.parametrize(
    ("changes", "error"),
    [
        ({"share_used": "150"}, "Ensure this value is less than or equal to 100"),
        ({"restocking_max_percent": "60"}, "Ensure this value is less than or equal to 50"),
        ({"window_days": "0"}, "Ensure this value is greater than or equal to 1"),
    ],
)
def test_bad_values_are_refused_with_the_reason(client, admin_user, account, changes, error):
    client.force_login(admin_user)
    response = client.post(reverse("returns:settings", args=[account.id]), form_data(**changes))
    assert response.status_code == 400 and error in response.content.decode()
    assert not ReturnSettings.objects.exists()


def test_overrides_restocking_rules_and_sku_exceptions(client, admin_user, account):
    client.force_login(admin_user)
    client.post(
        reverse("returns:override_add", args=[account.id]),
        {
            "override-label": "Holiday returns",
            "override-delivered_from": "2025-11-01",
            "override-delivered_to": "2025-12-31",
            "override-returnable_until": "2026-01-31",
        },
    )
    bad = client.post(
        reverse("returns:override_add", args=[account.id]),
        {
            "override-label": "Backwards",
            "override-delivered_from": "2025-12-31",
            "override-delivered_to": "2025-11-01",
            "override-returnable_until": "2026-01-31",
        },
        follow=True,
    )
    assert "The dates must follow each other" in bad.content.decode()
    assert list(ReturnWindowOverride.objects.values_list("label", flat=True)) == ["Holiday returns"]

    client.post(
        reverse("returns:restocking_save", args=[account.id]),
        {"restocking-category": "Electronics", "restocking-max_percent": "15"},
    )
    client.post(
        reverse("returns:restocking_save", args=[account.id]),
        {"restocking-category": "electronics", "restocking-max_percent": "20"},
    )
    assert list(RestockingRule.objects.values_list("category", "max_percent")) == [("Electronics", 20)]
    refused = client.post(
        reverse("returns:restocking_save", args=[account.id]),
        {"restocking-category": "Toys", "restocking-max_percent": "75"},
        follow=True,
    )
    assert "less than or equal to 50" in refused.content.decode() and RestockingRule.objects.count() == 1

    client.post(
        reverse("returns:sku_recovery_save", args=[account.id]),
        {"sku-sku": "TENT", "sku-oversize": "on", "sku-share_used": "30"},
    )
    row = SkuRecovery.objects.get()
    assert (row.sku, row.oversize, row.share_used, row.share_new) == ("TENT", True, 30, None)

    page = client.get(reverse("returns:settings", args=[account.id])).content.decode()
    assert "Holiday returns" in page and "Electronics: up to 20.00 %" in page and "TENT · oversize" in page
    for name, obj in [
        ("returns:override_delete", ReturnWindowOverride.objects.get()),
        ("returns:restocking_delete", RestockingRule.objects.get()),
        ("returns:sku_recovery_delete", row),
    ]:
        client.post(reverse(name, args=[obj.id]))
    assert not (
        ReturnWindowOverride.objects.exists() or RestockingRule.objects.exists() or SkuRecovery.objects.exists()
    )
    assert Activity.objects.filter(account=account, verb__startswith="returns.").count() == 7
