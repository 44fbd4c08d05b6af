"""The agent's case page for a claim: the verdict and the evidence, the answer that meets the clock,
Amazon's decision, the appeal, the no-show playbook; the printable evidence and its PDF."""

from datetime import timedelta
from decimal import Decimal
from io import BytesIO

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from claims.models import Claim, ClaimSource, ClaimStatus, Outcome
from claims.services import ClaimFacts, claim_decide, claim_open
from helpdesk.models import Activity, CaseStatus, Deadline, DeadlineState
from messaging.models import Conversation, Direction, Message
from tests.factories import CaseFactory, OrderFactory

pytestmark = pytest.mark.django_db

TRACKING = "1Z999AA10123456784"


@pytest.fixture
def order(account):
    return OrderFactory(
        account=account,
        amazon_order_id="113-8890123-4456789",
        purchase_date=timezone.now() - timedelta(days=20),
        ship_date=timezone.now() - timedelta(days=19),
        estimated_delivery_date=timezone.now() - timedelta(days=12),
        carrier="UPS",
        tracking_number=TRACKING,
        order_total=Decimal("45.99"),
        ship_city="Springfield",
        ship_state="IL",
        ship_postal_code="62704",
    )


def open_claim(account, order, kind="atoz", **facts):
    facts.setdefault("ground", "not_received")
    facts.setdefault("reason", "Item not received")
    facts.setdefault("amount", Decimal("45.99"))
    return claim_open(
        account=account,
        kind=kind,
        amazon_order_id=order.amazon_order_id,
        claimed_at=timezone.now() - timedelta(hours=2),
        source=ClaimSource.MAIL,
        facts=ClaimFacts(**facts),
    )[0]


def thread(account, order, messages):
    conversation = Conversation.objects.create(
        account=account,
        case=CaseFactory(account=account, order=order),
        amazon_order_id=order.amazon_order_id,
        order=order,
        buyer_key="nxfzwxbkqbx3wv2@marketplace.amazon.com",
        buyer_email="nxfzwxbkqbx3wv2@marketplace.amazon.com",
    )
    start = timezone.now() - timedelta(days=5)
    Message.objects.bulk_create(
        Message(conversation=conversation, direction=direction, sent_at=start + timedelta(minutes=i), body_text=text)
        for i, (direction, text) in enumerate(messages)
    )


def test_the_case_page_shows_the_verdict_the_evidence_and_a_statement_to_paste(client, agent, account, order):
    thread(account, order, [(Direction.IN, "Where is my parcel?"), (Direction.OUT, "It is on its way: UPS.")])
    claim = open_claim(account, order)
    client.force_login(agent)
    page = client.get(reverse("helpdesk:case", args=[claim.case_id])).content.decode()
    assert "Is the claim valid?" in page and "Did the buyer contact you before claiming?" in page
    assert TRACKING in page and "Springfield" in page
    assert reverse("claims:evidence_pdf", args=[claim.id]) in page
    statement = page.split('id="statement"', 1)[1].split("</textarea>", 1)[0]
    assert TRACKING in statement and "Where is my parcel?" in statement


def test_responding_with_evidence_meets_the_clock_and_the_case_waits(client, agent, account, order):
    claim = open_claim(account, order)
    client.force_login(agent)
    response = client.post(
        reverse("claims:respond", args=[claim.id]),
        {"response": "evidence", "statement": f"Delivered by UPS, tracking {TRACKING}."},
        follow=True,
    )
    assert "the clock is met" in response.content.decode()
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.RESPONDED and claim.statement.endswith(f"{TRACKING}.")
    assert claim.case.status == CaseStatus.WAITING and claim.responded_by == agent
    assert Deadline.objects.get(case=claim.case).state == DeadlineState.MET
    assert Activity.objects.filter(case=claim.case, verb="claim.responded", actor=agent).exists()


