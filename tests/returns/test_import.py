"""Importing Amazon's returns reports: three layouts recognised from the file, idempotent by
Amazon's ids, one return case per seller-fulfilled return, a clock only on requests awaiting
the seller, bad rows rejected with their line and reason while the others import."""

import gzip
from datetime import UTC, date, datetime
from decimal import Decimal
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from helpdesk.models import Activity, Case, CaseStatus, ClockDay, Deadline, ImportJob, SearchPending
from helpdesk.services.clock_days import clock_days_rebuild
from helpdesk.services.lifecycle import case_open
from helpdesk.services.orders import OrderWrite, orders_upsert
from returns.figures import returns_link_orders
from returns.kinds import RETURN, RETURN_RESPONSE
from returns.models import Channel, DecisionSource, Disposition, Grade, Return, ReturnedUnit, ReturnStatus
from returns.services import importing
from tests.factories import OrderFactory, OrderItemFactory

from .conftest import fixture, mfn_report, mfn_row, run_import

pytestmark = pytest.mark.django_db
NEW_YORK = ZoneInfo("America/New_York")


def returns_by_order(account) -> dict[str, Return]:
    return {r.amazon_order_id: r for r in Return.objects.filter(account=account).select_related("case")}


def test_the_real_flat_file_makes_one_case_per_return_with_a_clock_only_on_the_request_awaiting_us(account, july):
    job = run_import(account, fixture("mfn_returns_us_2025.txt"))

    assert job.status == ImportJob.Status.DONE, job.failure
    assert (job.imported, job.unchanged, job.rejected) == (6, 0, 0)
    found = returns_by_order(account)
    assert len(found) == 5 and Case.objects.filter(kind=RETURN).count() == 5

    real = found["113-6277818-6289068"]  # the real row: 27 cells under a 32-column header
    assert (real.rma_id, real.status, real.amazon_status) == ("DfqRyqfBRRMA", ReturnStatus.AUTHORISED, "Approved")
    assert real.merchant_rma_id == "" and real.invoice_number == "" and real.received_on is None  # single spaces
    assert (real.label_type, real.label_cost, real.label_paid_by, real.tracking_id) == (
        "AmazonPrePaidLabel",
        Decimal("4.14"),
        "Seller",
        "9202090339598363834190",
    )
    assert real.order_date == date(2025, 7, 10) and real.requested_at == datetime(2025, 7, 14, tzinfo=NEW_YORK)
    assert not real.requested_time_known and not real.a_to_z_claim
    item = real.items.get()
    assert (item.sku, item.quantity, item.reason, item.in_policy) == ("PANEC-925SS-IT", 2, "AMZ-PG-WJ-TOO-SMALL", True)
    assert item.unit_price == Decimal("10.69")  # the order amount over the units ordered
    assert real.case.status == CaseStatus.WAITING and not real.case.deadlines.exists()

    pending = found["112-4455667-1122334"]
    assert pending.status == ReturnStatus.REQUESTED
    clock = pending.case.deadlines.get()
    assert clock.kind == RETURN_RESPONSE and clock.started_at == datetime(2025, 7, 14, tzinfo=NEW_YORK)
    assert clock.due_at == datetime(2025, 7, 16, tzinfo=NEW_YORK)
    assert pending.case.next_due_at == clock.due_at and pending.case.status == CaseStatus.NEW

    two_items = found["114-7788990-3344556"]  # one RMA, two rows: one return, two items, three units back
    assert two_items.status == ReturnStatus.RECEIVED and two_items.received_on == date(2025, 7, 18)
    assert sorted(two_items.items.values_list("sku", "quantity")) == [("MUG-350-WHT", 2), ("SAUCER-WHT", 1)]
    assert two_items.units.count() == 3 and not two_items.units.exclude(grade="").exists()
    assert two_items.case.status == CaseStatus.OPEN

    refunded = found["111-2345678-9012345"]
    assert (refunded.status, refunded.refunded_amount, refunded.a_to_z_claim) == (
        ReturnStatus.REFUNDED,
        Decimal("19.50"),
        True,
    )
    assert refunded.units.count() == 1 and refunded.case.status == CaseStatus.OPEN  # still to grade
    closed = found["113-9988776-5544332"]
    assert closed.status == ReturnStatus.CLOSED and closed.case.status == CaseStatus.CLOSED
    assert closed.case.closed_at is not None


