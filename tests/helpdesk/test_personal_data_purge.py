"""Buyer personal data is kept no longer than the account's retention period after delivery; the
shipping records chargebacks need are kept 6 months after the order date, then purged too."""

import os
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.urls import reverse

from helpdesk.importing import ORDERS_REPORT
from helpdesk.models import Activity, CaseStatus, ImportJob, Order
from helpdesk.registry import registry
from helpdesk.retention import SHIPPING_RECORD_FIELDS, months_after
from helpdesk.services.imports import import_job_create
from helpdesk.services.orders import OrderWrite, orders_upsert
from helpdesk.services.retention import SHIPPING_FIELDS, personal_data_purge, without_names
from helpdesk.tasks import purge_personal_data
from tests.factories import CaseFactory, OrderFactory

NOW = datetime(2027, 6, 1, 3, 0, tzinfo=UTC)


def _order(account, *, purchased, delivered=None, estimate=None, **fields):
    return OrderFactory(
        account=account,
        purchase_date=purchased,
        delivered_at=delivered,
        estimated_delivery_date=estimate,
        ship_date=purchased + timedelta(days=1),
        ship_city="Portland",
        ship_state="OR",
        ship_postal_code="97201",
        ship_country="US",
        **fields,
    )


def _buyer(order) -> tuple[str, str]:
    order.refresh_from_db()
    return order.buyer_name, order.buyer_email


@pytest.mark.parametrize(
    ("delivered_days_ago", "purged"), [(30 - 0.001, False), (30 + 0.001, True)], ids=["inside", "past"]
)
def test_buyer_fields_go_30_days_after_delivery(account, delivered_days_ago, purged):
    delivered = NOW - timedelta(days=delivered_days_ago)
    order = _order(account, purchased=delivered - timedelta(days=4), delivered=delivered)
    personal_data_purge(account=account, now=NOW)
    assert (_buyer(order) == ("", "")) is purged
    assert order.tracking_number and order.ship_postal_code == "97201", "shipping records stay 6 months"


def test_without_a_delivery_date_the_latest_estimate_counts(account):
    kept = _order(account, purchased=NOW - timedelta(days=50), estimate=NOW - timedelta(days=29))
    gone = _order(account, purchased=NOW - timedelta(days=50), estimate=NOW - timedelta(days=31))
    personal_data_purge(account=account, now=NOW)
    assert _buyer(kept) != ("", "") and _buyer(gone) == ("", "")


def test_without_any_delivery_date_the_order_date_plus_a_margin_counts(account):
    kept = _order(account, purchased=NOW - timedelta(days=59))
    gone = _order(account, purchased=NOW - timedelta(days=61))
    personal_data_purge(account=account, now=NOW)
    assert _buyer(kept) != ("", "") and _buyer(gone) == ("", "")


def test_the_account_sets_its_retention_period(account):
    account.retention_days = 10
    account.save()
    order = _order(account, purchased=NOW - timedelta(days=20), delivered=NOW - timedelta(days=11))
    personal_data_purge(account=account, now=NOW)
    assert _buyer(order) == ("", "")


def test_shipping_records_are_kept_six_months_after_the_order_date_then_purged(account):
    kept = _order(account, purchased=months_after(NOW, -6) + timedelta(hours=1), delivered=NOW - timedelta(days=170))
    gone = _order(account, purchased=months_after(NOW, -6) - timedelta(hours=1), delivered=NOW - timedelta(days=170))
    personal_data_purge(account=account, now=NOW)
    kept.refresh_from_db()
    gone.refresh_from_db()
    assert kept.buyer_name == "" and kept.tracking_number and kept.carrier and kept.ship_date and kept.ship_city
    assert (gone.tracking_number, gone.carrier, gone.ship_date, gone.ship_city, gone.ship_postal_code) == (
        "",
        "",
        None,
        "",
        "",
    )
    assert gone.ship_country == "" and gone.ship_state == ""
    assert gone.amazon_order_id and gone.purchase_date and gone.order_total, "the order itself stays"
    assert set(SHIPPING_FIELDS) <= set(SHIPPING_RECORD_FIELDS), "the purge clears only what the claims' rule guards"


