"""Amazon's return-authorisation notice: recognised in each marketplace's language, handed over by
mail reading, opening the return's case with its 48-hour clock; the same request from the notice
and from the report is one return and one case."""

from datetime import UTC, datetime, timedelta

import pytest

from helpdesk.models import Case, Deadline
from messaging.models import InboundMail, MailKind
from messaging.parsing import parse_mail
from messaging.services import notices_hand_over
from returns.kinds import RETURN, RETURN_RESPONSE
from returns.mailtext import read_notice
from returns.models import Return, ReturnStatus
from returns.services import return_notice_take
from tests.factories import AccountFactory, OrderFactory, OrderItemFactory

from .conftest import MAIL_FIXTURES, fixture, ingest_mail, mfn_report, mfn_row, run_import

pytestmark = pytest.mark.django_db

NOTICES = [
    # (file, marketplace, order id, title, quantity, reason, comments)
    (
        "notice_us.eml",
        "US",
        "112-4455667-1122334",
        "Insulated flask, 1 l, black",
        1,
        "Item defective or doesn't work",
        "The lid does not close any more.",
    ),
    (
        "notice_de.eml",
        "DE",
        "302-1122334-5566778",
        "Kaffeemühle aus Edelstahl – größere Ausführung",
        1,
        "Artikel defekt oder funktioniert nicht",
        "Das Mahlwerk klemmt.",
    ),
    (
        "notice_fr.eml",
        "FR",
        "171-5550001-0000009",
        "Pull en laine mérinos, écru",
        1,
        "Trop petit",
        "Taille trop juste aux épaules.",
    ),
    (
        "notice_it.eml",
        "IT",
        "404-5550001-0000010",
        "Moka in alluminio, 6 tazze",
        2,
        "Articolo difettoso",
        "La guarnizione perde.",
    ),
    (
        "notice_es.eml",
        "ES",
        "408-7654321-1234567",
        "Toalla de baño, 70 × 140 cm",
        1,
        "Ya no lo necesito",
        "Compré dos por error.",
    ),
]


def notice(name: str) -> bytes:
    return (MAIL_FIXTURES / name).read_bytes() if name.startswith("22_") else fixture(name)


def take(account, name: str, django_capture_on_commit_callbacks) -> InboundMail:
    with django_capture_on_commit_callbacks(execute=True):
        mail = ingest_mail(account, notice(name), name)
    mail.refresh_from_db()
    return mail


@pytest.mark.parametrize(("name", "marketplace", "order_id", "title", "quantity", "reason", "comments"), NOTICES)
def test_the_notice_is_read_in_each_marketplaces_language(
    name, marketplace, order_id, title, quantity, reason, comments
):
    parsed = parse_mail(notice(name))
    assert (parsed.kind, parsed.amazon_order_id) == (MailKind.RETURN_REQUEST, order_id)
    read = read_notice(parsed.text)
    assert [(i.title, i.quantity, i.reason) for i in read.items] == [(title, quantity, reason)]
    assert read.comments == comments


def test_the_uk_notice_opens_the_return_case_with_the_48_hour_clock(django_capture_on_commit_callbacks):
    uk = AccountFactory(slug="acme-uk", marketplace="GB", timezone="Europe/London")
    mail = take(uk, "22_return_request.eml", django_capture_on_commit_callbacks)

    assert mail.handled_at is not None and mail.handover_error == ""
    ret = Return.objects.get()
    assert (ret.amazon_order_id, ret.status, ret.notice_mail, ret.rma_id) == (
        "202-6611873-2209471",
        ReturnStatus.REQUESTED,
        mail,
        "",
    )
    assert ret.customer_comments == "The lid leaks."
    item = ret.items.get()
    assert (item.title, item.quantity, item.reason) == (
        "Stainless Steel Water Bottle, 750 ml",
        1,
        "Item defective or doesn't work",
    )
    case = ret.case
    assert case.kind == RETURN and case.subject.startswith("Return request: Stainless Steel Water Bottle")
    clock = case.deadlines.get()
    received = datetime(2025, 1, 24, 17, 45, tzinfo=UTC)
    assert (clock.kind, clock.started_at, clock.due_at) == (RETURN_RESPONSE, received, received + timedelta(hours=48))


def test_a_notice_taken_twice_is_one_return(account, django_capture_on_commit_callbacks):
    mail = take(account, "notice_us.eml", django_capture_on_commit_callbacks)
    assert notices_hand_over(mail_ids=[mail.pk]) == 0  # handled: not handed over again
    InboundMail.objects.filter(pk=mail.pk).update(handled_at=None)  # a crash between the commit and our knowing it
    mail.refresh_from_db()
    return_notice_take(mail=mail)
    assert Return.objects.count() == 1 and Case.objects.count() == 1 and Deadline.objects.count() == 1


