import gzip
import io
import sys
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from helpdesk.importing import ReportError, RowError
from helpdesk.models import Activity, Order, OrderItem
from helpdesk.services.lifecycle import case_open
from helpdesk.services.orders import orders_import
from tests.factories import AccountFactory, OrderFactory, OrderItemFactory

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "orders"


def fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def header_2020() -> list[str]:
    return fixture("all_orders_2020.tsv").decode().split("\r\n")[0].split("\t")


def report(rows: list[dict[str, str]], *, columns: list[str] | None = None) -> bytes:
    """A report with the 2020 columns (or `columns`), every cell not given left empty."""
    columns = columns or header_2020()
    lines = ["\t".join(columns)] + ["\t".join(row.get(column, "") for column in columns) for row in rows]
    return ("\n".join(lines) + "\n").encode()


def row(order_id: str, sku: str = "BTL-750-SS", **cells: str) -> dict[str, str]:
    return {
        "amazon-order-id": order_id,
        "purchase-date": "2024-05-01T10:00:00+00:00",
        "order-status": "Shipped",
        "fulfillment-channel": "Merchant",
        "sales-channel": "Amazon.com",
        "sku": sku,
        "quantity": "1",
        "currency": "USD",
        "item-price": "19.99",
        **{column.replace("_", "-"): value for column, value in cells.items()},
    }


def snapshot(account) -> dict:
    return {
        "orders": {o.pk: o.updated_at for o in Order.objects.filter(account=account)},
        "items": list(OrderItem.objects.filter(order__account=account).values()),
    }