def test_an_active_case_on_the_order_keeps_its_shipping_record_past_six_months(account):
    """The claims' rule (helpdesk.retention): a chargeback still being worked needs its evidence."""
    order = _order(account, purchased=NOW - timedelta(days=250), delivered=NOW - timedelta(days=245))
    CaseFactory(account=account, order=order, status=CaseStatus.OPEN, kind="chargeback")
    assert personal_data_purge(account=account, now=NOW)["orders_shipping"] == 0
    order.refresh_from_db()
    assert order.tracking_number and order.ship_postal_code and order.buyer_name == ""


def test_a_case_on_a_purged_order_loses_the_buyer_name(account):
    order = _order(account, purchased=NOW - timedelta(days=80), delivered=NOW - timedelta(days=75))
    case = CaseFactory(account=account, order=order, buyer_name=order.buyer_name)
    personal_data_purge(account=account, now=NOW)
    case.refresh_from_db()
    assert case.buyer_name == ""


def test_import_files_are_deleted_and_their_summary_kept(account):
    old = import_job_create(account=account, kind=ORDERS_REPORT, filename="old.tsv", raw=b"buyer data")
    ImportJob.objects.filter(pk=old.pk).update(
        created_at=NOW - timedelta(days=31), imported=7, errors=[[2, "bad buyer-email 'x'"]]
    )
    recent = import_job_create(account=account, kind=ORDERS_REPORT, filename="new.tsv", raw=b"buyer data")
    ImportJob.objects.filter(pk=recent.pk).update(created_at=NOW - timedelta(days=29))
    path = old.file.path
    personal_data_purge(account=account, now=NOW)
    old.refresh_from_db()
    recent.refresh_from_db()
    assert not old.file and old.purged_at == NOW and old.imported == 7 and old.errors == []
    assert not os.path.exists(path)
    assert recent.file and recent.purged_at is None


def test_the_purge_is_audited_once_per_account_with_counts_and_runs_twice_harmlessly(account, other_account):
    _order(account, purchased=NOW - timedelta(days=250), delivered=NOW - timedelta(days=245))
    _order(account, purchased=NOW - timedelta(days=80), delivered=NOW - timedelta(days=75))
    first = personal_data_purge(account=account, now=NOW)
    core = {what: count for what, count in first.items() if "." not in what}
    assert core == {"orders_buyer": 2, "orders_shipping": 1, "cases": 0, "import_files": 0}
    assert {what.split(".")[0] for what in first} - set(core) == {label for label, _ in registry.purgers()}
    audit = Activity.objects.get(account=account, verb="retention.purged")
    assert audit.after == first and "30 days" in audit.summary
    second = personal_data_purge(account=account, now=NOW)
    assert second.keys() == first.keys() and set(second.values()) == {0}
    assert Activity.objects.filter(account=account, verb="retention.purged").count() == 2


def test_every_app_storing_buyer_data_registers_its_purge():
    assert {label for label, _ in registry.purgers()} == {"messaging", "outbound", "feedback", "returns", "claims"}


def test_a_part_that_fails_still_leaves_the_audit_row_of_what_was_purged(account, monkeypatch):
    order = _order(account, purchased=NOW - timedelta(days=80), delivered=NOW - timedelta(days=75))
    monkeypatch.setattr(registry, "purgers", lambda: [("broken", "tests.helpdesk.test_personal_data_purge.broken")])
    with pytest.raises(RuntimeError):
        personal_data_purge(account=account, now=NOW)
    audit = Activity.objects.get(account=account, verb="retention.purged")
    assert audit.after["orders_buyer"] == 1 and "stopped by an error" in audit.summary
    assert _buyer(order) == ("", "")


