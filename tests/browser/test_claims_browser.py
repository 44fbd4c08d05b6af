from datetime import timedelta
from email.utils import format_datetime
from io import BytesIO

import pytest
from django.utils import timezone
from playwright.sync_api import expect
from pypdf import PdfReader

from claims.models import Claim
from messaging.models import Conversation, Direction, MailSource, Message
from messaging.services import inbound_process, inbound_receive
from tests.browser.conftest import login
from tests.claims.conftest import notice_bytes
from tests.factories import CaseFactory, OrderFactory
from tests.messaging import dns_stub

pytestmark = pytest.mark.django_db(transaction=True)

ORDER_ID = "114-3349021-8876140"
TRACKING = "1Z999AA10123456784"


def mail_arrives(account, name: str, *, sent_at) -> None:
    """Amazon's notice, signed with Amazon's DKIM key (the stub DNS's), reaches the mailbox now: stored, read,
    and handed to the claims app after commit."""
    raw = notice_bytes(name)
    for old in (b"Fri, 24 Jan 2025 09:15:00 +0000", b"Mon, 10 Mar 2025 09:00:00 +0000"):
        raw = raw.replace(old, format_datetime(sent_at).encode())
    mail, _ = inbound_receive(raw=dns_stub.amazon_sign(raw), source=MailSource.IMAP, account=account, source_ref=name)
    inbound_process(mail_id=mail.pk)


def test_agent_represents_a_chargeback_with_the_evidence_pdf_and_the_decision_closes_it(page, account, agent, tmp_path):
    now = timezone.now()
    order = OrderFactory(
        account=account,
        amazon_order_id=ORDER_ID,
        purchase_date=now - timedelta(days=20),
        ship_date=now - timedelta(days=19),
        delivered_at=now - timedelta(days=15),
        carrier="UPS",
        tracking_number=TRACKING,
        ship_city="Springfield",
        ship_state="IL",
        ship_postal_code="62704",
    )
    conversation = Conversation.objects.create(
        account=account,
        case=CaseFactory(account=account, order=order, subject="Where is my parcel?"),
        amazon_order_id=ORDER_ID,
        order=order,
        buyer_key="nxfzwxbkqbx3wv2@marketplace.amazon.com",
        buyer_email="nxfzwxbkqbx3wv2@marketplace.amazon.com",
    )
    Message.objects.create(
        conversation=conversation,
        direction=Direction.IN,
        sent_at=now - timedelta(days=16),
        body_text="Has my cutting board shipped yet?",
    )
    Message.objects.create(
        conversation=conversation,
        direction=Direction.OUT,
        sent_at=now - timedelta(days=16, hours=-2),
        body_text=f"Yes: UPS tracking {TRACKING}, due in four days.",
    )
    mail_arrives(account, "chargeback_new_us.eml", sent_at=now)
    claim = Claim.objects.get()

    login(page, agent.username)
    row = page.locator(f"#case-{claim.case_id}")
    expect(row).to_contain_text("Chargeback")
    row.get_by_role("link", name="Chargeback: Merchandise not received").click()

    clock = page.get_by_test_id("clock")
    expect(clock).to_contain_text("Chargeback response")
    expect(clock.locator("time.countdown")).to_contain_text("due in 6d 23h")
    expect(page.get_by_test_id("claim-liability")).to_have_text("Service-related: the seller's liability")
    expect(page.get_by_test_id("validity")).to_contain_text("the carrier shows it delivered before the claim")

    with page.expect_download() as download:
        page.get_by_test_id("evidence-pdf").click()
    saved = tmp_path / "evidence.pdf"
    download.value.save_as(saved)
    text = "\n".join(p.extract_text() for p in PdfReader(BytesIO(saved.read_bytes())).pages)
    assert TRACKING in text and "Has my cutting board shipped yet?" in text

    form = page.get_by_role("form", name="Answer Amazon")
    expect(form.get_by_label("Statement for Seller Central's response form")).to_contain_text(TRACKING)
    form.get_by_role("button", name="Represent").click()
    expect(page.get_by_role("status")).to_contain_text("Represented: the clock is met")
    expect(page.get_by_test_id("clock").locator("time.countdown")).to_contain_text("answered in")
    expect(page.get_by_test_id("case-status")).to_have_text("Waiting")

    mail_arrives(account, "chargeback_decision_us.eml", sent_at=timezone.now())
    page.reload()
    expect(page.get_by_test_id("case-status")).to_have_text("Closed")
    expect(page.get_by_test_id("claim-outcome")).to_have_text("Decided in your favour")
    expect(page.get_by_test_id("timeline")).to_contain_text("Amazon's decision: decided in your favour")