@pytest.mark.django_db
class TestFields:
    def test_2020_layout_orders_and_items(self, account):
        result = orders_import(account=account, data=fixture("all_orders_2020.tsv"))

        assert result.summary_line() == "imported: 5, unchanged: 0, rejected: 0"
        order = Order.objects.get(account=account, amazon_order_id="112-3456789-0123456")
        assert order.purchase_date == datetime(2020, 3, 14, 15, 9, 26, tzinfo=UTC)
        assert order.last_updated == datetime(2020, 3, 16, 19, 2, 11, tzinfo=UTC)
        assert order.status == "Shipped"
        assert order.fulfillment_channel == "MFN"
        assert order.sales_channel == "Amazon.com"
        assert order.marketplace_id == "ATVPDKIKX0DER"
        assert order.ship_service_level == "Standard"
        assert (order.ship_city, order.ship_state, order.ship_postal_code, order.ship_country) == (
            "PORTLAND",
            "OR",
            "97205-2210",
            "US",
        )
        assert order.currency == "USD"
        assert order.order_total == Decimal("47.97")
        assert order.is_business_order is False
        bottle, lid = order.items.order_by("sku")
        assert (bottle.sku, bottle.asin, bottle.quantity, bottle.item_status) == (
            "BTL-750-SS",
            "B07QX4M8ZD",
            2,
            "Shipped",
        )
        assert (bottle.item_price, bottle.item_tax, bottle.shipping_price) == (
            Decimal("39.98"),
            Decimal("3.20"),
            Decimal("0.00"),
        )
        assert bottle.title == "Stainless Steel Water Bottle, 750 ml, Double Wall Vacuum Insulated"
        # A title that begins with a quote stays as written: the file is not CSV-quoted.
        assert lid.title == '"Sport" Flip Lid for 750 ml Bottles, Black'

    def test_cancelled_line_has_no_prices_and_is_left_out_of_the_total(self, account):
        orders_import(account=account, data=fixture("all_orders_2020.tsv"))

        order = Order.objects.get(amazon_order_id="113-2233445-5566778")
        cancelled = order.items.get(sku="SLV-MINT")
        assert (cancelled.item_status, cancelled.quantity, cancelled.currency) == ("Cancelled", 0, "")
        assert (cancelled.item_price, cancelled.item_tax, cancelled.shipping_price) == (None, None, None)
        assert order.currency == "USD"
        assert order.order_total == Decimal("24.99")

    def test_afn_business_order_from_a_short_row(self, account):
        orders_import(account=account, data=fixture("all_orders_2020.tsv"))

        order = Order.objects.get(amazon_order_id="114-9876543-2109876")
        assert order.fulfillment_channel == "AFN"
        assert order.is_fba
        assert order.is_business_order is True
        assert order.ship_state == "FLORIDA"
        assert order.order_total == Decimal("129.00")

    def test_2022_layout(self, account):
        result = orders_import(account=account, data=fixture("all_orders_2022.tsv"))

        assert result.summary_line() == "imported: 4, unchanged: 0, rejected: 0"
        priced_but_cancelled = Order.objects.get(amazon_order_id="113-8871452-8288246")
        assert priced_but_cancelled.status == "Cancelled"
        assert priced_but_cancelled.items.get().item_price == Decimal("14.00")
        assert priced_but_cancelled.order_total is None
        unpriced = Order.objects.get(amazon_order_id="113-3281105-7707448").items.get()
        assert (unpriced.currency, unpriced.item_price, unpriced.quantity) == ("", None, 0)
        shipped = Order.objects.get(amazon_order_id="114-5550123-7788990")
        assert shipped.fulfillment_channel == "AFN"
        assert shipped.purchase_date == datetime(2022, 7, 20, 14, 5, 9, tzinfo=UTC)
        assert shipped.order_total == Decimal("28.00")
        assert shipped.marketplace_id == "ATVPDKIKX0DER"

    def test_unknown_columns_ignored_and_missing_columns_left_alone(self, account):
        OrderFactory(account=account, amazon_order_id="120-1000000-0000001", ship_city="BOSTON", status="Pending")
        columns = ["amazon-order-id", "order-status", "sku", "quantity", "item-price", "some-future-column"]
        data = report(
            [
                {
                    "amazon-order-id": "120-1000000-0000001",
                    "order-status": "Shipped",
                    "sku": "A-1",
                    "quantity": "1",
                    "item-price": "5.00",
                    "some-future-column": "whatever",
                }
            ],
            columns=columns,
        )

        result = orders_import(account=account, data=data)

        assert result.summary_line() == "imported: 1, unchanged: 0, rejected: 0"
        order = Order.objects.get(amazon_order_id="120-1000000-0000001")
        assert order.status == "Shipped"
        assert order.ship_city == "BOSTON"
        assert order.order_total == Decimal("5.00")

    def test_buyer_name_and_email_are_kept(self, account):
        OrderFactory(
            account=account,
            amazon_order_id="112-3456789-0123456",
            status="Pending",
            buyer_name="Jane Roe",
            buyer_email="x7k2lq9m3n5p8r1@marketplace.amazon.com",
        )

        orders_import(account=account, data=fixture("all_orders_2020.tsv"))

        order = Order.objects.get(amazon_order_id="112-3456789-0123456")
        assert order.status == "Shipped"
        assert order.buyer_name == "Jane Roe"
        assert order.buyer_email == "x7k2lq9m3n5p8r1@marketplace.amazon.com"

    def test_the_delivery_estimate_from_the_order_sync_is_kept(self, account):
        estimate = datetime(2024, 5, 8, 6, 59, 59, tzinfo=UTC)
        OrderFactory(
            account=account, amazon_order_id="122-1000000-0000001", status="Unshipped", estimated_delivery_date=estimate
        )

        orders_import(account=account, data=report([row("122-1000000-0000001")]))

        order = Order.objects.get(amazon_order_id="122-1000000-0000001")
        assert (order.status, order.estimated_delivery_date) == ("Shipped", estimate)

    def test_total_counts_items_already_stored(self, account):
        order = OrderFactory(account=account, amazon_order_id="121-1000000-0000001", order_total=None)
        OrderItemFactory(order=order, sku="OLD", item_price="10.00", item_status="Shipped")

        orders_import(account=account, data=report([row("121-1000000-0000001", "NEW", item_price="2.50")]))

        order.refresh_from_db()
        assert order.order_total == Decimal("12.50")

    def test_orders_are_per_account(self, account, other_account):
        OrderFactory(account=other_account, amazon_order_id="112-3456789-0123456", status="Pending")

        orders_import(account=account, data=fixture("all_orders_2020.tsv"))

        assert Order.objects.get(account=other_account, amazon_order_id="112-3456789-0123456").status == "Pending"
        assert Order.objects.get(account=account, amazon_order_id="112-3456789-0123456").status == "Shipped"