def broken(*, account, now):
    raise RuntimeError("the disk is full")


def test_the_buyers_name_leaves_the_subject_of_cases_on_a_purged_order(account):
    order = _order(
        account, purchased=NOW - timedelta(days=80), delivered=NOW - timedelta(days=75), buyer_name="Cathy Jones"
    )
    subject = f"Shipping inquiry from Amazon customer Cathy (Order: {order.amazon_order_id})"
    case = CaseFactory(account=account, order=order, subject=subject)
    kept = CaseFactory(account=account, order=_order(account, purchased=NOW - timedelta(days=5)), subject=subject)
    personal_data_purge(account=account, now=NOW)
    case.refresh_from_db()
    kept.refresh_from_db()
    assert case.subject == f"Shipping inquiry from Amazon customer buyer (Order: {order.amazon_order_id})"
    assert kept.subject == subject, "inside the retention period nothing changes"


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        (
            "Inquiry from Amazon customer Oliver Bennett (Order: 1)",
            ["Oliver Bennett"],
            "Inquiry from Amazon customer buyer (Order: 1)",
        ),
        ("Re: question from OLIVER", ["Oliver Bennett"], "Re: question from buyer"),
        ("Anfrage von Amazon-Kunde Jürgen Weiß", ["Jürgen Weiß"], "Anfrage von Amazon-Kunde buyer"),
        ("Olive oil for Al", ["Oliver Al"], "Olive oil for Al"),
    ],
    ids=["full-name", "first-name-any-case", "accents", "whole-words-only"],
)
def test_names_are_replaced_as_whole_words(text, names, expected):
    assert without_names(text, names) == expected


def test_the_purge_works_in_bounded_batches(account, monkeypatch):
    monkeypatch.setattr("helpdesk.services.retention.PURGE_BATCH", 2)
    for _ in range(5):
        _order(account, purchased=NOW - timedelta(days=80), delivered=NOW - timedelta(days=75))
    assert personal_data_purge(account=account, now=NOW)["orders_buyer"] == 5
    assert not Order.objects.exclude(buyer_name="").exists()


def test_a_report_imported_again_does_not_bring_purged_data_back(account):
    order = _order(account, purchased=NOW - timedelta(days=250), delivered=NOW - timedelta(days=245))
    personal_data_purge(account=account, now=NOW)
    orders_upsert(
        account=account,
        orders=[
            OrderWrite(
                amazon_order_id=order.amazon_order_id,
                fields={"buyer_name": "Jordan Miller", "ship_city": "Portland", "status": "Shipped"},
            )
        ],
    )
    order.refresh_from_db()
    assert (order.buyer_name, order.ship_city) == ("", "")


def test_the_task_purges_every_account_and_is_on_the_beat(account, other_account):
    _order(account, purchased=NOW - timedelta(days=80), delivered=NOW - timedelta(days=75))
    _order(other_account, purchased=NOW - timedelta(days=80), delivered=NOW - timedelta(days=75))
    with time_machine.travel(NOW):
        purge_personal_data()
    assert not Order.objects.exclude(buyer_name="").exists()
    assert registry.beat_schedule()["purge-personal-data"]["task"] == "helpdesk.tasks.purge_personal_data"


def test_an_admin_sets_the_retention_period_within_amazons_30_days(client, admin_user, account):
    client.force_login(admin_user)
    data = {
        "account-name": account.name,
        "account-slug": account.slug,
        "account-merchant_id": account.merchant_id,
        "account-marketplace": account.marketplace,
        "account-timezone": account.timezone,
        "account-retention_days": "45",
    }
    assert client.post(reverse("helpdesk:account", args=[account.id]), data).status_code == 200
    account.refresh_from_db()
    assert account.retention_days == 30
    data["account-retention_days"] = "14"
    assert client.post(reverse("helpdesk:account", args=[account.id]), data).status_code == 302
    account.refresh_from_db()
    assert account.retention_days == 14