def test_a_refund_in_part_must_be_less_than_the_claim_and_a_chargeback_is_represented_not_answered(
    client, agent, account, order
):
    claim = open_claim(account, order)
    client.force_login(agent)
    page = client.post(
        reverse("claims:respond", args=[claim.id]),
        {"response": "refund_partial", "refund_amount": "45.99"},
        follow=True,
    ).content.decode()
    assert "choose a full refund instead" in page
    client.post(reverse("claims:respond", args=[claim.id]), {"response": "refund_partial", "refund_amount": "20"})
    claim.refresh_from_db()
    assert (claim.status, claim.refund_amount) == (ClaimStatus.REFUNDED, Decimal("20.00"))

    chargeback = open_claim(account, order, kind="chargeback")
    page = client.post(
        reverse("claims:respond", args=[chargeback.id]), {"response": "evidence", "statement": "x"}, follow=True
    ).content.decode()
    assert "no answer to a chargeback" in page
    client.post(reverse("claims:respond", args=[chargeback.id]), {"response": "refund_full"})
    chargeback.refresh_from_db()
    assert (chargeback.response, chargeback.refund_amount) == ("refund_full", Decimal("45.99"))


def test_a_decision_charged_to_the_seller_is_appealed_or_accepted(client, agent, account, order):
    claim = open_claim(account, order)
    client.force_login(agent)
    client.post(reverse("claims:outcome", args=[claim.id]), {"outcome": "granted_seller", "amount": "45.99"})
    claim.refresh_from_db()
    assert claim.outcome == Outcome.GRANTED_SELLER and claim.case.status == CaseStatus.OPEN
    appeal = Deadline.objects.get(case=claim.case, kind="claim_appeal")
    client.post(reverse("claims:appeal", args=[claim.id]), {"note": "UPS shows it signed for."})
    appeal.refresh_from_db()
    claim.refresh_from_db()
    assert appeal.state == DeadlineState.MET and claim.status == ClaimStatus.APPEALED
    assert claim.case.status == CaseStatus.WAITING

    claim_decide(claim=claim, outcome=Outcome.GRANTED_SELLER, at=timezone.now())  # the appeal failed
    client.post(reverse("claims:accept", args=[claim.id]))
    claim.refresh_from_db()
    assert claim.case.status == CaseStatus.CLOSED


def test_a_no_show_package_shows_the_playbook_and_runs_a_follow_up_clock(client, agent, account, order):
    claim = open_claim(account, order)
    client.force_login(agent)
    case_url = reverse("helpdesk:case", args=[claim.case_id])
    assert 'data-testid="no-show"' not in client.get(case_url).content.decode()
    delivered = timezone.localtime(timezone.now() - timedelta(days=11), account.tzinfo)
    client.post(
        reverse("claims:tracking", args=[claim.id]),
        {"delivered_at": delivered.strftime("%Y-%m-%dT%H:%M"), "signed_by": "FRONT DOOR"},
    )
    page = client.get(case_url).content.decode()
    assert 'data-testid="no-show"' in page and "check with neighbours" in page and "FRONT DOOR" in page
    client.post(reverse("claims:follow_up_start", args=[claim.id]))
    follow_up = Deadline.objects.get(case=claim.case, kind="claim_follow_up")
    assert follow_up.due_at - follow_up.started_at == timedelta(days=2)
    client.post(reverse("claims:follow_up_done", args=[claim.id]), {"note": "A neighbour had it."})
    follow_up.refresh_from_db()
    assert follow_up.state == DeadlineState.MET
    assert Claim.objects.get().status == ClaimStatus.OPEN  # the signal acted on nothing by itself


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(BytesIO(data)).pages)


def test_the_evidence_pdf_holds_the_tracking_number_and_the_thread(client, agent, account, order):
    thread(account, order, [(Direction.IN, "Where is my parcel?"), (Direction.CALL, "Called the buyer: no answer.")])
    claim = open_claim(account, order, kind="chargeback")
    client.force_login(agent)
    response = client.get(reverse("claims:evidence_pdf", args=[claim.id]))
    assert response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"]
    text = pdf_text(response.content)
    assert TRACKING in text and "Where is my parcel?" in text and "Called the buyer: no answer." in text


@pytest.mark.parametrize("size", [1, 40])
def test_the_evidence_page_reads_a_long_thread_in_as_few_queries_as_a_short_one(client, agent, account, order, size):
    thread(account, order, [(Direction.IN if i % 2 else Direction.OUT, f"message {i}") for i in range(size)])
    claim = open_claim(account, order)
    client.force_login(agent)
    url = reverse("claims:evidence", args=[claim.id])
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        page = client.get(url).content.decode()
    assert f"message {size - 1}" in page
    # 10 whatever the thread's length (the viewer's time-zone preference comes with the signed-in user).
    assert len(queries) == 10, [q["sql"][:80] for q in queries]