def test_importing_the_same_file_again_changes_nothing(account, july):
    run_import(account, fixture("mfn_returns_us_2025.txt"))
    activities = Activity.objects.count()

    again = run_import(account, fixture("mfn_returns_us_2025.txt"))

    assert (again.imported, again.unchanged, again.rejected) == (0, 6, 0)
    assert Return.objects.count() == 5 and Case.objects.count() == 5 and Deadline.objects.count() == 1
    assert Activity.objects.count() == activities + 2  # the file received, and imported


def test_a_bad_row_is_rejected_with_its_line_and_reason_and_the_rest_imports(account, july):
    job = run_import(account, fixture("mfn_returns_bad_rows.txt"))

    assert (job.imported, job.rejected) == (1, 6)
    assert job.errors == [
        [3, "bad Order ID '12-345': expected NNN-NNNNNNN-NNNNNNN"],
        [4, "missing Amazon RMA ID"],
        [5, "bad Return request date '2025/07/10': expected a date such as 10-Jul-2025"],
        [6, "bad Return quantity 'two': expected a whole number of units"],
        [7, "bad Label cost '4.1.4': expected an amount such as 12.34"],
        [8, "bad In policy 'maybe': expected Y or N"],
    ]
    assert list(Return.objects.values_list("amazon_order_id", flat=True)) == ["112-1000000-2000000"]


def test_extra_trailing_columns_crlf_and_blank_lines(account, july):
    job = run_import(account, fixture("mfn_returns_with_category.txt"))

    assert (job.imported, job.rejected) == (2, 0)
    shirt = Return.objects.get(amazon_order_id="171-1234567-7654321")
    assert shirt.items.get().category == "Apparel" and shirt.is_prime and shirt.status == ReturnStatus.AUTHORISED
    short = Return.objects.get(amazon_order_id="171-7654321-1234567")  # stops after "In policy"
    assert short.items.get().in_policy is True and short.order_amount is None


def test_a_latin_1_file(account, july):
    job = run_import(account, fixture("mfn_returns_de_cp1252.txt"))

    assert (job.imported, job.rejected) == (1, 0)
    item = Return.objects.get().items.get()
    assert (item.sku, item.title) == ("KAFFEE-MÜHLE", "Kaffeemühle aus Edelstahl – größere Ausführung")
    assert item.unit_price == Decimal("49.90")  # "49,90": a decimal comma


def test_a_gzipped_report(account, july):
    job = run_import(account, gzip.compress(fixture("mfn_returns_us_2025.txt")), filename="returns.txt.gz")
    assert (job.imported, job.rejected) == (6, 0)


def test_the_real_xml_reads_a_repeated_identical_item_once(account, july):
    job = run_import(account, fixture("returns_es_2020.xml"), filename="returns.xml")

    assert (job.imported, job.rejected) == (1, 0)
    ret = Return.objects.get()
    assert (ret.amazon_order_id, ret.rma_id, ret.channel) == ("408-9386448-4007569", "DJ1XPkq5RRMA", Channel.MFN)
    assert ret.requested_at == datetime(2020, 11, 12, 12, 44, 17, tzinfo=UTC) and ret.requested_time_known
    assert (ret.label_type, ret.label_paid_by, ret.currency, ret.a_to_z_claim) == (
        "AmazonUnPaidLabel",
        "Customer",
        "EUR",
        False,
    )
    item = ret.items.get()
    assert (item.sku, item.quantity, item.category, item.refund_amount) == (
        "1050s200003-XL",
        1,
        "Apparel",
        Decimal("59.90"),
    )
    assert "(Tamaño del Fabricante:XL)" in item.title and item.unit_price == Decimal("59.90")


