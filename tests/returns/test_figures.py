"""Recovery per SKU and the managers' returns page: return rates over 30/90/365 days, what graded
units recover against their sale price, write-offs, FBA fees, the referral-fee refund, the costliest
SKUs first with a chart and a CSV export, in a constant number of queries. A SKU returned often
enough shows up in the review-request exclusions."""

import csv
import io
from datetime import timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from feedback.solicitation.selectors import solicitation_candidates
from helpdesk.registry import registry
from returns.figures import figures_refresh
from returns.models import Grade, ReasonFigures, Return, ReturnedUnit, SkuFigures, SkuRecovery
from returns.services import unit_grade
from returns.tasks import refresh_all_figures
from tests.factories import OrderFactory, OrderItemFactory

from .conftest import mfn_report, mfn_row, run_import

pytestmark = pytest.mark.django_db

FBA_HEADER = "\t".join(
    ["return-date", "order-id", "sku", "asin", "fnsku", "product-name", "quantity", "fulfillment-center-id"]
    + ["detailed-disposition", "reason", "status", "license-plate-number", "customer-comments"]
)


def fba_row(days_ago: int, order_id: str, sku: str, quantity: int, disposition: str, plate: str) -> str:
    returned = (timezone.now() - timedelta(days=days_ago)).isoformat()
    cells = [returned, order_id, sku, "B0TENT0001", "X0TENT", "Tent", str(quantity), "LEX1", disposition]
    return "\t".join([*cells, "DEFECTIVE", "Done", plate, ""])


def day(account, days_ago: int) -> str:
    return (timezone.localdate(timezone=account.tzinfo) - timedelta(days=days_ago)).strftime("%d-%b-%Y")


def sold(account, sku: str, *, days_ago: int, count: int, price: str = "25.00") -> list:
    orders = []
    for _ in range(count):
        order = OrderFactory(account=account, purchase_date=timezone.now() - timedelta(days=days_ago))
        OrderItemFactory(order=order, sku=sku, item_price=price, title=f"Product {sku}")
        orders.append(order)
    return orders


def figures(account, sku: str) -> dict[int, SkuFigures]:
    return {f.days: f for f in SkuFigures.objects.filter(account=account, sku=sku)}


@pytest.fixture
def mugs(account, agent):
    """20 mugs sold (10 in the last 30 days), two returned five days ago: one refunded, both back."""
    recent = sold(account, "MUG", days_ago=10, count=10)
    sold(account, "MUG", days_ago=60, count=10)
    rows = [
        mfn_row(
            recent[0].amazon_order_id,
            "Mug1aaaaRRMA",
            "MUG",
            day=day(account, 5),
            return_reason="CR-UNWANTED_ITEM",
            return_delivery_date=day(account, 2),
            label_cost="4.14",
            label_to_be_paid_by="Seller",
        ),
        mfn_row(
            recent[1].amazon_order_id,
            "Mug2aaaaRRMA",
            "MUG",
            day=day(account, 5),
            return_reason="AMZ-PG-BAD-DESC",
            return_delivery_date=day(account, 2),
            refunded_amount="25.00",
        ),
    ]
    run_import(account, mfn_report(rows))
    figures_refresh(account_id=account.id)
    return recent


def test_return_rates_per_window(account, mugs):
    found = figures(account, "MUG")
    assert [(found[d].sold_units, found[d].returned_units, found[d].return_rate) for d in (30, 90, 365)] == [
        (10, 2, Decimal(20)),
        (20, 2, Decimal(10)),
        (20, 2, Decimal(10)),
    ]
    reasons = dict(ReasonFigures.objects.filter(account=account, days=30).values_list("reason", "units"))
    assert reasons == {"CR-UNWANTED_ITEM": 1, "AMZ-PG-BAD-DESC": 1}


