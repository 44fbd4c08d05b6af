"""Amazon's Account Health report: imported from an upload and through the Reports API, and set beside
our own figures with the difference and its likely cause."""

import gzip
from datetime import UTC, datetime
from pathlib import Path

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from helpdesk.health import amazon_odr, differences, health_read
from helpdesk.importing import HEALTH_REPORT, ReportError
from helpdesk.models import AccountHealthReport, Activity, ImportJob
from helpdesk.services.imports import import_job_create, import_job_run
from helpdesk.spapi.reports import ReportRefused, health_fetch_step
from helpdesk.tasks import fetch_account_health
from tests.factories import OrderFactory

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "health"
EXAMPLE = (FIXTURES / "account_health_example.json").read_bytes()  # Amazon's example: US, CA and MX entries
NEWER = (FIXTURES / "account_health_newer.json").read_bytes()  # a later report: one entry, no marketplaceId
US = "ATVPDKIKX0DER"
NOW = datetime(2020, 11, 19, 12, 0, tzinfo=UTC)


def test_the_example_is_read_for_the_accounts_marketplace_only():
    entry = health_read(EXAMPLE, marketplace_id=US, limit=10**7)
    assert entry.status == "AT_RISK"
    mfn, afn = amazon_odr(entry.metrics)
    assert (mfn.channel, mfn.rate, mfn.orders, mfn.defective) == ("MFN", 0.009, 539000, 1078)
    assert (mfn.negative_feedback, mfn.claims, mfn.chargebacks) == (628, 442, 15)
    assert (str(mfn.start), str(mfn.end)) == ("2020-09-06", "2020-11-04")
    assert afn.channel == "AFN"

    with pytest.raises(ReportError, match="no figures for this account's marketplace A1PA6795UKMFR9"):
        health_read(EXAMPLE, marketplace_id="A1PA6795UKMFR9", limit=10**7)
    with pytest.raises(ReportError, match="not a JSON Account Health report"):
        health_read(b"Date\tRating\n", marketplace_id=US, limit=10**7)


def test_a_later_report_without_marketplace_ids_and_a_gzipped_one_are_read():
    entry = health_read(gzip.compress(NEWER), marketplace_id=US, limit=10**7)
    assert entry.status == "NORMAL"
    [mfn, afn] = amazon_odr(entry.metrics)
    assert (mfn.rate, mfn.orders, afn.rate) == (0.01, None, 0.0)


@time_machine.travel(NOW, tick=False)
def test_an_upload_is_kept_then_imported_and_shown_beside_ours_with_the_cause(client, account, manager):
    OrderFactory(account=account, fulfillment_channel="MFN", purchase_date=datetime(2020, 10, 1, 15, tzinfo=UTC))
    client.force_login(manager)
    upload = SimpleUploadedFile("health.json", EXAMPLE, content_type="application/json")
    response = client.post(reverse("helpdesk:health_import"), {"account": account.id, "file": upload})
    job = ImportJob.objects.get(kind=HEALTH_REPORT)
    assert response.url == reverse("helpdesk:import_job", args=[job.id])
    assert job.file.read() == EXAMPLE  # kept as received
    job = import_job_run(job_id=job.id)
    assert (job.status, job.imported) == ("done", 1)
    assert (
        import_job_run(
            job_id=import_job_create(account=account, kind=HEALTH_REPORT, filename="again.json", raw=EXAMPLE).id
        ).unchanged
        == 1
    )

    body = client.get(reverse("helpdesk:metrics"), {"account": account.id}).content.decode()
    assert "<strong>AT_RISK</strong>" in body
    assert "<th>Order defect rate</th><td>0.90%</td><td>0.00%</td>" in body
    assert (
        '<th>Orders</th><td>539000</td><td>1</td><td class="bad">-538999</td>'
        "<td>orders we never imported: import the all-orders report for those dates" in body
    )
    assert "claims whose notice mail we never received" in body


def test_differences_name_the_likely_cause_each_way():
    entry = health_read(EXAMPLE, marketplace_id=US, limit=10**7)
    mfn = amazon_odr(entry.metrics)[0]

    class Ours:
        orders, negative_feedback, claims, chargebacks = 539000, 630, 442, 15

    found = {d.figure: d for d in differences(mfn, Ours)}
    assert found["Orders"].cause == "" and found["A-to-z claims"].delta == 0
    assert found["Negative feedback"].delta == 2
    assert found["Negative feedback"].cause.startswith("feedback Amazon has removed or struck through since")


def test_fetched_through_the_reports_api_with_the_accounts_credentials(live_account, amazon, celery_eager):
    amazon.report_statuses = ["IN_QUEUE", "IN_PROGRESS", "DONE"]
    amazon.report_document = gzip.compress(EXAMPLE)

    step = health_fetch_step(account=live_account)
    assert step.report_id == "1" and amazon.reports_requested == [
        {"reportType": "GET_V2_SELLER_PERFORMANCE_REPORT", "marketplaceIds": [US]}
    ]
    assert health_fetch_step(account=live_account, report_id="1").report_id == "1"  # still in the queue
    assert health_fetch_step(account=live_account, report_id="1").report_id == "1"  # in progress
    done = health_fetch_step(account=live_account, report_id="1")
    assert done.job.status == "done" and done.job.kind == HEALTH_REPORT
    report = AccountHealthReport.objects.get(account=live_account)
    assert report.status == "AT_RISK" and report.metrics["orderDefectRate"]["mfn"]["orderCount"] == 539000


def test_a_report_amazon_could_not_make_is_a_visible_failure(live_account, amazon, client, manager):
    amazon.report_statuses = ["FATAL"]
    with pytest.raises(ReportRefused, match="could not make the report"):
        health_fetch_step(account=live_account, report_id="7")
    client.force_login(manager)
    body = client.get(reverse("helpdesk:health_import")).content.decode()
    assert "Account Health report not fetched: Amazon could not make the report (status FATAL)" in body


def test_a_manager_asks_amazon_and_the_task_imports_the_report(
    live_account, amazon, client, manager, celery_eager, django_capture_on_commit_callbacks
):
    amazon.report_statuses = ["DONE"]
    amazon.report_document = EXAMPLE
    client.force_login(manager)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("helpdesk:health_fetch"), {"account": live_account.id})
    assert response.status_code == 302
    assert Activity.objects.filter(verb="health.fetch_requested", actor=manager).exists()
    assert AccountHealthReport.objects.filter(account=live_account).count() == 1


def test_without_credentials_nothing_is_asked(account, amazon):
    with pytest.raises(ReportRefused, match="no Amazon connection"):
        health_fetch_step(account=account)
    assert amazon.reports_requested == []
    fetch_account_health(account.id)  # the task stops: the failure is audited, for the page to show
    assert Activity.objects.filter(verb="health.fetch_failed", account=account).count() == 2
