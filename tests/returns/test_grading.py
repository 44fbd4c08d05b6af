"""What comes back: received, each unit graded (the grade decides its disposition), a unit that is
not the one shipped marked mismatched with its evidence, photos kept as downloads, and the refund
with a restocking fee only where it is allowed."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from helpdesk.models import Case, CaseStatus
from returns.models import Disposition, Grade, RestockingRule, Return, ReturnedUnit, ReturnStatus, UnitPhoto
from returns.services import image_type, return_mark_received, return_refund, unit_grade, unit_photo_add
from tests.factories import OrderFactory, OrderItemFactory

from .conftest import mfn_report, mfn_row, run_import

pytestmark = pytest.mark.django_db

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 40
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF" + b"\x00" * 40
WEBP = b"RIFF\x24\x00\x00\x00WEBPVP8 " + b"\x00" * 40


@pytest.fixture
def authorised(account) -> Return:
    """A return authorised and on its way back: two units of one SKU, bought for 25.00 each."""
    order = OrderFactory(account=account, amazon_order_id="112-5550000-0000001", ship_postal_code="97201")
    OrderItemFactory(order=order, sku="MUG-350-WHT", item_price="50.00", quantity=2)
    row = mfn_row(
        "112-5550000-0000001", "Grd1aaaaRRMA", "MUG-350-WHT", return_quantity="2", return_reason="CR-UNWANTED_ITEM"
    )
    run_import(account, mfn_report([row]))
    return Return.objects.select_related("case", "account").get()


def receive(ret, agent, **address):
    return return_mark_received(
        ret=ret, received_on=timezone.localdate(timezone=ret.account.tzinfo), actor=agent, **address
    )


def test_a_received_parcel_has_its_units_to_grade_and_the_case_is_work_again(authorised, agent):
    receive(authorised, agent)
    ret = Return.objects.get()
    assert ret.status == ReturnStatus.RECEIVED and ret.units.count() == 2
    assert not ret.units.exclude(grade="").exists()
    assert Case.objects.get(pk=ret.case_id).status == CaseStatus.OPEN
    with pytest.raises(ValidationError, match="cannot be received now"):
        receive(ret, agent)


def test_a_parcel_from_the_future_is_refused(authorised, agent):
    with pytest.raises(ValidationError, match="in the future"):
        return_mark_received(ret=authorised, received_on=timezone.localdate() + timedelta(days=2), actor=agent)


@pytest.mark.parametrize(
    ("grade", "chosen", "disposition"),
    [
        (Grade.NEW, "", Disposition.RESTOCK),
        (Grade.REWORK, "", Disposition.REWORK),
        (Grade.USED, "", Disposition.LIST_USED),
        (Grade.USED, Disposition.SELL_ELSEWHERE, Disposition.SELL_ELSEWHERE),
        (Grade.NOT_RESELLABLE, "", Disposition.WRITE_OFF),
        (Grade.NOT_RESELLABLE, Disposition.SELL_ELSEWHERE, Disposition.SELL_ELSEWHERE),
        (Grade.NEW, Disposition.WRITE_OFF, Disposition.RESTOCK),  # a new unit is not written off
    ],
)
def test_the_grade_decides_the_disposition(authorised, agent, grade, chosen, disposition):
    receive(authorised, agent)
    unit = unit_grade(unit=ReturnedUnit.objects.first(), grade=grade, disposition=chosen, actor=agent)
    assert (unit.grade, unit.disposition, unit.grader) == (grade, disposition, agent)


def test_a_mismatched_unit_needs_its_evidence(authorised, agent):
    receive(authorised, agent)
    unit = ReturnedUnit.objects.first()
    with pytest.raises(ValidationError, match="Say what does not match"):
        unit_grade(unit=unit, grade=Grade.NOT_RESELLABLE, mismatched=True, actor=agent)
    with pytest.raises(ValidationError, match="the unit is the one shipped"):
        unit_grade(
            unit=unit,
            grade=Grade.NOT_RESELLABLE,
            mismatched=True,
            shipped_serial="A1",
            returned_serial="A1",
            actor=agent,
        )
    unit = unit_grade(
        unit=unit,
        grade=Grade.NOT_RESELLABLE,
        mismatched=True,
        shipped_serial="SN-1001",
        returned_serial="SN-7777",
        actor=agent,
    )
    assert unit.mismatched and unit.disposition == Disposition.WRITE_OFF
    assert (
        "MISMATCHED: not the unit shipped (shipped SN-1001, returned SN-7777)"
        in unit.ret.case.activities.last().summary
    )


def test_once_refunded_and_every_unit_graded_the_case_closes(authorised, agent):
    receive(authorised, agent)
    return_refund(ret=authorised, amount=Decimal("50.00"), actor=agent)
    first, second = ReturnedUnit.objects.order_by("id")
    unit_grade(unit=first, grade=Grade.NEW, actor=agent)
    assert Case.objects.get(pk=authorised.case_id).status == CaseStatus.OPEN
    unit_grade(unit=second, grade=Grade.USED, actor=agent)
    assert Case.objects.get(pk=authorised.case_id).status == CaseStatus.CLOSED


# --- the restocking fee --------------------------------------------------------------------------


def test_no_restocking_fee_for_units_back_as_new(authorised, agent):
    receive(authorised, agent)
    for unit in ReturnedUnit.objects.all():
        unit_grade(unit=unit, grade=Grade.NEW, actor=agent)
    with pytest.raises(ValidationError, match="every unit came back resellable as new"):
        return_refund(
            ret=authorised, amount=Decimal("45"), restocking_fee=Decimal("5"), restocking_reason="x", actor=agent
        )


def test_a_restocking_fee_for_a_used_unit_up_to_the_category_rule_and_with_its_reason(authorised, agent, account):
    RestockingRule.objects.create(account=account, category="Kitchen", max_percent=20)
    authorised.items.update(category="Kitchen")
    receive(authorised, agent)
    first, second = ReturnedUnit.objects.order_by("id")
    unit_grade(unit=first, grade=Grade.NEW, actor=agent)
    unit_grade(unit=second, grade=Grade.USED, note="Coffee stains inside", actor=agent)
    with pytest.raises(ValidationError, match=r"at most 10.00 is allowed here \(20 % of 50.00,"):
        return_refund(
            ret=authorised, amount=Decimal("38"), restocking_fee=Decimal("12"), restocking_reason="used", actor=agent
        )
    with pytest.raises(ValidationError, match="Say why a restocking fee is kept back"):
        return_refund(ret=authorised, amount=Decimal("40"), restocking_fee=Decimal("10"), actor=agent)
    refund = return_refund(
        ret=authorised,
        amount=Decimal("40"),
        restocking_fee=Decimal("10"),
        restocking_reason="One mug came back used: coffee stains inside.",
        actor=agent,
    )
    assert (refund.amount, refund.restocking_fee) == (Decimal("40"), Decimal("10"))
    assert Return.objects.get().status == ReturnStatus.REFUNDED
    assert (
        "restocking fee 10 kept back: One mug came back used"
        in authorised.case.activities.filter(verb="return.status").last().summary
    )


def test_no_restocking_fee_when_the_reason_is_the_sellers_side(account, agent):
    row = mfn_row("112-5550000-0000002", "Flt1aaaaRRMA", "MUG-350-WHT", return_reason="CR-DEFECTIVE")
    run_import(account, mfn_report([row]))
    ret = Return.objects.get()
    receive(ret, agent)
    unit_grade(unit=ReturnedUnit.objects.get(), grade=Grade.NOT_RESELLABLE, actor=agent)
    with pytest.raises(ValidationError, match=r"the return reason \(CR-DEFECTIVE\) is the seller's side"):
        return_refund(ret=ret, amount=Decimal("20"), restocking_fee=Decimal("5"), restocking_reason="x", actor=agent)


def test_the_panel_says_whether_a_fee_may_be_kept(client, agent, authorised):
    receive(authorised, agent)
    for unit in ReturnedUnit.objects.all():
        unit_grade(unit=unit, grade=Grade.USED, actor=agent)
    client.force_login(agent)
    page = client.get(reverse("helpdesk:case", args=[authorised.case_id])).content.decode()
    restocking = page.split('data-testid="restocking"')[1].split("</p>")[0]
    assert "Up to 50 % of the refund: returned materially different from what was shipped." in restocking


# --- photos --------------------------------------------------------------------------------------


@pytest.mark.parametrize(("data", "found"), [(PNG, "image/png"), (JPEG, "image/jpeg"), (WEBP, "image/webp")])
def test_photos_are_recognised_by_their_bytes(data, found):
    assert image_type(data)[0] == found


def test_only_images_of_at_most_5_mb_and_six_a_unit(authorised, agent):
    receive(authorised, agent)
    unit = ReturnedUnit.objects.first()
    with pytest.raises(ValidationError, match="not a JPEG, PNG, GIF or WebP image"):
        unit_photo_add(unit=unit, filename="x.png", data=b"<svg onload=alert(1)>", actor=agent)
    with pytest.raises(ValidationError, match="at most 5 MB"):
        unit_photo_add(unit=unit, filename="big.jpg", data=JPEG + b"\0" * (5 * 1024 * 1024), actor=agent)
    for n in range(6):
        unit_photo_add(unit=unit, filename=f"../../etc/p{n}.html", data=PNG, actor=agent)
    with pytest.raises(ValidationError, match="at most 6 photos"):
        unit_photo_add(unit=unit, filename="seventh.png", data=PNG, actor=agent)
    assert set(UnitPhoto.objects.values_list("content_type", flat=True)) == {"image/png"}
    assert UnitPhoto.objects.first().filename == "etcp0.png"  # the type from the bytes, never the name


def test_grading_through_the_form_with_photos_served_only_as_downloads(client, agent, outsider, authorised):
    receive(authorised, agent)
    unit = ReturnedUnit.objects.first()
    client.force_login(agent)
    response = client.post(
        reverse("returns:grade", args=[unit.id]),
        {
            "grade": "used",
            "disposition": "sell_elsewhere",
            "note": "Scratched base",
            "photos": [
                SimpleUploadedFile("base.png", PNG, "image/png"),
                SimpleUploadedFile("side.jpg", JPEG, "image/jpeg"),
            ],
        },
        follow=True,
    )
    assert "MUG-350-WHT #1: resellable as used, sell elsewhere." in response.content.decode()
    photo = UnitPhoto.objects.get(filename="base.png")
    download = client.get(reverse("returns:photo", args=[photo.id]))
    assert download["Content-Disposition"].startswith("attachment;")
    assert download["X-Content-Type-Options"] == "nosniff" and download["Content-Security-Policy"] == "sandbox"
    assert download.content == PNG
    client.force_login(outsider)
    assert client.get(reverse("returns:photo", args=[photo.id])).status_code == 404
    assert client.post(reverse("returns:grade", args=[unit.id]), {"grade": "new"}).status_code == 404


def test_a_file_that_is_not_an_image_is_refused_by_the_form(client, agent, authorised):
    receive(authorised, agent)
    unit = ReturnedUnit.objects.first()
    client.force_login(agent)
    response = client.post(
        reverse("returns:grade", args=[unit.id]),
        {"grade": "new", "photos": [SimpleUploadedFile("x.png", b"<html>", "image/png")]},
        follow=True,
    )
    assert "not a JPEG, PNG, GIF or WebP image" in response.content.decode()
    assert not UnitPhoto.objects.exists() and ReturnedUnit.objects.get(pk=unit.pk).grade == ""


def test_receiving_through_the_form_keeps_the_parcels_address(client, agent, authorised):
    client.force_login(agent)
    client.post(
        reverse("returns:receive", args=[authorised.id]),
        {
            "received_on": timezone.localdate(timezone=authorised.account.tzinfo).isoformat(),
            "sender_address": "PO Box 1234\nSpringfield",
            "sender_postal_code": "62701",
            "sender_country": "us",
        },
    )
    ret = Return.objects.get()
    assert (ret.sender_postal_code, ret.sender_country) == ("62701", "US")
    assert ret.address_key == "address:pobox 1234 springfield|62701|US"