def test_grading_moves_the_skus_recovery(account, mugs, agent):
    mug = figures(account, "MUG")[30]
    assert (mug.graded_units, mug.recovered, mug.recovery_rate) == (0, Decimal(0), None)
    assert mug.returned_value == Decimal("50.00") and mug.label_cost == Decimal("4.14")
    assert mug.referral_refund == Decimal("3.00")  # the refunded unit: 80 % of a 3.75 referral fee

    first, second = ReturnedUnit.objects.order_by("id")
    unit_grade(unit=first, grade=Grade.NEW, actor=agent)
    unit_grade(unit=second, grade=Grade.USED, actor=agent)
    figures_refresh(account_id=account.id, skus=["MUG"])

    mug = figures(account, "MUG")[30]
    assert (mug.graded_units, mug.graded_value, mug.recovered) == (2, Decimal("50.00"), Decimal("37.50"))
    assert mug.recovery_rate == Decimal(75) and mug.write_offs == 0
    assert mug.cost == Decimal("50.00") - Decimal("37.50") - Decimal("3.00") + Decimal("4.14")
    assert mug.sold_units == 10  # a SKU's refresh keeps the units sold of the last full one

    SkuRecovery.objects.create(account=account, sku="MUG", share_used=Decimal(20))
    figures_refresh(account_id=account.id)
    assert figures(account, "MUG")[30].recovered == Decimal("30.00")


def test_fba_units_cost_their_fees_and_count_as_refunded(account):
    """FBA's units come graded: the sellable one restocked (no fee), the damaged ones written off (disposal)."""
    rows = [
        fba_row(100, "113-0000000-0000100", "TENT", 2, "CUSTOMER_DAMAGED", "LPNT1"),
        fba_row(20, "113-0000000-0000101", "TENT", 1, "SELLABLE", "LPNT2"),
    ]
    sold(account, "TENT", days_ago=120, count=4, price="129.00")
    two = OrderFactory(account=account, amazon_order_id="113-0000000-0000100")
    OrderItemFactory(order=two, sku="TENT", item_price="258.00", quantity=2)
    one = OrderFactory(account=account, amazon_order_id="113-0000000-0000101")
    OrderItemFactory(order=one, sku="TENT", item_price="129.00")
    job = run_import(account, ("\n".join([FBA_HEADER, *rows]) + "\n").encode())
    assert (job.imported, job.rejected) == (2, 0)
    assert set(Return.objects.values_list("license_plate", flat=True)) == {"LPNT1", "LPNT2"}
    figures_refresh(account_id=account.id)

    tent = figures(account, "TENT")
    assert tent[30].returned_units == 1 and tent[30].fees == Decimal(0)  # restocked in FBA: no fee
    year = tent[365]
    assert (year.returned_units, year.graded_units, year.write_offs) == (3, 3, 2)
    assert year.fees == Decimal("0.30")  # two disposals at 0.15
    assert year.recovered == Decimal("129.00") and year.referral_refund == Decimal("15.00")  # capped at 5.00 a unit

    SkuRecovery.objects.create(account=account, sku="TENT", oversize=True)
    figures_refresh(account_id=account.id)
    assert figures(account, "TENT")[365].fees == Decimal("0.60")


# --- the page --------------------------------------------------------------------------------------


def page(client, manager, account, headers=None, **params):
    client.force_login(manager)
    return client.get(reverse("returns:page"), {"account": account.id, **params}, headers=headers)


def test_the_page_shows_the_costliest_skus_first_with_the_chart_and_the_reasons(client, manager, account, mugs):
    sold(account, "LAMP", days_ago=3, count=5)
    figures_refresh(account_id=account.id)
    body = page(client, manager, account, days=30).content.decode()
    table = body.split('data-testid="sku-figures"')[1]
    assert table.index('data-testid="sku-MUG"') < table.index('data-testid="sku-LAMP"')
    assert '<canvas data-chart="chart-cost"' in body and '"labels": ["MUG"' in body
    assert "CR-UNWANTED_ITEM" in body.split('data-testid="reasons"')[1]
    mug_row = table.split('data-testid="sku-MUG"')[1].split("</tr>")[0]
    assert "20.0 %" in mug_row


def test_the_window_switches_with_htmx(client, manager, account, mugs):
    response = page(client, manager, account, days=90, headers={"HX-Request": "true"})
    body = response.content.decode()
    assert body.lstrip().startswith('<div id="returns-figures">') and "the last 90 days" in body
    assert "10.0 %" in body.split('data-testid="sku-MUG"')[1].split("</tr>")[0]