@pytest.mark.django_db
class TestRejectedRows:
    def test_malformed_rows_reported_with_line_numbers_and_the_rest_imported(self, account):
        result = orders_import(account=account, data=fixture("all_orders_malformed.tsv"))

        assert result.summary_line() == "imported: 2, unchanged: 0, rejected: 4"
        assert result.errors == [
            RowError(3, "bad amazon-order-id '115-111111-1111111': expected NNN-NNNNNNN-NNNNNNN"),
            RowError(4, "bad purchase-date '2020-13-45T10:00:00+00:00': expected an ISO 8601 date and time"),
            RowError(6, "missing sku"),
            RowError(7, "bad item-price '24,99': expected a number such as 12.34"),
        ]
        assert set(Order.objects.values_list("amazon_order_id", flat=True)) == {
            "115-1111111-1111111",
            "117-3333333-3333333",
        }

    def test_dates_need_an_offset(self, account):
        result = orders_import(
            account=account, data=report([row("122-1000000-0000001", purchase_date="2024-05-01T10:00:00")])
        )

        assert result.errors == [RowError(2, "bad purchase-date '2024-05-01T10:00:00': no UTC offset")]

    def test_bad_values(self, account):
        data = report(
            [
                row("123-1000000-0000001", quantity="two"),
                row("123-1000000-0000002", fulfillment_channel="Drone"),
                row("123-1000000-0000003", ship_country="USA"),
                row("123-1000000-0000004", is_business_order="maybe"),
            ]
        )

        result = orders_import(account=account, data=data)

        assert [(e.line, e.reason) for e in result.errors] == [
            (2, "bad quantity 'two': expected a whole number"),
            (3, "bad fulfillment-channel 'Drone': expected Amazon or Merchant"),
            (4, "bad ship-country 'USA': longer than 2 characters"),
            (5, "bad is-business-order 'maybe': expected true or false"),
        ]
        assert not Order.objects.exists()

    def test_same_sku_twice_in_an_order(self, account):
        data = report([row("124-1000000-0000001", "A"), row("124-1000000-0000001", "A", item_price="1.00")])

        result = orders_import(account=account, data=data)

        assert result.errors == [RowError(3, "sku 'A' appears twice in order 124-1000000-0000001 (first on line 2)")]
        assert OrderItem.objects.get().item_price == Decimal("19.99")

    def test_blank_lines_skipped_and_stray_carriage_return_rejected(self, account):
        lines = report([row("125-1000000-0000001"), row("125-1000000-0000002")]).decode().split("\n")
        data = "\n".join([lines[0], lines[1], "", lines[2].replace("Amazon.com", "Amazon\r.com"), ""]).encode()

        result = orders_import(account=account, data=data)

        assert result.imported == 1
        assert [e.line for e in result.errors] == [4]
        assert result.errors[0].reason.startswith("unreadable line:")

    def test_file_without_the_order_id_column_is_refused(self, account):
        columns = [c for c in header_2020() if c != "amazon-order-id"]

        with pytest.raises(ReportError, match="no amazon-order-id column"):
            orders_import(account=account, data=report([row("126-1000000-0000001")], columns=columns))

        assert not Order.objects.exists()
        assert not Activity.objects.exists()

    def test_empty_file_is_refused(self, account):
        with pytest.raises(ReportError, match="empty"):
            orders_import(account=account, data=b"")