def test_the_notice_takes_the_sku_from_the_order(account, django_capture_on_commit_callbacks):
    order = OrderFactory(account=account, amazon_order_id="112-4455667-1122334", buyer_name="Kim Miller")
    OrderItemFactory(order=order, sku="FLASK-1L-BLK", asin="B0C1FLASK1", item_price="34.99")
    OrderItemFactory(order=order, sku="OTHER", asin="B0C1OTHER1")
    take(account, "notice_us.eml", django_capture_on_commit_callbacks)

    ret = Return.objects.get()
    assert ret.rma_id == "Dk3mPq7ZRRMA" and ret.case.order == order and ret.buyer_name == "Kim Miller"
    assert ret.items.get().sku == "FLASK-1L-BLK" and str(ret.items.get().unit_price) == "34.99"


def test_the_notice_first_then_the_report_is_one_return(account, july, django_capture_on_commit_callbacks):
    take(account, "notice_us.eml", django_capture_on_commit_callbacks)
    clock = Deadline.objects.get()

    run_import(account, fixture("mfn_returns_us_2025.txt"))

    ret = Return.objects.get(amazon_order_id="112-4455667-1122334")
    assert Return.objects.filter(amazon_order_id="112-4455667-1122334").count() == 1
    assert Case.objects.filter(amazon_order_id="112-4455667-1122334").count() == 1
    assert ret.notice_mail is not None and ret.items.get().sku == "FLASK-1L-BLK"  # the report brought the SKU
    assert ret.case.deadlines.get() == clock and clock.started_at == datetime(2025, 7, 14, 13, 5, tzinfo=UTC)


def test_the_report_first_then_the_notice_dates_the_request_precisely(
    account, july, django_capture_on_commit_callbacks
):
    run_import(account, fixture("mfn_returns_us_2025.txt"))
    ret = Return.objects.get(amazon_order_id="112-4455667-1122334")
    assert not ret.requested_time_known

    mail = take(account, "notice_us.eml", django_capture_on_commit_callbacks)

    ret.refresh_from_db()
    assert ret.notice_mail == mail and ret.requested_time_known
    assert ret.requested_at == datetime(2025, 7, 14, 13, 5, tzinfo=UTC)
    running = ret.case.deadlines.get(state="open")
    assert running.started_at == ret.requested_at and running.due_at == ret.requested_at + timedelta(hours=48)
    assert Case.objects.filter(amazon_order_id="112-4455667-1122334").count() == 1


def test_a_notice_without_rma_id_is_the_reports_return_of_the_same_order(django_capture_on_commit_callbacks):
    spain = AccountFactory(slug="acme-es", marketplace="ES", timezone="Europe/Madrid")
    run_import(spain, fixture("returns_two_returns.xml"), filename="returns.xml")

    take(spain, "notice_es.eml", django_capture_on_commit_callbacks)

    towel = Return.objects.get(amazon_order_id="408-7654321-1234567")
    assert towel.notice_mail is not None and towel.rma_id == "Tw2sKp5LRRMA"
    assert Return.objects.filter(account=spain).count() == 2 and Case.objects.filter(account=spain).count() == 2


def test_the_report_brings_the_rma_id_of_a_return_known_from_its_notice(django_capture_on_commit_callbacks):
    germany = AccountFactory(slug="acme-de", marketplace="DE", timezone="Europe/Berlin")
    take(germany, "notice_de.eml", django_capture_on_commit_callbacks)
    ret = Return.objects.get()
    assert ret.key.startswith("mail:") and ret.items.get().sku == ""

    job = run_import(germany, fixture("mfn_returns_de_cp1252.txt"))

    assert (job.imported, job.rejected) == (1, 0)
    ret.refresh_from_db()
    assert (ret.key, ret.rma_id) == ("Ue8kLq4MRRMA", "Ue8kLq4MRRMA")
    assert ret.items.get().sku == "KAFFEE-MÜHLE" and Return.objects.count() == 1 and Case.objects.count() == 1


def test_a_notice_naming_no_order_fails_visibly_and_is_retried(account, django_capture_on_commit_callbacks):
    raw = fixture("notice_us.eml").replace(b"112-4455667-1122334", b"(order number withheld)")
    with django_capture_on_commit_callbacks(execute=True):
        mail = ingest_mail(account, raw)
    mail.refresh_from_db()
    assert mail.handled_at is None and mail.handover_attempts == 1
    assert mail.handover_error == "NoticeUnreadable: the return notice names no order id"
    assert not Return.objects.exists()


def test_an_earlier_return_of_the_same_order_is_not_the_notices(account, july, django_capture_on_commit_callbacks):
    """Only a request near the notice's time is the notice's: another return of the same order stays apart."""
    run_import(account, mfn_report([mfn_row("112-4455667-1122334", "Old1aaaaRRMA", "FLASK", day="01-May-2025")]))

    take(account, "notice_us.eml", django_capture_on_commit_callbacks)

    assert sorted(Return.objects.values_list("rma_id", "status")) == [
        ("Dk3mPq7ZRRMA", ReturnStatus.REQUESTED),
        ("Old1aaaaRRMA", ReturnStatus.AUTHORISED),
    ]
    assert Case.objects.count() == 2