def test_an_empty_account_says_so(client, manager, account):
    body = page(client, manager, account).content.decode()
    assert "No figures yet" in body and "No returns or sales in this window." in body


def test_the_page_costs_the_same_queries_for_many_skus(client, manager, account, mugs):
    client.force_login(manager)
    url = reverse("returns:page") + f"?account={account.id}"
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for n in range(60):
        sold(account, f"SKU-{n:03d}", days_ago=4, count=1)
    run_import(
        account, mfn_report([mfn_row(f"114-0000000-{n:07d}", f"Many{n:04d}RRMA", f"SKU-{n:03d}") for n in range(60)])
    )
    figures_refresh(account_id=account.id)
    with CaptureQueriesContext(connection) as many:
        body = client.get(url).content.decode()
    assert len(many.captured_queries) == len(few.captured_queries)
    assert "The 50 costliest of 61 SKUs" in body


def test_the_export_has_every_sku_and_guards_formulas(client, manager, account, mugs):
    run_import(
        account, mfn_report([mfn_row("114-0000000-0000001", "Frm1aaaaRRMA", "=HYPERLINK(1)", day=day(account, 3))])
    )
    figures_refresh(account_id=account.id)
    client.force_login(manager)
    response = client.get(reverse("returns:export"), {"account": account.id, "days": 30})
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][:5] == ["SKU", "Product", "Window (days)", "Units sold", "Units returned"]
    assert {row[0] for row in rows[1:]} == {"MUG", "'=HYPERLINK(1)"}
    assert response["Content-Disposition"] == f'attachment; filename="returns-{account.slug}-30d.csv"'


def test_the_sku_page_lists_its_units_and_windows(client, manager, account, mugs):
    client.force_login(manager)
    body = client.get(reverse("returns:sku"), {"account": account.id, "sku": "MUG"}).content.decode()
    assert 'data-testid="window-30"' in body and body.count("not graded yet") == 2


def test_another_accounts_figures_are_not_found(client, outsider, account, mugs):
    client.force_login(outsider)
    assert client.get(reverse("returns:page"), {"account": account.id}).status_code == 404
    assert client.get(reverse("returns:sku"), {"account": account.id, "sku": "MUG"}).status_code == 404


# --- review requests -------------------------------------------------------------------------------


def test_a_sku_returned_often_shows_up_in_the_review_request_exclusions(account):
    """Feedback solicitation reads return cases per SKU: the returns report feeds it, one case per MFN
    return, linked to its order."""
    today = timezone.localdate(timezone=account.tzinfo)
    delivered = timezone.now() - timedelta(days=10)
    asked = OrderFactory(account=account, purchase_date=delivered - timedelta(days=3), delivered_at=delivered)
    OrderItemFactory(order=asked, sku="BTL-750")
    others = sold(account, "BTL-750", days_ago=20, count=9)
    assert [c.included for c in solicitation_candidates(account=account, on_date=today)] == [True]

    rows = [
        mfn_row(o.amazon_order_id, f"Btl{n}aaaaRRMA", "BTL-750", day=day(account, 12)) for n, o in enumerate(others[:3])
    ]
    run_import(account, mfn_report(rows))

    (candidate,) = solicitation_candidates(account=account, on_date=today)
    assert not candidate.included and candidate.reason == "SKU BTL-750 returns 30% > 10%"


def test_the_accounts_metrics_page_has_the_returns_section(client, manager, account, mugs):
    client.force_login(manager)
    body = client.get(reverse("helpdesk:metrics"), {"account": account.id}).content.decode()
    section = body.split('data-testid="returns-dashboard"')[1].split("</table>")[0]
    assert "20.0 %" in section  # the 30-day return rate
    assert "<td>2</td>" in section  # the two units back, not graded yet


def test_the_hourly_refresh_rewrites_every_accounts_figures(account, other_account, mugs, celery_eager):
    assert registry.beat_schedule()["returns-figures"]["task"] == "returns.tasks.refresh_all_figures"
    SkuFigures.objects.all().delete()
    assert refresh_all_figures.delay().get() == 2  # one refresh queued per account
    assert figures(account, "MUG")[30].returned_units == 2