@pytest.mark.django_db
class TestIdempotence:
    def test_reimport_changes_nothing(self, account):
        first = orders_import(account=account, data=fixture("all_orders_2020.tsv"))
        before = snapshot(account)

        second = orders_import(account=account, data=fixture("all_orders_2020.tsv"))

        assert first.summary_line() == "imported: 5, unchanged: 0, rejected: 0"
        assert second.summary_line() == "imported: 0, unchanged: 5, rejected: 0"
        assert snapshot(account) == before

    def test_a_changed_item_counts_only_its_row(self, account):
        orders_import(account=account, data=fixture("all_orders_2020.tsv"))
        before = snapshot(account)
        changed = fixture("all_orders_2020.tsv").replace(b"\tInsulated Tumbler", b"\tInsulated Tumbler (new)")

        result = orders_import(account=account, data=changed)

        assert result.summary_line() == "imported: 1, unchanged: 4, rejected: 0"
        assert OrderItem.objects.get(sku="TMB-600").title == "Insulated Tumbler (new) with Straw, 600 ml"
        assert snapshot(account)["orders"] == before["orders"]

    def test_a_status_change_updates_the_order(self, account):
        orders_import(account=account, data=report([row("127-1000000-0000001", "A"), row("127-1000000-0000001", "B")]))
        updated_at = Order.objects.get().updated_at

        result = orders_import(
            account=account,
            data=report(
                [
                    row("127-1000000-0000001", "A", order_status="Cancelled"),
                    row("127-1000000-0000001", "B", order_status="Cancelled"),
                ]
            ),
        )

        assert result.summary_line() == "imported: 2, unchanged: 0, rejected: 0"
        order = Order.objects.get()
        assert (order.status, order.order_total) == ("Cancelled", None)
        assert order.updated_at > updated_at

    def test_writes_in_bulk(self, account, django_assert_max_num_queries):
        rows = [row(f"128-{n:07d}-0000001", "A") for n in range(2500)] + [row("128-0000000-0000001", "B")]

        # Each chunk also looks for cases waiting for their order, to mark them for the search index.
        with django_assert_max_num_queries(42):
            result = orders_import(account=account, data=report(rows))

        assert result.imported == 2501
        assert Order.objects.count() == 2500
        assert OrderItem.objects.count() == 2501

    def test_reports_progress_per_chunk(self, account, monkeypatch):
        monkeypatch.setattr("helpdesk.services.orders.CHUNK_ORDERS", 2)
        rows = [row(f"129-{n:07d}-0000001") for n in range(5)] + [row("bad-id")]
        calls = []

        orders_import(account=account, data=report(rows), progress=lambda done, total: calls.append((done, total)))

        assert calls == [(1, 6), (3, 6), (5, 6), (6, 6)]

    def test_one_audit_row_per_import(self, account, admin_user):
        result = orders_import(account=account, data=fixture("all_orders_malformed.tsv"), actor=admin_user)

        activity = Activity.objects.get()
        assert (activity.verb, activity.summary) == ("orders.imported", result.summary_line())
        assert (activity.account, activity.actor) == (account, admin_user)