def test_xml_with_several_returns_entities_and_a_bad_record(account, july):
    job = run_import(account, fixture("returns_two_returns.xml"), filename="returns.xml")

    assert (job.imported, job.rejected) == (2, 1)
    assert job.errors == [[3, "return_details #3: bad order_id 'not-an-order': expected NNN-NNNNNNN-NNNNNNN"]]
    mills = Return.objects.get(rma_id="Mx4rNb8QRRMA")
    assert mills.a_to_z_claim and mills.is_prime and mills.status == ReturnStatus.AUTHORISED
    assert sorted(mills.items.values_list("sku", "quantity", "title")) == [
        ("MILL-GRINDER", 2, "Spare grinder <ceramic>"),
        ("MILL-SET-2", 1, 'Salt & pepper mill set, 2 "Classic" mills'),
    ]
    towel = Return.objects.get(rma_id="Tw2sKp5LRRMA")
    assert towel.status == ReturnStatus.REQUESTED and towel.requested_at == datetime(2025, 7, 10, 9, tzinfo=UTC)
    assert towel.case.deadlines.get().started_at == towel.requested_at


def test_a_latin_1_xml_with_its_declaration(account, july):
    job = run_import(account, fixture("returns_fr_latin1.xml"), filename="returns.xml")
    assert (job.imported, job.rejected) == (1, 0)
    assert Return.objects.get().items.get().title == "Pull en laine mérinos, écru"


def test_fba_returns_open_no_case_and_come_graded_by_their_disposition(account, july):
    job = run_import(account, fixture("fba_returns_us_2025.tsv"))

    assert (job.imported, job.rejected) == (4, 0)
    assert not Case.objects.exists() and not Deadline.objects.exists()
    real = Return.objects.get(license_plate="LPNNC5N165ZVR")
    assert (real.channel, real.status, real.disposition, real.fulfillment_center) == (
        Channel.AFN,
        ReturnStatus.RECEIVED,
        "CUSTOMER_DAMAGED",
        "LEX1",
    )
    assert real.received_on == date(2025, 6, 5) and real.items.get().reason == "NOT_COMPATIBLE"
    grades = sorted(ReturnedUnit.objects.values_list("sku", "grade", "disposition", "graded_by"))
    assert grades == [
        ("BTL-750-STL", Grade.NEW, Disposition.RESTOCK, "amazon"),
        ("BTL-750-STL", Grade.NOT_RESELLABLE, Disposition.WRITE_OFF, "amazon"),
        ("BTL-750-STL", Grade.NOT_RESELLABLE, Disposition.WRITE_OFF, "amazon"),  # quantity 2: two units
        ("LVA1004-UPC", Grade.NOT_RESELLABLE, Disposition.WRITE_OFF, "amazon"),
        ("TENT-2P-GRN", Grade.NOT_RESELLABLE, Disposition.WRITE_OFF, "amazon"),
    ]
    assert run_import(account, fixture("fba_returns_us_2025.tsv")).unchanged == 4


@pytest.mark.parametrize(
    ("data", "failure"),
    [
        (b"Date\tRating\tComments\n1/2/25\t5\tok\n", "this is not one of Amazon's returns reports"),
        (b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>', "the XML declares a DTD or entities"),
        (b"<AmazonEnvelope><Message><return_details>", "the XML cannot be read"),
        (b"<AmazonEnvelope></AmazonEnvelope>", "the XML holds no return_details"),
    ],
)
def test_a_file_that_is_not_a_returns_report_is_refused_whole_and_kept(account, data, failure):
    job = run_import(account, data)
    assert job.status == ImportJob.Status.FAILED and job.failure.startswith(failure)
    with job.file.open("rb") as kept:
        assert kept.read() == data and not Return.objects.exists()


def test_a_return_joins_its_order_now_or_when_the_order_arrives(account, july):
    held = OrderFactory(account=account, amazon_order_id="111-2345678-9012345", buyer_name="Kim Miller")
    OrderItemFactory(order=held, sku="LAMP-HD-300", item_price="39.00", quantity=2)
    run_import(account, fixture("mfn_returns_us_2025.txt"))

    lamp = Return.objects.get(amazon_order_id="111-2345678-9012345")
    assert lamp.case.order == held and lamp.buyer_name == "Kim Miller"
    later = Return.objects.get(amazon_order_id="113-9988776-5544332")
    assert later.case.order is None and later.case.amazon_order_id == "113-9988776-5544332"

    # The buyer keys and the order lines' prices are the worker's: after the import, and when an order arrives.
    assert returns_link_orders(account=account) == 1
    lamp.refresh_from_db()
    assert lamp.buyer_known and lamp.email_key == f"email:{held.buyer_email}"
    assert lamp.items.get().unit_price == Decimal("19.50")
    orders_upsert(
        account=account,
        orders=[OrderWrite("113-9988776-5544332", {"status": "Shipped", "buyer_email": "z9@marketplace.amazon.com"})],
    )
    later.case.refresh_from_db()
    assert later.case.order.amazon_order_id == "113-9988776-5544332"
    assert returns_link_orders(account=account) == 1
    assert Return.objects.get(pk=later.pk).email_key == "email:z9@marketplace.amazon.com"


def test_the_report_moves_a_request_on_as_seller_central_did(account, july):
    pending = mfn_row("112-4455667-1122334", "Dk3mPq7ZRRMA", "FLASK-1L-BLK", day="14-Jul-2025", status="Pending")
    run_import(account, mfn_report([pending]))
    ret = Return.objects.get()
    assert ret.case.deadlines.get().state == "open"

    run_import(account, mfn_report([{**pending, "Return request status": "Approved"}]))
    ret.refresh_from_db()
    assert ret.status == ReturnStatus.AUTHORISED and ret.decision.source == DecisionSource.AMAZON
    assert ret.case.deadlines.get().state == "met"
    assert Case.objects.get(pk=ret.case_id).status == CaseStatus.WAITING

    back = {**pending, "Return request status": "Approved", "Return delivery date": "15-Jul-2025"}
    run_import(account, mfn_report([back]))
    ret.refresh_from_db()
    assert ret.status == ReturnStatus.RECEIVED and ret.units.count() == 1
    assert Case.objects.get(pk=ret.case_id).status == CaseStatus.OPEN

    run_import(account, mfn_report([{**back, "Refunded Amount": "34.99"}]))
    ret.refresh_from_db()
    assert ret.status == ReturnStatus.REFUNDED and ret.refund.amount == Decimal("34.99")
    assert Case.objects.get(pk=ret.case_id).status == CaseStatus.OPEN  # its unit is still to grade

    run_import(account, mfn_report([{**pending, "Return request status": "Pending"}]))  # an older file
    ret.refresh_from_db()
    assert ret.status == ReturnStatus.REFUNDED


def test_the_command_reads_every_layout_and_reports_rejected_rows(account, july, tmp_path):
    errors = {}
    for name, summary in [
        ("mfn_returns_us_2025.txt", "imported: 6, unchanged: 0, rejected: 0"),
        ("returns_two_returns.xml", "imported: 2, unchanged: 0, rejected: 1"),
        ("fba_returns_us_2025.tsv", "imported: 4, unchanged: 0, rejected: 0"),
    ]:
        path = tmp_path / name
        path.write_bytes(fixture(name))
        out, err = StringIO(), StringIO()
        call_command("import_returns", "--account", account.slug, str(path), stdout=out, stderr=err)
        assert out.getvalue().strip() == summary
        errors[name] = err.getvalue()
    assert errors["returns_two_returns.xml"].startswith("line 3: return_details #3: bad order_id 'not-an-order'")
    assert errors["mfn_returns_us_2025.txt"] == errors["fba_returns_us_2025.tsv"] == ""
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"nothing to see\n")
    with pytest.raises(CommandError, match="not one of Amazon's returns reports"):
        call_command("import_returns", "--account", account.slug, str(bad))


def test_a_manager_uploads_a_report_and_follows_its_progress(
    client, manager, account, july, celery_eager, django_capture_on_commit_callbacks
):
    client.force_login(manager)
    upload = SimpleUploadedFile("Returns.txt", fixture("mfn_returns_us_2025.txt"), "text/tab-separated-values")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("returns:import"), {"account": account.id, "file": upload})
    job = ImportJob.objects.get()
    assert response["Location"] == reverse("helpdesk:import_job", args=[job.id])
    assert (job.rows_total, job.rows_done, job.status) == (6, 6, ImportJob.Status.DONE)
    page = client.get(response["Location"]).content.decode()
    assert "imported: 6, unchanged: 0, rejected: 0" in page and "Returns report imports" in page
    assert "See the returns figures" in page and f"{reverse('returns:page')}?account={account.id}" in page