@pytest.mark.django_db
class TestFilesAsDelivered:
    def test_gzip(self, account):
        result = orders_import(account=account, data=gzip.compress(fixture("all_orders_2020.tsv")))

        assert result.summary_line() == "imported: 5, unchanged: 0, rejected: 0"
        assert Order.objects.get(amazon_order_id="112-3456789-0123456").order_total == Decimal("47.97")

    def test_broken_gzip_is_refused(self, account):
        with pytest.raises(ReportError, match="cannot be decompressed"):
            orders_import(account=account, data=gzip.compress(fixture("all_orders_2020.tsv"))[:200])

    def test_windows_1252_german_file(self, other_account):
        result = orders_import(account=other_account, data=fixture("all_orders_de_cp1252.tsv"))

        assert result.summary_line() == "imported: 2, unchanged: 0, rejected: 0"
        german = Order.objects.get(amazon_order_id="302-1234567-7654321")
        assert german.items.get().title == "Küchenwaage aus Edelstahl – 5 kg, Präzision 1 g, inkl. Batterien (Wert 2 €)"
        assert (german.ship_city, german.marketplace_id, german.currency) == ("München", "A1PA6795UKMFR9", "EUR")
        french = Order.objects.get(amazon_order_id="403-7654321-1234567")
        assert (french.ship_city, french.marketplace_id, french.fulfillment_channel) == (
            "Orléans",
            "A13V1IB3VIYZZH",
            "AFN",
        )

    def test_utf8_with_byte_order_mark(self, other_account):
        text = fixture("all_orders_de_cp1252.tsv").decode("cp1252")

        result = orders_import(account=other_account, data=text.encode("utf-8-sig"))

        assert result.imported == 2
        assert Order.objects.get(amazon_order_id="302-1234567-7654321").ship_city == "München"

    def test_windows_31j_japanese_file(self, db):
        japan = AccountFactory(slug="acme-jp", marketplace="JP", timezone="Asia/Tokyo")

        result = orders_import(account=japan, data=fixture("all_orders_jp_cp932.tsv"))

        assert result.summary_line() == "imported: 1, unchanged: 0, rejected: 0"
        order = Order.objects.get(account=japan)
        assert order.purchase_date == datetime(2021, 11, 3, 3, 34, 56, tzinfo=UTC)
        assert (order.ship_state, order.ship_city, order.marketplace_id) == ("東京都", "渋谷区", "A1VC38T7YXB528")
        item = order.items.get()
        assert item.title == "ステンレス製 真空断熱 水筒 750ml～1L ①ブラック"
        assert (item.currency, item.item_price, order.order_total) == ("JPY", Decimal("1980.00"), Decimal("1980.00"))


@pytest.mark.django_db
class TestCommand:
    def test_reports_rejected_rows_and_the_summary(self, account):
        out, err = io.StringIO(), io.StringIO()

        call_command(
            "import_orders", "--account", "acme-us", str(FIXTURES / "all_orders_malformed.tsv"), stdout=out, stderr=err
        )

        assert out.getvalue() == "imported: 2, unchanged: 0, rejected: 4\n"
        assert err.getvalue().splitlines() == [
            "line 3: bad amazon-order-id '115-111111-1111111': expected NNN-NNNNNNN-NNNNNNN",
            "line 4: bad purchase-date '2020-13-45T10:00:00+00:00': expected an ISO 8601 date and time",
            "line 6: missing sku",
            "line 7: bad item-price '24,99': expected a number such as 12.34",
        ]

    def test_reads_stdin(self, account, monkeypatch):
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(fixture("all_orders_2020.tsv"))))
        out = io.StringIO()

        call_command("import_orders", "--account", "acme-us", "-", stdout=out, stderr=io.StringIO())

        assert out.getvalue() == "imported: 5, unchanged: 0, rejected: 0\n"

    def test_unknown_account(self, account):
        with pytest.raises(CommandError, match="no-such-seller"):
            call_command("import_orders", "--account", "no-such-seller", str(FIXTURES / "all_orders_2020.tsv"))

    def test_refused_file(self, account, tmp_path):
        path = tmp_path / "report.tsv"
        path.write_bytes(b"order-id\tsku\n")

        with pytest.raises(CommandError, match="no amazon-order-id column"):
            call_command("import_orders", "--account", "acme-us", str(path))

    def test_missing_file(self, account, tmp_path):
        with pytest.raises(CommandError, match="Cannot read"):
            call_command("import_orders", "--account", "acme-us", str(tmp_path / "nope.tsv"))


@pytest.mark.django_db
def test_a_case_about_an_order_not_imported_yet_is_linked_when_the_order_arrives(account, other_account):
    waiting = case_open(account=account, kind="message", amazon_order_id="113-8871452-8288246", subject="Claim")
    elsewhere = case_open(account=other_account, kind="message", amazon_order_id="113-8871452-8288246")
    assert waiting.order is None and waiting.amazon_order_id == "113-8871452-8288246"

    orders_import(account=account, data=fixture("all_orders_2022.tsv"))

    waiting.refresh_from_db()
    elsewhere.refresh_from_db()
    assert waiting.order == Order.objects.get(account=account, amazon_order_id="113-8871452-8288246")
    assert elsewhere.order is None  # another seller's order of the same id stays theirs
    assert case_open(account=account, kind="message", order=waiting.order).amazon_order_id == "113-8871452-8288246"