def _opened(case: Case) -> tuple:
    """What opening a case wrote: the case, its clocks, its audit rows and its search mark."""
    fresh = Case.objects.get(pk=case.pk)
    clocks = list(
        fresh.deadlines.values_list("kind", "policy_snapshot", "started_at", "warn_at", "due_at", "state", "account_id")
    )
    audits = list(fresh.activities.order_by("id").values_list("verb", "summary", "actor_id", "account_id", "after"))
    for n, (*_, after) in enumerate(audits):
        if after and "deadline" in after:  # the clock's own key: the same clock, not the same number
            audits[n] = (*audits[n][:-1], {**after, "deadline": fresh.deadlines.get().pk == after["deadline"]})
    marked = SearchPending.objects.filter(case=fresh).exists()
    return (fresh.kind, fresh.account_id, fresh.next_due_at, fresh.next_warn_at), clocks, audits, marked


def test_the_import_opens_the_cases_clocks_and_audit_rows_that_case_open_does(account, manager, july):
    """The import opens its cases in bulk (`cases_open_values`); each is what the one-case service
    (`case_open`, which the notice takes) opens for the same request, and the daily clock figures
    it keeps are the figures rebuilt from its clocks."""
    requested = datetime(2025, 7, 14, tzinfo=NEW_YORK)
    rows = [
        mfn_row("112-1000000-3000001", "Pd1aaaaaRRMA", "FLASK", day="14-Jul-2025", status="Pending Authorization"),
        mfn_row("112-1000000-3000002", "Ap1aaaaaRRMA", "MUG", day="14-Jul-2025", status="Approved"),
    ]
    run_import(account, mfn_report(rows), actor=manager)
    found = returns_by_order(account)
    awaiting, approved = found["112-1000000-3000001"].case, found["112-1000000-3000002"].case
    figures = sorted(ClockDay.objects.filter(account=account).values_list("kind", "day", "opened"))

    one = case_open(account=account, kind=RETURN, clock=RETURN_RESPONSE, clock_started_at=requested, actor=manager)
    without = case_open(account=account, kind=RETURN, actor=manager)

    assert _opened(awaiting) == _opened(one)
    assert _opened(approved) == _opened(without)
    assert _opened(awaiting)[1][0][4] == datetime(2025, 7, 16, tzinfo=NEW_YORK)  # 48 hours
    assert figures == [(RETURN_RESPONSE, date(2025, 7, 14), 1)]
    clock_days_rebuild(account=account)
    assert sorted(ClockDay.objects.filter(account=account).values_list("kind", "day", "opened")) == [
        (RETURN_RESPONSE, date(2025, 7, 14), 2)  # the import's clock and case_open's
    ]


def test_a_bad_row_between_chunks_leaves_every_other_return_with_its_case_and_clock(account, july, monkeypatch):
    monkeypatch.setattr(importing, "CHUNK_ROWS", 2)
    rows = [
        mfn_row(
            f"112-1000000-400000{n}",
            f"Ch{n}aaaaaRRMA",
            f"SKU-{n}",
            status="Pending Authorization" if n % 2 else "Approved",
        )
        for n in range(6)
    ]
    rows[3]["Return quantity"] = "three"
    job = run_import(account, mfn_report(rows))

    assert (job.imported, job.unchanged, job.rejected) == (5, 0, 1)
    assert job.errors == [[5, "bad Return quantity 'three': expected a whole number of units"]]
    job.refresh_from_db()  # the progress bar's figures
    assert (job.rows_done, job.rows_total) == (6, 6)
    found = returns_by_order(account)
    assert sorted(found) == [f"112-1000000-400000{n}" for n in (0, 1, 2, 4, 5)]
    for order_id, ret in found.items():
        awaiting = int(order_id[-1]) % 2 == 1
        assert ret.status == (ReturnStatus.REQUESTED if awaiting else ReturnStatus.AUTHORISED)
        assert ret.case.deadlines.count() == int(awaiting)
        assert ret.case.next_due_at == (ret.case.deadlines.get().due_at if awaiting else None)
        verbs = list(ret.case.activities.order_by("id").values_list("verb", flat=True))
        assert verbs == ["case.opened", "clock.started"] if awaiting else ["case.opened"]
        assert SearchPending.objects.filter(case=ret.case).exists()
    assert Case.objects.count() == 5 and Deadline.objects.count() == 2
